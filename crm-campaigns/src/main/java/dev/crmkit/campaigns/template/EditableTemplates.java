package dev.crmkit.campaigns.template;

import java.util.Locale;
import java.util.Objects;

/**
 * User-editable templates kept in a {@link TemplateStore}: a template is checked when saved (as
 * {@link TemplateLibrary#save} checks it: valid Mustache, only known variables, no includes; nothing is stored when it
 * fails), previewed with the sample record before, and read back as a {@link TemplateLibrary} for a
 * {@link dev.crmkit.campaigns.delivery.CampaignRun}: the stored templates over the built-in ones. Language tags are
 * stored in their canonical form ({@code de-AT}), so one language has one history. Thread-safe.
 */
public final class EditableTemplates {

    private final TemplateStore store;
    private final TemplateLibrary base;

    /**
     * Templates in the store over a base library, whose variables they are checked against.
     *
     * @param store the store
     * @param base  the templates used where the store has none of a name and language (e.g.
     *              {@link StandardTemplates#library()}); its variables are the ones allowed
     */
    public EditableTemplates(TemplateStore store, TemplateLibrary base) {
        this.store = Objects.requireNonNull(store, "store");
        this.base = Objects.requireNonNull(base, "base");
    }

    /**
     * Checks the template and stores it as the next version.
     *
     * @param expectedVersion the newest version the editor read, 0 for a new template
     * @return the stored version
     * @throws dev.crmkit.core.kernel.ValidationException   naming the field and rule when the template is not valid
     * @throws dev.crmkit.core.kernel.StaleVersionException when someone saved another version meanwhile
     */
    public StoredTemplate save(MessageTemplate template, long expectedVersion) {
        MessageTemplate canonical = canonical(template);
        base.check(canonical);
        StoredTemplate.checkLength(canonical);
        return store.save(canonical, expectedVersion);
    }

    /**
     * The template rendered with the sample record of the variables, without storing it.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming the field and rule when the template is not valid
     */
    public RenderedMessage preview(MessageTemplate template) {
        return base.preview(canonical(template));
    }

    /** A library of the base templates with the newest stored version of each template over them. */
    public TemplateLibrary library() {
        TemplateLibrary library = new TemplateLibrary(base.variables());
        base.templates().forEach(library::save);
        store.currents().forEach(t -> library.save(t.template()));
        return library;
    }

    /** The store the templates are kept in. */
    public TemplateStore store() {
        return store;
    }

    private static MessageTemplate canonical(MessageTemplate t) {
        Objects.requireNonNull(t, "template");
        String language = t.language().isEmpty() ? "" : Locale.forLanguageTag(t.language()).toLanguageTag();
        return language.equals(t.language()) ? t : new MessageTemplate(t.name(), language, t.subject(), t.body());
    }
}
