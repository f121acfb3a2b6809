package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.abtest.AbTestStore;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.trigger.CampaignEvents;

/**
 * crm-campaigns' stores in memory: an {@link InMemoryCampaignMessages} ledger, an {@link InMemoryDoNotContactList}
 * {@link InMemoryEnrollments}, {@link InMemoryCampaignEvents}, {@link InMemorySavedSegments},
 * {@link InMemoryTemplateStore} and {@link InMemoryAbTestStore},
 * what {@link InMemoryCrmStore#campaignStores()} hands out. Needs crm-campaigns on the class path (optional here).
 * Thread-safe.
 */
public final class InMemoryCampaignStores implements CampaignStores {

    private final InMemoryCampaignMessages messages = new InMemoryCampaignMessages();
    private final InMemoryDoNotContactList doNotContact = new InMemoryDoNotContactList();
    private final InMemoryEnrollments enrollments = new InMemoryEnrollments();
    private final InMemorySavedSegments segments = new InMemorySavedSegments();
    private final InMemoryTemplateStore templates = new InMemoryTemplateStore();
    private final InMemoryAbTestStore abTests = new InMemoryAbTestStore();
    private final InMemoryCampaignEvents events = new InMemoryCampaignEvents();

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

    @Override
    public Enrollments enrollments() {
        return enrollments;
    }

    @Override
    public SavedSegments segments() {
        return segments;
    }

    @Override
    public TemplateStore templates() {
        return templates;
    }

    @Override
    public AbTestStore abTests() {
        return abTests;
    }

    @Override
    public CampaignEvents events() {
        return events;
    }
}
