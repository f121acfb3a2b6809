package dev.crmkit.adapters.memory;

import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Companies in memory, indexed by web domain and name key. Thread-safe. */
final class InMemoryCompanies implements Companies {

    private static final String NAME = "name";

    private final Table<CompanyId, Company> table;
    private final InMemoryTransactions tx;
    /** Merged-away company to its survivor. */
    private final Aliases<CompanyId, Company> aliases;

    InMemoryCompanies(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<CompanyId, Company>("company", tx, Company::id, Company::version, Company::atVersion,
                InMemoryCompanies::creation)
                .unique("webDomain", c -> c.webDomain().stream().toList())
                .group(NAME, c -> List.of(c.nameKey()), InMemoryCompanies::creation);
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
