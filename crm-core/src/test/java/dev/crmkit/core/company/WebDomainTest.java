package dev.crmkit.core.company;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebDomainTest {

    private static void assertRefused(String raw) {
        ValidationException e = assertThrows(ValidationException.class, () -> WebDomain.parse(raw), raw);
        assertEquals("webDomain", e.violations().get(0).field());
        assertEquals("format", e.violations().get(0).rule());
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.Acme.com/about, acme.com",
            "http://acme.com:8080/, acme.com",
            "HTTPS://WWW.ACME.COM, acme.com",
            "acme.com/path?q=1#top, acme.com",
            "acme.com?q=1, acme.com",
            "acme.com#top, acme.com",
            "www.acme.co.uk, acme.co.uk",
            "'  acme.com  ', acme.com",
            "acme.com., acme.com",
            "ftp://files.acme.com/pub, files.acme.com",
            "shop.acme.com, shop.acme.com",
            "my-shop24.de, my-shop24.de"})
    void parse_reducesUrlToDomain(String raw, String domain) {
        assertEquals(domain, WebDomain.parse(raw).value());
    }

    @ParameterizedTest
    @CsvSource({
            "münchen.de, xn--mnchen-3ya.de",
            "Bücher.de, xn--bcher-kva.de",
            "https://www.bücher.de/shop, xn--bcher-kva.de",
            "xn--bcher-kva.de, xn--bcher-kva.de",
            "例え.jp, xn--r8jz45g.jp"})
    void parse_givesAsciiFormOfInternationalizedNames(String raw, String domain) {
        assertEquals(domain, WebDomain.parse(raw).value());
    }

    @Test
    void parse_readsIdeographicFullStopAsDot() {
        assertEquals("acme.com", WebDomain.parse("acme\u3002com").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "acme", "acme..com", "-acme.com", "acme-.com", "acme com", "jane@acme.com",
            "http://", "//acme.com", ".acme.com"})
    void parse_refusesWhatIsNoDomain(String raw) {
        assertRefused(raw);
    }

    @Test
    void parse_refusesLabelLongerThan63() {
        assertRefused("a".repeat(64) + ".com");
        assertEquals("a".repeat(63) + ".com", WebDomain.parse("a".repeat(63) + ".com").value());
    }

    @Test
    void parse_readsItsOwnResultBack_whenWwwIsDoubled() {
        // "www.www.acme.com" normalizes to "www.acme.com", which normalizes again to "acme.com": the normalized
        // value is not normalized, so toString does not read back as the same domain.
        WebDomain d = WebDomain.parse("https://www.www.acme.com/");

        assertEquals(d, WebDomain.parse(d.value()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme.com", "https://acme.com", "acme.com/", " acme.com", "acme.com.", "bücher.de"})
    void constructor_refusesValueThatIsNotNormalized(String value) {
        assertThrows(ValidationException.class, () -> new WebDomain(value));
    }

    @Test
    void constructor_refusesLeadingWwwLabel() {
        // parse drops "www.", so a WebDomain holding it is one parse would never give and does not read back.
        assertThrows(ValidationException.class, () -> new WebDomain("www.acme.com"));
    }

    @Test
    void toString_isTheValue() {
        assertEquals("acme.com", WebDomain.parse("www.acme.com").toString());
    }
}
