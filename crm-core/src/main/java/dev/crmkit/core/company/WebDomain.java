package dev.crmkit.core.company;

import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Text;
import dev.crmkit.core.kernel.ValidationException;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A company's web domain, normalized: lower case, no scheme, no leading {@code www.} label (unless it is all there is
 * before the top-level domain, as in {@code www.com}), no path, internationalized names in their ASCII form. {@code https://www.Acme.com/about} becomes {@code acme.com}. Immutable and thread-safe.
 *
 * @param value the normalized domain
 */
public record WebDomain(String value) {

    /** A URL's scheme and "://", compiled once ({@code String.replaceFirst} compiled it on every call). */
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");

    /** Checks that the value is a normalized domain. */
    public WebDomain {
        Objects.requireNonNull(value, "value");
        if (value.length() > 253 || !Text.isDomain(value, 0) // the shape in one scan: no Matcher per domain
                || value.startsWith("www.") && value.indexOf('.', 4) > 0) {
            throw ValidationException.of("webDomain", "format", "'" + value + "' is not a web domain");
        }
    }

    /** Normalizes a domain or URL as people type it. */
    public static WebDomain parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String s = raw.strip().toLowerCase(Locale.ROOT);
        s = SCHEME.matcher(s).replaceFirst("");
        int cut = indexOfAny(s, "/?#:");
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            s = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("webDomain", "format", "'" + raw.strip() + "' is not a web domain");
        }
        while (s.startsWith("www.") && s.indexOf('.', 4) > 0) { // www.com itself is a domain
            s = s.substring(4);
        }
        return new WebDomain(s);
    }

    /**
     * The web domain of an e-mail address: {@code parse(email.domain())}, worked out without reading the domain again.
     * An e-mail's domain is already lower case, ASCII (punycode for an internationalized name) and of the domain shape,
     * with no scheme, path, port or final dot, so all {@link #parse} would still do is drop its leading {@code www.}
     * labels; no regular expression and no {@link IDN} conversion per captured e-mail.
     */
    public static WebDomain of(EmailAddress email) {
        String domain = email.domain();
        int from = 0;
        while (domain.startsWith("www.", from) && domain.indexOf('.', from + 4) > 0) {
            from += 4;
        }
        return new WebDomain(from == 0 ? domain : domain.substring(from));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return value;
    }
}
