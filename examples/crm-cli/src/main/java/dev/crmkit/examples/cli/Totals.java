package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;

import java.util.Map;

/**
 * What a store holds: its contacts, leads and companies.
 *
 * @param contacts  the contacts
 * @param leads     the leads
 * @param companies the companies
 */
record Totals(long contacts, long leads, long companies) {

    /** Counts what crmkit's store holds now. */
    static Totals of(Crm crm) {
        return new Totals(crm.store().contacts().count(), crm.store().leads().count(),
                crm.store().companies().count());
    }

    /** Whether the store holds anything. */
    boolean isEmpty() {
        return contacts == 0 && leads == 0 && companies == 0;
    }

    /** {@code 18 contacts, 18 leads, 9 companies}. */
    String text() {
        return Counted.of(contacts, "contact") + ", " + Counted.of(leads, "lead") + ", "
                + Counted.of(companies, "company", "companies");
    }

    /** The counts as a JSON object. */
    Map<String, Object> json() {
        return JsonOutput.object("contacts", contacts, "leads", leads, "companies", companies);
    }
}
