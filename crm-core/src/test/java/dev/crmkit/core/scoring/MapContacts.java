package dev.crmkit.core.scoring;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contacts by id for the scoring tests, which read contacts by id only; the other finders and writes are not
 * needed there and refuse (the real stores' contract covers them).
 */
final class MapContacts implements Contacts {

    private final ConcurrentHashMap<ContactId, Contact> contacts = new ConcurrentHashMap<>();

    void put(Contact contact) {
        contacts.put(contact.id(), contact);
    }

    @Override
    public Optional<Contact> findById(ContactId id) {
        return Optional.ofNullable(contacts.get(id));
    }

    @Override
    public Optional<Contact> lockById(ContactId id) {
        return findById(id);
    }

    @Override
    public Optional<Contact> findByEmail(EmailAddress email) {
        throw new UnsupportedOperationException("scoring reads contacts by id only");
    }

    @Override
    public Optional<Contact> findByPhone(PhoneNumber phone) {
        throw new UnsupportedOperationException("scoring reads contacts by id only");
    }

    @Override
    public Contact insertOrGet(Contact candidate) {
        throw new UnsupportedOperationException("scoring does not write contacts");
    }

    @Override
    public Contact update(Contact contact) {
        throw new UnsupportedOperationException("scoring does not write contacts");
    }

    @Override
    public Page<Contact> findByCompany(CompanyId companyId, PageRequest page) {
        throw new UnsupportedOperationException("scoring reads contacts by id only");
    }

    @Override
    public Page<Contact> findAll(PageRequest page) {
        throw new UnsupportedOperationException("scoring reads contacts by id only");
    }

    @Override
    public long count() {
        return contacts.size();
    }
}
