package dev.crmkit.core.contact;

import dev.crmkit.core.kernel.Text;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonNameTest {

    @Test
    void of_trimsAndFoldsWhitespace() {
        PersonName n = PersonName.of("  Jane \t Mary ", "\nDoe  ");

        assertEquals("Jane Mary", n.first());
        assertEquals("Doe", n.last());
    }

    @Test
    void of_keepsCapitalizationAsTyped() {
        assertEquals("van der Berg", PersonName.of("Anna", "van der Berg").last());
        assertEquals("McDonald", PersonName.of("Ronald", "McDonald").last());
        assertEquals("jane", PersonName.of("jane", "DOE").first());
        assertEquals("DOE", PersonName.of("jane", "DOE").last());
    }

    @Test
    void of_nullCountsAsEmpty() {
        PersonName n = PersonName.of(null, null);

        assertEquals("", n.first());
        assertEquals("", n.last());
        assertTrue(n.isEmpty());
        assertEquals(PersonName.empty(), n);
    }

    @Test
    void constructor_refusesControlCharactersNamingThePart() {
        ValidationException first = assertThrows(ValidationException.class, () -> PersonName.of("Ja\u0000ne", "Doe"));
        ValidationException last = assertThrows(ValidationException.class, () -> PersonName.of("Jane", "Do\u0007e"));

        assertEquals("firstName", first.violations().get(0).field());
        assertEquals("no-control-characters", first.violations().get(0).rule());
        assertEquals("lastName", last.violations().get(0).field());
    }

    @Test
    void constructor_refusesOverMaxLength() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> PersonName.of("Jane", "x".repeat(Text.MAX_SHORT_LENGTH + 1)));

        assertEquals("lastName", e.violations().get(0).field());
        assertEquals("max-length", e.violations().get(0).rule());
        assertEquals(Text.MAX_SHORT_LENGTH, PersonName.of("x".repeat(Text.MAX_SHORT_LENGTH), "").first().length());
    }

    @Test
    void constructor_refusesNull() {
        assertThrows(NullPointerException.class, () -> new PersonName(null, "Doe"));
    }

    @Test
    void full_joinsPresentParts() {
        assertEquals("Jane Doe", PersonName.of("Jane", "Doe").full());
        assertEquals("Jane", PersonName.of("Jane", " ").full());
        assertEquals("Doe", PersonName.of("", "Doe").full());
        assertEquals("", PersonName.empty().full());
        assertEquals("Jane Doe", PersonName.of("Jane", "Doe").toString());
    }

    @Test
    void isEmpty_onlyWhenBothPartsAre() {
        assertFalse(PersonName.of("Jane", "").isEmpty());
        assertFalse(PersonName.of("", "Doe").isEmpty());
        assertTrue(PersonName.of(" ", "\t").isEmpty());
        assertSame(PersonName.empty(), PersonName.empty());
    }

    @Test
    void equals_afterNormalization() {
        assertEquals(PersonName.of("Jane", "Doe"), PersonName.of(" Jane ", "Doe\t"));
    }
}
