package dev.crmkit.core.assignment;

import dev.crmkit.core.idempotency.OutcomeText;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a keyed assignment records its outcome and rebuilds it on a retry. */
final class AssignmentOnce {

    static final String COMMAND = "lead.assign";

    private AssignmentOnce() {
    }

    /** The text of an assignment: the lead, the previous owner and the whole explanation; nothing for a refusal. */
    static Optional<String> describe(AssignmentOutcome outcome) {
        if (!(outcome instanceof AssignmentOutcome.Assigned a)) {
            return Optional.empty();
        }
        Explanation e = a.explanation();
        List<Object> parts = new ArrayList<>(List.of(a.lead().id().value(),
                OutcomeText.encode(a.previousOwner().map(UserId::value)), OutcomeText.encode(e.rule()),
                OutcomeText.encode(e.team()), OutcomeText.encode(e.strategy()), OutcomeText.encode(e.reason())));
        for (Skip skip : e.skipped()) {
            parts.add(OutcomeText.encode(skip.user().value()));
            parts.add(OutcomeText.encode(skip.rule()));
            parts.add(OutcomeText.encode(skip.reason()));
        }
        return Optional.of(OutcomeText.of("assigned", parts.toArray()).text());
    }

    /** The recorded assignment, with the lead as stored now. */
    static AssignmentOutcome replay(String text, Leads leads) {
        OutcomeText o = OutcomeText.parse(text);
        Lead lead = OutcomeText.stored(leads.findById(new LeadId(o.id(0))), "lead", o.id(0));
        List<Skip> skipped = new ArrayList<>();
        for (int i = 6; i + 2 < o.parts().size(); i += 3) {
            skipped.add(new Skip(UserId.of(o.text(i)), o.text(i + 1), o.text(i + 2)));
        }
        Explanation explanation = new Explanation(o.optionalText(2), o.text(3), skipped, o.text(4), o.text(5));
        return new AssignmentOutcome.Assigned(lead, o.optionalText(1).map(UserId::of), explanation);
    }
}
