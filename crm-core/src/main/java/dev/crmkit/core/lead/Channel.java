package dev.crmkit.core.lead;

import java.util.Locale;

/** The channel a lead came in through. */
public enum Channel {
    /** A form on the business's web site. */
    WEB_FORM,
    /** A campaign landing page. */
    LANDING_PAGE,
    /** A social-media campaign (lead ads, messages). */
    SOCIAL_CAMPAIGN,
    /** Paid search or display ads. */
    ADS,
    /** An e-mail to the business. */
    EMAIL,
    /** A chat on the site or a messenger. */
    CHAT,
    /** A phone call. */
    CALL,
    /** A file import. */
    IMPORT,
    /** A recommendation by a customer or partner. */
    REFERRAL;

    /**
     * Reads a channel name as people write it: case and the separators {@code -}, {@code _} and space do not matter
     * ({@code web form}, {@code Web-Form}, {@code WEB_FORM}).
     *
     * @throws IllegalArgumentException naming the allowed values if it is none of them
     */
    public static Channel parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (Channel c : values()) {
            if (c.name().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not a channel; use one of "
                + java.util.Arrays.stream(values()).map(Channel::label)
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** The name in lower case with spaces: {@code web form}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
