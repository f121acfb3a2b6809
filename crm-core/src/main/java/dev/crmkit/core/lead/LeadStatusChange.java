package dev.crmkit.core.lead;

/** The outcome of {@link Lead#changeStatus}: changed, or refused with the rule that refused. */
public sealed interface LeadStatusChange {

    /**
     * The status changed; store {@link #lead()} and publish {@link #event()}.
     *
     * @param lead  the lead in its new status (not yet stored)
     * @param event the event to publish
     */
    record Changed(Lead lead, LeadEvent.LeadStatusChanged event) implements LeadStatusChange {
    }

    /**
     * The move was refused; nothing changed.
     *
     * @param leadId the lead
     * @param from   its status
     * @param to     the status asked for
     * @param rule   the rule that refused ({@code allowed-transitions}, {@code disqualification-reason})
     * @param reason a sentence for a person
     */
    record Refused(LeadId leadId, LeadStatus from, LeadStatus to, String rule, String reason)
            implements LeadStatusChange {
    }
}
