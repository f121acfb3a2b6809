package dev.crmkit.core.kernel;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A normalized e-mail address: trimmed and lower-cased, with one {@code @}, a non-empty local part and a domain of at
 * least two labels. Lower-casing the local part is the de-duplication rule crmkit applies (virtually every mail
 * provider treats it case-insensitively).
 *
 * <p><b>Internationalized domains.</b> A domain written in Unicode ({@code joerg@müller.de}) is accepted and stored
 * in its ASCII (punycode) form ({@code joerg@xn--mller-kva.de}, {@link java.net.IDN#toASCII(String)}), so both
 * spellings are one address for de-duplication and every store key stays ASCII; {@link #toUnicode()} gives the
 * readable form. The JDK's IDN follows IDNA 2003 (so {@code ß} maps to {@code ss}). The local part stays ASCII.
 *
 * <p>Immutable and thread-safe; {@link #toString()} returns the address, which {@link #parse(String)} reads back.
 *
 * @param value the normalized address
 */
public record EmailAddress(String value) {

    /** The longest address accepted (RFC 5321 path limit). */
    public static final int MAX_LENGTH = 254;

    /** The characters of a local part besides letters and digits. */
    private static final String LOCAL_SIGNS = "!#$%&'*+/=?^_`{|}~.-";

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

    /**
     * The normalization alone (trim, strip a {@code mailto:} prefix, lower-case, a Unicode domain to its ASCII form),
     * without validation.
     */
    public static String normalize(String raw) {
        String s = raw.strip();
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7).strip();
        }
        return asciiDomain(s.toLowerCase(Locale.ROOT));
    }

    /** The address with a non-ASCII domain in punycode; as it was when there is none or it is no valid IDN. */
    private static String asciiDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || isAscii(address, at + 1)) {
            return address;
        }
        try {
            String ascii = IDN.toASCII(address.substring(at + 1)).toLowerCase(Locale.ROOT);
            return address.substring(0, at + 1) + ascii;
        } catch (IllegalArgumentException notAnIdn) {
            return address; // refused by the shape check with the address as typed
        }
    }

    private static boolean isAscii(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The address with its domain in Unicode, as people read it: {@code joerg@müller.de}. */
    public String toUnicode() {
        return localPart() + "@" + IDN.toUnicode(domain());
    }

    private static String problemWith(String normalized) {
        if (normalized.isEmpty()) {
            return "an e-mail address is required";
        }
        if (normalized.length() > MAX_LENGTH) {
            return "an e-mail address is at most " + MAX_LENGTH + " characters long";
        }
        if (!hasShape(normalized) || normalized.contains("..") || normalized.startsWith(".")
                || normalized.contains(".@")) {
            return "'" + Text.excerpt(normalized) + "' is not an e-mail address";
        }
        return null;
    }

    /**
     * Whether the text is a local part of 1 to 64 of {@code [a-z0-9]} and {@value #LOCAL_SIGNS}, an {@code @}, and a
     * domain of at least two dot-separated labels of 1 to 63 of {@code [a-z0-9-]} that neither start nor end with a
     * hyphen: the shape
     * {@code [a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+},
     * read in one scan.
     */
    private static boolean hasShape(String s) {
        int at = s.indexOf('@');
        if (at < 1 || at > 64) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || LOCAL_SIGNS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return Text.isDomain(s, at + 1);
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
