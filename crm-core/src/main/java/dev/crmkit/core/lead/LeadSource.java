package dev.crmkit.core.lead;

import java.util.Objects;

/**
 * Where a lead came from. Immutable and thread-safe.
 *
 * @param channel  the channel
 * @param campaign the campaign, possibly empty
 * @param utm      the UTM tags
 * @param referrer who referred the lead or the referring page, possibly empty
 */
public record LeadSource(Channel channel, String campaign, Utm utm, String referrer) {

    /** Validates the parts. */
    public LeadSource {
        Objects.requireNonNull(channel, "channel");
        campaign = Objects.requireNonNull(campaign, "campaign").strip();
        Objects.requireNonNull(utm, "utm");
        referrer = Objects.requireNonNull(referrer, "referrer").strip();
    }

    /** A source with a channel only. */
    public static LeadSource of(Channel channel) {
        return new LeadSource(channel, "", Utm.none(), "");
    }
}
