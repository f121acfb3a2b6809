package dev.crmkit.core.lead;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a lead came from. Immutable and thread-safe.
 *
 * @param channel  the channel
 * @param detail   the source label as the sender wrote it, when it said more than the channel: the platform
 *                 ({@code facebook}) or a label crmkit does not know ({@code trade fair 2026}, with channel
 *                 {@link Channel#OTHER}); see {@link Channel#read(String)}
 * @param campaign the campaign, possibly empty
 * @param utm      the UTM tags
 * @param referrer who referred the lead or the referring page, possibly empty
 */
public record LeadSource(Channel channel, Optional<String> detail, String campaign, Utm utm, String referrer) {

    /** Validates the parts; a blank detail is none. */
    public LeadSource {
        Objects.requireNonNull(channel, "channel");
        detail = Objects.requireNonNull(detail, "detail").map(String::strip).filter(d -> !d.isEmpty());
        campaign = Objects.requireNonNull(campaign, "campaign").strip();
        Objects.requireNonNull(utm, "utm");
        referrer = Objects.requireNonNull(referrer, "referrer").strip();
    }

    /** A source without detail. */
    public LeadSource(Channel channel, String campaign, Utm utm, String referrer) {
        this(channel, Optional.empty(), campaign, utm, referrer);
    }

    /** A source with a channel only. */
    public static LeadSource of(Channel channel) {
        return new LeadSource(channel, Optional.empty(), "", Utm.none(), "");
    }

    /** The channel's label with the detail, as shown to people: {@code other (trade fair 2026)}, {@code web form}. */
    public String label() {
        return detail.map(d -> channel.label() + " (" + d + ")").orElse(channel.label());
    }
}
