package dev.crmkit.core.merge;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one merge of companies, kept on the survivor's timeline (entry {@link #activityId()}) and in the
 * store: the survivor and the merged-away companies as they were, the contacts whose affiliations changed as they
 * were, and every other record re-pointed, which is what {@link CompanyMerging#unmerge} needs to put everything back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id                   the merge's identity
 * @param survivorBefore       the survivor as it was stored before the merge
 * @param survivorVersionAfter the survivor's stored version right after the merge
 * @param mergedAway           the merged-away companies as they were stored before the merge, at least one
 * @param contactsBefore       the contacts affiliated with a merged-away company, as they were before the merge
 * @param repointed            the records re-pointed from a merged-away company to the survivor (contacts included,
 *                             with their version after the merge)
 * @param activityId           the merge's entry on the survivor's timeline
 * @param mergedAt             when
 * @param undoneAt             when it was undone, if it was
 */
public record CompanyMerge(MergeId id, Company survivorBefore, long survivorVersionAfter, List<Company> mergedAway,
                           List<Contact> contactsBefore, List<Repointed> repointed, ActivityId activityId,
                           Instant mergedAt, Optional<Instant> undoneAt)
        implements MergeRecord<Company, CompanyId> {

    /** Validates presence and copies the lists. */
    public CompanyMerge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(survivorBefore, "survivorBefore");
        mergedAway = List.copyOf(mergedAway);
        contactsBefore = List.copyOf(contactsBefore);
        repointed = List.copyOf(repointed);
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(mergedAt, "mergedAt");
        Objects.requireNonNull(undoneAt, "undoneAt");
        if (mergedAway.isEmpty()) {
            throw new IllegalArgumentException("a merge merges away at least one company");
        }
    }

    /** The survivor. */
    public CompanyId survivor() {
        return survivorBefore.id();
    }

    /** The ids of the merged-away companies, in the order they were merged. */
    public List<CompanyId> mergedIds() {
        return mergedAway.stream().map(Company::id).toList();
    }

    /** A copy marked as undone at a time. */
    public CompanyMerge undone(Instant at) {
        return new CompanyMerge(id, survivorBefore, survivorVersionAfter, mergedAway, contactsBefore, repointed,
                activityId, mergedAt, Optional.of(at));
    }
}
