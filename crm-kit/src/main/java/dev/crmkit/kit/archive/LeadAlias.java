package dev.crmkit.kit.archive;

import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.MergeId;

import java.util.Objects;

/**
 * A merged-away lead id and the survivor it resolves to now, with the merge that merged it away: the alias a store
 * keeps so that a read by the merged-away id returns the survivor. Keyed by the merged-away id.
 *
 * @param merged   the merged-away lead's id
 * @param survivor the lead it resolves to, always the final survivor of a chain of merges
 * @param merge    the merge that merged it away (still in force)
 */
public record LeadAlias(LeadId merged, LeadId survivor, MergeId merge) {

    /** Checks presence. */
    public LeadAlias {
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(merge, "merge");
    }
}
