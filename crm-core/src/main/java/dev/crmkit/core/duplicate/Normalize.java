package dev.crmkit.core.duplicate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Text normalisation shared by the comparators: accents, case, punctuation, abbreviations. */
final class Normalize {

    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("st", "street"), Map.entry("str", "strasse"), Map.entry("rd", "road"),
            Map.entry("ave", "avenue"), Map.entry("av", "avenue"), Map.entry("blvd", "boulevard"),
            Map.entry("ln", "lane"), Map.entry("dr", "drive"), Map.entry("ct", "court"), Map.entry("pl", "place"),
            Map.entry("sq", "square"), Map.entry("hwy", "highway"), Map.entry("pkwy", "parkway"),
            Map.entry("n", "north"), Map.entry("s", "south"), Map.entry("e", "east"), Map.entry("w", "west"));
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "llc", "llp", "ltd", "limited",
            "gmbh", "ag", "co", "corp", "corporation", "company", "plc", "sa", "sarl", "sas", "bv", "nv", "kg", "ohg",
            "ug", "spa", "srl", "oy", "ab", "as", "kgaa", "se", "pty", "the", "and");
    /** Words that join the words of a company name ("&" is "and" and "und" and "et"): left out when comparing. */
    private static final Set<String> JOINING = Set.of("and", "und", "et");
    /** Words that an acronym leaves out ("Bank of America" is "BA" as well as "BOA"). */
    private static final Set<String> MINOR = Set.of("of", "for", "de", "der", "die", "das", "des", "du", "la", "le",
            "von", "van", "zu");

    private Normalize() {
    }

    /** Lower case, accents and "ß" folded, everything but letters and digits turned into single spaces. */
    static String text(String raw) {
        return words(raw, true);
    }

    /** Lower-case letters only, words joined by single spaces. */
    static String name(String raw) {
        return words(raw, false);
    }

    /**
     * Lower case, "ß" as "ss", decomposed (NFD), combining marks dropped, and every run of other characters than
     * letters (and decimal digits when {@code keepDigits}) turned into one space, without one at either end: what
     * replacing {@code \p{M}+} with nothing and then {@code [^\p{L}]+} (or {@code [^\p{L}\p{Nd}]+}) with a space
     * and stripping gives, without regular expressions and without decomposing text that is all ASCII (its own
     * decomposition). The marks go in a scan of their own first: taking one out can join a lone high and a lone low
     * surrogate into one letter.
     */
    private static String words(String raw, boolean keepDigits) {
        boolean ascii = isAscii(raw);
        String s = ascii ? raw : withoutMarks(Normalizer.normalize(raw.toLowerCase(Locale.ROOT).replace("ß", "ss"),
                Normalizer.Form.NFD));
        StringBuilder b = null;
        boolean gap = false;
        int kept = 0; // while nothing is copied: the answer is the text up to here
        for (int i = 0; i < s.length(); ) {
            int original = s.codePointAt(i);
            int n = Character.charCount(original);
            int c = original;
            if (c < 0x80) {
                if (ascii && c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A'; // ASCII text skipped the lower-casing above
                }
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || keepDigits && c >= '0' && c <= '9')) {
                    gap = true;
                    i += n;
                    continue;
                }
            } else {
                int type = Character.getType(c);
                if (!(type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER
                        || type == Character.TITLECASE_LETTER || type == Character.MODIFIER_LETTER
                        || type == Character.OTHER_LETTER || keepDigits && type == Character.DECIMAL_DIGIT_NUMBER)) {
                    gap = true;
                    i += n;
                    continue;
                }
            }
            if (b == null) {
                if (!gap && kept == i && c == original) {
                    kept = i + n;
                    i += n;
                    continue;
                }
                b = new StringBuilder(s.length()).append(s, 0, kept);
            }
            if (gap && b.length() > 0) {
                b.append(' ');
            }
            gap = false;
            b.appendCodePoint(c);
            i += n;
        }
        if (b == null) {
            return kept == s.length() ? s : s.substring(0, kept);
        }
        return b.toString();
    }

    /** The text without its combining marks ({@code \p{M}}); itself when it has none. */
    private static String withoutMarks(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            int type = Character.getType(c);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (mark && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!mark && b != null) {
                b.append(s, i, i + n);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The digits of the text, in order. */
    static String digits(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Upper-case letters and digits only: for postal codes and identifiers. */
    static String code(String raw) {
        return text(raw).replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** The street with abbreviations spelled out ("Main St." is "main street", "Hauptstr." is "hauptstrasse"). */
    static String streetWords(String raw) {
        StringBuilder b = new StringBuilder();
        for (String word : text(raw).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.endsWith("str") && word.length() > 3 ? word.substring(0, word.length() - 3) + "strasse"
                    : STREET_WORDS.getOrDefault(word, word);
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w);
        }
        return b.toString();
    }

    /** The company name without legal forms ("Acme GmbH & Co. KG" is "acme"). */
    static String company(String raw) {
        return without(text(raw), LEGAL_FORMS);
    }

    /** The words of a normalised text other than those listed, joined by single spaces. */
    private static String without(String words, Set<String> left) {
        StringBuilder b = new StringBuilder();
        for (String word : words.split(" ")) {
            if (!word.isEmpty() && !left.contains(word)) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(word);
            }
        }
        return b.toString();
    }

    /**
     * The company name as the matcher compares it: as {@link #company(String)}, with German umlauts transliterated
     * ("ü" is "ue", so "Müller" and "Mueller" agree) and "&", "+", "und", "et" dropped like "and" ("Müller & Söhne KG"
     * is "mueller soehne", as is "Mueller und Soehne"). The keys stores keep ({@link CompanyNameKeys}) are taken from
     * it too, so that such a name is also looked up.
     */
    static String companyCompared(String raw) {
        return companyCompared(raw, true);
    }

    /**
     * As {@link #companyCompared(String)}; without {@code transliterate} the umlauts lose their dots instead ("Müller"
     * is "muller", as someone without the key writes it).
     */
    static String companyCompared(String raw, boolean transliterate) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (transliterate) {
            lower = lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
        }
        return without(company(lower.replace("&", " and ").replace("+", " and ")), JOINING);
    }

    /** The first letters of the words other than "of", "for", "de", "von"...; empty for fewer than two such words. */
    static String significantAcronym(String normalisedCompany) {
        StringBuilder b = new StringBuilder();
        for (String w : normalisedCompany.split(" ")) {
            if (!w.isEmpty() && !MINOR.contains(w)) {
                b.append(w.charAt(0));
            }
        }
        return b.length() < 2 ? "" : b.toString();
    }

    /** The first letters of the words, when there are at least two ("international business machines" is "ibm"). */
    static String acronym(String normalisedCompany) {
        String[] words = normalisedCompany.split(" ");
        if (words.length < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty()) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }
}
