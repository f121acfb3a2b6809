package dev.crmkit.kit.archive;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.merge.MergeId;

import java.util.Objects;

/**
 * A merged-away company id and the survivor it resolves to now, with the merge that merged it away: the alias a store
 * keeps so that a read by the merged-away id returns the survivor. Keyed by the merged-away id.
 *
 * @param merged   the merged-away company's id
 * @param survivor the company it resolves to, always the final survivor of a chain of merges
 * @param merge    the merge that merged it away (still in force)
 */
public record CompanyAlias(CompanyId merged, CompanyId survivor, MergeId merge) {

    /** Checks presence. */
    public CompanyAlias {
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(merge, "merge");
    }
}
