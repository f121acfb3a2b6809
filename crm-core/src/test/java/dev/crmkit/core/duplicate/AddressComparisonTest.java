package dev.crmkit.core.duplicate;

import org.junit.jupiter.api.Test;

import static dev.crmkit.core.duplicate.Records.person;
import static dev.crmkit.core.duplicate.Records.prepared;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AddressComparisonTest {

    private static Prepared at(String street, String postal, String city, String country) {
        return prepared(person("x", "", "").address(street, postal, city, "", country));
    }

    @Test
    void street_abbreviationsAndCaseAreNormalised() {
        assertEquals(Level.EXACT, AddressComparison.street(at("12 Main St.", "", "", ""),
                at("12 MAIN STREET", "", "", "")).level());
        assertEquals(Level.EXACT, AddressComparison.street(at("Hauptstr. 5", "", "", ""),
                at("Hauptstraße 5", "", "", "")).level());
    }

    @Test
    void street_typoAtTheSameNumber_isATypo_otherNumber_isPartial() {
        assertEquals(Level.TYPO, AddressComparison.street(at("12 Main Street", "", "", ""),
                at("12 Mian Street", "", "", "")).level());
        assertEquals(Level.PARTIAL, AddressComparison.street(at("12 Main Street", "", "", ""),
                at("14 Main Street", "", "", "")).level());
        assertEquals(Level.DIFFERENT, AddressComparison.street(at("12 Main Street", "", "", ""),
                at("3 Oak Road", "", "", "")).level());
    }

    @Test
    void place_postalCodeAndCity() {
        assertEquals(Level.EXACT, AddressComparison.place(at("", "20095", "Hamburg", "DE"),
                at("", "20095", "hamburg", "")).level());
        assertEquals(Level.PARTIAL, AddressComparison.place(at("", "20095", "Hamburg", "DE"),
                at("", "20097", "Hamburg", "DE")).level());
        assertEquals(Level.DIFFERENT, AddressComparison.place(at("", "20095", "Hamburg", "DE"),
                at("", "20095", "Hamburg", "AT")).level());
    }

    private static Prepared in(String postal, String city, String region) {
        return prepared(person("x", "", "").address("", postal, city, region, "US"));
    }

    @Test
    void place_theSameCityNameInAnotherRegion_isDifferent_aPostalCodeThatAgreesThere_isPartial() {
        assertEquals(Level.EXACT, AddressComparison.place(in("", "Springfield", "IL"),
                in("", "Springfield", "il")).level());
        assertEquals(Level.DIFFERENT, AddressComparison.place(in("", "Springfield", "IL"),
                in("", "Springfield", "MO")).level());
        assertEquals(Level.PARTIAL, AddressComparison.place(in("62701", "Springfield", "IL"),
                in("62701", "Springfield", "MO")).level());
        assertEquals(Level.DIFFERENT, AddressComparison.place(in("", "Portland", "Oregon"),
                in("", "Portland", "Maine")).level());
    }

    @Test
    void place_aRegionOnOneSideOnly_aTypo_orACodeAgainstAName_countsNothing() {
        assertEquals(Level.EXACT, AddressComparison.place(in("", "Springfield", "IL"),
                in("", "Springfield", "")).level());
        assertEquals(Level.EXACT, AddressComparison.place(in("", "Sacramento", "California"),
                in("", "Sacramento", "Califronia")).level());
        assertEquals(Level.EXACT, AddressComparison.place(in("", "Sacramento", "CA"),
                in("", "Sacramento", "California")).level());
        assertEquals(Level.MISSING, AddressComparison.place(in("", "", "IL"), in("", "", "MO")).level(),
                "a region alone says little");
    }

    @Test
    void missingAddress_isMissing() {
        assertEquals(Level.MISSING, AddressComparison.street(at("", "", "", ""), at("12 Main St", "", "", ""))
                .level());
        assertEquals(Level.MISSING, AddressComparison.place(at("", "", "", "DE"), at("", "1", "X", "DE")).level());
    }
}
