package dev.crmkit.core.capture;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.Lead;

import java.util.List;

/**
 * Writes staged by hand, for tests of {@link CaptureBatches#write} with what a capture never stages itself (two new
 * leads holding one external id): {@link CaptureWrites} is filled by the stage only.
 */
public final class StagedWrites {

    private StagedWrites() {
    }

    /** New contacts and new leads, each given as a candidate at version 0 and staged at version 1. */
    public static CaptureWrites of(List<Contact> newContacts, List<Lead> newLeads) {
        CaptureWrites writes = new CaptureWrites();
        newContacts.forEach(c -> writes.insertedContact(c, c.atVersion(1)));
        newLeads.forEach(l -> writes.insertedLead(l, l.atVersion(1)));
        return writes;
    }
}
