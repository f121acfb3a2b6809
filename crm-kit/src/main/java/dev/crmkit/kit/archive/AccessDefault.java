package dev.crmkit.kit.archive;

import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.kernel.RecordType;

import java.util.Objects;

/**
 * The default access of one record type as an access directory keeps it, for the export: keyed by the type's name.
 *
 * @param type   the record type
 * @param access who reaches its records without a role scope or a share
 */
public record AccessDefault(RecordType type, DefaultAccess access) {

    /** Checks both parts are given. */
    public AccessDefault {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
    }
}
