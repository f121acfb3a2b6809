package dev.crmkit.core.duplicate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.crmkit.core.duplicate.Records.prepared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The company-name comparator, each case in both directions, and what it gives at the default threshold with the
 * default model for companies known by their name alone: the same name in another legal form, an acronym and a typo
 * are flagged; different companies that share a legal form or a word are not.
 */
class CompanyNameComparisonTest {

    private static final DuplicateMatcher DEFAULTS = DuplicateMatcher.withDefaults();

    private static DuplicateRecord named(String name) {
        return DuplicateRecord.builder(name).companyName(name).build();
    }

    /** The level of the pair, asserting that it is the same both ways. */
    private static Level level(String a, String b) {
        Level ab = IdentityComparison.company(prepared(DuplicateRecord.builder("a").companyName(a)),
                prepared(DuplicateRecord.builder("b").companyName(b))).level();
        Level ba = IdentityComparison.company(prepared(DuplicateRecord.builder("b").companyName(b)),
                prepared(DuplicateRecord.builder("a").companyName(a))).level();
        assertEquals(ab, ba, a + " / " + b + " is not symmetric");
        return ab;
    }

    /** The default matcher's probability of two companies known by name only, asserting it is the same both ways. */
    private static double score(String a, String b) {
        double ab = DEFAULTS.score(named(a), named(b)).probability();
        double ba = DEFAULTS.score(named(b), named(a)).probability();
        assertEquals(ab, ba, 1e-12, a + " / " + b + " is not symmetric");
        return ab;
    }

    private static void flagged(String a, String b) {
        double p = score(a, b);
        assertTrue(p >= DuplicateScan.DEFAULT_THRESHOLD, a + " / " + b + " scores " + p);
    }

    private static void notFlagged(String a, String b) {
        double p = score(a, b);
        assertTrue(p < DuplicateScan.DEFAULT_THRESHOLD, a + " / " + b + " scores " + p);
    }

    @Test
    void sameNameInAnotherLegalForm_isExact_andFlagged() {
        assertEquals(Level.EXACT, level("Acme GmbH & Co. KG", "ACME"));
        assertEquals(Level.EXACT, level("Nordwind Logistik GmbH", "NORDWIND-Logistik AG"));
        flagged("Nordwind Logistik GmbH", "Nordwind Logistik AG");
        flagged("Acme Inc.", "ACME Ltd");
    }

    @Test
    void transliterations_umlautsAndTheWordsForAnd_areExact() {
        assertEquals(Level.EXACT, level("Müller & Söhne KG", "Mueller und Soehne"));
        assertEquals(Level.EXACT, level("Müller & Söhne", "Mueller and Soehne GmbH"));
        assertEquals(Level.EXACT, level("Bäcker + Töchter", "Baecker & Toechter"));
        assertEquals(Level.EXACT, level("Straßenbau Süd", "Strassenbau Sued"));
        flagged("Müller & Söhne KG", "Mueller und Soehne");
        assertEquals(Level.EXACT, level("Müller & Söhne", "Muller & Sohne"), "the dots left out");
        assertEquals(Level.TYPO, level("Mueller & Soehne", "Muller & Soehne"), "one way of writing it each");
    }

    @Test
    void anAcronymOfTheOthersSignificantWords_isAVariant_andFlagged() {
        assertEquals(Level.VARIANT, level("International Business Machines Corp.", "IBM"));
        assertEquals(Level.VARIANT, level("Dalsey Hillblom Lynn", "DHL"));
        assertEquals(Level.VARIANT, level("Bank of America", "BOA"));
        assertEquals(Level.VARIANT, level("Bank of America", "B.A."));
        assertEquals(Level.VARIANT, level("Procter & Gamble", "P&G"));
        flagged("International Business Machines Corp.", "IBM");
        flagged("DHL", "Dalsey Hillblom Lynn");
        assertEquals(Level.DIFFERENT, level("International Business Machines", "IBX"));
        assertEquals(Level.DIFFERENT, level("Berlin Consulting", "BL"));
    }

    @Test
    void oneOrTwoTyposInANameOfReasonableLength_areATypo_andFlagged() {
        assertEquals(Level.TYPO, level("Acme Gmbh", "Acmee GmbH"));
        assertEquals(Level.TYPO, level("Globex Corporation", "Glbex Inc"));
        assertEquals(Level.TYPO, level("Nordwind Logistik", "Nordwnid Logistk"));
        flagged("Acme Gmbh", "Acmee GmbH");
        flagged("Nordwind Logistik GmbH", "Nordwnid Logistk GmbH");
    }

    @Test
    void shortNamesOrMoreThanTwoTypos_areNoTypo() {
        assertEquals(Level.DIFFERENT, level("Abc GmbH", "Abd GmbH"), "one edit in three letters");
        assertEquals(Level.DIFFERENT, level("Acme", "Acne"), "one edit in four letters");
        assertEquals(Level.DIFFERENT, level("Acme Tools", "Xyme Tolos"), "two edits and a swap");
        assertEquals(Level.DIFFERENT, level("Nordwind", "Nordlicht"));
        notFlagged("Abc GmbH", "Abd GmbH");
        notFlagged("Acme", "Acne");
    }

