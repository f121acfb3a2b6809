package dev.crmkit.core.lead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void parse_staysStrictForSynonyms() {
        assertThrows(IllegalArgumentException.class, () -> Channel.parse("website"));
        assertEquals(Channel.OTHER, Channel.parse("other"));
    }

    @ParameterizedTest
    @CsvSource({
            "landing, LANDING_PAGE", "landing page, LANDING_PAGE", "Landing-Page, LANDING_PAGE",
            "website, WEB_FORM", "Web, WEB_FORM", "site, WEB_FORM", "form, WEB_FORM", "web form, WEB_FORM",
            "social, SOCIAL_CAMPAIGN", "Social Media, SOCIAL_CAMPAIGN",
            "ppc, ADS", "ads, ADS", "Ad, ADS",
            "phone, CALL", "Telephone, CALL", "call, CALL",
            "e-mail, EMAIL", "E-Mail, EMAIL", "email, EMAIL", "mail, EMAIL",
            "chat, CHAT", "Live Chat, CHAT",
            "referral, REFERRAL", "recommendation, REFERRAL", "word of mouth, REFERRAL",
            "import, IMPORT", "csv, IMPORT", "other, OTHER"})
    void read_spellingsAndSynonyms_giveTheirChannelWithoutDetail(String label, Channel expected) {
        SourceLabel read = Channel.read(label);

        assertEquals(expected, read.channel(), label);
        assertEquals(Optional.empty(), read.detail(), label);
        assertFalse(read.isUnknown(), label);
    }

    @ParameterizedTest
    @CsvSource({"facebook, SOCIAL_CAMPAIGN", "Instagram, SOCIAL_CAMPAIGN", "LinkedIn, SOCIAL_CAMPAIGN",
            "google ads, ADS", "Google-Ads, ADS", "AdWords, ADS", "WhatsApp, CHAT"})
    void read_namedPlatforms_giveTheirChannelAndKeepTheLabel(String label, Channel expected) {
        SourceLabel read = Channel.read(" " + label + " ");

        assertEquals(expected, read.channel());
        assertEquals(Optional.of(label), read.detail());
        assertFalse(read.isUnknown());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trade fair 2026", "Fax", "carrier pigeon", "\u00dcberweisung"})
    void read_unknownLabel_isOtherWithTheTrimmedLabelAsDetail(String label) {
        SourceLabel read = Channel.read("  " + label + "\t");

        assertEquals(Channel.OTHER, read.channel());
        assertEquals(Optional.of(label), read.detail());
        assertTrue(read.isUnknown());
    }

    @Test
    void read_blank_isOtherWithoutDetailAndUnknown() {
        SourceLabel read = Channel.read("  ");

        assertEquals(new SourceLabel(Channel.OTHER, Optional.empty(), true), read);
    }

    @Test
    void read_everyChannelLabel_isItsChannel() {
        for (Channel c : Channel.values()) {
            assertEquals(new SourceLabel(c, Optional.empty(), false), Channel.read(c.label()));
            assertEquals(new SourceLabel(c, Optional.empty(), false), Channel.read(c.name()));
        }
    }

    @Test
    void leadSource_label_showsTheDetail() {
        assertEquals("other (trade fair 2026)", new LeadSource(Channel.OTHER, Optional.of(" trade fair 2026 "), "",
                Utm.none(), "").label());
        assertEquals("web form", LeadSource.of(Channel.WEB_FORM).label());
    }
}
