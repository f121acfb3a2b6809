package dev.crmkit.core.scoring;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.lead.LeadId;

import java.time.Instant;
import java.util.Objects;

/** What scoring changed. Published only on a change, so a batch run over unchanged leads stays quiet. */
public sealed interface ScoreEvent extends DomainEvent {

    /** The lead. */
    LeadId leadId();

    @Override
    default String aggregateId() {
        return leadId().toString();
    }

    /**
     * A lead's score or temperature changed (or it was scored for the first time).
     *
     * @param leadId      the lead
     * @param score       the new score
     * @param temperature the new temperature
     * @param occurredAt  when
     */
    record LeadScoreChanged(LeadId leadId, int score, Temperature temperature, Instant occurredAt)
            implements ScoreEvent {
        /** Validates presence. */
        public LeadScoreChanged {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(temperature, "temperature");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /**
     * A lead moved forward a lifecycle stage (or more).
     *
     * @param leadId     the lead
     * @param from       the stage before
     * @param to         the stage now
     * @param score      the score that crossed the threshold
     * @param occurredAt when
     */
    record LifecycleStageAdvanced(LeadId leadId, LifecycleStage from, LifecycleStage to, int score,
                                  Instant occurredAt) implements ScoreEvent {
        /** Validates presence. */
        public LifecycleStageAdvanced {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
