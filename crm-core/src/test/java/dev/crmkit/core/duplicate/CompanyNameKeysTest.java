package dev.crmkit.core.duplicate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The sound and acronym keys of company names that the stores keep for the duplicate rules' candidates. */
class CompanyNameKeysTest {

    @Test
    void soundKey_aTypoThatSoundsAlike_andAnotherLegalForm_shareTheKey() {
        assertEquals("AKM", CompanyNameKeys.soundKey("Acme Gmbh"));
        assertEquals("AKM", CompanyNameKeys.soundKey("Acmee GmbH"));
        assertEquals("AKM", CompanyNameKeys.soundKey("ACME Inc."));
        assertEquals(CompanyNameKeys.soundKey("Nordwind Logistik GmbH"), CompanyNameKeys.soundKey("Nordwint Logistic AG"));
        assertNotEquals(CompanyNameKeys.soundKey("Acme Tools"), CompanyNameKeys.soundKey("Zenith Tools"));
    }

    @Test
    void soundKey_takesTheFirstThreeWords_andIsBounded() {
        assertEquals(CompanyNameKeys.soundKey("Alpha Beta Gamma"), CompanyNameKeys.soundKey("Alpha Beta Gamma Delta"));
        assertEquals(12, CompanyNameKeys.soundKey("International Business Machines Corp.").length());
        assertEquals(true, CompanyNameKeys.soundKey("Xxxxxxxxxxxx Yyyyyyyyyyyyy Zzzzzzzzzzz").length()
                <= CompanyNameKeys.MAX_LENGTH);
    }

    @Test
    void acronymKey_initialsOfSeveralWords_orAShortWordItself() {
        assertEquals("ibm", CompanyNameKeys.acronymKey("International Business Machines Corp."));
        assertEquals("ibm", CompanyNameKeys.acronymKey("IBM"));
        assertEquals("ibm", CompanyNameKeys.acronymKey("I.B.M. GmbH"));
        assertEquals("", CompanyNameKeys.acronymKey("Wanderlust"), "a long one-word name is no acronym");
        assertEquals("nl", CompanyNameKeys.acronymKey("Nordwind Logistik GmbH"));
    }

    @Test
    void keys_ofANameOfLegalFormsOnly_areEmpty() {
        assertEquals("", CompanyNameKeys.soundKey("GmbH"));
        assertEquals("", CompanyNameKeys.acronymKey("GmbH & Co. KG"));
        assertEquals("", CompanyNameKeys.soundKey("  "));
    }
}
