package dev.crmkit.campaigns.audience;

import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.contact.MarketingConsent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsentRuleTest {

    @Test
    void check_marketingWithoutGrantedConsent_isRefusedSayingWhy() {
        Recipient unknown = Recipient.of("c1", ZoneOffset.UTC, MarketingConsent.unknown());
        Recipient withdrawn = Recipient.of("c2", ZoneOffset.UTC, MarketingConsent.withdrawn(Instant.EPOCH, "form"));

        assertEquals(new SendPermission.Refused("marketing needs consent; the consent of c1 is unknown"),
                ConsentRule.check(unknown, MessageKind.MARKETING));
        assertFalse(ConsentRule.check(withdrawn, MessageKind.MARKETING).permitted());
    }

    @Test
    void check_transactional_needsNoConsent() {
        Recipient withdrawn = Recipient.of("c2", ZoneOffset.UTC, MarketingConsent.withdrawn(Instant.EPOCH, "form"));

        assertTrue(ConsentRule.check(withdrawn, MessageKind.TRANSACTIONAL).permitted());
        assertTrue(ConsentRule.check(Recipient.of("c3", ZoneOffset.UTC,
                MarketingConsent.granted(Instant.EPOCH, "form")), MessageKind.MARKETING).permitted());
    }

    @Test
    void check_unsubscribedOnEmail_stopsMarketingButNotTransactionalNorOtherChannels() {
        Recipient anna = Recipient.of("c1", ZoneOffset.UTC, MarketingConsent.granted(Instant.EPOCH, "form"));
        List<DoNotContact> entries = List.of(new DoNotContact("c1", ChannelKind.EMAIL,
                DoNotContact.Reason.UNSUBSCRIBED, "unsubscribe link", Instant.parse("2026-01-02T10:00:00Z")),
                new DoNotContact("c2", ChannelKind.SMS, DoNotContact.Reason.MANUAL, "", Instant.EPOCH));

        assertEquals(new SendPermission.Refused("c1 is on do-not-contact for email (unsubscribed, unsubscribe link, "
                + "since 2026-01-02T10:00:00Z)"), ConsentRule.check(anna, MessageKind.MARKETING, ChannelKind.EMAIL,
                entries));
        assertTrue(ConsentRule.check(anna, MessageKind.TRANSACTIONAL, ChannelKind.EMAIL, entries).permitted());
        assertTrue(ConsentRule.check(anna, MessageKind.MARKETING, ChannelKind.SMS, entries).permitted());
    }

    @Test
    void check_bouncedOrManual_stopsEverythingOnThatChannel() {
        Recipient anna = Recipient.of("c1", ZoneOffset.UTC, MarketingConsent.granted(Instant.EPOCH, "form"));
        for (DoNotContact.Reason reason : List.of(DoNotContact.Reason.BOUNCED, DoNotContact.Reason.MANUAL)) {
            List<DoNotContact> entries = List.of(new DoNotContact("c1", ChannelKind.EMAIL, reason, "smtp 550",
                    Instant.EPOCH));

            assertFalse(ConsentRule.check(anna, MessageKind.TRANSACTIONAL, ChannelKind.EMAIL, entries).permitted());
            assertFalse(ConsentRule.check(anna, MessageKind.MARKETING, ChannelKind.EMAIL, entries).permitted());
        }
    }

    @Test
    void check_onAChannelWithoutEntries_stillNeedsConsentForMarketing() {
        Recipient ben = Recipient.of("c2", ZoneOffset.UTC, MarketingConsent.unknown());

        assertFalse(ConsentRule.check(ben, MessageKind.MARKETING, ChannelKind.EMAIL, List.of()).permitted());
    }
}
