package dev.crmkit.core.duplicate;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;

import java.time.LocalDate;

/** Turns the store's records into {@link DuplicateRecord}s, for scanning a store's contacts. */
public final class ContactRecords {

    private ContactRecords() {
    }

    /**
     * A contact as a record to compare: its id, name, primary e-mail and phone, first address and birthday.
     *
     * @param contact a stored contact
     * @return the record, with the contact's id as text
     */
    public static DuplicateRecord of(Contact contact) {
        DuplicateRecord.Builder b = DuplicateRecord.builder(contact.id().toString())
                .name(contact.name().first(), contact.name().last())
                .email(contact.primaryEmail().map(EmailAddress::value).orElse(""))
                .phone(contact.primaryPhone().map(PhoneNumber::toString).orElse(""))
                .birthday(contact.birthday().map(LocalDate::toString).orElse(""));
        if (!contact.addresses().isEmpty()) {
            Address a = contact.addresses().get(0);
            b.address(a.street(), a.postalCode(), a.city(), a.region(), a.country());
        }
        return b.build();
    }
}
