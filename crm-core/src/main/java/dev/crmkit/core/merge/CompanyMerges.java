package dev.crmkit.core.merge;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of company merges. A store implements it over every table it holds that refers to companies
 * (contact affiliations, leads, tasks, the timeline, and crm-pipeline's deals when the store holds them). Every
 * method takes part in the running unit of work.
 */
public interface CompanyMerges {

    /**
     * The contacts affiliated with the company, as stored: what {@link #retire} will change, for the merge record.
     */
    List<Contact> affiliatedWith(CompanyId company);

    /**
     * Merges one company away into the survivor: frees its web domain, drops it from the lists and counts of
     * companies, makes {@code Companies.findById} of its id (and of the ids merged into it before) return the
     * survivor, and re-points every record that refers to it, raising the version of each versioned one. A contact
     * affiliated with both keeps its affiliation with the survivor.
     *
     * @return every record re-pointed
     */
    List<Repointed> retire(Company merged, CompanyId survivor, MergeId merge);

    /** Stores a new merge record. */
    void save(CompanyMerge merge);

    /** The merge record with this id. */
    Optional<CompanyMerge> find(MergeId id);

    /**
     * Why the re-pointed records of a merge cannot be put back: one line per record whose version moved on since the
     * merge, or that is gone. Empty when all can be.
     */
    List<String> conflicts(CompanyMerge merge);

    /**
     * Undoes a merge whose {@link #conflicts} are none and whose survivor is still at its version after the merge:
     * the survivor, the merged-away companies, the affiliated contacts and every re-pointed record are stored exactly
     * as they were before, the aliases of the merge are gone, and the record is marked as undone.
     *
     * @return the record marked as undone
     */
    CompanyMerge undo(CompanyMerge merge, Instant at);

    /** A port for stores that cannot merge companies: every call fails (UnsupportedOperationException). */
    static CompanyMerges unsupported() {
        return Unsupported.INSTANCE;
    }

    /** The port of {@link #unsupported()}. */
    enum Unsupported implements CompanyMerges {
        /** The one instance. */
        INSTANCE;

        private static UnsupportedOperationException fail() {
            return new UnsupportedOperationException("this store keeps no company merges");
        }

        @Override
        public List<Contact> affiliatedWith(CompanyId company) {
            throw fail();
        }

        @Override
        public List<Repointed> retire(Company merged, CompanyId survivor, MergeId merge) {
            throw fail();
        }

        @Override
        public void save(CompanyMerge merge) {
            throw fail();
        }

        @Override
        public Optional<CompanyMerge> find(MergeId id) {
            throw fail();
        }

        @Override
        public List<String> conflicts(CompanyMerge merge) {
            throw fail();
        }

        @Override
        public CompanyMerge undo(CompanyMerge merge, Instant at) {
            throw fail();
        }
    }
}
