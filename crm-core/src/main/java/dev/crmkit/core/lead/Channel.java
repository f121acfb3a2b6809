package dev.crmkit.core.lead;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
    REFERRAL,
    /** Any other source (a trade fair, a mailing); the lead's source detail says which. */
    OTHER;

    /** The labels, made once: capture asks for one on every submission. */
    private static final String[] LABELS = Arrays.stream(values())
            .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toArray(String[]::new);

    /**
     * Reads a channel name as people write it: case and the separators {@code -}, {@code _} and space do not matter
     * ({@code web form}, {@code Web-Form}, {@code WEB_FORM}). Strict: only the channel names themselves are read; see
     * {@link #read(String)} for the lenient reading of source labels from other systems.
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
                + Arrays.stream(values()).map(Channel::label).collect(Collectors.joining(", ")));
    }

    /**
     * Reads a lead-source label as other systems and people write it, never refusing one: a channel name
     * ({@code web form}), a common spelling or synonym ({@code website}, {@code google ads}, {@code e-mail},
     * {@code whatsapp}; see {@link SourceLabel}) gives its channel; anything else gives {@link #OTHER} with the label
     * kept as the detail and {@link SourceLabel#isUnknown()} set.
     *
     * @param label the label as given, possibly blank (which reads as {@link #OTHER} without detail)
     * @throws NullPointerException if the label is null
     */
    public static SourceLabel read(String label) {
        return SourceLabel.read(label);
    }

    /** The name in lower case with spaces: {@code web form}. */
    public String label() {
        return LABELS[ordinal()];
    }
}
