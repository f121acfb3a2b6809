package dev.crmkit.core.duplicate;

import java.util.Objects;

/**
 * The keys a store keeps of a company's name, so that the candidates of a duplicate rule for companies are index
 * lookups that still find a typo or an acronym: the matcher's blocking keys of a company name. Both are taken from the
 * name as the matcher compares it: accents, case, punctuation and legal forms such as GmbH, AG or Inc dropped, German
 * umlauts transliterated ("Müller" is "mueller") and the connectors "&amp;", "+", "and", "und", "et" left out, so
 * "Müller &amp; Söhne KG" and "Mueller und Soehne" have the same keys. (Keys written before that normalization, up to
 * V80, are cleared by migration V81 and computed again by {@code CrmSchema.migrate}.) The
 * sound key is the Double Metaphone code of its first {@value #WORDS} words ({@code "AKM"} for "Acme GmbH" and for
 * "Acmee GmbH"); the acronym key is the initials of a name of two words or more, or a one-word name of at most
 * {@value #MAX_ACRONYM} letters itself ({@code "ibm"} for "International Business Machines" and for "IBM Corp").
 * Either is empty when the name gives none. Stateless and thread-safe.
 */
public final class CompanyNameKeys {

    /** The longest key: what the stores' key columns hold. */
    public static final int MAX_LENGTH = 16;
    /** How many words of the name make its sound key. */
    public static final int WORDS = 3;
    /** The longest one-word name that is taken as an acronym. */
    public static final int MAX_ACRONYM = 6;

    private CompanyNameKeys() {
    }

    /** The sound key of a company name; empty when the name has no word but legal forms. */
    public static String soundKey(String name) {
        String plain = Normalize.companyCompared(Objects.requireNonNull(name, "name"));
        if (plain.isEmpty()) {
            return "";
        }
        String[] words = plain.split(" ");
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < Math.min(WORDS, words.length); i++) {
            first.append(i == 0 ? "" : " ").append(words[i]);
        }
        return cut(Prepared.sound(first.toString()));
    }

    /** The acronym key of a company name; empty for a long one-word name or a name of legal forms only. */
    public static String acronymKey(String name) {
        String plain = Normalize.companyCompared(Objects.requireNonNull(name, "name"));
        if (plain.isEmpty()) {
            return "";
        }
        String initials = Normalize.acronym(plain);
        if (!initials.isEmpty()) {
            return cut(initials);
        }
        return plain.length() >= 2 && plain.length() <= MAX_ACRONYM ? plain : "";
    }

    private static String cut(String key) {
        return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
    }
}
