package dev.crmkit.campaigns.sequence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The stored enrollments of every sequence, shared by every node (adapters: {@code InMemoryEnrollments},
 * {@code JdbcEnrollments}). Enrolling checks the sequence's {@link ReEntry} rule against the contact's earlier
 * enrollments and records the new one as one step per contact and sequence, so two nodes never enroll a contact twice
 * where the rule forbids it. An advance is recorded only over the state it started from, so of two nodes advancing
 * one enrollment, one records it and the other learns it lost. A node that executes an enrollment's steps first
 * {@linkplain #claimDue claims} it under a lease, so one node at a time acts on it. Instants are kept to the
 * microsecond, leases to the millisecond. Implementations are thread-safe and safe across nodes.
 */
public interface Enrollments {

    /**
     * Enrolls the contact in the sequence at {@code at} (truncated to the microsecond), unless the sequence's re-entry
     * rule refuses given the contact's stored enrollments in it.
     */
    Enrolling enroll(Sequence sequence, String contactId, Instant at);

    /** The contact's enrollments in the sequence, earliest first. */
    List<Enrollment> of(String contactId, String sequence);

    /**
     * Up to {@code max} active enrollments in the sequence whose next step is due by {@code now}, earliest due first.
     */
    List<Enrollment> due(String sequence, Instant now, int max);

    /**
     * Records {@code after} in place of {@code before} (the same contact, sequence and start) if the stored enrollment
     * is still {@code before}; false, and nothing changes, when another node recorded an advance first.
     *
     * @throws IllegalArgumentException if {@code after} is not the same enrollment as {@code before}
     */
    boolean update(Enrollment before, Enrollment after);

    /**
     * Claims for {@code node} up to {@code max} active enrollments in the sequence whose next step is due by
     * {@code now} and that no node holds under a live lease at {@code now} (a lease that ended before {@code now}
     * has run out); each claimed enrollment's lease runs until {@code now + lease}. Earliest due first. Of two
     * nodes claiming together, each enrollment goes to one of them; a node that dies holding a claim loses it when its
     * lease runs out, and another node claims the enrollment then. The {@code SequenceRunner} claims this way.
     */
    List<Enrollment> claimDue(String sequence, String node, Instant now, Duration lease, int max);

    /**
     * Records {@code after} in place of {@code before} and gives up the claim, if the stored enrollment is still
     * {@code before} and {@code node} still holds its claim (its lease may have run out, so long as no other node
     * claimed it since); false, and nothing changes, otherwise.
     *
     * @throws IllegalArgumentException if {@code after} is not the same enrollment as {@code before}
     */
    boolean advance(Enrollment before, Enrollment after, String node);

    /**
     * Gives up {@code node}'s claim of the enrollment without changing it, so any node may claim it again at once;
     * false, and nothing changes, when the node does not hold it.
     */
    boolean release(Enrollment enrollment, String node);

    /**
     * Checks that {@code after} is an advance of {@code before}: the same contact, sequence and start.
     *
     * @throws IllegalArgumentException if it is not
     */
    static void checkSameEnrollment(Enrollment before, Enrollment after) {
        java.util.Objects.requireNonNull(before, "before");
        java.util.Objects.requireNonNull(after, "after");
        if (!before.contactId().equals(after.contactId()) || !before.sequence().equals(after.sequence())
                || !before.enrolledAt().equals(after.enrolledAt())) {
            throw new IllegalArgumentException("an update must keep the contact, sequence and start of "
                    + before + ", was " + after);
        }
    }
}
