package dev.crmkit.core.kernel;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Locale;
import java.util.Objects;

/**
 * A postal address. Every part is trimmed text and may be empty, except the country, which when given is an ISO
 * 3166 two-letter code in upper case. Immutable and thread-safe.
 *
 * @param label      what the address is for: {@code billing}, {@code site: Hamburg plant}, {@code home}
 * @param street     street and number
 * @param postalCode the postal code
 * @param city       the city
 * @param region     state, province or county
 * @param country    ISO 3166 alpha-2 code, or empty
 */
public record Address(String label, String street, String postalCode, String city, String region, String country) {

    /** Normalizes and validates the parts. */
    public Address {
        label = Objects.requireNonNull(label, "label").strip();
        street = Objects.requireNonNull(street, "street").strip();
        postalCode = Objects.requireNonNull(postalCode, "postalCode").strip();
        city = Objects.requireNonNull(city, "city").strip();
        region = Objects.requireNonNull(region, "region").strip();
        country = Objects.requireNonNull(country, "country").strip().toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !java.util.Set.of(Locale.getISOCountries()).contains(country)) {
            throw ValidationException.of("address.country", "iso-3166", "'" + country
                    + "' is not an ISO 3166 two-letter country code");
        }
    }
}
