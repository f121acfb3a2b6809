package dev.crmkit.service.request;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.equipment.EquipmentId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A service request (a ticket): a customer asks for service, through any channel, with a priority and an SLA. It is
 * opened, responded to once, and resolved once; the SLA's deadlines run from its opening. Immutable and thread-safe;
 * changes return a copy.
 *
 * @param id          its id
 * @param version     its optimistic-locking version, 1 when first stored
 * @param customer    who asked
 * @param equipment   the equipment it is about, if any
 * @param channel     where it came from (phone, e-mail, messenger, web)
 * @param priority    how urgent it is
 * @param summary     what is asked
 * @param sla         the deadlines
 * @param openedAt    when it was opened
 * @param respondedAt when it was first responded to, if yet
 * @param resolvedAt  when it was resolved, if yet
 */
public record ServiceRequest(ServiceRequestId id, long version, ContactId customer, Optional<EquipmentId> equipment,
                             String channel, Priority priority, String summary, Sla sla, Instant openedAt,
                             Optional<Instant> respondedAt, Optional<Instant> resolvedAt) {

    /** Checks every part is present. */
    public ServiceRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(respondedAt, "respondedAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    /** The SLA's deadline for the first response. */
    public Instant respondBy() {
        return openedAt.plus(sla.respondWithin());
    }

    /** The SLA's deadline for the resolution. */
    public Instant resolveBy() {
        return openedAt.plus(sla.resolveWithin());
    }

    /** Whether it is not resolved yet. */
    public boolean open() {
        return resolvedAt.isEmpty();
    }

    /** Whether, at {@code now}, a deadline of the SLA has passed unmet (or was met late). */
    public boolean slaBreachedAt(Instant now) {
        Instant responded = respondedAt.orElse(now);
        Instant resolved = resolvedAt.orElse(now);
        return responded.isAfter(respondBy()) || resolved.isAfter(resolveBy());
    }

    /** A copy responded to at this moment; the first response counts, a later one changes nothing. */
    public ServiceRequest respondedAt(Instant at) {
        return respondedAt.isPresent() ? this : new ServiceRequest(id, version, customer, equipment, channel,
                priority, summary, sla, openedAt, Optional.of(at), resolvedAt);
    }

    /** A copy resolved at this moment (responded to then too, if it was not yet). */
    public ServiceRequest resolvedAt(Instant at) {
        return new ServiceRequest(id, version, customer, equipment, channel, priority, summary, sla, openedAt,
                Optional.of(respondedAt.orElse(at)), Optional.of(resolvedAt.orElse(at)));
    }

    /**
     * The same record for another customer, nothing else changed (not even its version): a merge of contacts
     * re-points the records of a merged-away contact to the survivor with it; for stores only.
     */
    public ServiceRequest withCustomerRef(ContactId newCustomer) {
        return new ServiceRequest(id, version, newCustomer, equipment, channel, priority, summary, sla, openedAt,
                respondedAt, resolvedAt);
    }

    /** A copy at another version, for stores. */
    public ServiceRequest atVersion(long newVersion) {
        return new ServiceRequest(id, newVersion, customer, equipment, channel, priority, summary, sla, openedAt,
                respondedAt, resolvedAt);
    }
}
