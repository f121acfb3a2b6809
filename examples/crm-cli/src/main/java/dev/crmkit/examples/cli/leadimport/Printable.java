package dev.crmkit.examples.cli.leadimport;

/**
 * Text from a file made fit for a one-line message: control and other invisible characters become {@code ?}, and
 * anything beyond {@value #LIMIT} characters is cut, so a binary or huge value is never echoed.
 */
public final class Printable {

    /** The most characters of a value a message quotes. */
    public static final int LIMIT = 100;

    private Printable() {
    }

    /** The text, printable and at most {@value #LIMIT} characters (then ending in "..."). */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), LIMIT + 3));
        int i = 0;
        while (i < text.length() && out.length() < LIMIT) {
            int c = text.codePointAt(i);
            out.appendCodePoint(visible(c) ? c : '?');
            i += Character.charCount(c);
        }
        return i < text.length() ? out.append("...").toString() : out.toString();
    }

    private static boolean visible(int c) {
        int type = Character.getType(c);
        return c == ' ' || !(Character.isISOControl(c) || Character.isWhitespace(c) || type == Character.FORMAT
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE);
    }
}
