package dev.crmkit.core.kernel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone number in E.164 form ({@code +493012345678}), parsed and validated with libphonenumber.
 *
 * <p>Immutable and thread-safe; {@link #toString()} returns the E.164 form, which {@link #of(String)} and
 * {@link #parse(String, String)} (with any default region) read back.
 */
public final class PhoneNumber {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    /**
     * A number already in E.164 form, as {@link #toString()} writes it.
     *
     * @throws ValidationException naming field {@code phone} if it is not a valid number in that form
     */
    public static PhoneNumber of(String e164) {
        Objects.requireNonNull(e164, "e164");
        Optional<String> valid = e164.startsWith("+") ? toE164(e164, "ZZ") : Optional.empty();
        if (valid.isEmpty() || !valid.get().equals(e164)) {
            throw ValidationException.of("phone", "format", "'" + e164 + "' is not a valid phone number in E.164 form");
        }
        return new PhoneNumber(e164);
    }

    /**
     * Parses raw input: an international number ({@code +44 20 7946 0958}, {@code 0044...}) or a national one read in
     * the default region ({@code 030 901820} in {@code DE}).
     *
     * @param raw           what the person typed
     * @param defaultRegion ISO 3166 two-letter region for numbers written without a country code
     * @throws ValidationException naming field {@code phone} if it is not a valid number
     */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        return toE164(raw, defaultRegion).map(PhoneNumber::new).orElseThrow(() -> ValidationException.of(
                "phone", "format", "'" + raw.strip() + "' is not a valid phone number (default region "
                        + defaultRegion.toUpperCase(Locale.ROOT) + ")"));
    }

    /** The parsed number, or empty when the input is blank or not a valid number. */
    public static Optional<PhoneNumber> tryParse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return toE164(raw, defaultRegion).map(PhoneNumber::new);
    }

    private static Optional<String> toE164(String raw, String region) {
        String s = raw.strip();
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(s, region.toUpperCase(Locale.ROOT));
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number in E.164 form. */
    public String e164() {
        return e164;
    }

    /** The ISO 3166 region the number belongs to, for example {@code DE}. */
    public String region() {
        try {
            return UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            throw new IllegalStateException("a validated number no longer parses: " + e164, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber p && e164.equals(p.e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return e164;
    }
}
