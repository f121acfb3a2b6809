package dev.crmkit.core.merge;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one merge of leads, kept on the survivor's timeline (entry {@link #activityId()}) and in the store:
 * the survivor and the merged-away leads as they were, and every record re-pointed (timeline entries, tasks, deals
 * converted from a merged-away lead, earlier aliases), which is what {@link LeadMerging#unmerge} needs to put
 * everything back exactly.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id                   the merge's identity
 * @param survivorBefore       the survivor as it was stored before the merge
 * @param survivorVersionAfter the survivor's stored version right after the merge
 * @param mergedAway           the merged-away leads as they were stored before the merge, at least one
 * @param repointed            the records re-pointed from a merged-away lead to the survivor
 * @param activityId           the merge's entry on the survivor's timeline
 * @param mergedAt             when
 * @param undoneAt             when it was undone, if it was
 */
public record LeadMerge(MergeId id, Lead survivorBefore, long survivorVersionAfter, List<Lead> mergedAway,
                        List<Repointed> repointed, ActivityId activityId, Instant mergedAt,
                        Optional<Instant> undoneAt) implements MergeRecord<Lead, LeadId> {

    /** Validates presence and copies the lists. */
    public LeadMerge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(survivorBefore, "survivorBefore");
        mergedAway = List.copyOf(mergedAway);
        repointed = List.copyOf(repointed);
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(mergedAt, "mergedAt");
        Objects.requireNonNull(undoneAt, "undoneAt");
        if (mergedAway.isEmpty()) {
            throw new IllegalArgumentException("a merge merges away at least one lead");
        }
    }

    /** The survivor. */
    @Override
    public LeadId survivor() {
        return survivorBefore.id();
    }

    /** The ids of the merged-away leads, in the order they were merged. */
    @Override
    public List<LeadId> mergedIds() {
        return mergedAway.stream().map(Lead::id).toList();
    }

    /** A copy marked as undone at a time. */
    public LeadMerge undone(Instant at) {
        return new LeadMerge(id, survivorBefore, survivorVersionAfter, mergedAway, repointed, activityId, mergedAt,
                Optional.of(at));
    }
}
