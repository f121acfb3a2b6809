package dev.crmkit.kit.privacy;

import dev.crmkit.core.access.Actor;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.privacy.ConsentChange;
import dev.crmkit.core.privacy.ConsentChannel;
import dev.crmkit.kit.CrmkitStore;

import java.time.Instant;
import java.util.UUID;

/**
 * Consent history entries for export round trips: every channel and both statuses, a hostile source (quotes, a line
 * break, a non-BMP character), a system actor and two entries at the very same time.
 */
public final class ConsentFixtures {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private ConsentFixtures() {
    }

    /** Appends seven entries about two contacts (who need not exist: the history refers by id). */
    public static void fill(CrmkitStore store) {
        ContactId a = new ContactId(new UUID(0x5801L, 1));
        ContactId b = new ContactId(new UUID(0x5801L, 2));
        int n = 0;
        for (ConsentChannel channel : ConsentChannel.values()) {
            store.consentHistory().append(new ConsentChange(new UUID(0x5802L, ++n), a, channel,
                    MarketingConsent.Status.GRANTED, "form " + channel, T.plusSeconds(n), Actor.user("owner 1")));
        }
        store.consentHistory().append(new ConsentChange(new UUID(0x5802L, ++n), b, ConsentChannel.EMAIL,
                MarketingConsent.Status.WITHDRAWN, "unsubscribe \"link\"\n\uD83D\uDE00", T.plusSeconds(100),
                Actor.system("mail relay")));
        store.consentHistory().append(new ConsentChange(new UUID(0x5802L, ++n), b, ConsentChannel.SMS,
                MarketingConsent.Status.GRANTED, "same time", T.plusSeconds(100), Actor.user("owner 2")));
    }
}
