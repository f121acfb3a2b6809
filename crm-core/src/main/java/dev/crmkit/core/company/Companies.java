package dev.crmkit.core.company;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

import java.util.Optional;

/** The storage port for companies. A web domain belongs to one company at most. */
public interface Companies {

    /** The company with this id. */
    Optional<Company> findById(CompanyId id);

    /**
     * The company with this id (for a merged-away id, its survivor, as {@link #findById}), held for the running unit of
     * work: another unit of work that locks or changes the same company waits until this one ends. A change made
     * through an actor's view decides and changes under this lock. A store whose units of work run one at a time
     * already holds everything; outside a unit of work it is a plain read.
     */
    Optional<Company> lockById(CompanyId id);

    /** The company with this web domain. */
    Optional<Company> findByDomain(WebDomain domain);

    /** The oldest company whose {@link Company#nameKey() name key} equals that of the given name. */
    Optional<Company> findByName(String name);

    /**
     * At most {@code limit} companies, oldest first, whose name sounds like {@code name} or shares its acronym: their
     * stored {@link dev.crmkit.core.duplicate.CompanyNameKeys#soundKey sound key} or
     * {@link dev.crmkit.core.duplicate.CompanyNameKeys#acronymKey acronym key} equals that of {@code name} (an empty
     * key matches nothing). Index lookups, the candidate query of duplicate rules for companies: "Acmee GmbH" finds
     * "Acme Gmbh", "IBM" finds "International Business Machines". Merged-away companies are left out. A store that
     * keeps no such keys finds none (the default).
     */
    default java.util.List<Company> findBySoundOfName(String name, int limit) {
        return java.util.List.of();
    }

    /**
     * Stores a new company unless another already has its web domain, in which case nothing is written and that
     * company is returned. The check and the write are one atomic step.
     *
     * @param candidate a company at version 0
     * @return the stored candidate at version 1, or the company that has its domain
     */
    Company insertOrGet(Company candidate);

    /**
     * Stores a change of a company read at {@code company.version()}.
     *
     * @return the company at its new version
     * @throws dev.crmkit.core.kernel.StaleVersionException if the stored version is another one
     * @throws dev.crmkit.core.kernel.ValidationException   if its web domain belongs to another company
     * @throws java.util.NoSuchElementException             if no such company is stored
     */
    Company update(Company company);

    /** All companies, in the order they were created. */
    Page<Company> findAll(PageRequest page);

    /** How many companies are stored. */
    long count();
}
