package dev.crmkit.pipeline.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.pipeline.PipelineStore;

import java.util.Objects;

/**
 * The store under test, seen through both its interfaces. An adapter's contract test returns
 * {@code Stores.of(store)} for a store object that implements both.
 *
 * @param crm      the store as crm-core sees it
 * @param pipeline the same store as crm-pipeline sees it
 */
public record Stores(CrmStore crm, PipelineStore pipeline) {

    /** Validates presence and that both share one unit of work. */
    public Stores {
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(pipeline, "pipeline");
        if (crm.transactions() != pipeline.transactions()) {
            throw new IllegalArgumentException("the two views must share their units of work");
        }
    }

    /** Both views of one store. */
    public static <S extends CrmStore & PipelineStore> Stores of(S store) {
        return new Stores(store, store);
    }
}
