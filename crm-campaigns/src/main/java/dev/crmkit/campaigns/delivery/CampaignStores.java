package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.abtest.AbTestStore;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.campaigns.sequence.Enrollments;

/**
 * The stores crm-campaigns keeps its state in, handed out by a host's crmkit store ({@code InMemoryCrmStore},
 * {@code JdbcCrmStore}, {@code SpringCrmStore}): the ledger of due messages, the do-not-contact list, the
 * sequences' enrollments and the host's events, on the same database as the rest of crmkit. Implementations are
 * thread-safe.
 */
public interface CampaignStores {

    /** The ledger of due messages, shared by every node that sends. */
    CampaignMessages messages();

    /** The do-not-contact entries of every contact. */
    DoNotContactList doNotContact();

    /** The enrollments of every sequence, shared by every node that advances sequences. */
    Enrollments enrollments();

    /** The saved segment definitions, shared by every node. */
    SavedSegments segments();

    /** The user-edited templates, every version kept, shared by every node. */
    TemplateStore templates();

    /** The A/B tests: plans, exposures per contact, outcomes and winners, shared by every node. */
    AbTestStore abTests();

    /** The events the host reported about its contacts, for event-triggered campaigns and sequences. */
    dev.crmkit.campaigns.trigger.CampaignEvents events();
}
