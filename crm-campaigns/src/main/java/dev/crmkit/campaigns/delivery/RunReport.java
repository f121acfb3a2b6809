package dev.crmkit.campaigns.delivery;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one run did. Immutable and thread-safe.
 *
 * @param sent           messages the channel accepted
 * @param held           messages held back for good (no consent any more, no address, rejected by the channel)
 * @param deferred       messages left for a later run by a frequency cap, the send window or a send day not yet come
 *                       on the recipient's calendar (sent then if still valid)
 * @param sentByCampaign sent messages per campaign
 * @param sentByVariant  sent messages per campaign and A/B variant ({@code birthday/B}), for campaigns with a test
 */
public record RunReport(int sent, int held, int deferred, Map<String, Integer> sentByCampaign,
        Map<String, Integer> sentByVariant) {

    /** Copies the maps. */
    public RunReport {
        sentByCampaign = Map.copyOf(new TreeMap<>(sentByCampaign));
        sentByVariant = Map.copyOf(new TreeMap<>(sentByVariant));
    }
}
