package dev.crmkit.campaigns.message;

import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One message a campaign has made due for one contact. Dates are days of the contact's own calendar (its time zone).
 * Immutable and thread-safe.
 *
 * @param contactId  the contact
 * @param campaign   the campaign's name, for example {@code birthday} or {@code win-back}
 * @param step       the step of the campaign, from 1 (win-back: 1 for the first offer, 2 for the next, ...)
 * @param occurrence what this message is for within the campaign (a birthday's year, a win-back's last purchase), so
 *                   that a yearly campaign repeats and each occurrence is sent once
 * @param sendOn     the day to send it
 * @param validUntil the last day the message (an offer) is valid; never sent after it
 * @param kind       marketing or transactional
 */
public record DueMessage(String contactId, String campaign, int step, String occurrence, LocalDate sendOn,
        LocalDate validUntil, MessageKind kind) {

    /** Validates the parts. */
    public DueMessage {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(sendOn, "sendOn");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(kind, "kind");
        if (step < 1) {
            throw ValidationException.of("step", "positive", "must be 1 or more, was " + step);
        }
        if (validUntil.isBefore(sendOn)) {
            throw ValidationException.of("validUntil", "not-before-send-day",
                    "must not be before the send day " + sendOn + ", was " + validUntil);
        }
    }

    /**
     * The key that names this message across runs and nodes: contact, campaign, occurrence and step. A message with
     * the same key is the same message; a messaging provider can drop a repeat by it.
     */
    public String key() {
        return contactId + "/" + campaign + "/" + occurrence + "/" + step;
    }

    /** Whether the message may still be sent on the day: on or after its send day and not after it expired. */
    public boolean sendableOn(LocalDate day) {
        return !day.isBefore(sendOn) && !day.isAfter(validUntil);
    }
}
