package dev.crmkit.core.company;

import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.Text;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.ValidationException;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organization the business deals with.
 *
 * <p><b>Lifecycle.</b> Created by hand, or by lead capture from a company name or from the domain of a non-public
 * e-mail address; then enriched with its legal identity, address, industry and size. Contacts link to it through
 * their affiliations; the company does not list them (aggregates refer to each other by id only).
 *
 * <p><b>Invariants.</b> The display name is never empty. Within a store, a web domain belongs to one company at most.
 *
 * <p>Immutable and thread-safe; every change returns a copy.
 *
 * @param id                 the identity
 * @param version            the stored version, 0 before the first save
 * @param name               the name people use, never empty
 * @param legalName          the registered legal name, possibly empty
 * @param registrationNumber the trade-register number, possibly empty
 * @param taxNumber          the tax or VAT number, possibly empty
 * @param legalAddress       the registered address, if known
 * @param webDomain          the web domain, if known
 * @param industry           the industry, possibly empty
 * @param size               the head-count band
 * @param customFields       custom field values
 * @param createdAt          when it was created
 * @param updatedAt          when it last changed
 */
public record Company(CompanyId id, long version, String name, String legalName, String registrationNumber,
                      String taxNumber, Optional<Address> legalAddress, Optional<WebDomain> webDomain,
                      String industry, CompanySize size, CustomFields customFields, Instant createdAt,
                      Instant updatedAt) {

    /** Normalizes text parts and checks the invariants. */
    public Company {
        Objects.requireNonNull(id, "id");
        name = Text.clean(name, "companyName");
        if (name.isEmpty()) {
            throw ValidationException.of("companyName", "required", "a company needs a name");
        }
        legalName = Text.clean(legalName, "legalName");
        registrationNumber = Text.clean(registrationNumber, "registrationNumber");
        taxNumber = Text.clean(taxNumber, "taxNumber");
        Objects.requireNonNull(legalAddress, "legalAddress");
        Objects.requireNonNull(webDomain, "webDomain");
        industry = Text.clean(industry, "industry");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(customFields, "customFields");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPLIT_INITIALS = Pattern.compile("(?<=\\b\\p{L}) (?=\\p{L}\\b)");
    private static final Pattern LEGAL_FORM_SUFFIX =
            Pattern.compile("\\s+(gmbh|inc|ltd|llc|ag|sa|sas|bv|oy|ab|srl|spa|co|corp|plc|kg|ug)$");

    /** A new, not yet stored company with a name and, if known, a web domain. */
    public static Company create(CompanyId id, String name, Optional<WebDomain> webDomain, Instant now) {
        return new Company(id, 0, name, "", "", "", Optional.empty(), webDomain, "", CompanySize.UNKNOWN,
                CustomFields.empty(), now, now);
    }

    /**
     * The key names are matched by: accents removed, lower case, punctuation dropped and common legal-form suffixes
     * (GmbH, Inc, Ltd, LLC, AG, SA, SAS, BV, Oy, AB, SRL, SpA, Co, Corp, also written with dots: S.A., B.V.) removed. {@code "ACME GmbH"} and
     * {@code "Acme"} have the same key.
     */
    public static String nameKey(String name) {
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        s = NOT_LETTER_OR_DIGIT.matcher(s).replaceAll(" ").strip();
        s = SPLIT_INITIALS.matcher(s).replaceAll(""); // "s a" from "S.A." becomes "sa"
        String previous;
        do {
            previous = s;
            s = LEGAL_FORM_SUFFIX.matcher(s).replaceAll("").strip();
        } while (!s.equals(previous));
        return s.isEmpty() ? name.strip().toLowerCase(Locale.ROOT) : s;
    }

    /** The key of this company's name, see {@link #nameKey(String)}. */
    public String nameKey() {
        return nameKey(name);
    }

    /** A copy with another display name (never empty). */
    public Company withName(String newName, Instant now) {
        return new Company(id, version, newName, legalName, registrationNumber, taxNumber, legalAddress, webDomain,
                industry, size, customFields, createdAt, now);
    }

    /** A copy with the legal identity replaced. */
    public Company withLegalIdentity(String newLegalName, String newRegistrationNumber, String newTaxNumber,
                                     Optional<Address> newLegalAddress, Instant now) {
        return new Company(id, version, name, newLegalName, newRegistrationNumber, newTaxNumber, newLegalAddress,
                webDomain, industry, size, customFields, createdAt, now);
    }

    /** A copy with industry and size replaced. */
    public Company withProfile(String newIndustry, CompanySize newSize, Instant now) {
        return new Company(id, version, name, legalName, registrationNumber, taxNumber, legalAddress, webDomain,
                newIndustry, newSize, customFields, createdAt, now);
    }

    /** A copy with another web domain. */
    public Company withWebDomain(Optional<WebDomain> newDomain, Instant now) {
        return new Company(id, version, name, legalName, registrationNumber, taxNumber, legalAddress, newDomain,
                industry, size, customFields, createdAt, now);
    }

    /** A copy with other custom field values (validate them against the schema first). */
    public Company withCustomFields(CustomFields values, Instant now) {
        return new Company(id, version, name, legalName, registrationNumber, taxNumber, legalAddress, webDomain,
                industry, size, values, createdAt, now);
    }

    /** A copy at another stored version; for stores only. */
    public Company atVersion(long newVersion) {
        return new Company(id, newVersion, name, legalName, registrationNumber, taxNumber, legalAddress, webDomain,
                industry, size, customFields, createdAt, updatedAt);
    }
}
