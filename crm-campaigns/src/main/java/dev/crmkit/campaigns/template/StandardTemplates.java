package dev.crmkit.campaigns.template;

/**
 * The built-in templates of the standard campaigns, named like the campaigns ({@code birthday}, {@code win-back},
 * {@code re-contact}, the event campaigns {@code order-confirmation}, {@code payment-reminder} and
 * {@code abandoned-cart}, whose {@code occurrence} is the order or invoice number), and of the steps of the built-in
 * nurture sequence ({@code nurture-intro}, {@code nurture-reminder}): an English fallback and a German version of
 * each, over the {@linkplain TemplateVariables#standard() standard}
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
        library.save(new MessageTemplate("order-confirmation", "", "Your order {{occurrence}}",
                "Hello {{first_name}},\n\nthank you for your order {{occurrence}}. We will let you know when it "
                        + "ships.\n"));
        library.save(new MessageTemplate("order-confirmation", "de", "Ihre Bestellung {{occurrence}}",
                "Hallo {{first_name}},\n\nvielen Dank für Ihre Bestellung {{occurrence}}. Wir melden uns, sobald sie "
                        + "versandt wird.\n"));
        library.save(new MessageTemplate("payment-reminder", "", "Payment reminder: {{occurrence}}",
                "Hello {{first_name}},\n\nour invoice {{occurrence}} is still open. If you have paid it meanwhile, "
                        + "please ignore this message.\n"));
        library.save(new MessageTemplate("payment-reminder", "de", "Zahlungserinnerung: {{occurrence}}",
                "Hallo {{first_name}},\n\nunsere Rechnung {{occurrence}} ist noch offen. Falls Sie sie inzwischen "
                        + "bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos.\n"));
        library.save(new MessageTemplate("abandoned-cart", "", "Still thinking it over{{#first_name}}, {{first_name}}"
                + "{{/first_name}}?", "Hello {{first_name}},\n\nyour cart is waiting for you until "
                + "{{valid_until}}.\n"));
        library.save(new MessageTemplate("abandoned-cart", "de", "Noch unentschlossen{{#first_name}}, {{first_name}}"
                + "{{/first_name}}?", "Hallo {{first_name}},\n\nIhr Warenkorb wartet bis {{valid_until}} auf Sie.\n"));
        library.save(new MessageTemplate("nurture-intro", "", "Welcome{{#first_name}}, {{first_name}}"
                + "{{/first_name}}", "Hello {{first_name}},\n\nthank you for your interest. Here is what we can "
                + "do for you.\n"));
        library.save(new MessageTemplate("nurture-intro", "de", "Willkommen{{#first_name}}, {{first_name}}"
                + "{{/first_name}}", "Hallo {{first_name}},\n\ndanke für Ihr Interesse. Das können wir für Sie "
                + "tun.\n"));
        library.save(new MessageTemplate("nurture-reminder", "", "Still interested{{#first_name}}, {{first_name}}"
                + "{{/first_name}}?", "Hello {{first_name}},\n\njust reply to this message and we will call you.\n"));
        library.save(new MessageTemplate("nurture-reminder", "de", "Noch interessiert{{#first_name}}, {{first_name}}"
                + "{{/first_name}}?", "Hallo {{first_name}},\n\nantworten Sie einfach, und wir rufen Sie an.\n"));
        return library;
    }
}
