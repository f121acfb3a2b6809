package dev.crmkit.core.kernel;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalized e-mail address: trimmed and lower-cased, with one {@code @}, a non-empty local part and a domain of at
 * least two labels. Lower-casing the local part is the de-duplication rule crmkit applies (virtually every mail
 * provider treats it case-insensitively).
 *
 * <p>Immutable and thread-safe; {@link #toString()} returns the address, which {@link #parse(String)} reads back.
 *
 * @param value the normalized address
 */
public record EmailAddress(String value) {

    /** The longest address accepted (RFC 5321 path limit). */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    /** Checks that the value is already normalized and well formed. */
    public EmailAddress {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw ValidationException.of("email", "format", problem);
        }
    }

    /**
     * Normalizes and validates raw input.
     *
     * @throws ValidationException naming field {@code email} if the input is not an e-mail address
     */
    public static EmailAddress parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        return new EmailAddress(normalize(raw));
    }

    /** The parsed address, or empty when the input is blank or not an address. */
    public static Optional<EmailAddress> tryParse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String normalized = normalize(raw);
        return problemWith(normalized) == null ? Optional.of(new EmailAddress(normalized)) : Optional.empty();
    }

    /** The normalization alone (trim, strip a {@code mailto:} prefix, lower-case), without validation. */
    public static String normalize(String raw) {
        String s = raw.strip();
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7).strip();
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static String problemWith(String normalized) {
        if (normalized.isEmpty()) {
            return "an e-mail address is required";
        }
        if (normalized.length() > MAX_LENGTH) {
            return "an e-mail address is at most " + MAX_LENGTH + " characters long";
        }
        if (!SHAPE.matcher(normalized).matches() || normalized.contains("..") || normalized.startsWith(".")
                || normalized.contains(".@")) {
            return "'" + normalized + "' is not an e-mail address";
        }
        return null;
    }

    /** The part after the {@code @}, for example {@code acme.com}. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    /** The part before the {@code @}. */
    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }
}
