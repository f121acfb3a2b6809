package dev.crmkit.core.merge;

/**
 * The single-valued fields of a contact whose surviving value a merge can take from a chosen contact. The list fields
 * (e-mails, phones, addresses, affiliations) and the custom fields are always united.
 */
public enum ContactField {
    /** First and last name, taken together. */
    NAME,
    /** The preferred language. */
    LANGUAGE,
    /** The birthday. */
    BIRTHDAY,
    /** The marketing consent. */
    CONSENT,
    /** The owner. */
    OWNER
}
