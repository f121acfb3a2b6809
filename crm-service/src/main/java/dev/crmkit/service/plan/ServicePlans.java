package dev.crmkit.service.plan;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

import java.util.List;
import java.util.Optional;

/** The repository port of service plans. Implementations are thread-safe. */
public interface ServicePlans {

    /**
     * Stores a new plan at version 1.
     *
     * @throws IllegalArgumentException if its id is taken
     */
    ServicePlan insert(ServicePlan plan);

    /**
     * Replaces the plan read at {@code plan.version()} with the copy at the next version.
     *
     * @throws dev.crmkit.core.kernel.StaleVersionException if it changed since it was read
     */
    ServicePlan update(ServicePlan plan);

    /** The plan with this id. */
    Optional<ServicePlan> findById(ServicePlanId id);

    /** A customer's plans, in the order they were recorded. */
    List<ServicePlan> ofCustomer(ContactId customer);

    /** Every active plan, in the order they were recorded. */
    List<ServicePlan> active();

    /**
     * Every plan, active or not, in the order they were recorded, one keyset page at a time.
     *
     * @throws IllegalArgumentException if the page's cursor was not issued by this store
     */
    Page<ServicePlan> findAll(PageRequest page);
}
