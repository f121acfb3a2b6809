package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmailAddressTest {

    /** 64 + 1 + 189 = 254 characters, the longest address accepted. */
    private static final String LONGEST = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
            + "d".repeat(57) + ".com";

    private static void assertRefused(String raw) {
        ValidationException e = assertThrows(ValidationException.class, () -> EmailAddress.parse(raw), raw);
        assertEquals(1, e.violations().size());
        assertEquals("email", e.violations().get(0).field());
        assertEquals("format", e.violations().get(0).rule());
    }

    @Test
    void parse_lowerCasesAndTrims() {
        assertEquals("jane.doe@example.com", EmailAddress.parse("  Jane.Doe@Example.COM \t").value());
    }

    @Test
    void parse_stripsMailtoPrefix() {
        assertEquals("jane@example.com", EmailAddress.parse("mailto:jane@example.com").value());
        assertEquals("jane@example.com", EmailAddress.parse(" MailTo: Jane@Example.com ").value());
    }

    @Test
    void parse_keepsPlusTagsAndSubdomains() {
        assertEquals("jane+crm@mail.example.co.uk", EmailAddress.parse("Jane+CRM@Mail.Example.co.uk").value());
    }

    @Test
    void parse_acceptsLongestAllowedAddress() {
        assertEquals(254, LONGEST.length());
        assertEquals(LONGEST, EmailAddress.parse(LONGEST).value());
    }

    @Test
    void parse_refusesTooLong() {
        assertRefused("a" + LONGEST);
    }

    @Test
    void parse_refusesMissingAt() {
        assertRefused("jane.example.com");
    }

    @Test
    void parse_refusesTwoAts() {
        assertRefused("jane@doe@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane doe@example.com", "jane@exa mple.com", "jane@example .com"})
    void parse_refusesInnerSpaces(String raw) {
        assertRefused(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "mailto:"})
    void parse_refusesEmpty(String raw) {
        assertRefused(raw);
    }

    @Test
    void parse_refusesLeadingDot() {
        assertRefused(".jane@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane..doe@example.com", "jane@example..com"})
    void parse_refusesDoubleDot(String raw) {
        assertRefused(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.@example.com", "@example.com", "jane@", "jane@localhost", "jane@-example.com",
            "jane@example-.com", "<jane@example.com>", "Jane Doe <jane@example.com>", "jäne@example.com"})
    void parse_refusesOtherMalformedAddresses(String raw) {
        assertRefused(raw);
    }

    @Test
    void parse_refusesNull() {
        assertThrows(NullPointerException.class, () -> EmailAddress.parse(null));
    }

    @Test
    void constructor_refusesValueThatIsNotNormalized() {
        assertThrows(ValidationException.class, () -> new EmailAddress("Jane@example.com"));
        assertThrows(ValidationException.class, () -> new EmailAddress(" jane@example.com"));
    }

    @Test
    void tryParse_emptyForBlankNullOrMalformed() {
        assertEquals(Optional.empty(), EmailAddress.tryParse(null));
        assertEquals(Optional.empty(), EmailAddress.tryParse("  "));
        assertEquals(Optional.empty(), EmailAddress.tryParse("jane"));
        assertEquals(Optional.of(EmailAddress.parse("jane@example.com")), EmailAddress.tryParse(" JANE@example.com"));
    }

    @Test
    void normalize_trimsStripsMailtoAndLowerCasesWithoutValidating() {
        assertEquals("not an address", EmailAddress.normalize("  mailto:Not An Address "));
    }

    @Test
    void partsAndToString() {
        EmailAddress e = EmailAddress.parse("Jane.Doe@Example.com");

        assertEquals("jane.doe", e.localPart());
        assertEquals("example.com", e.domain());
        assertEquals("jane.doe@example.com", e.toString());
    }

    @Test
    void equals_afterNormalization() {
        assertEquals(EmailAddress.parse("JANE@example.com"), EmailAddress.parse("mailto:jane@EXAMPLE.com"));
    }

    @Test
    void parse_internationalizedDomain_isStoredInPunycode() {
        EmailAddress unicode = EmailAddress.parse(" Joerg@MÜLLER.de ");

        assertEquals("joerg@xn--mller-kva.de", unicode.value());
        assertEquals(EmailAddress.parse("joerg@xn--mller-kva.de"), unicode);
        assertEquals("joerg@müller.de", unicode.toUnicode());
        assertEquals(unicode, EmailAddress.parse(unicode.toString()), "toString reads back");
        assertEquals(Optional.of(unicode), EmailAddress.tryParse("joerg@müller.de"));
    }

    @Test
    void toUnicode_asciiDomain_isTheAddress() {
        assertEquals("jane@example.com", EmailAddress.parse("jane@example.com").toUnicode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jörg@example.com", "joerg@mü ller.de", "joerg@\u2603\u2603\u2603.", "a@\uD800.de"})
    void parse_refusesWhatIsNoAddressEvenWithUnicode(String raw) {
        assertThrows(ValidationException.class, () -> EmailAddress.parse(raw));
    }
}
