package dev.crmkit.campaigns.trigger;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The events the host reports about its contacts (a lead captured, a stage entered, an order placed, a cart
 * abandoned, a payment due or received), stored so that event-triggered campaigns ({@link EventTrigger}) and
 * sequences can act on them in a later run on any node (adapters: {@code InMemoryCampaignEvents},
 * {@code JdbcCampaignEvents}). Each event is recorded under the host's idempotency key, so a host that reports an
 * event twice (a retried web hook) records it once. Instants are kept to the microsecond. Implementations are
 * thread-safe and safe across nodes.
 */
public interface CampaignEvents {

    /** The event type of a captured lead. */
    String LEAD_CAPTURED = "lead-captured";
    /** The event type of a lead or deal that entered a stage; the reference names the stage. */
    String STAGE_ENTERED = "stage-entered";
    /** The event type of a placed order; the reference is the order number. */
    String ORDER_PLACED = "order-placed";
    /** The event type of an abandoned cart; the reference is the cart, as later placed as an order. */
    String CART_ABANDONED = "cart-abandoned";
    /** The event type of a payment that fell due; the reference is the invoice number. */
    String PAYMENT_DUE = "payment-due";
    /** The event type of a payment received; the reference is the invoice number. */
    String PAYMENT_RECEIVED = "payment-received";

    /**
     * The event types whose messages are one per reference (the order, cart or invoice), so their reference is
     * required: without it two orders would share one message and the second would never be confirmed.
     */
    java.util.Set<String> REFERENCED = java.util.Set.of(ORDER_PLACED, CART_ABANDONED, PAYMENT_DUE, PAYMENT_RECEIVED);

    /**
     * The longest reference: it becomes the occurrence of the messages the event triggers, which the ledger holds in
     * at most 100 characters ({@code campaign_message.occurrence}).
     */
    int MAX_REFERENCE = 100;

    /**
     * Records the event under the key (truncated to the microsecond); false, and nothing changes, when an event with
     * the key is recorded already (even a different one: the first stays).
     *
     * @throws ValidationException as {@link #check} does
     */
    boolean record(String idempotencyKey, HostEvent event);

    /** The events that happened from {@code from} (included) to {@code until} (excluded), earliest first. */
    List<HostEvent> between(Instant from, Instant until);

    /** The contact's events, earliest first. */
    List<HostEvent> of(String contactId);

    /**
     * Checks an event before it is recorded, listing every problem.
     *
     * @throws ValidationException naming {@code idempotencyKey} (blank, or more than 200 characters),
     *                             {@code contactId} (blank or more than 200), {@code type} (not lower-case letters,
     *                             digits and dashes, or more than 100) or {@code reference} (more than
     *                             {@value #MAX_REFERENCE}: the longest occurrence a campaign message can have;
     *                             blank for a type in {@link #REFERENCED}, rule {@code required})
     */
    static void check(String idempotencyKey, HostEvent event) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(event, "event");
        List<Violation> violations = new ArrayList<>();
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            violations.add(new Violation("idempotencyKey", "length", "must be 1 to 200 characters, not blank, was '"
                    + idempotencyKey + "'"));
        }
        if (event.contactId().isBlank() || event.contactId().length() > 200) {
            violations.add(new Violation("contactId", "length", "must be 1 to 200 characters, not blank"));
        }
        if (!event.type().matches("[a-z0-9]+(-[a-z0-9]+)*") || event.type().length() > 100) {
            violations.add(new Violation("type", "format", "must be lower-case letters, digits and dashes, at most "
                    + "100 characters, was '" + event.type() + "'"));
        }
        if (REFERENCED.contains(event.type()) && event.reference().isBlank()) {
            violations.add(new Violation("reference", "required", "must name the order, cart or invoice of a "
                    + event.type() + " event: its message is one per reference"));
        }
        if (event.reference().length() > MAX_REFERENCE) {
            violations.add(new Violation("reference", "length", "must be at most " + MAX_REFERENCE
                    + " characters (it becomes the message's occurrence), was " + event.reference().length()));
        }
        ValidationException.throwIfAny(violations);
    }
}
