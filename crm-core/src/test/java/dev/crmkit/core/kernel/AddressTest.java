package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressTest {

    @Test
    void constructor_trimsPartsAndUpperCasesCountry() {
        Address a = new Address(" billing ", " Hauptstr. 1 ", " 10115 ", " Berlin ", "", " de ");

        assertEquals(new Address("billing", "Hauptstr. 1", "10115", "Berlin", "", "DE"), a);
    }

    @Test
    void constructor_allowsEmptyCountry() {
        assertEquals("", new Address("", "", "", "", "", " ").country());
    }

    @Test
    void constructor_refusesCountryThatIsNotIso3166() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new Address("", "", "", "", "", "UK"));

        assertEquals("address.country", e.violations().get(0).field());
        assertEquals("iso-3166", e.violations().get(0).rule());
    }
}
