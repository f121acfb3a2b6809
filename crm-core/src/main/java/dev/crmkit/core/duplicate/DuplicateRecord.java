package dev.crmkit.core.duplicate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record to compare for duplicates: a contact, a lead or a company, as raw text. Every part may be empty (a
 * missing value weighs nothing); values are kept as typed, so one that does not parse (a birthday {@code 1956-02-30},
 * a phone that is not a number) is still compared, as text. Build one with {@link #builder(String)}.
 * Immutable and thread-safe.
 *
 * @param id           the record's id, as the caller knows it
 * @param firstName    given name
 * @param lastName     family name
 * @param companyName  company name (for companies, or a lead's company)
 * @param email        e-mail address
 * @param phone        phone number as typed
 * @param street       street and house number
 * @param postalCode   postal code
 * @param city         city
 * @param region       state, province or county
 * @param country      country (an ISO 3166 code or a name)
 * @param birthday     birthday, ISO {@code yyyy-MM-dd} when it parses
 * @param identifiers  identifiers by kind ({@code national_id}, {@code tax_id}, {@code customer_number})
 * @param customFields other text fields, carried along but not scored
 */
public record DuplicateRecord(String id, String firstName, String lastName, String companyName, String email,
                              String phone, String street, String postalCode, String city, String region,
                              String country, String birthday, Map<String, String> identifiers,
                              Map<String, String> customFields) {

    /** Checks that no part is {@code null}, strips the text and copies the maps. */
    public DuplicateRecord {
        id = Objects.requireNonNull(id, "id").strip();
        firstName = Objects.requireNonNull(firstName, "firstName").strip();
        lastName = Objects.requireNonNull(lastName, "lastName").strip();
        companyName = Objects.requireNonNull(companyName, "companyName").strip();
        email = Objects.requireNonNull(email, "email").strip();
        phone = Objects.requireNonNull(phone, "phone").strip();
        street = Objects.requireNonNull(street, "street").strip();
        postalCode = Objects.requireNonNull(postalCode, "postalCode").strip();
        city = Objects.requireNonNull(city, "city").strip();
        region = Objects.requireNonNull(region, "region").strip();
        country = Objects.requireNonNull(country, "country").strip();
        birthday = Objects.requireNonNull(birthday, "birthday").strip();
        identifiers = Map.copyOf(identifiers);
        customFields = Map.copyOf(customFields);
    }

    /** A builder for the record with this id; every other part starts empty. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link DuplicateRecord}; each setter takes the raw text ({@code null} counts as empty). */
    public static final class Builder {
        private final String id;
        private String firstName = "";
        private String lastName = "";
        private String companyName = "";
        private String email = "";
        private String phone = "";
        private String street = "";
        private String postalCode = "";
        private String city = "";
        private String region = "";
        private String country = "";
        private String birthday = "";
        private final Map<String, String> identifiers = new LinkedHashMap<>();
        private final Map<String, String> customFields = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }

        /** Given and family name. */
        public Builder name(String first, String last) {
            this.firstName = text(first);
            this.lastName = text(last);
            return this;
        }

        /** Company name. */
        public Builder companyName(String value) {
            this.companyName = text(value);
            return this;
        }

        /** E-mail address. */
        public Builder email(String value) {
            this.email = text(value);
            return this;
        }

        /** Phone number as typed. */
        public Builder phone(String value) {
            this.phone = text(value);
            return this;
        }

        /** Postal address parts. */
        public Builder address(String street, String postalCode, String city, String region, String country) {
            this.street = text(street);
            this.postalCode = text(postalCode);
            this.city = text(city);
            this.region = text(region);
            this.country = text(country);
            return this;
        }

        /** Birthday as typed. */
        public Builder birthday(String value) {
            this.birthday = text(value);
            return this;
        }

        /** An identifier of a kind ({@code national_id}, {@code tax_id}, {@code customer_number}); blank is none. */
        public Builder identifier(String kind, String value) {
            if (value != null && !value.isBlank()) {
                identifiers.put(Objects.requireNonNull(kind, "kind"), value.strip());
            }
            return this;
        }

        /** A custom text field; carried along, not scored. */
        public Builder customField(String name, String value) {
            customFields.put(Objects.requireNonNull(name, "name"), text(value));
            return this;
        }

        /** The record. */
        public DuplicateRecord build() {
            return new DuplicateRecord(id, firstName, lastName, companyName, email, phone, street, postalCode, city,
                    region, country, birthday, identifiers, customFields);
        }
    }
}
