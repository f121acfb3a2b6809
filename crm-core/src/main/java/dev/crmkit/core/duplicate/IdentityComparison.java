package dev.crmkit.core.duplicate;

import java.util.Map;
import java.util.TreeMap;

import static dev.crmkit.core.duplicate.Similarity.q;

/** Compares identifiers of the same kind (exact, or one typo) and company names (legal forms stripped, acronyms). */
final class IdentityComparison {

    private IdentityComparison() {
    }

    /** The best agreement over the identifier kinds both records have. */
    static Comparison identifiers(Prepared a, Prepared b) {
        Level best = Level.MISSING;
        String detail = "";
        for (Map.Entry<String, String> e : new TreeMap<>(a.identifiers).entrySet()) {
            String other = b.identifiers.get(e.getKey());
            if (other == null) {
                continue;
            }
            Level level = e.getValue().equals(other) ? Level.EXACT
                    : Similarity.oneEdit(e.getValue(), other) ? Level.TYPO : Level.DIFFERENT;
            if (best == Level.MISSING || level.ordinal() < best.ordinal()) {
                best = level;
                detail = e.getKey() + " " + q(e.getValue()) + " ~ " + q(other) + ": "
                        + (level == Level.EXACT ? "equal" : level == Level.TYPO ? "one typo apart" : "different");
            }
        }
        return best == Level.MISSING ? Comparison.missing(Field.IDENTIFIER)
                : Comparison.of(Field.IDENTIFIER, best, detail);
    }

    /** How long (letters and digits, without spaces) the longer name must be for one edit to be a typo. */
    static final int ONE_TYPO_FROM = 5;
    /** How long the shorter name must be for two edits to be a typo. */
    static final int TWO_TYPOS_FROM = 8;
    /** The Jaro-Winkler similarity from which a typo counts (and below which names are different). */
    static final double TYPO_SIMILARITY = 0.85;
    /** The Jaro-Winkler similarity from which names that are more than a typo apart are still alike. */
    static final double ALIKE_SIMILARITY = 0.92;

    /**
     * Company names as {@link Normalize#companyCompared} gives them (legal forms dropped, umlauts transliterated,
     * "&"/"und"/"and" dropped): equal, or equal with the umlauts' dots dropped ("Müller", "Muller"), is
     * {@link Level#EXACT}; one the acronym of the other's words (all of them, or
     * all but "of", "von"...) is {@link Level#VARIANT}; one or two typos apart (one edit when the
     * longer name has {@value #ONE_TYPO_FROM} letters, two when the shorter has {@value #TWO_TYPOS_FROM}, and
     * Jaro-Winkler at least {@value #TYPO_SIMILARITY}: "Acme"/"Acmee", not "Acme"/"Acne") is {@link Level#TYPO};
     * more than that but still Jaro-Winkler
     * {@value #ALIKE_SIMILARITY} alike ("Nordwind Logistik" and "Nordwind Logistik Hamburg") is {@link Level#PARTIAL};
     * else {@link Level#DIFFERENT}. Symmetric.
     */
    static Comparison company(Prepared a, Prepared b) {
        return company(a, b, true);
    }

    /** The company name; without {@code explain} the detail is short. */
    static Comparison company(Prepared a, Prepared b, boolean explain) {
        if (a.company.isEmpty() || b.company.isEmpty()) {
            return Comparison.missing(Field.COMPANY_NAME);
        }
        String pair = explain ? q(a.record.companyName()) + " ~ " + q(b.record.companyName()) : "";
        if (a.company.equals(b.company) || a.companyDotless.equals(b.companyDotless)) {
            return Comparison.of(Field.COMPANY_NAME, Level.EXACT, pair + ": equal without legal forms");
        }
        String plainA = a.company.replace(" ", "");
        String plainB = b.company.replace(" ", "");
        if (acronymOf(plainA, b) || acronymOf(plainB, a)) {
            return Comparison.of(Field.COMPANY_NAME, Level.VARIANT, pair + ": acronym");
        }
        double similarity = Similarity.jaroWinkler(plainA, plainB);
        if (similarity >= TYPO_SIMILARITY && typos(plainA, plainB)) {
            return Comparison.of(Field.COMPANY_NAME, Level.TYPO, pair + ": a typo apart");
        }
        if (similarity >= ALIKE_SIMILARITY) {
            return Comparison.of(Field.COMPANY_NAME, Level.PARTIAL, pair + ": alike, more than a typo apart");
        }
        return Comparison.of(Field.COMPANY_NAME, Level.DIFFERENT, pair + ": different");
    }

    private static boolean acronymOf(String plain, Prepared other) {
        return plain.length() >= 2
                && (plain.equals(other.companyAcronym) || plain.equals(other.companySignificantAcronym));
    }

    /** One edit and the longer of {@value #ONE_TYPO_FROM} letters, or two and the shorter of {@value #TWO_TYPOS_FROM}. */
    private static boolean typos(String a, String b) {
        int edits = Similarity.editsUpToTwo(a, b);
        return edits == 1 && Math.max(a.length(), b.length()) >= ONE_TYPO_FROM
                || edits == 2 && Math.min(a.length(), b.length()) >= TWO_TYPOS_FROM;
    }
}
