package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.plan.ServicePlans;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Service plans in memory, indexed by customer and by being active, in the order recorded. Thread-safe. */
final class InMemoryServicePlans implements ServicePlans {

    private static final String CUSTOMER = "customer";
    private static final String ACTIVE = "active";

    private final InMemoryTransactions tx;
    private final Table<ServicePlanId, ServicePlan> table;

    InMemoryServicePlans(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<ServicePlanId, ServicePlan>("service plan", tx, ServicePlan::id, ServicePlan::version,
                ServicePlan::atVersion, ServicePlan::createdAt)
                .group(CUSTOMER, p -> List.of(p.customer()), ServicePlan::createdAt)
                .group(ACTIVE, p -> p.active() ? List.of(Boolean.TRUE) : List.of(), ServicePlan::createdAt);
    }

    @Override
    public ServicePlan insert(ServicePlan plan) {
        return table.insert(Objects.requireNonNull(plan, "plan"));
    }

    @Override
    public ServicePlan update(ServicePlan plan) {
        return table.update(Objects.requireNonNull(plan, "plan"));
    }

    @Override
    public Optional<ServicePlan> findById(ServicePlanId id) {
        return table.get(id);
    }

    @Override
    public List<ServicePlan> ofCustomer(ContactId customer) {
        return table.all(CUSTOMER, Objects.requireNonNull(customer, "customer"));
    }

    @Override
    public List<ServicePlan> active() {
        return table.all(ACTIVE, Boolean.TRUE);
    }

    @Override
    public Page<ServicePlan> findAll(PageRequest page) {
        return table.page(Objects.requireNonNull(page, "page"));
    }

    /** The rows, for merges. */
    Table<ServicePlanId, ServicePlan> rows() {
        return table;
    }

    /** The archive of the service plans, keyed by id: export and restore only. */
    MemoryArchive<ServicePlan> archive() {
        return MemoryArchive.of(tx, "service plan", table, ServicePlan::id,
                k -> new ServicePlanId(java.util.UUID.fromString(k)));
    }
}
