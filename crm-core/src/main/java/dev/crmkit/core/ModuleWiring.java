package dev.crmkit.core;

import dev.crmkit.core.kernel.Transactions;

import java.util.function.Supplier;

/**
 * The checks the builder of a module on top of a {@link Crm} (the deal pipeline, the service desk) makes before it
 * wires the module: the Crm and the module's store are set, and the store runs in the Crm store's units of work, so
 * one transaction spans both.
 * <p>
 * Internal wiring for crmkit's own modules (crm-pipeline, crm-service): it is public only because those modules live
 * in other packages. It is not meant for hosts, and its methods and messages may change in any release without
 * notice; hosts build modules through their builders ({@code DealPipeline.builder()}, ...).
 */
public final class ModuleWiring {

    private ModuleWiring() {
    }

    /**
     * Checks a module's required settings, in this order: the Crm, the store, the store's units of work.
     *
     * @param crm          the Crm set, or null
     * @param store        the module's store set, or null
     * @param transactions the units of work of {@code store} (asked only when the store is set)
     * @param builder      how the module's builder is called in the message, for example {@code DealPipeline}
     * @throws IllegalStateException naming the first setting that is missing, or when the store's units of work are
     *                               not the Crm store's
     */
    public static void requireCrmAndItsStore(Crm crm, Object store, Supplier<Transactions> transactions,
                                             String builder) {
        if (crm == null) {
            throw new IllegalStateException("crm was not set: call crm(...) with the Crm built by Crm.builder()");
        }
        if (store == null) {
            throw new IllegalStateException("store was not set: call store(...) with the store the Crm uses, "
                    + "for example the InMemoryCrmStore from crm-adapters");
        }
        if (transactions.get() != crm.store().transactions()) {
            throw new IllegalStateException("store does not share the Crm store's units of work: pass the same "
                    + "store object to Crm.builder().store(...) and " + builder + ".builder().store(...)");
        }
    }
}
