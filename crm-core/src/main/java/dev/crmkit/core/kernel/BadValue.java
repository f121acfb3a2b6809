package dev.crmkit.core.kernel;

/**
 * How an error message shows a value that was refused: quoted, and never more than {@value #MAX_SHOWN} characters of
 * it, so that a megabyte of input gives a one-line message. The one helper every message that quotes input uses.
 */
public final class BadValue {

    /** The most characters of a value a message shows. */
    public static final int MAX_SHOWN = 100;

    private BadValue() {
    }

    /**
     * The value in single quotes, cut after {@value #MAX_SHOWN} characters with the full length said:
     * {@code 'abc'}, {@code 'aaaa…' (12,345 characters)}. Control characters (line breaks, tabs, NUL) are shown as
     * {@code ?}, so the message stays on one line.
     */
    public static String quote(Object value) {
        return "'" + shown(String.valueOf(value)) + "'" + suffix(String.valueOf(value));
    }

    /**
     * The text cut after {@code max} characters (an ellipsis marks the cut), control characters shown as {@code ?}:
     * for messages that are not about one value but may hold long input.
     */
    public static String abbreviate(String text, int max) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
        return printable(cut);
    }

    private static String shown(String text) {
        return printable(text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…");
    }

    private static String suffix(String text) {
        return text.length() <= MAX_SHOWN ? "" : String.format(java.util.Locale.ROOT, " (%,d characters)",
                text.length());
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
