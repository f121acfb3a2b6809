package dev.crmkit.campaigns.template;

import java.util.Objects;

/**
 * A template filled in for one recipient. Immutable and thread-safe.
 *
 * @param template the template's name
 * @param language the language of the template used (empty for the fallback)
 * @param subject  the subject line
 * @param body     the body text
 */
public record RenderedMessage(String template, String language, String subject, String body) {

    /** Checks the parts are there. */
    public RenderedMessage {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
