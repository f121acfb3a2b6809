package dev.crmkit.kit.archive;

import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.pipeline.contract.PopulatedStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Fills crm-campaigns' stores of a crmkit store for the export tests: the ledger (messages scheduled, two claimed,
 * one of them sent) and the do-not-contact list, with hostile text, contact ids that sort differently by UTF-16,
 * code points and collation, and a time before 1970. The same records, claims and times in every store.
 */
public final class CampaignSample {

    private CampaignSample() {
    }

    /** Writes the sample into the store's campaign stores. */
    public static void fill(CrmkitStore store) {
        CampaignMessages ledger = store.campaignStores().messages();
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<String> contacts = List.of("c-1", "C-1", "\uFF21 " + PopulatedStore.LINE, "\uD83D\uDE00 emoji");
        for (int i = 0; i < contacts.size(); i++) { // send days apart: the claim below picks the first two
            ledger.schedule(new DueMessage(contacts.get(i), "birthday", 1, "2026 " + PopulatedStore.LINE,
                    day.plusDays(i), day.plusDays(10), MessageKind.MARKETING));
        }
        ledger.schedule(new DueMessage("c-1", "win-back", 2, "order 7", day.plusDays(1), day.plusDays(1),
                MessageKind.TRANSACTIONAL));
        Instant now = Fixtures.at(300_000);
        List<DueMessage> claimed = ledger.claim("node " + PopulatedStore.LINE, day.plusDays(1), now,
                Duration.ofMinutes(5), 2);
        ledger.markDone(claimed.get(0).key(), "node " + PopulatedStore.LINE, "sent " + PopulatedStore.HOSTILE,
                now.plusSeconds(1));
        DoNotContactList dnc = store.campaignStores().doNotContact();
        for (String contact : contacts) {
            dnc.add(new DoNotContact(contact, ChannelKind.EMAIL, DoNotContact.Reason.UNSUBSCRIBED,
                    "link " + PopulatedStore.HOSTILE, now));
        }
        dnc.add(new DoNotContact("c-1", ChannelKind.SMS, DoNotContact.Reason.BOUNCED, "", now.plusSeconds(2)));
        dnc.add(new DoNotContact("c-1", ChannelKind.EMAIL, DoNotContact.Reason.MANUAL, "by hand", Instant.EPOCH
                .minusSeconds(86_400)));
    }
}
