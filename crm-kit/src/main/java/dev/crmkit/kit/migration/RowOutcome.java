package dev.crmkit.kit.migration;

/** What a migration did with one row that it did not reject. */
public enum RowOutcome {
    /** A new crmkit record was created. */
    CREATED,
    /** The row was matched to an existing record (a contact by e-mail or phone, a company by web domain). */
    MERGED,
    /** The row's source id was migrated before: nothing was written. */
    SKIPPED
}
