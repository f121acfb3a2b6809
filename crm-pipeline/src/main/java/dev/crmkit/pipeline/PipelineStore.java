package dev.crmkit.pipeline;

import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.definition.Pipelines;

/**
 * The storage of crm-pipeline's own ports. It sits beside a {@link dev.crmkit.core.CrmStore} and shares its units of
 * work: {@link #transactions()} must be the very same units of work as the CrmStore's, so that a move writes the deal,
 * its history, its timeline entries and its tasks atomically. The host therefore passes one store object that
 * implements both interfaces, as crm-adapters' in-memory and JDBC stores do; {@link DealPipeline.Builder#build()}
 * refuses two stores whose units of work differ. Implementations are thread-safe.
 */
public interface PipelineStore {

    /** The pipeline definitions. */
    Pipelines pipelines();

    /** The deals. */
    Deals deals();

    /** The stage history. */
    StageHistory stageHistory();

    /**
     * The deal list restricted by an actor's access, which {@link DealPipeline#as} reads through. The default fails
     * with an {@link UnsupportedOperationException}; crmkit's stores push the restriction into their queries.
     */
    default dev.crmkit.pipeline.deal.VisibleDeals visibleDeals() {
        throw new UnsupportedOperationException("this store does not restrict its deals by access");
    }

    /** Units of work over all of the above, the same as the CrmStore's. */
    Transactions transactions();
}
