package dev.crmkit.core.duplicate;

import org.junit.jupiter.api.Test;

import static dev.crmkit.core.duplicate.Records.person;
import static dev.crmkit.core.duplicate.Records.prepared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BirthdayComparisonTest {

    private static Comparison compare(String a, String b) {
        return BirthdayComparison.compare(prepared(person("a", "", "").birthday(a)),
                prepared(person("b", "", "").birthday(b)));
    }

    @Test
    void sameDate_isExact() {
        assertEquals(Level.EXACT, compare("1956-02-03", "1956-02-03").level());
    }

    @Test
    void dayAndMonthSwapped_isATypo() {
        Comparison c = compare("1956-02-03", "1956-03-02");

        assertEquals(Level.TYPO, c.level());
        assertTrue(c.detail().contains("day and month swapped"), c.detail());
    }

    @Test
    void transposedOrWrongDigit_isATypo() {
        assertEquals(Level.TYPO, compare("1956-02-13", "1956-02-31").level());
        assertEquals(Level.TYPO, compare("1965-02-13", "1956-02-13").level());
        assertEquals(Level.TYPO, compare("1956-02-13", "1956-02-14").level());
    }

    @Test
    void sameYearOnly_isPartial_otherwiseDifferent() {
        assertEquals(Level.PARTIAL, compare("1956-02-13", "1956-11-27").level());
        assertEquals(Level.DIFFERENT, compare("1956-02-13", "1971-11-27").level());
    }

    @Test
    void dateThatDoesNotExist_isComparedAsTextAndReported() {
        Comparison same = compare("1956-02-30", "1956-02-30");
        Comparison close = compare("1956-02-30", "1956-03-20");
        Comparison far = compare("1956-02-30", "1971-11-27");

        assertEquals(Level.EXACT, same.level());
        assertTrue(same.detail().contains("'1956-02-30' is not a date"), same.detail());
        assertEquals(Level.TYPO, close.level(), "02-30 and 03-20: two digits swapped");
        assertEquals(Level.DIFFERENT, far.level());
    }

    @Test
    void missingBirthday_isMissing() {
        assertEquals(Level.MISSING, compare("", "1956-02-03").level());
    }
}
