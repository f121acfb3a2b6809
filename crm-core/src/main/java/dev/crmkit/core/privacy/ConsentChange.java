package dev.crmkit.core.privacy;

import dev.crmkit.core.access.Actor;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a person's consent history: marketing consent on one channel granted or withdrawn, where it came from,
 * when and by whom it was recorded. Entries are appended, never changed (an erasure blanks the source). Immutable.
 *
 * @param id      the identity
 * @param contact whose consent
 * @param channel on which channel
 * @param status  {@code GRANTED} or {@code WITHDRAWN}
 * @param source  where it came from (a form, a call, an unsubscribe link), 1 to {@value #MAX_SOURCE_LENGTH} characters
 * @param at      when it was recorded, from the clock
 * @param actor   who recorded it
 */
public record ConsentChange(UUID id, ContactId contact, ConsentChannel channel, MarketingConsent.Status status,
                            String source, Instant at, Actor actor) {

    /** The longest source kept. */
    public static final int MAX_SOURCE_LENGTH = 200;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming {@code status} when it is {@code UNKNOWN}, or {@code source} when it
     *                                  is blank or too long
     */
    public ConsentChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        if (status == MarketingConsent.Status.UNKNOWN) {
            throw new IllegalArgumentException("status: a consent change grants or withdraws, got UNKNOWN [granted|"
                    + "withdrawn]");
        }
        source = Objects.requireNonNull(source, "source").strip();
        if (source.isEmpty()) {
            throw new IllegalArgumentException("source: must not be blank [required]");
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("source: at most " + MAX_SOURCE_LENGTH + " characters, got "
                    + source.length() + " [length]");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }

    /** Whether consent was granted. */
    public boolean granted() {
        return status == MarketingConsent.Status.GRANTED;
    }
}
