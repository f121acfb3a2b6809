package dev.crmkit.kit.archive;

import dev.crmkit.campaigns.trigger.HostEvent;

import java.util.Objects;

/**
 * One of crm-campaigns' host events as the store export holds it: the event with the idempotency key the host
 * reported it under (its key in the archive, {@link Archives#campaignEvents()}). Only used with crm-campaigns on the
 * class path.
 *
 * @param key   the host's idempotency key of the event
 * @param event the event
 */
public record CampaignEventEntry(String key, HostEvent event) {

    /** Checks the parts are there. */
    public CampaignEventEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
    }
}
