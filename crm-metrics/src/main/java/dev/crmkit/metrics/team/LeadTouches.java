package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One lead as lead response reads it: who owns it, the channel it came in by, when it was captured and when the
 * business contacted it (calls, e-mails, messages or meetings towards the lead). Immutable and thread-safe.
 *
 * @param lead       the lead's id
 * @param owner      its owner, not blank (unowned leads are grouped under a name of the caller's choice)
 * @param channel    the channel it came in by, not blank
 * @param capturedAt when it was captured
 * @param contacts   when it was contacted, in any order; contacts before the capture are not responses and are
 *                   ignored
 */
public record LeadTouches(String lead, String owner, String channel, Instant capturedAt, List<Instant> contacts) {

    /**
     * Validates the record.
     *
     * @throws ValidationException naming {@code owner} or {@code channel} when blank
     */
    public LeadTouches {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(capturedAt, "capturedAt");
        contacts = List.copyOf(contacts);
        if (owner.isBlank()) {
            throw ValidationException.of("owner", "required", "a lead's owner must not be blank");
        }
        if (channel.isBlank()) {
            throw ValidationException.of("channel", "required", "a lead's channel must not be blank");
        }
    }

    /** The contacts at or after the capture, earliest first. */
    public List<Instant> responses() {
        return contacts.stream().filter(c -> !c.isBefore(capturedAt)).sorted().toList();
    }
}
