package dev.crmkit.core.merge;

import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of lead merges. A store implements it over every table it holds that refers to leads: tasks and
 * timeline entries about a lead, and crm-pipeline's deals converted from one when the store holds them. A merged-away
 * lead gives up its external ids (the survivor takes them over) and leaves lists, counts and the open-lead look-ups by
 * e-mail and phone; a read by its id returns the survivor.
 */
public interface LeadMerges extends RecordMerges<Lead, LeadId, LeadMerge> {

    /**
     * The merge in force that merged this lead away (its {@link LeadMerge#mergedAway()} holds the lead as it was
     * before): what a person's data export shows of a lead of theirs merged into another person's lead. Empty when
     * the lead was never merged away or its merge was undone.
     */
    Optional<LeadMerge> findByMergedAway(LeadId lead);

    /**
     * The merges in force whose survivor is this lead, oldest first (then by id): what a person's data export and
     * erasure read to tell the timeline entries moved to a lead of theirs from another person's lead. Empty when none.
     *
     * <p>Added after the port was published, so a default keeps a host's own implementation compiling and running:
     * it throws {@link UnsupportedOperationException} rather than answer "none", because an empty answer would be
     * taken as a fact. The export and the erasure then treat no entry as moved by a lead merge (as before this
     * method): each entry counts for the records it is about now. A store that keeps lead merges should override it.
     *
     * @throws UnsupportedOperationException unless the store overrides it
     */
    default List<LeadMerge> findBySurvivor(LeadId lead) {
        throw new UnsupportedOperationException("this store does not list lead merges by survivor");
    }

    /** A port for stores that cannot merge leads: every call fails (UnsupportedOperationException). */
    static LeadMerges unsupported() {
        return Unsupported.INSTANCE;
    }

    /** The port of {@link #unsupported()}. */
    enum Unsupported implements LeadMerges {
        /** The one instance. */
        INSTANCE;

        private static UnsupportedOperationException fail() {
            return new UnsupportedOperationException("this store keeps no lead merges");
        }

        @Override
        public List<Repointed> retire(Lead merged, LeadId survivor, MergeId merge) {
            throw fail();
        }

        @Override
        public Optional<LeadMerge> findByMergedAway(LeadId lead) {
            throw fail();
        }

        @Override
        public List<LeadMerge> findBySurvivor(LeadId lead) {
            throw fail();
        }

        @Override
        public void save(LeadMerge merge) {
            throw fail();
        }

        @Override
        public Optional<LeadMerge> find(MergeId id) {
            throw fail();
        }

        @Override
        public List<String> conflicts(LeadMerge merge) {
            throw fail();
        }

        @Override
        public LeadMerge undo(LeadMerge merge, Instant at) {
            throw fail();
        }
    }
}
