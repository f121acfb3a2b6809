package dev.crmkit.core.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * A reference to one record of any type, for timelines and tasks that can belong to several kinds of record.
 * Immutable and thread-safe; {@link #toString()} writes {@code contact:<uuid>}, which {@link #parse(String)} reads.
 *
 * @param type the kind of record
 * @param id   its id
 */
public record RecordRef(RecordType type, UUID id) {

    /** Validates the parts. */
    public RecordRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** Reads {@code type:uuid}. */
    public static RecordRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a record reference is 'type:uuid': " + text);
        }
        return new RecordRef(RecordType.valueOf(text.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
                UUID.fromString(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
