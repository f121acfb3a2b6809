package dev.crmkit.campaigns.template;

/**
 * The built-in templates of the standard campaigns, named like the campaigns ({@code birthday}, {@code win-back}): an
 * English fallback and a German version of each, over the {@linkplain TemplateVariables#standard() standard}
 * variables. A host replaces them by saving its own under the same names.
 */
public final class StandardTemplates {

    private StandardTemplates() {
    }

    /** A library holding the built-in templates. */
    public static TemplateLibrary library() {
        TemplateLibrary library = new TemplateLibrary(TemplateVariables.standard());
        library.save(new MessageTemplate("birthday", "",
                "Happy birthday{{#first_name}}, {{first_name}}{{/first_name}}!",
                "Hello {{first_name}},\n\nyour birthday is coming up, and we have a present for you: a birthday offer "
                        + "valid until {{valid_until}}.\n"));
        library.save(new MessageTemplate("birthday", "de", "Alles Gute zum Geburtstag{{#first_name}}, {{first_name}}"
                + "{{/first_name}}!", "Hallo {{first_name}},\n\nbald ist Ihr Geburtstag, und wir haben ein Geschenk "
                + "für Sie: ein Geburtstagsangebot, gültig bis {{valid_until}}.\n"));
        library.save(new MessageTemplate("win-back", "", "We miss you{{#first_name}}, {{first_name}}{{/first_name}}",
                "Hello {{first_name}},\n\nit has been a while since your last order. Here is an offer to welcome you "
                        + "back, valid until {{valid_until}}.\n"));
        library.save(new MessageTemplate("win-back", "de", "Wir vermissen Sie{{#first_name}}, {{first_name}}"
                + "{{/first_name}}", "Hallo {{first_name}},\n\nIhre letzte Bestellung ist eine Weile her. Mit diesem "
                + "Angebot heißen wir Sie wieder willkommen, gültig bis {{valid_until}}.\n"));
        library.save(new MessageTemplate("re-contact", "", "How are you{{#first_name}}, {{first_name}}"
                + "{{/first_name}}?", "Hello {{first_name}},\n\nwe have not spoken for a while. Is there anything we "
                + "can do for you? Just reply to this message.\n"));
        library.save(new MessageTemplate("re-contact", "de", "Wie geht es Ihnen{{#first_name}}, {{first_name}}"
                + "{{/first_name}}?", "Hallo {{first_name}},\n\nwir haben eine Weile nichts voneinander gehört. "
                + "Können wir etwas für Sie tun? Antworten Sie einfach auf diese Nachricht.\n"));
        return library;
    }
}
