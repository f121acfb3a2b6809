package dev.crmkit.core.customer;

import dev.crmkit.core.duplicate.LeadCandidate;
import dev.crmkit.core.lead.Lead;

import java.util.List;
import java.util.Optional;

/**
 * What {@link LeadEditing#edit} did under the duplicate rules for leads by hand
 * ({@link dev.crmkit.core.duplicate.DuplicateRules#forRecord}, record type lead, no channel). Bad input is not an
 * outcome: it throws a {@link dev.crmkit.core.kernel.ValidationException} as the other commands do.
 */
public sealed interface LeadOutcome {

    /** The lead as stored now, unless the edit was blocked. */
    Optional<Lead> lead();

    /**
     * Saved: no other person's open lead newly looks like it, or the rule allows duplicates (then none were looked
     * up), or the edit changed nothing (then nothing was written).
     *
     * @param saved the lead as stored
     */
    record Saved(Lead saved) implements LeadOutcome {
        @Override
        public Optional<Lead> lead() {
            return Optional.of(saved);
        }
    }

    /**
     * Saved, and other people's open leads newly look like it (rule
     * {@link dev.crmkit.core.duplicate.DuplicateAction#ALERT}): a timeline entry about it and every candidate names
     * them with their scores and, when the lead has an owner, the owner has a task to check it, as at capture.
     *
     * @param saved        the lead as stored
     * @param candidates   the suspected duplicates, best first, with their scores and reasons
     * @param limitReached whether a candidate query met its bound, so that more stored leads may look like it
     */
    record Alerted(Lead saved, List<LeadCandidate> candidates, boolean limitReached) implements LeadOutcome {
        /** Copies the list. */
        public Alerted {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("an alert needs at least one candidate");
            }
        }

        @Override
        public Optional<Lead> lead() {
            return Optional.of(saved);
        }
    }

    /**
     * Refused (rule {@link dev.crmkit.core.duplicate.DuplicateAction#BLOCK}): other people's open leads would look
     * like it. Nothing was written and no event published.
     *
     * @param candidates   the stored open leads that blocked it, best first, with their scores and reasons
     * @param limitReached whether a candidate query met its bound, so that more stored leads may look like it
     */
    record Blocked(List<LeadCandidate> candidates, boolean limitReached) implements LeadOutcome {
        /** Copies the list. */
        public Blocked {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a block needs at least one candidate");
            }
        }

        @Override
        public Optional<Lead> lead() {
            return Optional.empty();
        }

        /** Why, as one line naming the ids and scores. */
        public String reason() {
            return "suspected duplicate of lead " + LeadCandidate.summaries(candidates)
                    + (limitReached ? " (candidate limit reached: more may exist)" : "");
        }
    }
}
