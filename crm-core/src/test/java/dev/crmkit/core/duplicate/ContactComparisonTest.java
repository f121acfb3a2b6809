package dev.crmkit.core.duplicate;

import org.junit.jupiter.api.Test;

import static dev.crmkit.core.duplicate.Records.person;
import static dev.crmkit.core.duplicate.Records.prepared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactComparisonTest {

    private static Comparison email(String a, String b) {
        return ContactComparison.email(prepared(person("a", "", "").email(a)), prepared(person("b", "", "").email(b)));
    }

    private static Comparison phone(String a, String countryA, String b, String countryB) {
        return ContactComparison.phone(prepared(person("a", "", "").phone(a).address("", "", "", "", countryA)),
                prepared(person("b", "", "").phone(b).address("", "", "", "", countryB)));
    }

    @Test
    void email_exactIgnoresCaseDotsAndPlusTags() {
        assertEquals(Level.EXACT, email("Kathy.Smith@Example.org", "kathysmith+crm@example.org").level());
    }

    @Test
    void email_sameLocalPartAtAnotherDomain_isAVariant() {
        assertEquals(Level.VARIANT, email("kathy.smith@gmail.com", "kathy.smith@outlook.com").level());
    }

    @Test
    void email_oneTypoInTheLocalPart_isATypo_butAnotherInitialIsNot() {
        assertEquals(Level.TYPO, email("kathy.smith@gmail.com", "kahty.smith@gmail.com").level());
        assertEquals(Level.DIFFERENT, email("j.smith@gmail.com", "n.smith@gmail.com").level());
    }

    @Test
    void email_thatIsNotAnAddress_isComparedAsTextAndReported() {
        Comparison c = email("kathy at home", "kathy at home");

        assertEquals(Level.EXACT, c.level());
        assertTrue(c.detail().contains("is not an e-mail address, compared as text"), c.detail());
    }

    @Test
    void email_missingOnOneSide_isMissing() {
        assertEquals(Level.MISSING, email("", "kathy@example.org").level());
    }

    @Test
    void phone_sameNumberInOtherFormats_isExact() {
        assertEquals(Level.EXACT, phone("+49 30 901820", "", "030 901820", "DE").level());
    }

    @Test
    void phone_nationalNumberWithoutCountry_isReadInTheOtherNumbersCountry() {
        Comparison c = phone("+49 30 901820", "", "030 901820", "");

        assertEquals(Level.EXACT, c.level(), c.detail());
    }

    @Test
    void phone_sameNationalNumberInAnotherCountry_isPartial() {
        assertEquals(Level.PARTIAL, phone("+44 20 7946 0958", "", "+1 207 946 0958", "").level());
    }

    @Test
    void phone_oneDigitOff_isATypo() {
        assertEquals(Level.TYPO, phone("+49 30 901820", "", "+49 30 901821", "").level());
    }

    @Test
    void phone_thatIsNotANumber_isComparedAsTextAndReported() {
        Comparison c = phone("n/a", "", "+49 30 901820", "");

        assertEquals(Level.DIFFERENT, c.level());
        assertTrue(c.detail().contains("'n/a' is not a valid phone number, compared as text"), c.detail());
    }
}
