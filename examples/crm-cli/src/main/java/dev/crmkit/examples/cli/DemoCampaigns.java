package dev.crmkit.examples.cli;

import dev.crmkit.adapters.memory.InMemoryCampaignMessages;
import dev.crmkit.campaigns.StandardCampaigns;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignRun;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.sequence.Sequence;
import dev.crmkit.campaigns.sequence.SequenceAction;
import dev.crmkit.campaigns.sequence.SequenceStep;
import dev.crmkit.campaigns.template.StandardTemplates;
import dev.crmkit.campaigns.tracking.Signal;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The campaigns part of {@code crm demo}, on a small cast of its own and in memory (nothing is stored): a birthday
 * offer and a win-back step due on the demo's day, sent with the built-in templates, and a nurture sequence that a
 * reply ends and hands to sales.
 */
final class DemoCampaigns {

    private final List<OutgoingMessage> sent;
    private final List<DueMessage> due;
    private final List<String> nurture;
    private final String nurtureEnd;

    private DemoCampaigns(List<OutgoingMessage> sent, List<DueMessage> due, List<String> nurture, String nurtureEnd) {
        this.sent = sent;
        this.due = due;
        this.nurture = nurture;
        this.nurtureEnd = nurtureEnd;
    }

    /** Runs the campaigns as of the demo's day in its zone. */
    static DemoCampaigns run(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        MarketingConsent consent = MarketingConsent.granted(now.minus(Duration.ofDays(400)), "demo web form");
        Recipient lena = new Recipient("lena", "Lena", "Vogel", "lena.vogel@example.com", "",
                Optional.of(today.plusDays(7).withYear(1988)), zone, consent, "de");
        Recipient max = new Recipient("max", "Max", "Brandt", "max.brandt@example.com", "", Optional.empty(), zone,
                consent, "en");
        Currency eur = Currency.getInstance("EUR");
        OrderBook orders = OrderBook.of(List.of(new Order("max", today.minusMonths(21), Money.of(new BigDecimal(
                "89.90"), eur)), new Order("max", today.minusMonths(9), Money.of(new BigDecimal("45.00"), eur))));
        List<DueMessage> due = StandardCampaigns.standard().dueOn(List.of(lena, max), orders, today);
        InMemoryCampaignMessages ledger = new InMemoryCampaignMessages();
        due.forEach(ledger::schedule);
        List<OutgoingMessage> sent = new ArrayList<>();
        new CampaignRun(ledger, m -> {
            sent.add(m);
            return new SendResult.Accepted(m.idempotencyKey());
        }, StandardTemplates.library(), FrequencyCaps.standard(), Clock.fixed(now, zone), "demo",
                Duration.ofMinutes(5)).run(today, Map.of("lena", lena, "max", max));
        return nurture(now, sent, due);
    }

    private static DemoCampaigns nurture(Instant now, List<OutgoingMessage> sent, List<DueMessage> due) {
        Sequence sequence = new Sequence("nurture", List.of(
                new SequenceStep.Send("nurture-intro", MessageKind.MARKETING), new SequenceStep.Wait(3),
                new SequenceStep.Send("nurture-reminder", MessageKind.MARKETING), new SequenceStep.Wait(4),
                new SequenceStep.HandToSales("no reply after the reminder")), Set.of(SignalType.REPLIED), true);
        Instant start = now.minus(Duration.ofDays(7));
        Enrollment e = sequence.enroll("jonas", start);
        List<Signal> signals = List.of(new Signal("jonas", SignalType.OPENED, start.plus(Duration.ofDays(1)), ""),
                new Signal("jonas", SignalType.CLICKED, start.plus(Duration.ofDays(1)), ""),
                new Signal("jonas", SignalType.REPLIED, start.plus(Duration.ofDays(5)), ""));
        List<String> steps = new ArrayList<>();
        for (int day = 0; day <= 7; day++) {
            Instant at = start.plus(Duration.ofDays(day));
            Sequence.Progress p = sequence.advance(e, at, signals);
            for (SequenceAction a : p.actions()) {
                steps.add("day " + day + ": " + describe(a));
            }
            e = p.enrollment();
        }
        return new DemoCampaigns(sent, due, steps, e.status().name().toLowerCase(Locale.ROOT) + " ("
                + e.endReason() + ")");
    }

    private static String describe(SequenceAction a) {
        if (a instanceof SequenceAction.SendMessage s) {
            return "send " + s.template();
        }
        if (a instanceof SequenceAction.Handover h) {
            return "hand to sales: " + h.note();
        }
        return a.toString();
    }

    /** The section as text. */
    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%nCampaigns (crm campaigns preview/run; a cast of its own, nothing stored)%n");
        for (DueMessage m : due) {
            out.printf(Locale.ROOT, "  due: %-5s %-9s step %d, valid until %s%n", m.contactId(), m.campaign(),
                    m.step(), m.validUntil());
        }
        for (OutgoingMessage m : sent) {
            out.printf(Locale.ROOT, "  sent to %s: %s%n", m.to(), m.subject());
        }
        out.printf(Locale.ROOT, "  nurture sequence of lead jonas:%n");
        nurture.forEach(step -> out.printf(Locale.ROOT, "    %s%n", step));
        out.printf(Locale.ROOT, "    ended: %s%n", nurtureEnd);
    }

    /** The section as JSON. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("due", due.stream().map(m -> JsonOutput.object("contact", m.contactId(), "campaign", m.campaign(),
                "step", m.step(), "sendOn", m.sendOn().toString(), "validUntil", m.validUntil().toString())).toList());
        json.put("sent", sent.stream().map(m -> JsonOutput.object("to", m.to(), "subject", m.subject())).toList());
        json.put("nurture", JsonOutput.object("steps", nurture, "ended", nurtureEnd));
        return json;
    }
}
