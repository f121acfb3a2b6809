package dev.crmkit.adapters.memory;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.kit.archive.ContactAlias;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Contacts in memory, indexed by e-mail, phone and company, each kept packed ({@link PackedContacts}) and rebuilt on
 * read. Thread-safe.
 */
final class InMemoryContacts implements Contacts {

    static final String COMPANY = "company";
    static final String NAME_KEY = "nameKey";
    static final String NICKNAME_KEY = "nicknameKey";
    /**
     * The creation order, one object for the table and its groups: a group ordered by the very function the table
     * orders by reads each member's position from the packed row instead of keeping it ({@link Table#group}).
     */
    private static final Function<Contact, Instant> CREATION = Contact::createdAt;

    private final Table<ContactId, Contact> table;
    private final InMemoryTransactions tx;
    /** Merged-away contact to its survivor. */
    private final Aliases<ContactId, Contact> aliases;

    InMemoryContacts(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<ContactId, Contact>("contact", tx, Contact::id, Contact::version, Contact::atVersion,
                CREATION, new PackedContacts())
                .unique("emails", Contact::emails)
                .unique("phones", Contact::phones)
                .group(COMPANY, InMemoryContacts::companiesOf, CREATION)
                // read only by findBySoundOfName (the duplicate checks): built on their first read, O(n) in the
                // contacts (each unpacked, its name keys worked out) under the store's lock (Table.lazyGroup); the
                // two builds of that first read, measured: about 3 KB allocated and 2.5 to 4 us of CPU a contact
                .lazyGroup(NAME_KEY, Contact::name, n -> nonEmpty(tx.nameKeys().nameKey(n)), CREATION)
                .lazyGroup(NICKNAME_KEY, Contact::name, n -> nonEmpty(tx.nameKeys().nicknameKey(n)), CREATION);
        this.aliases = new Aliases<>(tx, table);
    }

    /** The companies a contact is affiliated with, in order: the keys of its company group, built without a stream. */
    private static List<CompanyId> companiesOf(Contact c) {
        List<Affiliation> affiliations = c.affiliations();
        if (affiliations.isEmpty()) {
            return List.of();
        }
        if (affiliations.size() == 1) {
            return List.of(affiliations.get(0).companyId());
        }
        List<CompanyId> out = new java.util.ArrayList<>(affiliations.size());
        affiliations.forEach(a -> out.add(a.companyId()));
        return out;
    }

    /** The contact, or for a merged-away id its survivor. */
    @Override
    public Optional<Contact> findById(ContactId id) {
        Objects.requireNonNull(id, "id");
        return aliases.resolve(id);
    }

    /** Units of work run one at a time here, so the running one already holds every contact. */
    @Override
    public Optional<Contact> lockById(ContactId id) {
        return findById(id);
    }

    /** Where merged-away contacts resolve to. */
    Aliases<ContactId, Contact> aliases() {
        return aliases;
    }

    /** The contacts affiliated with the company, in creation order: a scan, for company merges. */
    List<Contact> affiliatedWith(CompanyId company) {
        return table.scan(c -> c.affiliations().stream().anyMatch(a -> a.companyId().equals(company)));
    }

    /** Stores the contact exactly as given (version included) in place of the stored one. */
    void restore(Contact exact) {
        table.restore(exact);
    }

    /** The ids merged into a survivor (its aliases), in text order. */
    List<ContactId> aliasesOf(ContactId survivor) {
        return tx.read(() -> aliases.all().entrySet().stream().filter(e -> e.getValue().equals(survivor))
                .map(Map.Entry::getKey).sorted(Comparator.comparing(ContactId::toString)).toList());
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
    public java.util.List<Contact> findByNameParts(dev.crmkit.core.contact.PersonName name, int limit) {
        String first = name.first().toLowerCase(java.util.Locale.ROOT);
        String last = name.last().toLowerCase(java.util.Locale.ROOT);
        return table.scan(c -> !first.isEmpty() && c.name().first().toLowerCase(java.util.Locale.ROOT).equals(first)
                || !last.isEmpty() && c.name().last().toLowerCase(java.util.Locale.ROOT).equals(last))
                .stream().limit(limit).toList();
    }

    @Override
    public List<Contact> findBySoundOfName(PersonName name, int limit) {
        List<String> keys = NameKeys.nameKeysToFind(name);
        String nickname = tx.nameKeys().nicknameKey(name);
        return tx.read(() -> {
            Map<ContactId, Contact> found = new LinkedHashMap<>();
            keys.forEach(k -> table.all(NAME_KEY, k).forEach(c -> found.put(c.id(), c)));
            if (!nickname.isEmpty()) {
                table.all(NICKNAME_KEY, nickname).forEach(c -> found.put(c.id(), c));
            }
            return found.values().stream().sorted(Comparator.comparing(Contact::createdAt)
                    .thenComparing(c -> c.id().toString())).limit(limit).toList();
        });
    }

    private static List<String> nonEmpty(String key) {
        return key.isEmpty() ? List.of() : List.of(key);
    }

    @Override
    public Page<Contact> findAll(PageRequest page) {
        return table.page(page);
    }

    @Override
    public long count() {
        return table.count();
    }

    /** The rows, for the lists restricted by access. */
    Table<ContactId, Contact> rows() {
        return table;
    }

    /** Makes a merged-away contact of a restored merge known as taken out, so that unmerge can reinstate it. */
    void takenOut(ContactId merged) {
        table.takenOut(merged);
    }

    /** The archive of the aliases, keyed by the merged-away id; {@code mergeOf} names the merge in force. */
    MemoryArchive<ContactAlias> aliasArchive(InMemoryTransactions tx, Function<ContactId, MergeId> mergeOf) {
        Function<ContactAlias, String> key = a -> a.merged().toString();
        return new MemoryArchive<>(tx, "contact alias", (after, limit) -> KeyOrder.after(aliases.all().entrySet()
                .stream().map(e -> new ContactAlias(e.getKey(), e.getValue(), mergeOf.apply(e.getKey()))).toList(),
                key, after, limit), key, k -> aliases.contains(new ContactId(UUID.fromString(k))),
                a -> aliases.alias(a.merged(), a.survivor()));
    }

    /** The archive of the contact rows, keyed by id: export and restore only. */
    MemoryArchive<Contact> archive(InMemoryTransactions tx) {
        return MemoryArchive.of(tx, "contact", table, Contact::id, k -> new ContactId(UUID.fromString(k)));
    }
}
