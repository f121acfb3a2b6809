package dev.crmkit.pipeline;

import dev.crmkit.core.Crm;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.idempotency.OnceOnly;
import dev.crmkit.core.idempotency.OutcomeText;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.LeadConversion;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** How keyed pipeline commands (open, move, convert) record their outcomes and rebuild them on a retry. */
final class PipelineOnce {

    static final String OPEN = "deal.open";
    static final String MOVE = "deal.move";
    static final String CONVERT = "lead.convert";

    private final Crm crm;
    private final Deals deals;
    private final StageHistory history;
    private final OnceOnly once;

    PipelineOnce(Crm crm, Deals deals, StageHistory history) {
        this.crm = crm;
        this.deals = deals;
        this.history = history;
        this.once = new OnceOnly(crm.store().idempotencyKeys(), crm.store().transactions(), crm.clock());
    }

    OnceOnly once() {
        return once;
    }

    static Optional<String> describeOpen(Deal deal) {
        return Optional.of(OutcomeText.of("opened", deal.id().value()).text());
    }

    Deal replayOpen(String text) {
        return deal(OutcomeText.parse(text).id(0));
    }

    static Optional<String> describeMove(StageChange change) {
        if (!(change instanceof StageChange.StageChanged moved)) {
            return Optional.empty(); // a rejected move changed nothing
        }
        List<Object> parts = new ArrayList<>(List.of(moved.deal().id().value(), moved.entry().id()));
        moved.actionsRun().forEach(a -> parts.add(URLEncoder.encode(a, StandardCharsets.UTF_8)));
        return Optional.of(OutcomeText.of("moved", parts.toArray()).text());
    }

    StageChange replayMove(String text) {
        OutcomeText o = OutcomeText.parse(text);
        Deal deal = deal(o.id(0));
        UUID entryId = o.id(1);
        StageHistoryEntry entry = OutcomeText.stored(entry(deal.id(), entryId), "stage history entry", entryId);
        List<String> actions = o.parts().subList(2, o.parts().size()).stream()
                .map(a -> URLDecoder.decode(a, StandardCharsets.UTF_8)).toList();
        return new StageChange.StageChanged(deal, entry, actions);
    }

    static Optional<String> describeConversion(LeadConversion conversion) {
        if (!(conversion instanceof LeadConversion.Converted c)) {
            return Optional.empty(); // refused: nothing changed
        }
        return Optional.of(OutcomeText.of("converted", c.deal().id().value(), c.lead().id().value(),
                c.contact().id().value(), c.company().map(x -> x.id().value())).text());
    }

    LeadConversion replayConversion(String text) {
        OutcomeText o = OutcomeText.parse(text);
        Lead lead = OutcomeText.stored(crm.store().leads().findById(new LeadId(o.id(1))), "lead", o.id(1));
        Contact contact = OutcomeText.stored(crm.store().contacts().findById(new ContactId(o.id(2))), "contact",
                o.id(2));
        return new LeadConversion.Converted(deal(o.id(0)), lead, contact, o.optionalId(3, CompanyId::new)
                .map(id -> OutcomeText.stored(crm.store().companies().findById(id), "company", id)));
    }

    private Deal deal(UUID id) {
        return OutcomeText.stored(deals.findById(new DealId(id)), "deal", id);
    }

    private Optional<StageHistoryEntry> entry(DealId deal, UUID id) {
        PageRequest request = PageRequest.first(500);
        while (true) {
            Page<StageHistoryEntry> page = history.ofDeal(deal, request);
            Optional<StageHistoryEntry> found = page.items().stream().filter(e -> e.id().equals(id)).findFirst();
            if (found.isPresent() || page.next().isEmpty()) {
                return found;
            }
            request = PageRequest.after(page.next().get(), 500);
        }
    }
}
