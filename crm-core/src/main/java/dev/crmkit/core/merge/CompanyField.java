package dev.crmkit.core.merge;

/**
 * The single-valued fields of a company whose surviving value a merge can take from a chosen company. The custom
 * fields are always united.
 */
public enum CompanyField {
    /** The name. */
    NAME,
    /** The legal name. */
    LEGAL_NAME,
    /** The registration number. */
    REGISTRATION_NUMBER,
    /** The tax number. */
    TAX_NUMBER,
    /** The legal address. */
    LEGAL_ADDRESS,
    /** The web domain. */
    WEB_DOMAIN,
    /** The industry. */
    INDUSTRY,
    /** The size. */
    SIZE
}
