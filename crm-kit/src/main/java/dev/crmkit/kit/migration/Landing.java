package dev.crmkit.kit.migration;

import java.util.UUID;

/**
 * Where a row landed: created, or merged into an existing record (and what matched).
 *
 * @param outcome   created or merged
 * @param recordId  the crmkit record
 * @param matchedBy for a merge, what matched; empty otherwise
 */
record Landing(RowOutcome outcome, UUID recordId, String matchedBy) {

    static Landing created(UUID id) {
        return new Landing(RowOutcome.CREATED, id, "");
    }

    static Landing merged(UUID id, String matchedBy) {
        return new Landing(RowOutcome.MERGED, id, matchedBy);
    }
}
