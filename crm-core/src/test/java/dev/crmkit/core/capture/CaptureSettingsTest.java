package dev.crmkit.core.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureSettingsTest {

    @Test
    void bundledPublicEmailDomains_includeTheBigFreeMailers() {
        Set<String> domains = CaptureSettings.bundledPublicEmailDomains();

        assertTrue(domains.containsAll(Set.of("gmail.com", "outlook.com", "gmx.de", "web.de", "yahoo.com")),
                domains::toString);
    }

    @Test
    void bundledPublicEmailDomains_areLowerCaseDomainsWithoutComments() {
        for (String d : CaptureSettings.bundledPublicEmailDomains()) {
            assertEquals(d.strip().toLowerCase(java.util.Locale.ROOT), d);
            assertFalse(d.startsWith("#") || d.isEmpty(), d);
            assertTrue(d.contains("."), d);
        }
    }

    @Test
    void forRegion_usesBundledDomainsAnd24Hours() {
        CaptureSettings s = CaptureSettings.forRegion("de");

        assertEquals("DE", s.defaultRegion());
        assertEquals(CaptureSettings.bundledPublicEmailDomains(), s.publicEmailDomains());
        assertEquals(Duration.ofHours(24), s.followUpWithin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "D", "DEU", "1A", "D-", "de ", "Deutschland"})
    void constructor_refusesRegionThatIsNotTwoLetters(String region) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CaptureSettings.forRegion(region));

        assertTrue(e.getMessage().contains("defaultRegion"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UK", "EN", "XX"})
    void constructor_refusesRegionThatIsNotIso3166(String region) {
        // Two letters, but no region: every national phone number would then be refused at capture.
        assertThrows(IllegalArgumentException.class, () -> CaptureSettings.forRegion(region));
    }

    @Test
    void constructor_refusesNegativeFollowUp() {
        assertThrows(IllegalArgumentException.class,
                () -> CaptureSettings.forRegion("DE").withFollowUpWithin(Duration.ofMinutes(-1)));
    }

    @Test
    void withFollowUpWithin_zeroTurnsFollowUpOff() {
        CaptureSettings s = CaptureSettings.forRegion("GB").withFollowUpWithin(Duration.ZERO);

        assertEquals(Duration.ZERO, s.followUpWithin());
        assertEquals("GB", s.defaultRegion());
    }

    @Test
    void constructor_copiesDomains() {
        Set<String> domains = new HashSet<>(Set.of("example.org"));
        CaptureSettings s = new CaptureSettings("US", domains, Duration.ofHours(1));
        domains.add("other.org");

        assertEquals(Set.of("example.org"), s.publicEmailDomains());
        assertThrows(UnsupportedOperationException.class, () -> s.publicEmailDomains().add("x.org"));
    }
}
