package dev.crmkit.core.kernel;

import java.time.Instant;

/**
 * Something that happened to an aggregate. Each aggregate has a sealed sub-interface of records
 * ({@code LeadEvent}, {@code ContactEvent}, ...), published through {@link DomainEvents}.
 */
public interface DomainEvent {

    /** The id of the aggregate the event belongs to; events of one aggregate are delivered in order. */
    String aggregateId();

    /** When it happened, from the injected clock. */
    Instant occurredAt();
}
