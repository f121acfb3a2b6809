package dev.crmkit.campaigns.trigger;

import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.kernel.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The re-contact trigger: a message when nobody has spoken to a contact for {@code days} days, on the contact's
 * calendar; once per silence (the occurrence is the day of the last interaction, so a newer interaction starts a new
 * count). Immutable and thread-safe.
 *
 * @param days     days of silence, 1 to 3650
 * @param validDays days the message stays valid, 0 to 365
 */
public record InactivityTrigger(int days, int validDays) {

    /** The campaign's name. */
    public static final String CAMPAIGN = "re-contact";

    /**
     * Validates the days.
     *
     * @throws ValidationException naming {@code days} or {@code validDays}
     */
    public InactivityTrigger {
        if (days < 1 || days > 3650) {
            throw ValidationException.of("days", "range", "must be from 1 to 3650, was " + days);
        }
        if (validDays < 0 || validDays > 365) {
            throw ValidationException.of("validDays", "range", "must be from 0 to 365, was " + validDays);
        }
    }

    /** The message due on {@code day} for a contact whose last interaction was at {@code lastInteraction}, if any. */
    public Optional<DueMessage> dueOn(String contactId, Optional<Instant> lastInteraction, ZoneId zone,
            LocalDate day) {
        Objects.requireNonNull(contactId, "contactId");
        return lastInteraction.map(at -> at.atZone(zone).toLocalDate())
                .filter(last -> last.plusDays(days).equals(day))
                .map(last -> new DueMessage(contactId, CAMPAIGN, 1, last.toString(), day, day.plusDays(validDays),
                        MessageKind.MARKETING));
    }
}
