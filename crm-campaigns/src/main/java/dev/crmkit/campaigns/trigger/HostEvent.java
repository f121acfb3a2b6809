package dev.crmkit.campaigns.trigger;

import java.time.Instant;
import java.util.Objects;

/**
 * An event the host reports about a contact: an order placed, a cart abandoned, a payment due or received.
 * Immutable and thread-safe.
 *
 * @param contactId the contact
 * @param type      the event's type ({@code order-placed}, {@code cart-abandoned}, {@code payment-due},
 *                  {@code payment-received}, or the host's own)
 * @param at        when it happened
 * @param reference what it is about (an order or invoice number), which ties a cancelling event to its event
 */
public record HostEvent(String contactId, String type, Instant at, String reference) {

    /** Checks the parts are there. */
    public HostEvent {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reference, "reference");
    }
}
