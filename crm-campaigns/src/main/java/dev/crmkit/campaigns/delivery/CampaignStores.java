package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.audience.DoNotContactList;

/**
 * The stores crm-campaigns keeps its state in, handed out by a host's crmkit store ({@code InMemoryCrmStore},
 * {@code JdbcCrmStore}, {@code SpringCrmStore}): the ledger of due messages and the do-not-contact list, on the same
 * database as the rest of crmkit. Implementations are thread-safe.
 */
public interface CampaignStores {

    /** The ledger of due messages, shared by every node that sends. */
    CampaignMessages messages();

    /** The do-not-contact entries of every contact. */
    DoNotContactList doNotContact();
}
