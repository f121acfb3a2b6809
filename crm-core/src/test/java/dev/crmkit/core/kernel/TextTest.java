package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    private static void assertRefused(String raw, String rule) {
        ValidationException e = assertThrows(ValidationException.class, () -> Text.clean(raw, "label"));
        assertEquals(1, e.violations().size());
        assertEquals("label", e.violations().get(0).field());
        assertEquals(rule, e.violations().get(0).rule());
    }

    @Test
    void clean_trims() {
        assertEquals("Acme", Text.clean("  Acme \t", "label"));
    }

    @Test
    void clean_foldsInnerWhitespaceToOneSpace() {
        assertEquals("Jane Doe", Text.clean("Jane \t\n  Doe", "label"));
        assertEquals("a b c", Text.clean("a\r\nb\fc", "label"));
    }

    @Test
    void clean_foldsUnicodeWhitespaceLikeItTrimsIt() {
        // strip() trims every Character.isWhitespace character, so an em space or ideographic space at the edges
        // goes; inside the text it is white space just the same and must be folded like a tab.
        assertEquals("Jane", Text.clean("\u2003Jane\u3000", "label"));
        assertEquals("Jane Doe", Text.clean("Jane\u2003\u2003Doe", "label"));
        assertEquals("Jane Doe", Text.clean("Jane\u3000Doe", "label"));
    }

    @Test
    void clean_emptyStaysEmpty() {
        assertEquals("", Text.clean("", "label"));
        assertEquals("", Text.clean(" \t\n ", "label"));
    }

    @Test
    void clean_keepsCapitalizationAndPunctuation() {
        assertEquals("McDonald's van der Berg-O'Neill", Text.clean("McDonald's van der Berg-O'Neill", "label"));
        assertEquals("Ærøskøbing Œuvre", Text.clean("Ærøskøbing Œuvre", "label"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane\u0000Doe", "\u0007", "Jane\u001BDoe", "Jane\u007FDoe", "Jane\u009BDoe"})
    void clean_refusesControlCharacters(String raw) {
        assertRefused(raw, "no-control-characters");
    }

    @Test
    void clean_acceptsMaxLength() {
        String longest = "x".repeat(Text.MAX_SHORT_LENGTH);
        assertEquals(longest, Text.clean(longest, "label"));
    }

    @Test
    void clean_measuresLengthAfterTrimmingAndFolding() {
        String longest = "x".repeat(Text.MAX_SHORT_LENGTH - 2);
        assertEquals("x " + longest, Text.clean("   x      " + longest + "   ", "label"));
    }

    @Test
    void clean_refusesOverMaxLength() {
        assertRefused("x".repeat(Text.MAX_SHORT_LENGTH + 1), "max-length");
    }

    @Test
    void clean_messageNamesField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Text.clean("x".repeat(500), "companyName"));
        assertTrue(e.getMessage().contains("companyName"), e.getMessage());
    }

    @Test
    void clean_refusesNull() {
        assertThrows(NullPointerException.class, () -> Text.clean(null, "label"));
    }
}
