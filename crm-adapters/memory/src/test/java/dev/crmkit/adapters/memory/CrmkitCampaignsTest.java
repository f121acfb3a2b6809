package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.Campaigns;
import dev.crmkit.campaigns.delivery.RunReport;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import dev.crmkit.campaigns.template.StandardTemplates;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.kit.Crmkit;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crmkit hands out crm-campaigns' entry point on the store's campaign stores, and fails fast naming the setting. */
class CrmkitCampaignsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");

    private static Recipient recipient(String id) {
        return new Recipient(id, "N" + id, "", id + "@example.com", "", Optional.empty(), ZoneOffset.UTC,
                MarketingConsent.granted(Instant.EPOCH, "form"), "en");
    }

    @Test
    void campaigns_runOnTheStoresOfTheStore_andHoldBackWhatTheStoredDoNotContactListForbids() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        List<OutgoingMessage> sent = new ArrayList<>();
        Crmkit crmkit = Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .campaignChannel(m -> {
                    sent.add(m);
                    return new SendResult.Accepted(m.idempotencyKey());
                }).build();
        Campaigns campaigns = crmkit.campaigns();

        assertSame(store.campaignStores(), crmkit.store().campaignStores());
        assertSame(store.campaignStores().messages(), campaigns.messages());
        assertSame(store.campaignStores().doNotContact(), campaigns.doNotContact());
        for (String id : List.of("c1", "c2")) {
            campaigns.messages().schedule(new DueMessage(id, "birthday", 1, "2026", DAY, DAY.plusDays(7),
                    MessageKind.MARKETING));
        }
        campaigns.doNotContact().add(new DoNotContact("c2", ChannelKind.EMAIL, DoNotContact.Reason.UNSUBSCRIBED,
                "link", NOW));

        RunReport report = campaigns.run("n1").run(DAY, Map.of("c1", recipient("c1"), "c2", recipient("c2")));

        assertEquals(List.of("c1/birthday/2026/1"), sent.stream().map(OutgoingMessage::idempotencyKey).toList());
        assertEquals(1, report.sent());
        assertEquals(1, report.held());
        assertTrue(store.campaignStores().messages().find("c1/birthday/2026/1").orElseThrow().done());
    }

    @Test
    void sequences_recordTheStepsMessagesInTheStoresLedger_whichTheRunSendsWithItsChecks() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        List<OutgoingMessage> sent = new ArrayList<>();
        Campaigns campaigns = Crmkit.builder().store(store).defaultRegion("DE")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).campaignChannel(m -> {
                    sent.add(m);
                    return new SendResult.Accepted(m.idempotencyKey());
                }).build().campaigns();
        dev.crmkit.campaigns.sequence.Sequence nurture = new dev.crmkit.campaigns.sequence.Sequence("nurture",
                List.of(new dev.crmkit.campaigns.sequence.SequenceStep.Send("nurture-intro", MessageKind.MARKETING),
                        new dev.crmkit.campaigns.sequence.SequenceStep.HandToSales("done")), java.util.Set.of(),
                false);
        List<String> handed = new ArrayList<>();
        campaigns.enrollments().enroll(nurture, "c1", NOW.minusSeconds(60));
        campaigns.events().record("k1", new dev.crmkit.campaigns.trigger.HostEvent("c1", "lead-captured", NOW, ""));

        dev.crmkit.campaigns.delivery.SequenceRunReport report = campaigns.sequences("n1", List.of(nurture),
                dev.crmkit.campaigns.sequence.ContactSignals.none(), (action, key) -> handed.add(key))
                .run(NOW, id -> ZoneOffset.UTC);
        campaigns.run("n1").run(DAY, Map.of("c1", recipient("c1")));

        assertEquals(1, report.scheduled());
        assertEquals(List.of("Welcome, Nc1"), sent.stream().map(OutgoingMessage::subject).toList());
        assertEquals(1, handed.size());
        assertEquals(1, store.campaignStores().events().of("c1").size());
    }

    @Test
    void campaigns_withoutChannel_failsNamingTheSetting() {
        Crmkit crmkit = Crmkit.builder().store(InMemoryCrmStore.create()).defaultRegion("DE").build();

        IllegalStateException e = assertThrows(IllegalStateException.class, crmkit::campaigns);

        assertTrue(e.getMessage().startsWith("campaignChannel was not set: call campaignChannel(...)"),
                e.getMessage());
    }

    @Test
    void build_withCampaignTemplatesButNoChannel_failsNamingTheMissingSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Crmkit.builder()
                .store(InMemoryCrmStore.create()).defaultRegion("DE")
                .campaignTemplates(StandardTemplates.library()).build());

        assertTrue(e.getMessage().startsWith("campaignChannel was not set: campaignTemplates was given"),
                e.getMessage());
    }

    @Test
    void campaignCaps_setTwice_failsNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Crmkit.builder()
                .campaignCaps(FrequencyCaps.standard()).campaignCaps(FrequencyCaps.standard()));

        assertTrue(e.getMessage().startsWith("campaignCaps was already set to "), e.getMessage());
    }
}