    @Test
    void differentCompaniesSharingALegalFormOrAWord_areNotFlagged() {
        assertEquals(Level.DIFFERENT, level("Acme GmbH", "Apex GmbH"));
        notFlagged("Acme GmbH", "Apex GmbH");
        Level berlin = level("Berlin Consulting GmbH", "Berlin Logistics GmbH");
        assertTrue(berlin == Level.PARTIAL || berlin == Level.DIFFERENT, berlin.toString());
        notFlagged("Berlin Consulting GmbH", "Berlin Logistics GmbH");
        notFlagged("Nordwind Logistik GmbH", "Nordwind Logistik Hamburg GmbH");
        notFlagged("Acme Tools GmbH", "Acme GmbH");
        notFlagged("Müller & Söhne KG", "Schulze & Söhne KG");
    }

    @Test
    void aMissingName_isNeitherForNorAgainst() {
        DuplicateRecord none = DuplicateRecord.builder("n").address("", "", "Berlin", "", "DE").build();
        DuplicateRecord acme = DuplicateRecord.builder("a").companyName("Acme GmbH")
                .address("", "", "Berlin", "", "DE").build();
        MatchScore score = DEFAULTS.score(none, acme);
        Reason company = score.reasons().get(Field.COMPANY_NAME.ordinal());
        assertEquals(Level.MISSING, company.level());
        assertEquals(0.0, company.weight());
        assertEquals(Level.MISSING, level("GmbH & Co. KG", "Acme GmbH"), "legal forms only is no name");
    }

    @Test
    void theLevelsWeighInOrder_exactOverAcronymAndTypo_overAlike_overDifferent() {
        MatchModel m = MatchModel.defaults();
        Field f = Field.COMPANY_NAME;
        assertTrue(m.weight(f, Level.EXACT) > m.weight(f, Level.VARIANT));
        assertTrue(m.weight(f, Level.EXACT) > m.weight(f, Level.TYPO));
        assertTrue(m.weight(f, Level.TYPO) > m.weight(f, Level.PARTIAL));
        assertTrue(m.weight(f, Level.PARTIAL) > 0);
        assertTrue(m.weight(f, Level.DIFFERENT) < 0);
    }

    private static final List<String> NAMES = List.of("Acme GmbH", "Acmee GmbH", "ACME Inc.", "Apex GmbH",
            "International Business Machines Corp.", "IBM", "Müller & Söhne KG", "Mueller und Soehne",
            "Berlin Consulting GmbH", "Berlin Logistics GmbH", "Nordwind Logistik AG", "Nordwnid Logistk", "");

    private static DuplicateRecord company(int name, int tax, int city) {
        DuplicateRecord.Builder b = DuplicateRecord.builder("c" + name + "." + tax + "." + city)
                .companyName(NAMES.get(name % NAMES.size()));
        if (tax % 3 != 0) {
            b.identifier("tax_id", "DE" + (100_000_000 + tax % 3));
        }
        if (city % 3 != 0) {
            b.address("Hauptstr. " + city % 3, "1011" + city % 3, city % 3 == 1 ? "Berlin" : "Hamburg", "", "DE");
        }
        return b.build();
    }

    @Test
    void property_scoreOfTwoCompaniesIsSymmetric() {
        qt().withFixedSeed(31).forAll(integers().between(0, 999), integers().between(0, 999))
                .check((i, j) -> {
                    DuplicateRecord a = company(i, i / 13, i / 39);
                    DuplicateRecord b = company(j, j / 13, j / 39);
                    return Math.abs(DEFAULTS.score(a, b).weight() - DEFAULTS.score(b, a).weight()) < 1e-9;
                });
    }

    @Test
    void property_fillingAMissingFieldWithTheOtherCompanysValue_neverLowersTheScore() {
        qt().withFixedSeed(37).forAll(integers().between(0, 999), integers().between(0, 999),
                        integers().between(0, 2))
                .check((i, j, field) -> {
                    DuplicateRecord a = company(i, i / 13, i / 39);
                    DuplicateRecord b = company(j, j / 13, j / 39);
                    DuplicateRecord filled = fill(a, b, field);
                    return DEFAULTS.score(filled, b).weight() >= DEFAULTS.score(a, b).weight() - 1e-9;
                });
    }

    /** a with its company name, identifiers or address, if it lacks them, set to b's. */
    private static DuplicateRecord fill(DuplicateRecord a, DuplicateRecord b, int field) {
        boolean name = field == 0 && a.companyName().isEmpty();
        boolean ids = field == 1 && a.identifiers().isEmpty();
        boolean address = field == 2 && a.city().isEmpty();
        DuplicateRecord from = address ? b : a;
        return new DuplicateRecord(a.id(), a.firstName(), a.lastName(), name ? b.companyName() : a.companyName(),
                a.email(), a.phone(), from.street(), from.postalCode(), from.city(), from.region(), from.country(),
                a.birthday(), ids ? b.identifiers() : a.identifiers(), a.customFields());
    }
}
