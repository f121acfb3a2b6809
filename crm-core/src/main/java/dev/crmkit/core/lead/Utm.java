package dev.crmkit.core.lead;

import java.util.Objects;

/**
 * The UTM tags of the link a lead arrived through. Every part may be empty. Immutable and thread-safe.
 *
 * @param source   {@code utm_source}
 * @param medium   {@code utm_medium}
 * @param campaign {@code utm_campaign}
 * @param term     {@code utm_term}
 * @param content  {@code utm_content}
 */
public record Utm(String source, String medium, String campaign, String term, String content) {

    private static final Utm NONE = new Utm("", "", "", "", "");

    /** Trims the parts. */
    public Utm {
        source = Objects.requireNonNull(source, "source").strip();
        medium = Objects.requireNonNull(medium, "medium").strip();
        campaign = Objects.requireNonNull(campaign, "campaign").strip();
        term = Objects.requireNonNull(term, "term").strip();
        content = Objects.requireNonNull(content, "content").strip();
    }

    /** No tags. */
    public static Utm none() {
        return NONE;
    }

    /** Whether no tag is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
