package dev.crmkit.service.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.service.ServiceStore;

import java.util.Objects;

/**
 * The store under test, seen through both its interfaces. An adapter's contract test returns
 * {@code ServiceStores.of(store)} for a store object that implements both.
 *
 * @param crm     the store as crm-core sees it
 * @param service the same store as crm-service sees it
 */
public record ServiceStores(CrmStore crm, ServiceStore service) {

    /** Validates presence and that both share one unit of work. */
    public ServiceStores {
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(service, "service");
        if (crm.transactions() != service.transactions()) {
            throw new IllegalArgumentException("the two views must share their units of work");
        }
    }

    /** Both views of one store. */
    public static <S extends CrmStore & ServiceStore> ServiceStores of(S store) {
        return new ServiceStores(store, store);
    }
}
