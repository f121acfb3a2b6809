package dev.crmkit.campaigns.sequence;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact's way through a sequence. Immutable and thread-safe.
 *
 * @param contactId  the contact
 * @param sequence   the sequence's name
 * @param enrolledAt when it was enrolled: signals before are not counted
 * @param step       the index of the next step
 * @param nextAt     when the next step is due
 * @param status     where it stands
 * @param endReason  why it ended, empty while active
 */
public record Enrollment(String contactId, String sequence, Instant enrolledAt, int step, Instant nextAt,
        EnrollmentStatus status, String endReason) {

    /** Checks the parts are there. */
    public Enrollment {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(nextAt, "nextAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endReason, "endReason");
    }

    /** The idempotency key of the message a step sends: the same for the same contact, enrollment and step. */
    public String stepKey(int index) {
        return contactId + "/sequence:" + sequence + "/" + enrolledAt + "/" + index;
    }

    Enrollment at(int nextStep, Instant due) {
        return new Enrollment(contactId, sequence, enrolledAt, nextStep, due, status, endReason);
    }

    Enrollment ended(EnrollmentStatus how, String reason) {
        return new Enrollment(contactId, sequence, enrolledAt, step, nextAt, how, reason);
    }
}
