package dev.crmkit.campaigns.template;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateLibraryTest {

    private final TemplateLibrary library = new TemplateLibrary(TemplateVariables.standard().with("coupon", "B-10"));

    @Test
    void render_picksTheLanguageThenItsPrimaryThenTheFallback() {
        library.save(new MessageTemplate("birthday-offer", "", "Happy birthday, {{first_name}}",
                "Your offer is valid until {{valid_until}}."));
        library.save(new MessageTemplate("birthday-offer", "de", "Alles Gute, {{first_name}}",
                "Gültig bis {{valid_until}}."));
        Map<String, String> values = Map.of("first_name", "Anna", "valid_until", "2026-03-10");

        assertEquals("Alles Gute, Anna", library.render("birthday-offer", "de", values).subject());
        assertEquals("Gültig bis 2026-03-10.", library.render("birthday-offer", "de-AT", values).body());
        RenderedMessage fallback = library.render("birthday-offer", "fr", values);
        assertEquals("Happy birthday, Anna", fallback.subject());
        assertEquals("", fallback.language());
        assertThrows(IllegalArgumentException.class, () -> library.render("win-back", "de", values));
    }

    @Test
    void save_unknownVariableAndBadSyntax_listsEveryProblemAndSavesNothing() {
        ValidationException e = assertThrows(ValidationException.class, () -> library.save(new MessageTemplate(
                "offer", "en", "Hi {{frist_name}}", "{{#first_name}}unclosed")));

        List<Violation> v = e.violations();
        assertEquals(2, v.size(), v.toString());
        assertEquals("subject", v.get(0).field());
        assertEquals("known-variable", v.get(0).rule());
        assertTrue(v.get(0).message().contains("'frist_name'"), v.get(0).message());
        assertEquals("body", v.get(1).field());
        assertEquals("template-syntax", v.get(1).rule());
        assertTrue(library.find("offer", "en").isEmpty());
    }

    @Test
    void save_include_isRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> library.save(new MessageTemplate(
                "offer", "", "Hi", "{{> other}}")));

        assertEquals("body", e.violations().get(0).field());
    }

    @Test
    void preview_fillsInTheSampleRecordWithoutSaving() {
        RenderedMessage preview = library.preview(new MessageTemplate("offer", "en", "Hi {{first_name}}",
                "Code {{coupon}} until {{valid_until}}"));

        assertEquals("Hi Anna", preview.subject());
        assertEquals("Code B-10 until 2026-03-10", preview.body());
        assertTrue(library.find("offer", "en").isEmpty());
    }

    @Test
    void render_messageValues_ofARecipientAndADueMessage() {
        library.save(new MessageTemplate("win-back", "", "We miss you, {{first_name}} {{last_name}}",
                "Step {{step}} of {{campaign}}, valid until {{valid_until}}{{^email}} (no e-mail){{/email}}"));
        Recipient r = new Recipient("c7", "Cleo", "Dahl", "", "", java.util.Optional.empty(), ZoneOffset.UTC,
                MarketingConsent.unknown(), "en");
        DueMessage m = new DueMessage("c7", "win-back", 2, "2025-01-15", LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 4, 14), MessageKind.MARKETING);

        RenderedMessage out = library.render("win-back", r.language(), MessageValues.of(r, m));

        assertEquals("We miss you, Cleo Dahl", out.subject());
        assertEquals("Step 2 of win-back, valid until 2026-04-14 (no e-mail)", out.body());
    }

    @Test
    void messageTemplate_badNameLanguageAndSubject_namesEachField() {
        ValidationException e = assertThrows(ValidationException.class, () -> new MessageTemplate("Bad Name",
                "not a tag", "two\nlines", " "));

        assertEquals(List.of("name", "language", "subject", "body"),
                e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void standardTemplates_renderBothCampaignsInEnglishAndGerman() {
        TemplateLibrary standard = StandardTemplates.library();
        Map<String, String> anna = Map.of("first_name", "Anna", "valid_until", "2026-03-10");

        assertEquals("Happy birthday, Anna!", standard.render("birthday", "en", anna).subject());
        assertEquals("Alles Gute zum Geburtstag, Anna!", standard.render("birthday", "de-CH", anna).subject());
        assertEquals("We miss you", standard.render("win-back", "", Map.of()).subject());
        assertTrue(standard.render("win-back", "de", anna).body().contains("gültig bis 2026-03-10"));
    }
}
