package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.DomainEvent;

import java.time.Instant;
import java.util.Objects;

/**
 * The event the built-in {@link Actions#publish(String) publish} action sends when a deal enters a stage.
 *
 * @param topic       the topic the pipeline's author chose
 * @param aggregateId the deal's id
 * @param stage       the stage entered
 * @param occurredAt  when
 */
public record StageSignal(String topic, String aggregateId, String stage, Instant occurredAt) implements DomainEvent {

    /** Validates presence. */
    public StageSignal {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
