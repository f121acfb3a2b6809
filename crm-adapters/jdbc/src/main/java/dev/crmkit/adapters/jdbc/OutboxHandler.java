package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.DomainEvents;

import java.util.Objects;

/**
 * Receives the events the {@link OutboxRelay} delivers, one at a time and in outbox order. Returning normally
 * accepts the event (the relay marks it delivered); throwing refuses it: the relay stops at that event and delivers
 * it again, with the ones after it, in a later round.
 *
 * <p>Delivery is <b>at least once</b>: an event is delivered again if the relay dies, or its transaction fails, after
 * the handler accepted it but before the mark committed. A handler must therefore be idempotent, for example by
 * remembering the highest {@link OutboxMessage#seq()} it processed, or by keying its effects on the event's content.
 */
@FunctionalInterface
public interface OutboxHandler {

    /**
     * Handles one event.
     *
     * @throws Exception to refuse the event, which stays pending together with every later one
     */
    void handle(OutboxMessage message) throws Exception;

    /**
     * A handler that publishes each event, read back as the {@link dev.crmkit.core.kernel.DomainEvent} it was, to a
     * subscriber, so the subscriber an application passes to {@code JdbcCrmStore.events(...)} can be fed from the
     * outbox as well. An exception of the subscriber refuses the event.
     */
    static OutboxHandler publishingTo(DomainEvents subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        return message -> subscriber.publish(message.event());
    }
}
