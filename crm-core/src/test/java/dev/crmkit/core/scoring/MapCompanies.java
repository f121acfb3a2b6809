package dev.crmkit.core.scoring;

import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Companies by id for the scoring tests, which read companies by id only; the other finders and writes are not
 * needed there and refuse (the real stores' contract covers them).
 */
final class MapCompanies implements Companies {

    private final ConcurrentHashMap<CompanyId, Company> companies = new ConcurrentHashMap<>();

    void put(Company company) {
        companies.put(company.id(), company);
    }

    @Override
    public Optional<Company> findById(CompanyId id) {
        return Optional.ofNullable(companies.get(id));
    }

    @Override
    public Optional<Company> lockById(CompanyId id) {
        return findById(id);
    }

    @Override
    public Optional<Company> findByDomain(WebDomain domain) {
        throw new UnsupportedOperationException("scoring reads companies by id only");
    }

    @Override
    public Optional<Company> findByName(String name) {
        throw new UnsupportedOperationException("scoring reads companies by id only");
    }

    @Override
    public Company insertOrGet(Company candidate) {
        throw new UnsupportedOperationException("scoring does not write companies");
    }

    @Override
    public Company update(Company company) {
        throw new UnsupportedOperationException("scoring does not write companies");
    }

    @Override
    public Page<Company> findAll(PageRequest page) {
        throw new UnsupportedOperationException("scoring reads companies by id only");
    }

    @Override
    public long count() {
        return companies.size();
    }
}
