package dev.crmkit.service.request;

import dev.crmkit.core.contact.ContactId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The repository port of service requests. Implementations are thread-safe. */
public interface ServiceRequests {

    /**
     * Stores a new request at version 1.
     *
     * @throws IllegalArgumentException if its id is taken
     */
    ServiceRequest insert(ServiceRequest request);

    /**
     * Replaces the request read at {@code request.version()} with the copy at the next version.
     *
     * @throws dev.crmkit.core.kernel.StaleVersionException if it changed since it was read
     */
    ServiceRequest update(ServiceRequest request);

    /** The request with this id. */
    Optional<ServiceRequest> findById(ServiceRequestId id);

    /** A customer's requests, oldest first. */
    List<ServiceRequest> ofCustomer(ContactId customer);

    /** The requests opened in {@code [from, to)}, oldest first. */
    List<ServiceRequest> openedBetween(Instant from, Instant to);
}
