package dev.crmkit.core.kernel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone number in E.164 form ({@code +493012345678}), with its extension when it has one, parsed and validated with
 * libphonenumber. Extensions as people write them ({@code +49 30 901820 ext. 12}, {@code x12}, {@code ;ext=12}) are
 * kept, and numbers that differ only in the extension are different numbers (two desks behind one switchboard).
 *
 * <p>Immutable and thread-safe; {@link #toString()} returns the E.164 form followed by {@code ;ext=} and the
 * extension if there is one ({@code +4930901820;ext=12}, as in RFC 3966), which {@link #of(String)} and
 * {@link #parse(String, String)} (with any default region) read back. At most {@value #MAX_LENGTH} characters.
 */
public final class PhoneNumber {

    /** The longest {@link #toString()} form: 16 for E.164, 5 for {@code ;ext=}, 20 extension digits. */
    public static final int MAX_LENGTH = 41;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String EXTENSION = ";ext=";

    private final String e164;
    private final String extension;

    private PhoneNumber(String e164, String extension) {
        this.e164 = e164;
        this.extension = extension;
    }

    /**
     * A number in the form {@link #toString()} writes: E.164, optionally followed by {@code ;ext=} and digits.
     *
     * @throws ValidationException naming field {@code phone} if it is not a valid number in that form
     */
    public static PhoneNumber of(String value) {
        Objects.requireNonNull(value, "value");
        Optional<PhoneNumber> valid = value.startsWith("+") ? read(value, "ZZ") : Optional.empty();
        if (valid.isEmpty() || !valid.get().toString().equals(value)) {
            throw ValidationException.of("phone", "format", "'" + Text.excerpt(value)
                    + "' is not a valid phone number in E.164 form (with ;ext= and digits for an extension)");
        }
        return valid.get();
    }

    /**
     * A number a {@link PhoneNumber} wrote with {@link #toString()}, rebuilt without asking libphonenumber again: only
     * its shape is checked ({@code +}, a first digit 1-9, at most 15 digits, optionally {@code ;ext=} and 1 to 20
     * digits). For {@code dev.crmkit.core.internal.StoredValues} alone, which crmkit's stores call for what they wrote
     * themselves; it reaches this method through a private method-handle lookup, so nothing here names it.
     *
     * @throws IllegalArgumentException if the text does not have that shape (a store's data was damaged)
     */
    static PhoneNumber stored(String value) {
        int ext = value.indexOf(EXTENSION);
        int end = ext < 0 ? value.length() : ext;
        boolean shaped = end >= 3 && end <= 16 && value.charAt(0) == '+' && value.charAt(1) != '0'
                && digits(value, 1, end)
                && (ext < 0 || value.length() - end - EXTENSION.length() >= 1
                && value.length() - end - EXTENSION.length() <= 20 && digits(value, end + EXTENSION.length(),
                value.length()));
        if (!shaped) {
            throw new IllegalArgumentException("a stored phone number is not in the form PhoneNumber writes: '"
                    + Text.excerpt(value) + "'");
        }
        return ext < 0 ? new PhoneNumber(value, "")
                : new PhoneNumber(value.substring(0, end), value.substring(end + EXTENSION.length()));
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses raw input: an international number ({@code +44 20 7946 0958}, {@code 0044...}) or a national one read in
     * the default region ({@code 030 901820} in {@code DE}), with an extension if one is written
     * ({@code ext. 12}, {@code x12}, {@code ;ext=12}).
     *
     * @param raw           what the person typed
     * @param defaultRegion ISO 3166 two-letter region for numbers written without a country code
     * @throws ValidationException naming field {@code phone} if it is not a valid number
     */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        return read(raw, defaultRegion).orElseThrow(() -> ValidationException.of(
                "phone", "format", "'" + Text.excerpt(raw.strip()) + "' is not a valid phone number (default region "
                        + Text.excerpt(defaultRegion.toUpperCase(Locale.ROOT)) + ")"));
    }

    /** The parsed number, or empty when the input is blank or not a valid number. */
    public static Optional<PhoneNumber> tryParse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return read(raw, defaultRegion);
    }

    private static Optional<PhoneNumber> read(String raw, String region) {
        String s = raw.strip();
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(s, region.toUpperCase(Locale.ROOT));
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            String extension = parsed.hasExtension() ? parsed.getExtension() : "";
            if (!extension.chars().allMatch(c -> c >= '0' && c <= '9')) {
                extension = extension.codePoints().map(Character::getNumericValue)
                        .collect(StringBuilder::new, StringBuilder::append, StringBuilder::append).toString();
            }
            return Optional.of(new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164),
                    extension));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number in E.164 form, without the extension. */
    public String e164() {
        return e164;
    }

    /** The extension (digits), if the number has one. */
    public Optional<String> extension() {
        return extension.isEmpty() ? Optional.empty() : Optional.of(extension);
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
        return o instanceof PhoneNumber p && e164.equals(p.e164) && extension.equals(p.extension);
    }

    @Override
    public int hashCode() {
        return e164.hashCode() * 31 + extension.hashCode();
    }

    /** The E.164 form, followed by {@code ;ext=} and the extension if there is one. */
    @Override
    public String toString() {
        return extension.isEmpty() ? e164 : e164 + EXTENSION + extension;
    }
}
