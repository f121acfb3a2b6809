package dev.crmkit.core.merge;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.DomainEvent;

import java.time.Instant;
import java.util.List;

/** What happens to merges; the aggregate is the survivor. */
public sealed interface MergeEvent extends DomainEvent {

    /** The merge. */
    MergeId mergeId();

    /** The survivor. */
    ContactId survivor();

    @Override
    default String aggregateId() {
        return survivor().toString();
    }

    /**
     * Contacts were merged into a survivor.
     *
     * @param mergeId    the merge
     * @param survivor   the survivor
     * @param mergedAway the contacts merged away, which now resolve to the survivor
     * @param repointed  how many related records were re-pointed
     * @param occurredAt when
     */
    record ContactsMerged(MergeId mergeId, ContactId survivor, List<ContactId> mergedAway, int repointed,
                          Instant occurredAt) implements MergeEvent {
        /** Copies the list. */
        public ContactsMerged {
            mergedAway = List.copyOf(mergedAway);
        }
    }

    /**
     * A merge was undone.
     *
     * @param mergeId    the merge
     * @param survivor   the survivor of the merge
     * @param restored   the contacts that exist again
     * @param occurredAt when
     */
    record ContactsUnmerged(MergeId mergeId, ContactId survivor, List<ContactId> restored, Instant occurredAt)
            implements MergeEvent {
        /** Copies the list. */
        public ContactsUnmerged {
            restored = List.copyOf(restored);
        }
    }
}
