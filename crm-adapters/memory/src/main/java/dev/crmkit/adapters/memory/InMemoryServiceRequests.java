package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.request.ServiceRequests;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Service requests in memory, indexed by customer, oldest first. Thread-safe. */
final class InMemoryServiceRequests implements ServiceRequests {

    private static final String CUSTOMER = "customer";

    private final Table<ServiceRequestId, ServiceRequest> table;

    InMemoryServiceRequests(InMemoryTransactions tx) {
        this.table = new Table<ServiceRequestId, ServiceRequest>("service request", tx, ServiceRequest::id,
                ServiceRequest::version, ServiceRequest::atVersion, ServiceRequest::openedAt)
                .group(CUSTOMER, r -> List.of(r.customer()), ServiceRequest::openedAt);
    }

    @Override
    public ServiceRequest insert(ServiceRequest request) {
        return table.insert(Objects.requireNonNull(request, "request"));
    }

    @Override
    public ServiceRequest update(ServiceRequest request) {
        return table.update(Objects.requireNonNull(request, "request"));
    }

    @Override
    public Optional<ServiceRequest> findById(ServiceRequestId id) {
        return table.get(id);
    }

    @Override
    public List<ServiceRequest> ofCustomer(ContactId customer) {
        return table.all(CUSTOMER, Objects.requireNonNull(customer, "customer"));
    }

    /** The table, for a person's erasure. */
    Table<ServiceRequestId, ServiceRequest> rows() {
        return table;
    }
}
