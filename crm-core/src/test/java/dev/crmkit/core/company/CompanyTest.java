package dev.crmkit.core.company;

import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompanyTest {

    private static final CompanyId ID = new CompanyId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-24T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"ACME GmbH", "Acme Inc", "Acme Inc.", "Acme, Inc.", "Acme Ltd", "Acme LLC", "Acme AG",
            "Acme SA", "Acme SAS", "Acme BV", "Acme Oy", "Acme AB", "Acme SRL", "Acme SpA", "Acme Co", "Acme Corp.",
            "Acme plc", "Acme KG", "Acme UG", "Acme GmbH & Co. KG", "Acme Co., Ltd.", "  acme  ", "ACME"})
    void nameKey_removesLegalFormSuffixes(String name) {
        assertEquals("acme", Company.nameKey(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme S.A.", "Acme B.V.", "Acme S.p.A.", "Acme S.R.L.", "Acme L.L.C.", "Acme P.L.C."})
    void nameKey_removesLegalFormsWrittenWithDots(String name) {
        // The documented rule drops punctuation; "S.A." with its dots dropped is "SA", a listed legal form.
        assertEquals("acme", Company.nameKey(name));
    }

    @ParameterizedTest
    @CsvSource({
            "Société Générale SA, societe generale",
            "Crème Brûlée Ltd, creme brulee",
            "MÜLLER & Söhne KG, muller sohne",
            "Škoda Auto, skoda auto",
            "Ångström Labs AB, angstrom labs"})
    void nameKey_removesAccentsAndLowerCases(String name, String key) {
        assertEquals(key, Company.nameKey(name));
    }

    @ParameterizedTest
    @CsvSource({
            "'Smith & Sons, Inc.', smith sons",
            "Acme (Europe) Ltd., acme europe",
            "'Acme -- Tools / Parts', acme tools parts",
            "Acme   Holding, acme holding"})
    void nameKey_replacesPunctuationAndFoldsSpaces(String name, String key) {
        assertEquals(key, Company.nameKey(name));
    }

    @ParameterizedTest
    @CsvSource({
            "Coca Cola, coca cola",
            "AG Insurance Group, ag insurance group",
            "Agfa, agfa",
            "Corpus Labs, corpus labs",
            "Incognito, incognito"})
    void nameKey_keepsLegalFormWordsThatAreNotTheSuffix(String name, String key) {
        assertEquals(key, Company.nameKey(name));
    }

    @Test
    void nameKey_keepsNameThatIsOnlyALegalForm() {
        assertEquals("gmbh", Company.nameKey("GmbH"));
    }

    @Test
    void nameKey_fallsBackToLowerCaseNameWhenNothingIsLeft() {
        assertEquals("!!!", Company.nameKey(" !!! "));
    }

    @Test
    void nameKey_keepsLettersOfOtherScripts() {
        assertEquals("株式会社トヨタ", Company.nameKey("株式会社トヨタ"));
    }

    @Test
    void nameKey_ofCompanyUsesItsName() {
        Company c = Company.create(ID, "ACME GmbH", Optional.empty(), T0);

        assertEquals(Company.nameKey("Acme"), c.nameKey());
    }

    @Test
    void create_cleansNameAndStartsAtVersionZero() {
        Company c = Company.create(ID, "  ACME \t GmbH ", Optional.of(WebDomain.parse("acme.com")), T0);

        assertEquals("ACME GmbH", c.name());
        assertEquals(0, c.version());
        assertEquals(CompanySize.UNKNOWN, c.size());
        assertEquals(CustomFields.empty(), c.customFields());
        assertEquals(T0, c.createdAt());
        assertEquals(T0, c.updatedAt());
    }

    @Test
    void create_refusesEmptyName() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Company.create(ID, "  ", Optional.empty(), T0));

        assertEquals("companyName", e.violations().get(0).field());
        assertEquals("required", e.violations().get(0).rule());
    }

    @Test
    void create_refusesNameWithControlCharacters() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Company.create(ID, "Acme\u0000", Optional.empty(), T0));

        assertEquals("companyName", e.violations().get(0).field());
    }

    @Test
    void withProfile_returnsChangedCopy() {
        Company c = Company.create(ID, "Acme", Optional.empty(), T0);

        Company changed = c.withProfile(" Machinery ", CompanySize.MEDIUM, T1);

        assertEquals("Machinery", changed.industry());
        assertEquals(CompanySize.MEDIUM, changed.size());
        assertEquals(T0, changed.createdAt());
        assertEquals(T1, changed.updatedAt());
        assertEquals("", c.industry());
    }

    @Test
    void atVersion_keepsEverythingElse() {
        Company c = Company.create(ID, "Acme", Optional.empty(), T0);

        assertEquals(3, c.atVersion(3).version());
        assertEquals(c, c.atVersion(3).atVersion(0));
        assertThrows(IllegalArgumentException.class, () -> c.atVersion(-1));
    }
}
