package dev.crmkit.kit.archive;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.merge.MergeId;

import java.util.Objects;

/**
 * A merged-away contact id and the survivor it resolves to now, with the merge that merged it away: the alias a
 * store keeps so that a read by the merged-away id returns the survivor. Keyed by the merged-away id.
 *
 * @param merged   the merged-away contact's id
 * @param survivor the contact it resolves to, always the final survivor of a chain of merges
 * @param merge    the merge that merged it away (still in force)
 */
public record ContactAlias(ContactId merged, ContactId survivor, MergeId merge) {

    /** Checks presence. */
    public ContactAlias {
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(merge, "merge");
    }
}
