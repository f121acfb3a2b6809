package dev.crmkit.campaigns.template;

import java.util.List;
import java.util.Optional;

/**
 * The store of user-edited templates, every version kept, shared by every node (adapters:
 * {@code InMemoryTemplateStore}, {@code JdbcTemplateStore}, migration V64). It keeps what it is given: checking a
 * template against the variables is {@link EditableTemplates}' part. A save is a compare-and-set on the newest
 * version, so two users editing one template cannot overwrite each other unnoticed. Implementations are thread-safe.
 */
public interface TemplateStore {

    /**
     * Stores the template as the next version of its name and language.
     *
     * @param template        the template
     * @param expectedVersion the newest version the editor read, 0 for a template not stored yet
     * @return the stored version ({@code expectedVersion + 1})
     * @throws dev.crmkit.core.kernel.StaleVersionException if the newest stored version is another one, nothing written
     * @throws dev.crmkit.core.kernel.ValidationException   if the name, language or subject is longer than a store
     *                                                      keeps ({@link StoredTemplate}), nothing written
     */
    StoredTemplate save(MessageTemplate template, long expectedVersion);

    /** The newest version of the template with this name and language (exactly, the fallback is {@code ""}). */
    Optional<StoredTemplate> current(String name, String language);

    /** Every version of the template with this name and language, oldest first. */
    List<StoredTemplate> history(String name, String language);

    /** The newest version of every template, ordered by name, then language (code points). */
    List<StoredTemplate> currents();
}
