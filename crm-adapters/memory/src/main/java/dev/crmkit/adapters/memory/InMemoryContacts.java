package dev.crmkit.adapters.memory;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Contacts in memory, indexed by e-mail, phone and company. Thread-safe. */
final class InMemoryContacts implements Contacts {

    private static final String COMPANY = "company";

    private final Table<ContactId, Contact> table;

    InMemoryContacts(InMemoryTransactions tx) {
        this.table = new Table<ContactId, Contact>("contact", tx, Contact::id, Contact::version, Contact::atVersion,
                InMemoryContacts::creation)
                .unique("emails", Contact::emails)
                .unique("phones", Contact::phones)
                .group(COMPANY, c -> c.affiliations().stream().map(Affiliation::companyId).toList(),
                        InMemoryContacts::creation);
    }

    private static Instant creation(Contact c) {
        return c.createdAt();
    }

    @Override
    public Optional<Contact> findById(ContactId id) {
        return table.get(id);
    }

    /** Units of work run one at a time here, so the running one already holds every contact. */
    @Override
    public Optional<Contact> lockById(ContactId id) {
        return table.get(Objects.requireNonNull(id, "id"));
    }

    @Override
    public Optional<Contact> findByEmail(EmailAddress email) {
        return table.byUnique("emails", email);
    }

    @Override
    public Optional<Contact> findByPhone(PhoneNumber phone) {
        return table.byUnique("phones", phone);
    }

    @Override
    public Contact insertOrGet(Contact candidate) {
        return table.insertOrGet(Objects.requireNonNull(candidate, "candidate"));
    }

    @Override
    public Contact update(Contact contact) {
        return table.update(Objects.requireNonNull(contact, "contact"));
    }

    @Override
    public Page<Contact> findByCompany(CompanyId companyId, PageRequest page) {
        return table.page(COMPANY, Objects.requireNonNull(companyId, "companyId"), page, false, c -> true);
    }

    @Override
    public Page<Contact> findAll(PageRequest page) {
        return table.page(page);
    }

    @Override
    public long count() {
        return table.count();
    }

    /** The archive of the contact rows, keyed by id: export and restore only. */
    MemoryArchive<Contact> archive(InMemoryTransactions tx) {
        return MemoryArchive.of(tx, "contact", table, Contact::id, k -> new ContactId(UUID.fromString(k)));
    }
}
