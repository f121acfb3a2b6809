package dev.crmkit.core.merge;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of merges. A store implements it over every table it holds that refers to contacts (leads, tasks,
 * the timeline, and crm-pipeline's deals when the store holds them), so a merge re-points all of them in the unit of
 * work of the merge, and an unmerge puts them back. Every method takes part in the running unit of work.
 */
public interface ContactMerges {

    /**
     * Merges one contact away into the survivor: frees its e-mails and phones (so the survivor can take them), drops
     * it from the lists, counts and company lists of contacts, makes {@code Contacts.findById} and
     * {@code Contacts.lockById} of its id return the survivor (also for contacts merged into it before), and
     * re-points every record that refers to it to the survivor, raising the version of each versioned one so that a
     * node holding a copy read before the merge cannot write the old reference back.
     *
     * @param merged   the contact merged away, as stored
     * @param survivor the survivor
     * @param merge    the merge this is part of
     * @return every record re-pointed
     */
    List<Repointed> retire(Contact merged, ContactId survivor, MergeId merge);

    /** Stores a new merge record. */
    void save(ContactMerge merge);

    /** The merge record with this id. */
    Optional<ContactMerge> find(MergeId id);

    /**
     * Why the re-pointed records of a merge cannot be put back: one line per record whose version moved on since the
     * merge, or that no longer refers to the survivor. Empty when all can be.
     */
    List<String> conflicts(ContactMerge merge);

    /**
     * Undoes a merge whose {@link #conflicts} are none and whose survivor is still at
     * {@link ContactMerge#survivorVersionAfter()}: the survivor is stored exactly as it was before (version included),
     * the merged-away contacts exist again exactly as they were with their e-mails and phones, every re-pointed record
     * refers to its contact again at its version before the merge, the aliases of the merge are gone, and the record is
     * marked as undone.
     *
     * @return the record marked as undone
     */
    ContactMerge undo(ContactMerge merge, Instant at);

    /** A port for stores that cannot merge: every call fails with an {@link UnsupportedOperationException}. */
    static ContactMerges unsupported() {
        return Unsupported.INSTANCE;
    }

    /** The port of {@link #unsupported()}. */
    enum Unsupported implements ContactMerges {
        /** The one instance. */
        INSTANCE;

        private static UnsupportedOperationException fail() {
            return new UnsupportedOperationException("this store keeps no merges; crmkit's stores do");
        }

        @Override
        public List<Repointed> retire(Contact merged, ContactId survivor, MergeId merge) {
            throw fail();
        }

        @Override
        public void save(ContactMerge merge) {
            throw fail();
        }

        @Override
        public Optional<ContactMerge> find(MergeId id) {
            throw fail();
        }

        @Override
        public List<String> conflicts(ContactMerge merge) {
            throw fail();
        }

        @Override
        public ContactMerge undo(ContactMerge merge, Instant at) {
            throw fail();
        }
    }
}
