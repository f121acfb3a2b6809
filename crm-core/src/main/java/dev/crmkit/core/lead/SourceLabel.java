package dev.crmkit.core.lead;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead-source label as {@link Channel#read(String)} read it: the channel it names and the detail worth keeping.
 * Immutable and thread-safe.
 *
 * <p>The reading is lenient, like the lead-source pick lists of common CRMs: case, white space, {@code -}, {@code _},
 * {@code .} and {@code /} do not matter. Channel names and plain spellings ({@code web}, {@code website},
 * {@code landing}, {@code ppc}, {@code telephone}, {@code e-mail}, {@code recommendation}, {@code csv}) give their
 * channel without detail. Named platforms ({@code facebook}, {@code instagram}, {@code linkedin}, {@code google ads},
 * {@code adwords}, {@code whatsapp}, ...) give their channel and keep the label as the detail, so "facebook" and
 * "linkedin" stay apart. Anything else is {@link Channel#OTHER} with the trimmed label as the detail and
 * {@link #isUnknown()} set; a blank label is {@link Channel#OTHER} without detail and also unknown.
 *
 * @param channel the channel the label names
 * @param detail  the label as given (trimmed), when it says more than the channel
 * @param unknown whether the label named no channel, spelling or synonym crmkit knows
 */
public record SourceLabel(Channel channel, Optional<String> detail, boolean unknown) {

    /** Spellings that name a channel and say nothing more. */
    private static final Map<String, Channel> SPELLINGS = Map.ofEntries(
            Map.entry("web", Channel.WEB_FORM), Map.entry("website", Channel.WEB_FORM),
            Map.entry("web site", Channel.WEB_FORM), Map.entry("site", Channel.WEB_FORM),
            Map.entry("form", Channel.WEB_FORM), Map.entry("webform", Channel.WEB_FORM),
            Map.entry("contact form", Channel.WEB_FORM), Map.entry("online form", Channel.WEB_FORM),
            Map.entry("online", Channel.WEB_FORM), Map.entry("internet", Channel.WEB_FORM),
            Map.entry("web lead", Channel.WEB_FORM),
            Map.entry("landing", Channel.LANDING_PAGE), Map.entry("landingpage", Channel.LANDING_PAGE),
            Map.entry("lp", Channel.LANDING_PAGE),
            Map.entry("social", Channel.SOCIAL_CAMPAIGN), Map.entry("social media", Channel.SOCIAL_CAMPAIGN),
            Map.entry("social campaign", Channel.SOCIAL_CAMPAIGN), Map.entry("social ads", Channel.SOCIAL_CAMPAIGN),
            Map.entry("paid social", Channel.SOCIAL_CAMPAIGN), Map.entry("organic social", Channel.SOCIAL_CAMPAIGN),
            Map.entry("ad", Channel.ADS), Map.entry("advertisement", Channel.ADS),
            Map.entry("advertising", Channel.ADS), Map.entry("ppc", Channel.ADS), Map.entry("cpc", Channel.ADS),
            Map.entry("paid search", Channel.ADS), Map.entry("sem", Channel.ADS), Map.entry("display", Channel.ADS),
            Map.entry("display ads", Channel.ADS), Map.entry("banner", Channel.ADS),
            Map.entry("e mail", Channel.EMAIL), Map.entry("mail", Channel.EMAIL),
            Map.entry("email campaign", Channel.EMAIL), Map.entry("newsletter", Channel.EMAIL),
            Map.entry("inbound email", Channel.EMAIL),
            Map.entry("live chat", Channel.CHAT), Map.entry("livechat", Channel.CHAT),
            Map.entry("web chat", Channel.CHAT), Map.entry("chatbot", Channel.CHAT), Map.entry("bot", Channel.CHAT),
            Map.entry("messenger", Channel.CHAT),
            Map.entry("phone", Channel.CALL), Map.entry("telephone", Channel.CALL), Map.entry("tel", Channel.CALL),
            Map.entry("phone call", Channel.CALL), Map.entry("phone inquiry", Channel.CALL),
            Map.entry("cold call", Channel.CALL), Map.entry("inbound call", Channel.CALL),
            Map.entry("calls", Channel.CALL),
            Map.entry("csv", Channel.IMPORT), Map.entry("file", Channel.IMPORT), Map.entry("upload", Channel.IMPORT),
            Map.entry("list import", Channel.IMPORT), Map.entry("imported", Channel.IMPORT),
            Map.entry("referrals", Channel.REFERRAL), Map.entry("recommendation", Channel.REFERRAL),
            Map.entry("word of mouth", Channel.REFERRAL), Map.entry("customer referral", Channel.REFERRAL),
            Map.entry("employee referral", Channel.REFERRAL), Map.entry("partner referral", Channel.REFERRAL),
            Map.entry("partner", Channel.REFERRAL), Map.entry("referred", Channel.REFERRAL),
            Map.entry("other", Channel.OTHER));

    /** Named platforms: the channel, with the platform's name kept as the detail. */
    private static final Map<String, Channel> PLATFORMS = Map.ofEntries(
            Map.entry("facebook", Channel.SOCIAL_CAMPAIGN), Map.entry("fb", Channel.SOCIAL_CAMPAIGN),
            Map.entry("facebook ads", Channel.SOCIAL_CAMPAIGN), Map.entry("meta", Channel.SOCIAL_CAMPAIGN),
            Map.entry("instagram", Channel.SOCIAL_CAMPAIGN), Map.entry("linkedin", Channel.SOCIAL_CAMPAIGN),
            Map.entry("linked in", Channel.SOCIAL_CAMPAIGN), Map.entry("xing", Channel.SOCIAL_CAMPAIGN),
            Map.entry("twitter", Channel.SOCIAL_CAMPAIGN), Map.entry("x", Channel.SOCIAL_CAMPAIGN),
            Map.entry("tiktok", Channel.SOCIAL_CAMPAIGN), Map.entry("youtube", Channel.SOCIAL_CAMPAIGN),
            Map.entry("pinterest", Channel.SOCIAL_CAMPAIGN),
            Map.entry("google", Channel.ADS), Map.entry("google ads", Channel.ADS),
            Map.entry("adwords", Channel.ADS), Map.entry("google adwords", Channel.ADS),
            Map.entry("bing", Channel.ADS), Map.entry("bing ads", Channel.ADS),
            Map.entry("microsoft ads", Channel.ADS),
            Map.entry("whatsapp", Channel.CHAT), Map.entry("telegram", Channel.CHAT),
            Map.entry("signal", Channel.CHAT), Map.entry("intercom", Channel.CHAT),
            Map.entry("zendesk chat", Channel.CHAT));

    /** Validates the parts. */
    public SourceLabel {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(detail, "detail");
        if (unknown && channel != Channel.OTHER) {
            throw new IllegalArgumentException("an unknown label reads as channel OTHER, not " + channel);
        }
    }

    /** See {@link Channel#read(String)}. */
    static SourceLabel read(String label) {
        String given = Objects.requireNonNull(label, "label").strip();
        String key = given.toLowerCase(Locale.ROOT).replaceAll("[\\s_./-]+", " ").strip();
        if (key.isEmpty()) {
            return new SourceLabel(Channel.OTHER, Optional.empty(), true);
        }
        Channel named = named(key);
        if (named != null) {
            return new SourceLabel(named, Optional.empty(), false);
        }
        if (SPELLINGS.containsKey(key)) {
            return new SourceLabel(SPELLINGS.get(key), Optional.empty(), false);
        }
        if (PLATFORMS.containsKey(key)) {
            return new SourceLabel(PLATFORMS.get(key), Optional.of(given), false);
        }
        return new SourceLabel(Channel.OTHER, Optional.of(given), true);
    }

    private static Channel named(String key) {
        String name = key.toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Channel c : Channel.values()) {
            if (c.name().equals(name) || c.name().replace("_", "").equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Whether the label named no channel, spelling or synonym crmkit knows (it was kept as the detail). */
    public boolean isUnknown() {
        return unknown;
    }
}
