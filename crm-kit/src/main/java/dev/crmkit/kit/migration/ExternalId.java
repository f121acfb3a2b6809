package dev.crmkit.kit.migration;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Which crmkit record a record of another CRM became: the link a migration keeps so that a second run finds what the
 * first brought in, and so that references between the source's files (a deal's company id) resolve. Immutable and
 * thread-safe.
 *
 * @param key        the record in the source system
 * @param recordId   the id of the crmkit record (a contact's, a company's, a deal's, an activity's or a task's id)
 * @param migratedAt when the link was made, from the migration's clock
 */
public record ExternalId(ExternalKey key, UUID recordId, Instant migratedAt) {

    /** Checks presence. */
    public ExternalId {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(migratedAt, "migratedAt");
    }
}
