package dev.crmkit.core.kernel;

import java.util.List;

/**
 * The port through which crmkit publishes its domain events. Events are published inside the unit of work that
 * caused them; a store's implementation decides when they leave it (the in-memory store hands them on after commit
 * and drops them on rollback).
 */
@FunctionalInterface
public interface DomainEvents {

    /** Publishes one event. */
    void publish(DomainEvent event);

    /** Publishes events in order. */
    default void publishAll(List<? extends DomainEvent> events) {
        events.forEach(this::publish);
    }

    /** A publisher that discards every event. */
    static DomainEvents discarding() {
        return event -> { };
    }
}
