package dev.crmkit.campaigns.audience;

import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.contact.MarketingConsent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

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
}
