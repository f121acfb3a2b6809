package dev.crmkit.core.kernel;

import org.quicktheories.core.Gen;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Generators of hostile text for property tests that hold a hand-written scanner against the regular expression it
 * replaced: any code point (supplementary ones, lone surrogates, NUL and other controls included), and text drawn from
 * an alphabet of the characters such scanners get wrong (white space of every kind, combining marks, letters that
 * change length or case oddly when lower-cased or decomposed, digits of other scripts), mixed with plain ASCII.
 */
public final class HostileText {

    /**
     * The characters scanners of names, words and white space get wrong: ASCII letters of both cases, digits and
     * signs; every kind of white space and the separators {@link Character#isWhitespace} and {@code \p{IsWhite_Space}}
     * disagree on (U+001C..U+001F, U+0085, U+00A0, U+2007, U+202F); combining marks alone and after letters;
     * "ß", "ẞ", "İ", "ı", the Kelvin and Ångström signs, ligatures and title case letters; digits of other scripts,
     * modifier letters, CJK, and a lone high and a lone low surrogate.
     */
    public static final String ALPHABET = "aAzZmM09-'._@+ \t\n\r\u000B\u000C\u001C\u001F\u0085\u00A0\u1680\u2000"
            + "\u2007\u200A\u2028\u2029\u202F\u205F\u3000\u200B\uFEFF\u0000\u007F\u009F"
            + "\u0300\u0301\u0308\u0327\u20DD\u0903\u0488"
            + "éÉüÜöÖäÄßẞİıŁłØøÆæŒœÅåÑñÇçĳǅǈﬁ\u212A\u212B\u2126"
            + "\u0660\u0669\u0966\uFF10\u00B2\u2167\u02B0\u3005\u4E2D\u0628\u05D0\u0E01"
            + "\uD83D\uDE00\uD800\uDC00";

    private HostileText() {
    }

    /**
     * Text of 0 to {@code maxLength} characters: a third any code point, a third from {@link #ALPHABET} (its UTF-16
     * units one by one, so surrogates pair up or stay alone by chance), a third ASCII letters with a space or a hyphen
     * now and then (the common case, where a fast path is taken).
     */
    public static Gen<String> upTo(int maxLength) {
        Gen<String> any = lists().of(integers().between(0, Character.MAX_CODE_POINT)).ofSizeBetween(0, maxLength)
                .map(points -> {
                    StringBuilder b = new StringBuilder();
                    points.forEach(b::appendCodePoint);
                    return b.toString();
                });
        return any.mix(fromAlphabet(ALPHABET, maxLength), 50).mix(fromAlphabet("abcxyzABCXYZ -", maxLength), 33);
    }

    /** Text of 0 to {@code maxLength} characters of the alphabet (whose characters are taken as UTF-16 units). */
    public static Gen<String> fromAlphabet(String alphabet, int maxLength) {
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, maxLength).map(indexes -> {
            StringBuilder b = new StringBuilder();
            indexes.forEach(i -> b.append(alphabet.charAt(i)));
            return b.toString();
        });
    }

    /** The text in quotes with every character outside printable ASCII as a Unicode escape, for failure reports. */
    public static String escaped(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }
}
