package dev.crmkit.core.duplicate;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** The string distances the comparators use, from Apache Commons Text. */
final class Similarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final DamerauLevenshteinDistance ONE_EDIT = new DamerauLevenshteinDistance(1);
    private static final DamerauLevenshteinDistance TWO_EDITS = new DamerauLevenshteinDistance(2);

    private Similarity() {
    }

    /** Jaro-Winkler similarity, 0 to 1. */
    static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    /** Whether the strings differ by at most one insertion, deletion, substitution or swap of neighbours. */
    static boolean oneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int d = ONE_EDIT.apply(a, b);
        return d >= 0 && d <= 1;
    }

    /**
     * How many insertions, deletions, substitutions or swaps of neighbours turn one string into the other, when
     * that is at most two; else -1.
     */
    static int editsUpToTwo(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return -1;
        }
        return TWO_EDITS.apply(a, b);
    }

    /** The text with the letters that scanners confuse folded: "rn" is "m", "cl" is "d", "vv" is "w", "0" is "o". */
    static String ocrFolded(String s) {
        return s.replace("rn", "m").replace("cl", "d").replace("vv", "w").replace('0', 'o').replace('1', 'l');
    }

    /** Quoted, for explanations. */
    static String q(String s) {
        return "'" + s + "'";
    }
}
