package dev.crmkit.campaigns.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One tracking signal about a contact. Immutable and thread-safe.
 *
 * @param contactId  the contact
 * @param type       what happened
 * @param at         when
 * @param messageKey the idempotency key of the message it is about, empty when it is about none (a purchase)
 */
public record Signal(String contactId, SignalType type, Instant at, String messageKey) {

    /** Checks the parts are there. */
    public Signal {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(messageKey, "messageKey");
    }
}
