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
    void keys_umlautsTransliterated_andConnectorsLeftOut_asTheMatcherComparesNames() {
        // before V81 "Mueller und Soehne" was MLRANTSN|mus and "Müller & Söhne KG" MLRSN|ms: never looked up
        assertEquals("MLRSN", CompanyNameKeys.soundKey("Müller & Söhne KG"));
        assertEquals("MLRSN", CompanyNameKeys.soundKey("Mueller und Soehne"));
        assertEquals("MLRSN", CompanyNameKeys.soundKey("Muller + Sohne"));
        assertEquals("ms", CompanyNameKeys.acronymKey("Mueller und Soehne"));
        assertEquals("ms", CompanyNameKeys.acronymKey("Müller & Söhne KG"));
        assertEquals(CompanyNameKeys.soundKey("Schmidt und Partner"), CompanyNameKeys.soundKey("Schmidt & Partner"));
        assertEquals(CompanyNameKeys.soundKey("Dupont et Fils"), CompanyNameKeys.soundKey("Dupont & Fils SARL"));
        assertEquals("df", CompanyNameKeys.acronymKey("Dupont et Fils"));
        assertEquals("pg", CompanyNameKeys.acronymKey("Procter and Gamble"));
    }

    @Test
    void keys_ofANameOfLegalFormsOnly_areEmpty() {
        assertEquals("", CompanyNameKeys.soundKey("GmbH"));
        assertEquals("", CompanyNameKeys.acronymKey("GmbH & Co. KG"));
        assertEquals("", CompanyNameKeys.soundKey("  "));
        assertEquals("", CompanyNameKeys.soundKey("& und"), "connectors alone are no name");
    }
}
