package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignStores;

/**
 * crm-campaigns' stores in memory: an {@link InMemoryCampaignMessages} ledger and an {@link InMemoryDoNotContactList},
 * what {@link InMemoryCrmStore#campaignStores()} hands out. Needs crm-campaigns on the class path (optional here).
 * Thread-safe.
 */
public final class InMemoryCampaignStores implements CampaignStores {

    private final InMemoryCampaignMessages messages = new InMemoryCampaignMessages();
    private final InMemoryDoNotContactList doNotContact = new InMemoryDoNotContactList();

    /** Empty stores. */
    public InMemoryCampaignStores() {
    }

    @Override
    public CampaignMessages messages() {
        return messages;
    }

    @Override
    public DoNotContactList doNotContact() {
        return doNotContact;
    }
}
