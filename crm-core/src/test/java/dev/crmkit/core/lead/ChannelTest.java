package dev.crmkit.core.lead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelTest {

    @ParameterizedTest
    @ValueSource(strings = {"WEB_FORM", "web form", "Web-Form", " web_form ", "web  form"})
    void parse_ignoresCaseAndSeparators(String text) {
        assertEquals(Channel.WEB_FORM, Channel.parse(text));
    }

    @Test
    void parse_readsEveryLabel() {
        for (Channel c : Channel.values()) {
            assertEquals(c, Channel.parse(c.label()));
        }
    }

    @Test
    void parse_refusesUnknownNamingAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Channel.parse("fax"));

        assertTrue(e.getMessage().contains("fax") && e.getMessage().contains("web form, landing page"), e.getMessage());
    }

    @Test
    void label_isLowerCaseWithSpaces() {
        assertEquals("social campaign", Channel.SOCIAL_CAMPAIGN.label());
    }
}
