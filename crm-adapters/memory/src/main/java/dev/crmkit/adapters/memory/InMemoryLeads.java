package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Leads in memory, indexed by external id, open e-mail, phone, contact and name keys, status and owner. Thread-safe.
 * The indexes by open contact, name keys, status and owner are built on their first read ({@link Table#lazyGroup}):
 * that read costs one pass over every lead under the store's lock.
 */
final class InMemoryLeads implements Leads {

    private static final String OPEN_EMAIL = "openEmail";
    private static final String OPEN_PHONE = "openPhone";
    static final String OPEN_CONTACT = "openContact";
    /** The name keys ({@code n:}) and nickname key ({@code k:}) of open leads' own names. */
    static final String OPEN_NAME = "openName";
    static final String STATUS = "status";
    static final String OWNER = "owner";

    private final Table<LeadId, Lead> table;
    private final InMemoryTransactions tx;
    /** Merged-away lead to its survivor. */
    private final Aliases<LeadId, Lead> aliases;

    InMemoryLeads(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<LeadId, Lead>("lead", tx, Lead::id, Lead::version, Lead::atVersion,
                InMemoryLeads::creation)
                .unique("externalIds", Lead::externalIds)
                .group(OPEN_EMAIL, l -> l.isOpen() ? Table.keysOf(l.email()) : List.of(), InMemoryLeads::creation)
                .group(OPEN_PHONE, l -> l.isOpen() ? Table.keysOf(l.phone()) : List.of(), InMemoryLeads::creation)
                // read by the duplicate checks (open contact, name keys), by findByStatus/findByOwner (assignment,
                // workload) and by the visible-records pages (status, owner): built on their first read, O(n) in the
                // leads under the store's lock (Table.lazyGroup); a capture under the default rules never asks them,
                // and kept 4 to 5 entries a lead and the name keys for nothing
                .lazyGroup(OPEN_CONTACT, l -> l.isOpen() ? List.of(l.contactId()) : List.of(), InMemoryLeads::creation)
                .lazyGroup(OPEN_NAME, l -> l.isOpen() ? Optional.of(l.name()) : Optional.<PersonName>empty(),
                        n -> n.map(name -> nameKeys(tx.nameKeys(), name)).orElse(List.of()), InMemoryLeads::creation)
                .lazyGroup(STATUS, l -> List.of(l.status()), InMemoryLeads::creation)
                .lazyGroup(OWNER, l -> Table.keysOf(l.owner()), InMemoryLeads::creation);
        this.aliases = new Aliases<>(tx, table);
    }

    private static Instant creation(Lead l) {
        return l.createdAt();
    }

    @Override
    public Optional<Lead> findById(LeadId id) {
        return aliases.resolve(Objects.requireNonNull(id, "id"));
    }

    /** Units of work run one at a time here, so the running one already holds every lead. */
    @Override
    public Optional<Lead> lockById(LeadId id) {
        return findById(id);
    }

    /** Where merged-away leads resolve to. */
    Aliases<LeadId, Lead> aliases() {
        return aliases;
    }

    /** Stores the lead exactly as given (version included) in place of the stored one. */
    void restore(Lead exact) {
        table.restore(exact);
    }

    @Override
    public Optional<Lead> findByExternalId(String externalId) {
        return table.byUnique("externalIds", externalId);
    }

    @Override
    public Optional<Lead> findOpenByEmail(EmailAddress email) {
        return table.last(OPEN_EMAIL, Objects.requireNonNull(email, "email"));
    }

    @Override
    public Optional<Lead> findOpenByPhone(PhoneNumber phone) {
        return table.last(OPEN_PHONE, Objects.requireNonNull(phone, "phone"));
    }

    @Override
    public List<Lead> findOpenByContacts(Collection<ContactId> contacts, int limit) {
        Objects.requireNonNull(contacts, "contacts");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        // in the store's order across all the contacts, as the JDBC store answers (created_at, seq)
        return table.first(OPEN_CONTACT, new LinkedHashSet<>(contacts), limit);
    }

    /**
     * Through the index of open leads' name keys, kept on every write of a lead from its first read on; that first
     * read builds it from every lead ({@link Table#lazyGroup}).
     */
    @Override
    public List<Lead> findOpenBySoundOfName(PersonName name, int limit) {
        Objects.requireNonNull(name, "name");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<String> keys = new ArrayList<>();
        NameKeys.nameKeysToFind(name).forEach(k -> keys.add("n:" + k));
        if (keys.isEmpty()) {
            return List.of();
        }
        String nickname = tx.nameKeys().nicknameKey(name);
        if (!nickname.isEmpty()) {
            keys.add("k:" + nickname);
        }
        return table.first(OPEN_NAME, new LinkedHashSet<>(keys), limit);
    }

    /**
     * The keys a lead's own name is found by: its name key and its nickname key, each when not empty; from the unit of
     * work's memo, as the contact of the same capture already asked for them.
     */
    private static List<String> nameKeys(NameKeyMemo memo, PersonName name) {
        List<String> keys = new ArrayList<>(2);
        String key = memo.nameKey(name);
        if (!key.isEmpty()) {
            keys.add("n:" + key);
        }
        String nickname = memo.nicknameKey(name);
        if (!nickname.isEmpty()) {
            keys.add("k:" + nickname);
        }
        return keys;
    }

    @Override
    public Lead insertOrGet(Lead candidate) {
        return table.insertOrGet(Objects.requireNonNull(candidate, "candidate"));
    }

    @Override
    public Lead update(Lead lead) {
        return table.update(Objects.requireNonNull(lead, "lead"));
    }

    @Override
    public Page<Lead> findByStatus(LeadStatus status, PageRequest page) {
        return table.page(STATUS, Objects.requireNonNull(status, "status"), page, false, l -> true);
    }

    @Override
    public Page<Lead> findByOwner(UserId owner, PageRequest page) {
        return table.page(OWNER, Objects.requireNonNull(owner, "owner"), page, false, l -> true);
    }

    @Override
    public Page<Lead> findAll(PageRequest page) {
        return table.page(page);
    }

    @Override
    public long count() {
        return table.count();
    }

    /** The rows, for merges, which re-point them. */
    Table<LeadId, Lead> rows() {
        return table;
    }

    /** The archive of the lead rows, keyed by id: export and restore only. */
    MemoryArchive<Lead> archive(InMemoryTransactions tx) {
        return MemoryArchive.of(tx, "lead", table, Lead::id, k -> new LeadId(UUID.fromString(k)));
    }
}
