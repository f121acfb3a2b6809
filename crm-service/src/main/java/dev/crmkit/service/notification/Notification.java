package dev.crmkit.service.notification;

import dev.crmkit.core.contact.ContactId;

import java.util.Objects;

/**
 * A message crmkit asks the host to deliver to a person: which kind, to whom, and the text. Immutable and thread-safe.
 *
 * @param kind      why it is sent
 * @param recipient who receives it (the customer, or the contact person present at the site)
 * @param subject   a one-line summary
 * @param text      the message
 */
public record Notification(Kind kind, ContactId recipient, String subject, String text) {

    /** Why a notification is sent. */
    public enum Kind {
        /** A visit was scheduled. */
        VISIT_SCHEDULED,
        /** A service falls due soon. */
        SERVICE_REMINDER,
        /** A visit was completed. */
        VISIT_COMPLETED
    }

    /** Checks every part is present. */
    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
