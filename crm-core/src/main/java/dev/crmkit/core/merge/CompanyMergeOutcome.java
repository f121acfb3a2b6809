package dev.crmkit.core.merge;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.kernel.Violation;

import java.util.List;
import java.util.Objects;

/** What {@link CompanyMerging} did: merged, unmerged, or refused with every reason. */
public sealed interface CompanyMergeOutcome {

    /**
     * The companies were merged.
     *
     * @param merge    the merge record
     * @param survivor the survivor as stored after the merge
     */
    record Merged(CompanyMerge merge, Company survivor) implements CompanyMergeOutcome {
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
    record Unmerged(CompanyMerge merge, ActivityId activityId) implements CompanyMergeOutcome {
        /** Validates presence. */
        public Unmerged {
            Objects.requireNonNull(merge, "merge");
            Objects.requireNonNull(activityId, "activityId");
        }
    }

    /**
     * Nothing was stored.
     *
     * @param reasons    every reason, naming the field and the rule (for an unmerge the field is {@code merge})
     */
    record Refused(List<Violation> reasons) implements CompanyMergeOutcome {
        /** Copies the list, which is never empty. */
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }
    }
}
