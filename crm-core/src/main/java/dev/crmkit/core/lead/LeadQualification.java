package dev.crmkit.core.lead;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The lead work use case: move leads through their statuses and give them owners; every change is published and
 * recorded on the timeline of the lead and its contact. Thread-safe.
 */
public final class LeadQualification {

    private final Leads leads;
    private final Timeline timeline;
    private final Context context;

    /** Wires the use case; {@link dev.crmkit.core.Crm} does this for you. */
    public LeadQualification(Leads leads, Timeline timeline, Context context) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Moves a lead to another status: changed, or refused with the rule that refused (and nothing changed).
     *
     * @param reason why; required to disqualify
     * @param by     who moves it, if known
     * @throws ValidationException if there is no such lead
     */
    public LeadStatusChange changeStatus(LeadId id, LeadStatus target, String reason, Optional<UserId> by) {
        return context.transactions().inTransaction(() -> {
            Lead lead = require(id);
            Instant now = context.clock().instant();
            LeadStatusChange change = lead.changeStatus(target, reason, by, now);
            if (change instanceof LeadStatusChange.Changed changed) {
                Lead stored = leads.update(changed.lead());
                context.events().publish(changed.event());
                String why = changed.event().reason().isEmpty() ? "" : ": " + changed.event().reason();
                timeline.record(Activity.system(new ActivityId(context.ids().next()),
                        "Lead status " + lead.status() + " -> " + target + why, "", about(stored), now));
                return new LeadStatusChange.Changed(stored, changed.event());
            }
            return change;
        });
    }

    /**
     * Gives a lead an owner (or none).
     *
     * @throws ValidationException if there is no such lead
     */
    public Lead assign(LeadId id, Optional<UserId> owner) {
        Objects.requireNonNull(owner, "owner");
        return context.transactions().inTransaction(() -> {
            Lead lead = require(id);
            if (lead.owner().equals(owner)) {
                return lead;
            }
            Instant now = context.clock().instant();
            Lead stored = leads.update(lead.withOwner(owner, now));
            context.events().publish(new LeadEvent.LeadOwnerChanged(id, lead.owner(), owner, now));
            timeline.record(Activity.system(new ActivityId(context.ids().next()),
                    "Lead assigned to " + owner.map(UserId::value).orElse("nobody"), "", about(stored), now));
            return stored;
        });
    }

    /** The lead with this id. */
    public Optional<Lead> find(LeadId id) {
        return leads.findById(id);
    }

    private Lead require(LeadId id) {
        return leads.findById(Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> ValidationException.of("leadId", "exists", "there is no lead " + id));
    }

    private static Set<RecordRef> about(Lead lead) {
        return Set.of(new RecordRef(RecordType.LEAD, lead.id().value()),
                new RecordRef(RecordType.CONTACT, lead.contactId().value()));
    }
}
