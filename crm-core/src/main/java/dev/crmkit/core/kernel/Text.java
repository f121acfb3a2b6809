package dev.crmkit.core.kernel;

import java.util.Objects;

/** Normalization of short free text (names, labels): the one rule every text field of crmkit follows. */
public final class Text {

    /** The longest short text accepted. */
    public static final int MAX_SHORT_LENGTH = 200;

    private Text() {
    }

    /** The most of a bad value an error message quotes. */
    public static final int MAX_EXCERPT = 100;

    /**
     * A value as an error message quotes it: at most {@value #MAX_EXCERPT} characters, cut ones marked with
     * {@code ...}, so a huge bad value gives a short message.
     */
    public static String excerpt(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() <= MAX_EXCERPT) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
        return value.substring(0, end) + "... (" + value.length() + " characters)";
    }

    /**
     * Trims, folds inner runs of white space to one space, and refuses control characters and text longer than
     * {@value #MAX_SHORT_LENGTH} characters. Idempotent.
     *
     * @param raw   the text as typed
     * @param field the field name for the error
     * @throws ValidationException naming the field and the rule
     */
    public static String clean(String raw, String field) {
        Objects.requireNonNull(raw, field);
        String folded = foldWhiteSpace(raw).strip(); // Unicode white space, folded then trimmed
        if (folded.length() > MAX_SHORT_LENGTH) {
            throw ValidationException.of(field, "max-length", field + " is at most " + MAX_SHORT_LENGTH
                    + " characters, got " + folded.length());
        }
        if (hasControl(folded)) {
            throw ValidationException.of(field, "no-control-characters",
                    field + " must not contain control characters");
        }
        return folded;
    }

    /**
     * Every run of Unicode white space (the {@code White_Space} property: what {@code (?U)\s} matches) as one space;
     * the text itself when it has no run to fold.
     */
    private static String foldWhiteSpace(String raw) {
        StringBuilder b = null;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (!isWhiteSpace(c)) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < n && isWhiteSpace(raw.charAt(end))) {
                end++;
            }
            if (b == null) {
                if (c == ' ' && end == i + 1) {
                    continue; // one space already
                }
                b = new StringBuilder(n).append(raw, 0, i);
            }
            b.append(' ');
            i = end - 1;
        }
        return b == null ? raw : b.toString();
    }

    /** Unicode {@code White_Space}, as {@code java.util.regex} reads {@code \s} under {@code (?U)}. */
    private static boolean isWhiteSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= 0x9 && c <= 0xd;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || c == 0x85;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code s} from {@code from} to its end is a domain name as crmkit stores one: at least two dot-separated
     * labels of 1 to 63 of {@code [a-z0-9-]} that neither start nor end with a hyphen (the shape
     * {@code [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+}), read in one scan
     * without a regular expression. The domain of an {@link EmailAddress} and a
     * {@link dev.crmkit.core.company.WebDomain} have this shape.
     */
    public static boolean isDomain(String s, int from) {
        int labels = 0;
        int start = from;
        while (true) {
            int end = start;
            while (end < s.length() && s.charAt(end) != '.') {
                char c = s.charAt(end);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
                end++;
            }
            if (end - start < 1 || end - start > 63 || s.charAt(start) == '-' || s.charAt(end - 1) == '-') {
                return false;
            }
            labels++;
            if (end == s.length()) {
                return labels >= 2;
            }
            start = end + 1;
        }
    }
}
