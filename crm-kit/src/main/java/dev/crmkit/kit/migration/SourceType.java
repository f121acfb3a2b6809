package dev.crmkit.kit.migration;

import java.util.Locale;

/**
 * The kinds of record a migration from another CRM brings in, in the order they are migrated: companies before the
 * contacts that work there, both before the deals, activities and tasks that refer to them.
 */
public enum SourceType {
    /** A company (an organization, an account). */
    COMPANY("companies"),
    /** A person (a contact). */
    CONTACT("contacts"),
    /** A deal (an opportunity). */
    DEAL("deals"),
    /** A timeline entry: a call, a meeting, an e-mail, a note. */
    ACTIVITY("activities"),
    /** A task. */
    TASK("tasks");

    private final String plural;

    SourceType(String plural) {
        this.plural = plural;
    }

    /** The name of this type's section in a mapping file: {@code companies}, {@code contacts}, ... */
    public String plural() {
        return plural;
    }

    /** The lower-case name, as stored: {@code company}, {@code contact}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
