package dev.crmkit.campaigns.audience;

import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.ValidationException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact as the campaigns see it: its id, names and addresses, birthday, time zone, marketing consent and language.
 * Immutable and thread-safe.
 *
 * @param id        the contact's id
 * @param firstName the first name, possibly empty
 * @param lastName  the last name, possibly empty
 * @param email     the e-mail address, possibly empty
 * @param phone     the phone number, possibly empty
 * @param birthday  the date of birth, if known
 * @param zone      the contact's time zone: its days are the days a trigger counts
 * @param consent   its marketing consent (crm-core's)
 * @param language  its language tag ({@code de}, {@code en-GB}), possibly empty
 */
public record Recipient(String id, String firstName, String lastName, String email, String phone,
        Optional<LocalDate> birthday, ZoneId zone, MarketingConsent consent, String language) {

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code id} when it is blank
     */
    public Recipient {
        if (Objects.requireNonNull(id, "id").isBlank()) {
            throw ValidationException.of("id", "required", "must not be blank");
        }
        firstName = Objects.requireNonNull(firstName, "firstName").strip();
        lastName = Objects.requireNonNull(lastName, "lastName").strip();
        email = Objects.requireNonNull(email, "email").strip();
        phone = Objects.requireNonNull(phone, "phone").strip();
        Objects.requireNonNull(birthday, "birthday");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(consent, "consent");
        language = Objects.requireNonNull(language, "language").strip();
    }

    /** A recipient with only an id, a zone and a consent (names, addresses and language empty, birthday unknown). */
    public static Recipient of(String id, ZoneId zone, MarketingConsent consent) {
        return new Recipient(id, "", "", "", "", Optional.empty(), zone, consent, "");
    }

    /** A copy with the birthday. */
    public Recipient withBirthday(LocalDate day) {
        return new Recipient(id, firstName, lastName, email, phone, Optional.of(day), zone, consent, language);
    }
}
