package dev.crmkit.core.duplicate;

import static dev.crmkit.core.duplicate.Level.DIFFERENT;
import static dev.crmkit.core.duplicate.Level.EXACT;
import static dev.crmkit.core.duplicate.Level.INITIAL;
import static dev.crmkit.core.duplicate.Level.PARTIAL;
import static dev.crmkit.core.duplicate.Level.PHONETIC;
import static dev.crmkit.core.duplicate.Level.TYPO;
import static dev.crmkit.core.duplicate.Level.VARIANT;

/**
 * crmkit's prior m and u per field and level: where estimation starts, what it falls back to with few records,
 * and the pseudo-counts that keep EM from running off on a small or odd base.
 */
final class Priors {

    private Priors() {
    }

    static double[][] m() {
        double[][] m = new double[Field.values().length][Level.values().length];
        set(m, Field.FIRST_NAME, EXACT, .80, VARIANT, .07, PHONETIC, .03, TYPO, .05, INITIAL, .02, DIFFERENT, .03);
        set(m, Field.LAST_NAME, EXACT, .85, VARIANT, .01, PHONETIC, .03, TYPO, .07, INITIAL, .01, DIFFERENT, .03);
        set(m, Field.COMPANY_NAME, EXACT, .80, VARIANT, .05, TYPO, .05, PARTIAL, .05, DIFFERENT, .05);
        set(m, Field.EMAIL, EXACT, .80, VARIANT, .08, TYPO, .05, DIFFERENT, .07);
        set(m, Field.PHONE, EXACT, .85, PARTIAL, .03, TYPO, .04, DIFFERENT, .08);
        set(m, Field.STREET, EXACT, .75, TYPO, .10, PARTIAL, .03, DIFFERENT, .12);
        set(m, Field.PLACE, EXACT, .80, PARTIAL, .08, DIFFERENT, .12);
        set(m, Field.BIRTHDAY, EXACT, .88, TYPO, .07, PARTIAL, .02, DIFFERENT, .03);
        set(m, Field.IDENTIFIER, EXACT, .93, TYPO, .05, DIFFERENT, .02);
        return m;
    }

    static double[][] u() {
        double[][] u = new double[Field.values().length][Level.values().length];
        set(u, Field.FIRST_NAME, EXACT, .005, VARIANT, .002, PHONETIC, .005, TYPO, .01, INITIAL, .03,
                DIFFERENT, .948);
        set(u, Field.LAST_NAME, EXACT, .002, VARIANT, .001, PHONETIC, .002, TYPO, .01, INITIAL, .01, DIFFERENT, .975);
        set(u, Field.COMPANY_NAME, EXACT, .01, VARIANT, .001, TYPO, .001, PARTIAL, .01, DIFFERENT, .978);
        set(u, Field.EMAIL, EXACT, .0001, VARIANT, .0005, TYPO, .0005, DIFFERENT, .999);
        set(u, Field.PHONE, EXACT, .0001, PARTIAL, .0001, TYPO, .0005, DIFFERENT, .9993);
        set(u, Field.STREET, EXACT, .001, TYPO, .001, PARTIAL, .005, DIFFERENT, .993);
        set(u, Field.PLACE, EXACT, .02, PARTIAL, .05, DIFFERENT, .93);
        set(u, Field.BIRTHDAY, EXACT, .0003, TYPO, .002, PARTIAL, .02, DIFFERENT, .9777);
        set(u, Field.IDENTIFIER, EXACT, .0001, TYPO, .0005, DIFFERENT, .9994);
        return u;
    }

    private static void set(double[][] table, Field field, Object... levelsAndValues) {
        for (int i = 0; i < levelsAndValues.length; i += 2) {
            table[field.ordinal()][((Level) levelsAndValues[i]).ordinal()] = (Double) levelsAndValues[i + 1];
        }
    }
}
