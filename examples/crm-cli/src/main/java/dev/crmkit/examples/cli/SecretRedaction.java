package dev.crmkit.examples.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the secrets in JDBC URLs, and in messages that quote one, by where a URL keeps them: the password of the
 * user info ({@code //user:secret@host}), and the value of every parameter or property whose name says it is a secret
 * ({@code password=}, {@code pwd=}, {@code sslpassword=}, {@code sessionToken=}, {@code secretKey=}, H2's
 * {@code ;PASSWORD=}, ...). Nothing else is touched: a password that also occurs as a database, host or user name
 * leaves those names readable, which replacing the password's text everywhere would not.
 */
final class SecretRedaction {

    /** What a hidden secret is shown as. */
    static final String HIDDEN = "***";

    private static final String SECRET_NAME =
            "[\\w.\\-]*(?:password|passwd|pwd|secret|token|credential|apikey|api_key|accesskey|access_key"
                    + "|privatekey|private_key)[\\w.\\-]*";

    /** {@code //user:password@}: the password runs to the last {@code @} before white space, {@code ?} or {@code #}. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^\\s/?#@:]*:)[^\\s?#]*(@)");

    /** A URL query parameter ({@code ?name=} or {@code &name=}): the value runs to the next {@code &}. */
    private static final Pattern QUERY_SECRET = Pattern.compile("(?i)([?&]" + SECRET_NAME + "=)[^&\\s]*");

    /** A property after {@code ;} (H2, SQL Server): the value runs to the next {@code ;} or the end of the line. */
    private static final Pattern PROPERTY_SECRET = Pattern.compile("(?i)(;\\s*" + SECRET_NAME + "\\s*=)[^;\\r\\n]*");

    /** {@code password=...} at the start of a text or after white space, as some messages write it. */
    private static final Pattern WORD_SECRET = Pattern.compile("(?i)((?:^|(?<=\\s))" + SECRET_NAME + "=)\\S*");

    private SecretRedaction() {
    }

    /** The text with every secret a URL structure marks replaced by {@value #HIDDEN}; null gives "". */
    static String redact(String text) {
        if (text == null) {
            return "";
        }
        String redacted = replace(USER_INFO, text, "$1" + HIDDEN + "$2");
        redacted = replace(QUERY_SECRET, redacted, "$1" + HIDDEN);
        redacted = replace(PROPERTY_SECRET, redacted, "$1" + HIDDEN);
        return replace(WORD_SECRET, redacted, "$1" + HIDDEN);
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }
}
