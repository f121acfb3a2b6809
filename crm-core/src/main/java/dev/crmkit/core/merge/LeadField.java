package dev.crmkit.core.merge;

/**
 * The single-valued fields of a lead whose surviving value a merge can take from a chosen lead. The external ids are
 * always united, the custom fields too, and the submissions added up; the survivor always keeps its contact and its
 * status (with its disqualification reason), which belong to its conversion.
 */
public enum LeadField {
    /** First and last name, taken together. */
    NAME,
    /** The e-mail address. */
    EMAIL,
    /** The phone number. */
    PHONE,
    /** The company the lead is linked to. */
    COMPANY,
    /** The company name as the lead gave it. */
    COMPANY_NAME,
    /** The request. */
    REQUEST,
    /** The source. */
    SOURCE,
    /** The owner. */
    OWNER
}
