package dev.crmkit.core.scoring;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WinFeaturesTest {

    private final Fixtures fixtures = new Fixtures();

    @Test
    void of_leadAndContact_readsEveryField() {
        Lead lead = fixtures.lead().customFields(new CustomFields(Map.of(
                "tags", new FieldValue.Choices(Set.of("VIP", "fair-2026")),
                "team", new FieldValue.Text("North"),
                "region", new FieldValue.Text("Bavaria")))).build();
        Contact contact = fixtures.contact().language(Locale.GERMAN)
                .addresses(new Address("office", "", "", "München", "BY", "DE")).build();

        Map<String, Set<String>> values = WinFeatures.of(lead, Optional.of(contact));

        assertEquals(Map.of(
                WinFields.STAGE, Set.of("new"),
                WinFields.SOURCE, Set.of("web_form"),
                WinFields.EMAIL_VALID, Set.of("yes"),
                WinFields.PHONE_VALID, Set.of("no"),
                WinFields.COUNTRY, Set.of("de"),
                WinFields.REGION, Set.of("bavaria"),
                WinFields.LANGUAGE, Set.of("de"),
                WinFields.TAGS, Set.of("vip", "fair-2026"),
                WinFields.TEAM, Set.of("north")), values);
    }

    @Test
    void of_leadAlone_readsWhatTheLeadHas() {
        Lead lead = fixtures.lead().customFields(new CustomFields(Map.of(
                "tags", new FieldValue.Text("a, b,,c")))).build();

        Map<String, Set<String>> values = WinFeatures.of(lead, Optional.empty());

        assertEquals(Set.of("a", "b", "c"), values.get(WinFields.TAGS));
        assertEquals(Set.of(WinFields.STAGE, WinFields.SOURCE, WinFields.EMAIL_VALID, WinFields.PHONE_VALID,
                WinFields.TAGS), values.keySet());
    }
}
