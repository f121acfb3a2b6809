package dev.crmkit.adapters.memory;

import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

import dev.crmkit.core.duplicate.CompanyNameKeys;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Companies in memory, indexed by web domain, name key and the sound and acronym keys of the name. Thread-safe. */
final class InMemoryCompanies implements Companies {

    private static final String NAME = "name";
    private static final String SOUND = "sound";
    private static final String ACRONYM = "acronym";

    private final Table<CompanyId, Company> table;
    private final InMemoryTransactions tx;
    /** Merged-away company to its survivor. */
    private final Aliases<CompanyId, Company> aliases;

    InMemoryCompanies(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<CompanyId, Company>("company", tx, Company::id, Company::version, Company::atVersion,
                InMemoryCompanies::creation)
                .unique("webDomain", c -> c.webDomain().stream().toList())
                .group(NAME, c -> List.of(c.nameKey()), InMemoryCompanies::creation)
                .group(SOUND, c -> nonEmpty(CompanyNameKeys.soundKey(c.name())), InMemoryCompanies::creation)
                .group(ACRONYM, c -> nonEmpty(CompanyNameKeys.acronymKey(c.name())), InMemoryCompanies::creation);
        this.aliases = new Aliases<>(tx, table);
    }

    private static Instant creation(Company c) {
        return c.createdAt();
    }

    @Override
    public Optional<Company> findById(CompanyId id) {
        Objects.requireNonNull(id, "id");
        return aliases.resolve(id);
    }

    /** Units of work run one at a time here, so the running one already holds every company. */
    @Override
    public Optional<Company> lockById(CompanyId id) {
        return findById(id);
    }

    /** Where merged-away companies resolve to. */
    Aliases<CompanyId, Company> aliases() {
        return aliases;
    }

    /** Stores the company exactly as given (version included) in place of the stored one. */
    void restore(Company exact) {
        table.restore(exact);
    }

    @Override
    public Optional<Company> findByDomain(WebDomain domain) {
        return table.byUnique("webDomain", domain);
    }

    @Override
    public Optional<Company> findByName(String name) {
        return table.first(NAME, Company.nameKey(Objects.requireNonNull(name, "name")));
    }

    @Override
    public List<Company> findBySoundOfName(String name, int limit) {
        String sound = CompanyNameKeys.soundKey(Objects.requireNonNull(name, "name"));
        String acronym = CompanyNameKeys.acronymKey(name);
        return tx.read(() -> {
            Map<CompanyId, Company> found = new LinkedHashMap<>();
            nonEmpty(sound).forEach(k -> table.all(SOUND, k).forEach(c -> found.put(c.id(), c)));
            nonEmpty(acronym).forEach(k -> table.all(ACRONYM, k).forEach(c -> found.put(c.id(), c)));
            return found.values().stream().sorted(Comparator.comparing(Company::createdAt)
                    .thenComparing(c -> c.id().toString())).limit(limit).toList();
        });
    }

    private static List<String> nonEmpty(String key) {
        return key.isEmpty() ? List.of() : List.of(key);
    }

    @Override
    public Company insertOrGet(Company candidate) {
        return table.insertOrGet(Objects.requireNonNull(candidate, "candidate"));
    }

    @Override
    public Company update(Company company) {
        return table.update(Objects.requireNonNull(company, "company"));
    }

    @Override
    public Page<Company> findAll(PageRequest page) {
        return table.page(page);
    }

    @Override
    public long count() {
        return table.count();
    }

    /** The rows, for the lists restricted by access. */
    Table<CompanyId, Company> rows() {
        return table;
    }

    /** The archive of the company rows, keyed by id: export and restore only. */
    MemoryArchive<Company> archive(InMemoryTransactions tx) {
        return MemoryArchive.of(tx, "company", table, Company::id, k -> new CompanyId(UUID.fromString(k)));
    }
}
