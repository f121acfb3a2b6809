package dev.crmkit.core.duplicate;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Address;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private static Company company(String id, String name, String tax, String street) {
        return new Company(CompanyId.parse(id), 0, name, name, "", tax,
                Optional.of(new Address("legal", street, "20095", "Hamburg", "", "DE")), Optional.empty(), "",
                CompanySize.UNKNOWN, CustomFields.empty(), NOW, NOW);
    }

    @Test
    void companies_sameTaxNumberAndNameWithoutLegalForm_match() {
        DuplicateRecord a = StoreRecords.of(company("0190a6f0-0000-7000-8000-000000000001", "Acme GmbH",
                "DE 123 456 789", "Hauptstraße 5"));
        DuplicateRecord b = StoreRecords.of(company("0190a6f0-0000-7000-8000-000000000002", "ACME",
                "DE123456789", "Hauptstr. 5"));

        MatchScore score = DuplicateMatcher.withDefaults().score(a, b);

        assertEquals("0190a6f0-0000-7000-8000-000000000001", a.id());
        assertEquals(Level.EXACT, score.reasons().get(Field.COMPANY_NAME.ordinal()).level());
        assertEquals(Level.EXACT, score.reasons().get(Field.IDENTIFIER.ordinal()).level());
        assertEquals(Level.EXACT, score.reasons().get(Field.STREET.ordinal()).level());
        assertTrue(score.probability() > DuplicateScan.DEFAULT_THRESHOLD, score.toString());
    }

    @Test
    void companies_differentNamesAndTaxNumbers_doNotMatch() {
        MatchScore score = DuplicateMatcher.withDefaults().score(
                StoreRecords.of(company("0190a6f0-0000-7000-8000-000000000001", "Acme GmbH", "DE111", "A 1")),
                StoreRecords.of(company("0190a6f0-0000-7000-8000-000000000002", "Initech AG", "DE999", "B 2")));

        assertTrue(score.probability() < 0.01, score.toString());
    }
}
