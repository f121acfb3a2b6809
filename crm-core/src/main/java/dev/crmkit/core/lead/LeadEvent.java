package dev.crmkit.core.lead;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.UserId;

import java.time.Instant;
import java.util.Optional;

/** What happens to leads. */
public sealed interface LeadEvent extends DomainEvent {

    /** The lead. */
    LeadId leadId();

    @Override
    default String aggregateId() {
        return leadId().toString();
    }

    /**
     * A new lead was captured.
     *
     * @param leadId         the lead
     * @param contactId      its contact
     * @param contactCreated whether the contact was created for it
     * @param channel        the channel it came through
     * @param occurredAt     when
     */
    record LeadCaptured(LeadId leadId, ContactId contactId, boolean contactCreated, Channel channel,
                        Instant occurredAt) implements LeadEvent {
    }

    /**
     * A repeat submission by the same person was folded into the open lead.
     *
     * @param leadId      the lead
     * @param channel     the channel of the repeat
     * @param submissions the number of submissions now folded into the lead
     * @param occurredAt  when
     */
    record DuplicateSubmissionFolded(LeadId leadId, Channel channel, int submissions, Instant occurredAt)
            implements LeadEvent {
    }

    /**
     * A lead's status changed.
     *
     * @param leadId     the lead
     * @param from       the old status
     * @param to         the new status
     * @param reason     why, possibly empty
     * @param by         who changed it, if known
     * @param occurredAt when
     */
    record LeadStatusChanged(LeadId leadId, LeadStatus from, LeadStatus to, String reason, Optional<UserId> by,
                             Instant occurredAt) implements LeadEvent {
    }

    /**
     * A lead got another owner.
     *
     * @param leadId     the lead
     * @param from       the previous owner, if any
     * @param to         the new owner, if any
     * @param occurredAt when
     */
    record LeadOwnerChanged(LeadId leadId, Optional<UserId> from, Optional<UserId> to, Instant occurredAt)
            implements LeadEvent {
    }

    /**
     * The submitted data of a lead (name, e-mail, phone, company name) was edited by hand.
     *
     * @param leadId     the lead
     * @param version    its version after the edit
     * @param fields     the fields that changed, by name ({@code firstName}, {@code lastName}, {@code email},
     *                   {@code phone}, {@code companyName}), no values
     * @param occurredAt when
     */
    record LeadEdited(LeadId leadId, long version, java.util.List<String> fields, Instant occurredAt)
            implements LeadEvent {
        /** Copies the list. */
        public LeadEdited {
            fields = java.util.List.copyOf(fields);
        }
    }
}
