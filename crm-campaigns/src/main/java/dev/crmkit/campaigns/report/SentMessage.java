package dev.crmkit.campaigns.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A message that went out, as a report counts it. Immutable and thread-safe.
 *
 * @param key       the message's idempotency key (tracking signals refer to it)
 * @param contactId the recipient
 * @param campaign  the campaign
 * @param variant   the A/B variant, empty when the campaign has no test
 * @param sentOn    the day it went out
 */
public record SentMessage(String key, String contactId, String campaign, String variant, LocalDate sentOn) {

    /** Checks the parts are there. */
    public SentMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(sentOn, "sentOn");
    }
}
