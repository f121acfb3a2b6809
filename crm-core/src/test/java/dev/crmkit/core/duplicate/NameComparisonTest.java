package dev.crmkit.core.duplicate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.crmkit.core.duplicate.Records.person;
import static dev.crmkit.core.duplicate.Records.prepared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameComparisonTest {

    private static List<Comparison> compare(String firstA, String lastA, String firstB, String lastB) {
        return NameComparison.compare(prepared(person("a", firstA, lastA)), prepared(person("b", firstB, lastB)));
    }

    private static Level first(String a, String b) {
        return compare(a, "Quackenbush", b, "Quackenbush").get(0).level();
    }

    private static Level last(String a, String b) {
        return compare("Ann", a, "Ann", b).get(1).level();
    }

    @Test
    void exact_ignoresCaseAccentsAndPunctuation() {
        assertEquals(Level.EXACT, first("José", "jose"));
        assertEquals(Level.EXACT, last("O'Brien", "O BRIEN"));
    }

    @Test
    void nickname_isAVariantFromTheBundledList() {
        assertEquals(Level.VARIANT, first("Kathy", "Katherine"));
        assertEquals(Level.VARIANT, first("Bill", "William"));
        assertEquals(Level.DIFFERENT, first("Bill", "Katherine"));
    }

    @Test
    void soundAlike_isPhonetic() {
        assertEquals(Level.PHONETIC, first("Philip", "Fillip"));
    }

    @Test
    void oneKeyboardSlipOrOcrConfusion_isATypo() {
        assertEquals(Level.TYPO, last("Jonathan", "Jonahtan"));
        assertEquals(Level.TYPO, last("Smith", "Srnith"));
        assertEquals(Level.TYPO, last("Jedediah", "Jeclediah"));
    }

    @Test
    void initial_matchesTheNameItStartsWith() {
        assertEquals(Level.INITIAL, first("J.", "John"));
        assertEquals(Level.DIFFERENT, first("K.", "John"));
    }

    @Test
    void swappedFirstAndLastName_areComparedTheOtherWayRound() {
        List<Comparison> swapped = compare("Smith", "John", "John", "Smith");

        assertEquals(Level.EXACT, swapped.get(0).level());
        assertEquals(Level.EXACT, swapped.get(1).level());
        assertTrue(swapped.get(0).detail().contains("swapped"), swapped.get(0).detail());
    }

    @Test
    void missingName_weighsNothing() {
        assertEquals(Level.MISSING, first("", "John"));
        assertEquals(0, MatchModel.defaults().weight(Field.FIRST_NAME, Level.MISSING));
    }

    @Test
    void differentNames_areDifferent() {
        assertEquals(Level.DIFFERENT, last("Smith", "Zimmermann"));
    }
}
