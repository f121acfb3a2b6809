package dev.crmkit.core.merge;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.ContactId;

import java.util.List;
import java.util.Objects;

/** What an unmerge came to: undone, or refused with what conflicts. */
public sealed interface UnmergeOutcome {

    /**
     * The merge was undone: the survivor, the merged-away contacts and every re-pointed record are as they were.
     *
     * @param merge    the merge record, now marked as undone
     * @param restored   the contacts that exist again
     * @param activityId the unmerge's entry on the timelines of the survivor and the restored contacts
     */
    record Unmerged(ContactMerge merge, List<ContactId> restored, ActivityId activityId) implements UnmergeOutcome {
        /** Validates presence and copies the list. */
        public Unmerged {
            Objects.requireNonNull(merge, "merge");
            restored = List.copyOf(restored);
            Objects.requireNonNull(activityId, "activityId");
        }
    }

    /**
     * Nothing was changed, because of these conflicts (a record changed since the merge, the merge is unknown or
     * already undone, the survivor was merged again).
     *
     * @param merge     the merge asked for
     * @param conflicts at least one, each naming the record and what changed
     */
    record Refused(MergeId merge, List<String> conflicts) implements UnmergeOutcome {
        /** Copies the conflicts. */
        public Refused {
            Objects.requireNonNull(merge, "merge");
            conflicts = List.copyOf(conflicts);
            if (conflicts.isEmpty()) {
                throw new IllegalArgumentException("a refusal has at least one conflict");
            }
        }
    }
}
