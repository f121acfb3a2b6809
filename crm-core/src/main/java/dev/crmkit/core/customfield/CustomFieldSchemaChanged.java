package dev.crmkit.core.customfield;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.RecordType;

import java.time.Instant;
import java.util.List;

/**
 * The custom fields of a record type were (re)defined.
 *
 * @param recordType the record type
 * @param fieldKeys  the keys of its fields now
 * @param occurredAt when
 */
public record CustomFieldSchemaChanged(RecordType recordType, List<String> fieldKeys, Instant occurredAt)
        implements DomainEvent {

    /** Copies the keys. */
    public CustomFieldSchemaChanged {
        fieldKeys = List.copyOf(fieldKeys);
    }

    @Override
    public String aggregateId() {
        return "custom-fields:" + recordType.name().toLowerCase(java.util.Locale.ROOT);
    }
}
