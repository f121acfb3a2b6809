package dev.crmkit.adapters.json.export;

import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.Archive;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One record type of an export: its name (which is also its file's name, {@code <name>.jsonl}), its Java type, and
 * where a store keeps its rows. A module that adds record types to crmkit adds one of these to
 * {@link ExportFormat#with}.
 *
 * @param name    the record type's name in the export: lower-case letters, digits and hyphens, from a letter
 * @param type    the record's Java type, written and read with crmkit's Jackson module
 * @param archive the archive of a store's records of this type
 * @param <T>     the record type
 */
public record RecordFormat<T>(String name, Class<T> type, Function<CrmkitStore, Archive<T>> archive) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,99}");

    /** Checks the name. */
    public RecordFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(archive, "archive");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1 to 100 lower-case letters, digits and hyphens from a "
                    + "letter: '" + name + "'");
        }
    }

    /** The file of this record type in an export folder: {@code <name>.jsonl}. */
    public String file() {
        return name + ".jsonl";
    }
}
