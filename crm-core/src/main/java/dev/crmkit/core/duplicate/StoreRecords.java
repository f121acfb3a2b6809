package dev.crmkit.core.duplicate;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;

import java.time.LocalDate;

/** Turns the store's contacts, leads and companies into {@link DuplicateRecord}s, for scanning a store. */
public final class StoreRecords {

    private StoreRecords() {
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

    /**
     * A lead as a record to compare: its id, name, e-mail, phone and company name.
     *
     * @param lead a stored lead
     * @return the record, with the lead's id as text
     */
    public static DuplicateRecord of(Lead lead) {
        return lead(lead.id().toString(), lead.name(), lead.email(), lead.phone(), lead.companyName());
    }

    /** A lead's fields as a record to compare, also for a lead not stored yet (its id as given). */
    static DuplicateRecord lead(String id, dev.crmkit.core.contact.PersonName name,
                                java.util.Optional<EmailAddress> email, java.util.Optional<PhoneNumber> phone,
                                String companyName) {
        return DuplicateRecord.builder(id)
                .name(name.first(), name.last())
                .email(email.map(EmailAddress::value).orElse(""))
                .phone(phone.map(PhoneNumber::toString).orElse(""))
                .companyName(companyName)
                .build();
    }

    /**
     * A company as a record to compare: its id, name, legal address, and its tax and registration numbers as the
     * identifiers {@code tax_id} and {@code registration_number}.
     *
     * @param company a stored company
     * @return the record, with the company's id as text
     */
    public static DuplicateRecord of(Company company) {
        DuplicateRecord.Builder b = DuplicateRecord.builder(company.id().toString())
                .companyName(company.name())
                .identifier("tax_id", company.taxNumber())
                .identifier("registration_number", company.registrationNumber());
        company.legalAddress().ifPresent(a -> b.address(a.street(), a.postalCode(), a.city(), a.region(),
                a.country()));
        return b.build();
    }
}
