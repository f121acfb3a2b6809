package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.definition.PipelineId;

import java.time.Instant;
import java.util.Optional;

/** What happens to deals. */
public sealed interface DealEvent extends DomainEvent {

    /** The deal. */
    DealId dealId();

    @Override
    default String aggregateId() {
        return dealId().toString();
    }

    /**
     * A deal was opened.
     *
     * @param dealId     the deal
     * @param pipelineId its pipeline
     * @param stage      the stage it starts in
     * @param occurredAt when
     */
    record DealOpened(DealId dealId, PipelineId pipelineId, String stage, Instant occurredAt) implements DealEvent {
    }

    /**
     * A deal moved to another stage.
     *
     * @param dealId     the deal
     * @param pipelineId its pipeline
     * @param from       the stage it left
     * @param to         the stage it entered
     * @param by         who moved it
     * @param occurredAt when
     */
    record DealMoved(DealId dealId, PipelineId pipelineId, String from, String to, UserId by, Instant occurredAt)
            implements DealEvent {
    }

    /**
     * A deal was won.
     *
     * @param dealId     the deal
     * @param amount     its amount, if known
     * @param occurredAt when
     */
    record DealWon(DealId dealId, Optional<Money> amount, Instant occurredAt) implements DealEvent {
    }

    /**
     * A deal was lost.
     *
     * @param dealId     the deal
     * @param reason     why, if given
     * @param occurredAt when
     */
    record DealLost(DealId dealId, Optional<String> reason, Instant occurredAt) implements DealEvent {
    }

    /**
     * A deal's details changed (amount, documents, approvals, owner...).
     *
     * @param dealId     the deal
     * @param version    its new version
     * @param occurredAt when
     */
    record DealChanged(DealId dealId, long version, Instant occurredAt) implements DealEvent {
    }
}
