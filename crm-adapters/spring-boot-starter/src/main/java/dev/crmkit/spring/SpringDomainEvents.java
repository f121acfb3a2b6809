package dev.crmkit.spring;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes crmkit's domain events to Spring's {@link ApplicationEventPublisher} as the event objects themselves, so
 * {@code @EventListener} and {@code @TransactionalEventListener} methods taking {@code LeadCaptured},
 * {@code DealEvent} or {@code DomainEvent} receive them. The store calls it after the commit.
 */
final class SpringDomainEvents implements DomainEvents {

    private final ApplicationEventPublisher publisher;

    SpringDomainEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(DomainEvent event) {
        publisher.publishEvent(event);
    }
}
