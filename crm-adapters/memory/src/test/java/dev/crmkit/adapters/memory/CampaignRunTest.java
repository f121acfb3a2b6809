package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignRun;
import dev.crmkit.campaigns.delivery.RunReport;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import dev.crmkit.campaigns.template.StandardTemplates;
import dev.crmkit.core.contact.MarketingConsent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CampaignRunTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");

    private static Recipient recipient(String id, MarketingConsent consent) {
        return new Recipient(id, "N" + id, "", id + "@example.com", "", Optional.empty(), ZoneOffset.UTC, consent,
                "en");
    }

    @Test
    void run_checksConsentAndDoNotContactAgainAtSendingTime() {
        InMemoryCampaignMessages ledger = new InMemoryCampaignMessages();
        MarketingConsent granted = MarketingConsent.granted(Instant.EPOCH, "form");
        Map<String, Recipient> recipients = Map.of("c1", recipient("c1", granted), "c2", recipient("c2", granted),
                "c3", recipient("c3", MarketingConsent.withdrawn(NOW.minusSeconds(60), "form")),
                "c4", recipient("c4", granted));
        for (String id : List.of("c1", "c2", "c3", "c4")) {
            ledger.schedule(new DueMessage(id, "birthday", 1, "2026", DAY, DAY.plusDays(7), MessageKind.MARKETING));
        }
        ledger.schedule(new DueMessage("c4", "order-confirmation", 1, "o-1", DAY, DAY, MessageKind.TRANSACTIONAL));
        InMemoryDoNotContactList dnc = new InMemoryDoNotContactList();
        dnc.add(new DoNotContact("c2", ChannelKind.EMAIL, DoNotContact.Reason.BOUNCED, "smtp 550", NOW));
        dnc.add(new DoNotContact("c4", ChannelKind.EMAIL, DoNotContact.Reason.UNSUBSCRIBED, "link", NOW));
        List<OutgoingMessage> sent = new ArrayList<>();
        var templates = StandardTemplates.library();
        templates.save(new dev.crmkit.campaigns.template.MessageTemplate("order-confirmation", "", "Your order",
                "Thank you, {{first_name}}."));

        RunReport report = new CampaignRun(ledger, m -> {
            sent.add(m);
            return new SendResult.Accepted(m.idempotencyKey());
        }, templates, FrequencyCaps.standard(), Clock.fixed(NOW, ZoneOffset.UTC), "n1",
                Duration.ofMinutes(5)).withDoNotContact(dnc).run(DAY, recipients);

        assertEquals(List.of("c1/birthday/2026/1", "c4/order-confirmation/o-1/1"),
                sent.stream().map(OutgoingMessage::idempotencyKey).sorted().toList());
        assertEquals(new RunReport(2, 3, 0, Map.of("birthday", 1, "order-confirmation", 1), Map.of()), report);
        assertEquals("held: c2 is on do-not-contact for email (bounced, smtp 550, since " + NOW + ")",
                ledger.find("c2/birthday/2026/1").orElseThrow().outcome().orElseThrow());
        assertEquals("held: marketing needs consent; the consent of c3 is withdrawn",
                ledger.find("c3/birthday/2026/1").orElseThrow().outcome().orElseThrow());
    }

    @Test
    void run_withSendWindow_sendsOnlyInEachContactsLocalHours_andHoldsWhatWouldExpireFirst() {
        MarketingConsent granted = MarketingConsent.granted(Instant.EPOCH, "form");
        // 2026-03-03T08:00Z: Berlin Tue 09:00, Kathmandu Tue 13:45, Kiritimati Tue 22:00, Pago Pago Mon 21:00
        Map<String, Recipient> recipients = new java.util.HashMap<>();
        for (String[] r : new String[][] {{"berlin", "Europe/Berlin"}, {"kathmandu", "Asia/Kathmandu"},
                {"kiritimati", "Pacific/Kiritimati"}, {"kiritimati-last-day", "Pacific/Kiritimati"},
                {"pago", "Pacific/Pago_Pago"}}) {
            recipients.put(r[0], new Recipient(r[0], "N", "", r[0] + "@example.com", "", Optional.empty(),
                    java.time.ZoneId.of(r[1]), granted, "en"));
        }
        InMemoryCampaignMessages ledger = new InMemoryCampaignMessages();
        for (String id : recipients.keySet()) {
            LocalDate validUntil = id.equals("kiritimati-last-day") ? DAY : DAY.plusDays(7);
            ledger.schedule(new DueMessage(id, "birthday", 1, "2026", DAY, validUntil, MessageKind.MARKETING));
        }
        List<String> sent = new ArrayList<>();

        RunReport report = new CampaignRun(ledger, m -> {
            sent.add(m.contactId());
            return new SendResult.Accepted(m.idempotencyKey());
        }, StandardTemplates.library(), FrequencyCaps.standard(), Clock.fixed(NOW, ZoneOffset.UTC), "n1",
                Duration.ofMinutes(5)).withSendWindow(dev.crmkit.campaigns.window.SendWindow.businessHours())
                .run(DAY, recipients);

        assertEquals(List.of("berlin", "kathmandu"), sent.stream().sorted().toList());
        assertEquals(new RunReport(2, 1, 2, Map.of("birthday", 2), Map.of()), report);
        assertEquals("held: no send slot before it expires on 2026-03-03",
                ledger.find("kiritimati-last-day/birthday/2026/1").orElseThrow().outcome().orElseThrow());
        assertEquals(false, ledger.find("pago/birthday/2026/1").orElseThrow().done(), "waits for its morning");
        assertEquals(java.util.Set.of("pago", "kiritimati"), ledger.claim("n2", DAY, NOW, Duration.ofMinutes(5), 10)
                .stream().map(DueMessage::contactId).collect(java.util.stream.Collectors.toSet()),
                "the deferred claims were released: another node may take them at once");
    }

    @Test
    void run_afterMissedDays_catchesUpWhatIsStillValidAndNeverSendsAnExpiredOffer() {
        MarketingConsent granted = MarketingConsent.granted(Instant.EPOCH, "form");
        // c1: sent on 1 March, valid to the 8th; c2: sent on 20 February, valid to the 27th; c3: sent on 3 March
        Recipient soon = recipient("c1", granted).withBirthday(LocalDate.of(1980, 3, 8));
        Recipient past = recipient("c2", granted).withBirthday(LocalDate.of(1980, 2, 27));
        Recipient today = recipient("c3", granted).withBirthday(LocalDate.of(1980, 3, 10));
        InMemoryCampaignMessages ledger = new InMemoryCampaignMessages();
        dev.crmkit.metrics.order.OrderBook noOrders = dev.crmkit.metrics.order.OrderBook.builder(
                java.util.Currency.getInstance("EUR")).build();
        // the scheduler last ran on 15 February and runs again on 3 March
        dev.crmkit.campaigns.StandardCampaigns.standard().dueBetween(List.of(soon, past, today), noOrders,
                LocalDate.of(2026, 2, 16), DAY).forEach(ledger::schedule);
        List<String> sent = new ArrayList<>();

        RunReport report = new CampaignRun(ledger, m -> {
            sent.add(m.contactId());
            return new SendResult.Accepted(m.idempotencyKey());
        }, StandardTemplates.library(), FrequencyCaps.standard(), Clock.fixed(NOW, ZoneOffset.UTC),
                "n1", Duration.ofMinutes(5)).run(DAY, Map.of("c1", soon, "c2", past, "c3", today));

        assertEquals(List.of("c1", "c3"), sent.stream().sorted().toList());
        assertEquals(2, report.sent());
        assertEquals(false, ledger.find("c2/birthday/2026/1").orElseThrow().done(), "expired: never claimed");
        assertEquals(0, ledger.find("c2/birthday/2026/1").orElseThrow().claims());
    }

    @Test
    void run_withAbTest_sendsEachRecipientItsAssignedVariantAndCountsThem() {
        dev.crmkit.campaigns.abtest.AbTest test = dev.crmkit.campaigns.abtest.AbTest.of("birthday-subject", List.of(
                new dev.crmkit.campaigns.abtest.Variant("A", 1), new dev.crmkit.campaigns.abtest.Variant("B", 1)));
        var templates = StandardTemplates.library();
        templates.save(new dev.crmkit.campaigns.template.MessageTemplate("birthday-a", "", "A: happy birthday", "a"));
        templates.save(new dev.crmkit.campaigns.template.MessageTemplate("birthday-b", "", "B: a gift for you", "b"));
        InMemoryCampaignMessages ledger = new InMemoryCampaignMessages();
        Map<String, Recipient> recipients = new java.util.HashMap<>();
        for (int i = 0; i < 40; i++) {
            recipients.put("c" + i, recipient("c" + i, MarketingConsent.granted(Instant.EPOCH, "form")));
            ledger.schedule(new DueMessage("c" + i, "birthday", 1, "2026", DAY, DAY, MessageKind.MARKETING));
        }
        Map<String, String> subjects = new java.util.HashMap<>();

        RunReport report = new CampaignRun(ledger, m -> {
            subjects.put(m.contactId(), m.subject());
            return new SendResult.Accepted(m.idempotencyKey());
        }, templates, FrequencyCaps.standard(), Clock.fixed(NOW, ZoneOffset.UTC), "n1",
                Duration.ofMinutes(5)).withAbTest("birthday", test).run(DAY, recipients);

        long a = recipients.keySet().stream().filter(id -> test.assign(id).name().equals("A")).count();
        assertEquals(40, subjects.size());
        recipients.keySet().forEach(id -> assertEquals(test.assign(id).name(), subjects.get(id).substring(0, 1), id));
        assertEquals(Map.of("birthday/A", (int) a, "birthday/B", 40 - (int) a), report.sentByVariant());
    }

    @Test
    void run_neverSendsBeforeTheSendDayOnTheRecipientsCalendar_mautic9040() {
        // the offer is due on 3 March; at 2026-03-03T08:00Z it is still 2 March 21:00 in Pago Pago (-11)
        Map<String, Recipient> recipients = inZones("pago", "Pacific/Pago_Pago", "kiritimati", "Pacific/Kiritimati");
        InMemoryCampaignMessages ledger = new InMemoryCampaignMessages();
        recipients.keySet().forEach(id -> ledger.schedule(new DueMessage(id, "birthday", 1, "2026", DAY,
                DAY.plusDays(7), MessageKind.MARKETING)));
        List<String> sent = new ArrayList<>();
        java.util.function.Function<Instant, RunReport> runAt = at -> new CampaignRun(ledger, m -> {
            sent.add(m.contactId());
            return new SendResult.Accepted(m.idempotencyKey());
        }, StandardTemplates.library(), FrequencyCaps.standard(), Clock.fixed(at, ZoneOffset.UTC), "n1",
                Duration.ofMinutes(5)).run(DAY, recipients);

        RunReport early = runAt.apply(NOW);
        RunReport later = runAt.apply(NOW.plus(Duration.ofHours(3))); // 3 March 00:00 in Pago Pago

        assertEquals(new RunReport(1, 0, 1, Map.of("birthday", 1), Map.of()), early);
        assertEquals(new RunReport(1, 0, 0, Map.of("birthday", 1), Map.of()), later);
        assertEquals(List.of("kiritimati", "pago"), sent);
    }

    @Test
    void run_holdsForGoodWhatExpiredOnTheRecipientsCalendar_evenIfTheUtcDayStillAllowsIt() {
        // valid until 3 March; at 2026-03-03T12:00Z it is already 4 March 02:00 in Kiritimati (+14)
        Map<String, Recipient> recipients = inZones("utc", "UTC", "kiritimati", "Pacific/Kiritimati");
        LocalDate day = LocalDate.of(2026, 3, 3);
        InMemoryCampaignMessages ledger = new InMemoryCampaignMessages();
        recipients.keySet().forEach(id -> ledger.schedule(new DueMessage(id, "birthday", 1, "2026",
                day.minusDays(2), day, MessageKind.MARKETING)));
        List<String> sent = new ArrayList<>();

        RunReport report = new CampaignRun(ledger, m -> {
            sent.add(m.contactId());
            return new SendResult.Accepted(m.idempotencyKey());
        }, StandardTemplates.library(), FrequencyCaps.standard(),
                Clock.fixed(Instant.parse("2026-03-03T12:00:00Z"), ZoneOffset.UTC), "n1", Duration.ofMinutes(5))
                .run(day, recipients);

        assertEquals(List.of("utc"), sent);
        assertEquals(new RunReport(1, 1, 0, Map.of("birthday", 1), Map.of()), report);
        assertEquals(Optional.of("held: expired on 2026-03-03 on the recipient's calendar (2026-03-04)"),
                ledger.find("kiritimati/birthday/2026/1").orElseThrow().outcome());
    }

    /** Recipients with consent, by id, each in its zone: id, zone, id, zone, ... */
    private static Map<String, Recipient> inZones(String... idsAndZones) {
        MarketingConsent granted = MarketingConsent.granted(Instant.EPOCH, "form");
        Map<String, Recipient> recipients = new java.util.HashMap<>();
        for (int i = 0; i < idsAndZones.length; i += 2) {
            String id = idsAndZones[i];
            recipients.put(id, new Recipient(id, "N", "", id + "@example.com", "", Optional.empty(),
                    java.time.ZoneId.of(idsAndZones[i + 1]), granted, "en"));
        }
        return recipients;
    }
}
