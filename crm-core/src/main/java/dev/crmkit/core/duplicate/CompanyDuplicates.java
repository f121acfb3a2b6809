package dev.crmkit.core.duplicate;

import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the stored companies that look like a given one with index lookups only: the company stored under the same
 * {@link Company#nameKey() name key} as its name or its legal name (legal forms, case, accents and punctuation do not
 * count: "ACME Tools AG" meets "Acme-Tools GmbH"), and the company holding its web domain; each is scored with the
 * {@link DuplicateMatcher} (company names compared with legal forms stripped and as acronyms). A company is never its
 * own candidate. Companies whose names differ by more than that are found by the stores' keys of company names
 * ({@link Companies#findBySoundOfName}: a typo that sounds alike, "Acmee GmbH" for "Acme Gmbh", and an acronym, "IBM"
 * for "International Business Machines"), at most {@value #SOUND_LIMIT} per name. Thread-safe.
 */
public final class CompanyDuplicates {

    /** The most companies read by the sound and acronym of one name. */
    public static final int SOUND_LIMIT = 50;

    private final Companies companies;
    private final DuplicateMatcher matcher;

    /**
     * @param companies     the store's companies
     * @param defaultRegion the region for phone numbers without a country code
     */
    public CompanyDuplicates(Companies companies, String defaultRegion) {
        this.companies = Objects.requireNonNull(companies, "companies");
        this.matcher = DuplicateMatcher.withDefaults().defaultRegion(defaultRegion);
    }

    /** The stored companies (other than {@code company} itself) scoring at least {@code threshold}, best first. */
    public List<CompanyCandidate> candidatesFor(Company company, double threshold) {
        Objects.requireNonNull(company, "company");
        Map<CompanyId, Company> read = new LinkedHashMap<>();
        companies.findByName(company.name()).ifPresent(c -> read.put(c.id(), c));
        if (!company.legalName().isBlank()) {
            companies.findByName(company.legalName()).ifPresent(c -> read.put(c.id(), c));
        }
        company.webDomain().flatMap(companies::findByDomain).ifPresent(c -> read.put(c.id(), c));
        companies.findBySoundOfName(company.name(), SOUND_LIMIT).forEach(c -> read.putIfAbsent(c.id(), c));
        if (!company.legalName().isBlank()) {
            companies.findBySoundOfName(company.legalName(), SOUND_LIMIT).forEach(c -> read.putIfAbsent(c.id(), c));
        }
        read.remove(company.id());
        DuplicateRecord self = StoreRecords.of(company);
        List<CompanyCandidate> found = new ArrayList<>();
        for (Company stored : read.values()) {
            MatchScore score = matcher.score(self, StoreRecords.of(stored));
            if (score.probability() >= threshold) {
                found.add(new CompanyCandidate(stored.id(), score.probability(), score.reasons()));
            }
        }
        found.sort(Comparator.comparingDouble(CompanyCandidate::score).reversed()
                .thenComparing(c -> c.companyId().value()));
        return List.copyOf(found);
    }
}
