package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.request.ServiceRequests;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Service requests in memory, indexed by customer, oldest first. Thread-safe. */
final class InMemoryServiceRequests implements ServiceRequests {

    private static final String CUSTOMER = "customer";

    private final InMemoryTransactions tx;
    private final Table<ServiceRequestId, ServiceRequest> table;

    InMemoryServiceRequests(InMemoryTransactions tx) {
        this.tx = tx;
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

    @Override
    public List<ServiceRequest> openedBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return table.scan(r -> !r.openedAt().isBefore(from) && r.openedAt().isBefore(to));
    }

    /** The archive of the service requests, keyed by id: export and restore only. */
    MemoryArchive<ServiceRequest> archive() {
        return MemoryArchive.of(tx, "service request", table, ServiceRequest::id,
                k -> new ServiceRequestId(java.util.UUID.fromString(k)));
    }

    /** The table, for a person's erasure. */
    Table<ServiceRequestId, ServiceRequest> rows() {
        return table;
    }
}
