package dev.crmkit.core.merge;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one merge of contacts, kept on the survivor's timeline (entry {@link #activityId()}) and in the store:
 * the survivor as it was before, the merged-away contacts as they were, and every record that was re-pointed, which is
 * what {@link ContactMerging#unmerge} needs to put everything back exactly.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id                   the merge's identity
 * @param survivorBefore       the survivor as it was stored before the merge
 * @param survivorVersionAfter the survivor's stored version right after the merge
 * @param mergedAway           the merged-away contacts as they were stored before the merge, at least one
 * @param repointed            the records re-pointed from a merged-away contact to the survivor
 * @param activityId           the merge's entry on the survivor's timeline
 * @param mergedAt             when
 * @param undoneAt             when it was undone, if it was
 */
public record ContactMerge(MergeId id, Contact survivorBefore, long survivorVersionAfter, List<Contact> mergedAway,
                           List<Repointed> repointed, ActivityId activityId, Instant mergedAt,
                           Optional<Instant> undoneAt)
        implements MergeRecord<Contact, ContactId> {

    /** Validates presence and copies the lists. */
    public ContactMerge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(survivorBefore, "survivorBefore");
        mergedAway = List.copyOf(mergedAway);
        repointed = List.copyOf(repointed);
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(mergedAt, "mergedAt");
        Objects.requireNonNull(undoneAt, "undoneAt");
        if (mergedAway.isEmpty()) {
            throw new IllegalArgumentException("a merge merges away at least one contact");
        }
    }

    /** The survivor. */
    public ContactId survivor() {
        return survivorBefore.id();
    }

    /** The ids of the merged-away contacts, in the order they were merged. */
    public List<ContactId> mergedIds() {
        return mergedAway.stream().map(Contact::id).toList();
    }

    /** A copy marked as undone at a time. */
    public ContactMerge undone(Instant at) {
        return new ContactMerge(id, survivorBefore, survivorVersionAfter, mergedAway, repointed, activityId, mergedAt,
                Optional.of(at));
    }
}
