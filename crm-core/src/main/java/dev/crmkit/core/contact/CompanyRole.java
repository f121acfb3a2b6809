package dev.crmkit.core.contact;

/** The part a contact plays for a company. A contact may play several. */
public enum CompanyRole {
    /** Works for the company. */
    EMPLOYEE,
    /** Decides on purchases. */
    DECISION_MAKER,
    /** Pays the invoices. */
    PAYER,
    /** The person actually present at the customer's site, who may differ from the one who pays. */
    SITE_CONTACT
}
