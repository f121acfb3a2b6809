package dev.crmkit.core.customer;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.duplicate.CompanyCandidate;

import java.util.List;
import java.util.Optional;

/**
 * What {@link CustomerBase#createCompanyUnderRules} or {@link CustomerBase#editCompany} did under the duplicate rules for companies by hand
 * ({@link dev.crmkit.core.duplicate.DuplicateRules#forRecord}, record type company, no channel). Bad input is not an
 * outcome: it throws a {@link dev.crmkit.core.kernel.ValidationException}.
 */
public sealed interface CompanyOutcome {

    /** The company as stored now, unless it was blocked. */
    Optional<Company> company();

    /**
     * Saved: no stored company looks like it, or the rule allows duplicates (then none were looked up).
     *
     * @param saved the company as stored
     */
    record Saved(Company saved) implements CompanyOutcome {
        @Override
        public Optional<Company> company() {
            return Optional.of(saved);
        }
    }

    /**
     * Saved, and stored companies look like it (rule {@link dev.crmkit.core.duplicate.DuplicateAction#ALERT}): a
     * timeline entry about it and every candidate names them with their scores.
     *
     * @param saved      the company as stored
     * @param candidates the suspected duplicates, best first
     */
    record Alerted(Company saved, List<CompanyCandidate> candidates) implements CompanyOutcome {
        /** Copies the list. */
        public Alerted {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("an alert needs at least one candidate");
            }
        }

        @Override
        public Optional<Company> company() {
            return Optional.of(saved);
        }
    }

    /**
     * Refused (rule {@link dev.crmkit.core.duplicate.DuplicateAction#BLOCK}): stored companies look like it; nothing
     * was written and no event published.
     *
     * @param candidates the stored companies that blocked it, best first, with their scores and reasons
     */
    record Blocked(List<CompanyCandidate> candidates) implements CompanyOutcome {
        /** Copies the list. */
        public Blocked {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a block needs at least one candidate");
            }
        }

        @Override
        public Optional<Company> company() {
            return Optional.empty();
        }

        /** Why, as one line naming the ids and scores. */
        public String reason() {
            return "suspected duplicate of " + CompanyCandidate.summaries(candidates);
        }
    }
}
