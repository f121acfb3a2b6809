package dev.crmkit.campaigns.sequence;

import java.util.Objects;

/** What came of enrolling a contact in a sequence: enrolled, or refused by the sequence's {@link ReEntry} rule. */
public sealed interface Enrolling permits Enrolling.Enrolled, Enrolling.Refused {

    /**
     * The contact is enrolled.
     *
     * @param enrollment the new enrollment
     */
    record Enrolled(Enrollment enrollment) implements Enrolling {
        /** Checks the enrollment is there. */
        public Enrolled {
            Objects.requireNonNull(enrollment, "enrollment");
        }
    }

    /**
     * The re-entry rule refused.
     *
     * @param contactId the contact
     * @param sequence  the sequence's name
     * @param reason    why, naming the earlier enrollment
     */
    record Refused(String contactId, String sequence, String reason) implements Enrolling {
        /** Checks the parts are there. */
        public Refused {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
