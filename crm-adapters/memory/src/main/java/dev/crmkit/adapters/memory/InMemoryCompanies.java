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
    /** Merged-away company to its survivor, always the final one. */
    private final java.util.Map<CompanyId, CompanyId> aliases = new java.util.HashMap<>();

    InMemoryCompanies(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<CompanyId, Company>("company", tx, Company::id, Company::version, Company::atVersion,
                InMemoryCompanies::creation)
                .unique("webDomain", c -> c.webDomain().stream().toList())
                .group(NAME, c -> List.of(c.nameKey()), InMemoryCompanies::creation);
    }

    private static Instant creation(Company c) {
        return c.createdAt();
    }

    @Override
    public Optional<Company> findById(CompanyId id) {
        Objects.requireNonNull(id, "id");
        return tx.read(() -> table.get(id).or(() -> Optional.ofNullable(aliases.get(id)).flatMap(table::get)));
    }

    /**
     * Takes a merged-away company out of the table and every index (its web domain is free then) and makes its id, and
     * the ids merged into it before, resolve to the survivor; returns those earlier aliases.
     */
    List<CompanyId> retire(CompanyId merged, CompanyId survivor) {
        return tx.inTransaction(() -> {
            table.remove(merged);
            List<CompanyId> earlier = aliases.entrySet().stream().filter(e -> e.getValue().equals(merged))
                    .map(java.util.Map.Entry::getKey).sorted(java.util.Comparator.comparing(CompanyId::value))
                    .toList();
            earlier.forEach(a -> alias(a, survivor));
            alias(merged, survivor);
            return earlier;
        });
    }

    /** Sets where an alias resolves to, or removes it ({@code to} null). */
    void alias(CompanyId from, CompanyId to) {
        MapWrites.put(tx, aliases, from, to);
    }

    /** Where an alias resolves to now, if the id is one. */
    Optional<CompanyId> aliasOf(CompanyId id) {
        return tx.read(() -> Optional.ofNullable(aliases.get(id)));
    }

    /** Puts a merged-away company back exactly as it was, and drops its alias. */
    void reinstate(Company exact) {
        tx.inTransaction(() -> {
            alias(exact.id(), null);
            table.reinstate(exact);
            return null;
        });
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
