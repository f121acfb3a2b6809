package dev.crmkit.core.duplicate;

import java.util.List;

/**
 * Compares given and family names: exact, nickname or variant (the bundled list), typo (one edit, an OCR confusion
 * such as "rn" for "m", or Jaro-Winkler at least {@value #TYPO_SIMILARITY}), phonetic (Double Metaphone), initial, and first and last name swapped (the names are compared
 * both ways round and the better reading wins).
 */
final class NameComparison {

    /** The Jaro-Winkler similarity from which two names count as one typo apart. */
    static final double TYPO_SIMILARITY = 0.88;

    private NameComparison() {
    }

    /** The first-name and the last-name comparison of the two records. */
    static List<Comparison> compare(Prepared a, Prepared b) {
        return compare(a, b, true);
    }

    /** As {@link #compare(Prepared, Prepared)}; without {@code explain} the details are empty (scoring only). */
    static List<Comparison> compare(Prepared a, Prepared b, boolean explain) {
        Level first = level(a.first, a.firstSound, a.firstOcr, b.first, b.firstSound, b.firstOcr, true);
        Level last = level(a.last, a.lastSound, a.lastOcr, b.last, b.lastSound, b.lastOcr, false);
        Level crossOne = level(a.first, a.firstSound, a.firstOcr, b.last, b.lastSound, b.lastOcr, true);
        Level crossTwo = level(a.last, a.lastSound, a.lastOcr, b.first, b.firstSound, b.firstOcr, true);
        boolean swapped = rank(crossOne) + rank(crossTwo) < rank(first) + rank(last)
                && crossOne != Level.MISSING && crossTwo != Level.MISSING;
        if (swapped) {
            // the better of the two crossed pairs counts as the family name, whichever record is "a": symmetric
            String note = " (first and last name swapped)";
            boolean oneIsBetter = crossOne.ordinal() < crossTwo.ordinal()
                    || crossOne == crossTwo && (a.first + b.last).compareTo(a.last + b.first) < 0;
            Comparison one = of(Field.LAST_NAME, crossOne, a.first, b.last, note, explain);
            Comparison two = of(Field.LAST_NAME, crossTwo, a.last, b.first, note, explain);
            Comparison better = oneIsBetter ? one : two;
            Comparison worse = oneIsBetter ? two : one;
            return List.of(new Comparison(Field.FIRST_NAME, worse.level(), worse.detail(), worse.termKey()), better);
        }
        return List.of(of(Field.FIRST_NAME, first, a.first, b.first, "", explain),
                of(Field.LAST_NAME, last, a.last, b.last, "", explain));
    }

    private static int rank(Level level) {
        return level == Level.MISSING ? Level.DIFFERENT.ordinal() : level.ordinal();
    }

    private static Comparison of(Field field, Level level, String a, String b, String note,
                                 boolean explain) {
        if (level == Level.MISSING) {
            return Comparison.missing(field);
        }
        if (!explain) {
            return new Comparison(field, level, "", level == Level.EXACT ? a : "");
        }
        String how = switch (level) {
            case EXACT -> "equal";
            case VARIANT -> "nickname or variant";
            case PHONETIC -> "sound alike";
            case TYPO -> "one typo apart";
            case INITIAL -> "initial";
            default -> "different";
        };
        String detail = Similarity.q(a) + " ~ " + Similarity.q(b) + ": " + how + note;
        return new Comparison(field, level, detail,
                level == Level.EXACT ? a : "");
    }

    static Level level(String a, String soundA, String ocrA, String b, String soundB, String ocrB,
                       boolean variants) {
        if (a.isEmpty() || b.isEmpty()) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        if (variants && NameVariants.bundled().areVariants(a, b)) {
            return Level.VARIANT;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? Level.INITIAL : Level.DIFFERENT;
        }
        if (ocrA.equals(ocrB) || Similarity.oneEdit(a, b)) {
            return Level.TYPO;
        }
        if (soundA.equals(soundB) && !soundA.isEmpty()) {
            return Level.PHONETIC;
        }
        if (Similarity.jaroWinkler(a, b) >= TYPO_SIMILARITY) {
            return Level.TYPO;
        }
        return Level.DIFFERENT;
    }
}
