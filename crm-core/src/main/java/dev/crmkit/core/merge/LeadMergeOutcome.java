package dev.crmkit.core.merge;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Lead;

import java.util.List;
import java.util.Objects;

/** What {@link LeadMerging} did: merged, unmerged, or refused with every reason. */
public sealed interface LeadMergeOutcome {

    /**
     * The leads were merged.
     *
     * @param merge    the merge record
     * @param survivor the survivor as stored after the merge
     */
    record Merged(LeadMerge merge, Lead survivor) implements LeadMergeOutcome {
        /** Validates presence. */
        public Merged {
            Objects.requireNonNull(merge, "merge");
            Objects.requireNonNull(survivor, "survivor");
        }
    }

    /**
     * The merge was undone.
     *
     * @param merge      the merge record, marked as undone
     * @param activityId the unmerge's entry on the timeline
     */
    record Unmerged(LeadMerge merge, ActivityId activityId) implements LeadMergeOutcome {
        /** Validates presence. */
        public Unmerged {
            Objects.requireNonNull(merge, "merge");
            Objects.requireNonNull(activityId, "activityId");
        }
    }

    /**
     * Nothing was stored.
     *
     * @param reasons every reason, naming the field and the rule (for an unmerge the field is {@code merge})
     */
    record Refused(List<Violation> reasons) implements LeadMergeOutcome {
        /** Copies the list, which is never empty. */
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }
    }
}
