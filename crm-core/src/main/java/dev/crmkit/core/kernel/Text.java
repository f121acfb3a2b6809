package dev.crmkit.core.kernel;

import java.util.Objects;
import java.util.regex.Pattern;

/** Normalization of short free text (names, labels): the one rule every text field of crmkit follows. */
public final class Text {

    /** The longest short text accepted. */
    public static final int MAX_SHORT_LENGTH = 200;

    private static final Pattern WHITE_SPACE = Pattern.compile("(?U)\\s+");

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
        String folded = WHITE_SPACE.matcher(raw).replaceAll(" ").strip(); // Unicode white space, folded then trimmed
        if (folded.length() > MAX_SHORT_LENGTH) {
            throw ValidationException.of(field, "max-length", field + " is at most " + MAX_SHORT_LENGTH
                    + " characters, got " + folded.length());
        }
        if (folded.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of(field, "no-control-characters",
                    field + " must not contain control characters");
        }
        return folded;
    }
}
