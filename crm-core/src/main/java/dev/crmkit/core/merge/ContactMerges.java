package dev.crmkit.core.merge;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of merges of contacts. A store implements it over every table it holds that refers to contacts
 * (leads, tasks, the timeline, and crm-pipeline's deals when the store holds them). A merged-away contact's e-mails
 * and phones are freed, and it leaves the company lists of contacts too; {@code Contacts.lockById} of its id returns
 * the survivor.
 */
public interface ContactMerges extends RecordMerges<Contact, ContactId, ContactMerge> {

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
