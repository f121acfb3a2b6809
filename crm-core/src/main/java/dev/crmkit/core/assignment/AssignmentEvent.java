package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.LeadId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What assignment decided, published next to the lead's own {@code LeadOwnerChanged}. */
public sealed interface AssignmentEvent extends DomainEvent {

    /** The lead. */
    LeadId leadId();

    /** Why. */
    Explanation explanation();

    @Override
    default String aggregateId() {
        return leadId().toString();
    }

    /**
     * A policy gave a lead an owner.
     *
     * @param leadId      the lead
     * @param from        the previous owner, if any
     * @param to          the new owner
     * @param explanation why
     * @param occurredAt  when
     */
    record LeadAssigned(LeadId leadId, Optional<UserId> from, UserId to, Explanation explanation,
                        Instant occurredAt) implements AssignmentEvent {
        /** Validates presence. */
        public LeadAssigned {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(explanation, "explanation");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /**
     * A policy found nobody to take a lead; it keeps its owner (or none).
     *
     * @param leadId      the lead
     * @param explanation who was skipped and why
     * @param occurredAt  when
     */
    record LeadLeftUnassigned(LeadId leadId, Explanation explanation, Instant occurredAt) implements AssignmentEvent {
        /** Validates presence. */
        public LeadLeftUnassigned {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(explanation, "explanation");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
