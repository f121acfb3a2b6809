package dev.crmkit.core.duplicate;

import org.junit.jupiter.api.Test;

import static dev.crmkit.core.duplicate.Records.prepared;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentityComparisonTest {

    private static Prepared ids(String kind, String value) {
        return prepared(DuplicateRecord.builder("x").identifier(kind, value));
    }

    private static Prepared company(String name) {
        return prepared(DuplicateRecord.builder("x").companyName(name));
    }

    @Test
    void identifier_exactIgnoresSpacesAndDashes() {
        assertEquals(Level.EXACT, IdentityComparison.identifiers(ids("tax_id", "DE 123-456-789"),
                ids("tax_id", "de123456789")).level());
    }

    @Test
    void identifier_oneTypo_isATypo_otherwiseDifferent() {
        assertEquals(Level.TYPO, IdentityComparison.identifiers(ids("national_id", "123456789"),
                ids("national_id", "123456798")).level());
        assertEquals(Level.DIFFERENT, IdentityComparison.identifiers(ids("national_id", "123456789"),
                ids("national_id", "987654321")).level());
    }

    @Test
    void identifiersOfDifferentKinds_areNotCompared() {
        assertEquals(Level.MISSING, IdentityComparison.identifiers(ids("national_id", "123456789"),
                ids("customer_number", "123456789")).level());
    }

    @Test
    void company_legalFormsAreStripped_andAcronymsAreVariants() {
        assertEquals(Level.EXACT, IdentityComparison.company(company("Acme GmbH & Co. KG"), company("ACME"))
                .level());
        assertEquals(Level.VARIANT, IdentityComparison.company(company("International Business Machines Corp."),
                company("IBM")).level());
        assertEquals(Level.TYPO, IdentityComparison.company(company("Globex Corporation"), company("Glbex Inc"))
                .level());
        assertEquals(Level.DIFFERENT, IdentityComparison.company(company("Globex"), company("Initech")).level());
    }
}
