package dev.crmkit.campaigns.sequence;

import java.time.Instant;
import java.util.List;

/**
 * The stored enrollments of every sequence, shared by every node (adapters: {@code InMemoryEnrollments},
 * {@code JdbcEnrollments}). Enrolling checks the sequence's {@link ReEntry} rule against the contact's earlier
 * enrollments and records the new one as one step per contact and sequence, so two nodes never enroll a contact twice
 * where the rule forbids it. An advance is recorded only over the state it started from, so of two nodes advancing
 * one enrollment, one records it and the other learns it lost. Instants are kept to the microsecond. Implementations
 * are thread-safe and safe across nodes.
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
