package dev.crmkit.core.customer;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.duplicate.DuplicateCandidate;

import java.util.List;
import java.util.Optional;

/**
 * What {@link CustomerBase#createContactUnderRules} or {@link CustomerBase#editContact} did under the duplicate rules
 * ({@link dev.crmkit.core.duplicate.DuplicateRules}, record type contact, by hand). Bad input is not an outcome: it
 * throws a {@link dev.crmkit.core.kernel.ValidationException} as the other commands do.
 */
public sealed interface ContactOutcome {

    /** The contact as stored now, unless it was blocked. */
    Optional<Contact> contact();

    /**
     * Saved: no stored contact looks like it, or the rule allows duplicates (then none were looked up).
     *
     * @param saved the contact as stored
     */
    record Saved(Contact saved) implements ContactOutcome {
        @Override
        public Optional<Contact> contact() {
            return Optional.of(saved);
        }
    }

    /**
     * Saved, and stored contacts look like it (rule {@link dev.crmkit.core.duplicate.DuplicateAction#ALERT}): a
     * timeline entry about it and every candidate names them with their scores, and, when the contact has an owner,
     * the owner has a task to check it.
     *
     * @param saved        the contact as stored
     * @param candidates   the suspected duplicates, best first, with their scores and reasons
     * @param limitReached whether the candidate query met its bound, so that more stored contacts may look like it
     */
    record Alerted(Contact saved, List<DuplicateCandidate> candidates, boolean limitReached)
            implements ContactOutcome {
        /** Copies the list. */
        public Alerted {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("an alert needs at least one candidate");
            }
        }

        @Override
        public Optional<Contact> contact() {
            return Optional.of(saved);
        }
    }

    /**
     * Refused (rule {@link dev.crmkit.core.duplicate.DuplicateAction#BLOCK}): stored contacts look like it. Nothing was
     * written and no event published.
     *
     * @param candidates   the stored contacts that blocked it, best first, with their scores and reasons
     * @param limitReached whether the candidate query met its bound, so that more stored contacts may look like it
     */
    record Blocked(List<DuplicateCandidate> candidates, boolean limitReached) implements ContactOutcome {
        /** Copies the list. */
        public Blocked {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a block needs at least one candidate");
            }
        }

        @Override
        public Optional<Contact> contact() {
            return Optional.empty();
        }

        /** Why, as one line naming the ids and scores. */
        public String reason() {
            return "suspected duplicate of " + DuplicateCandidate.summaries(candidates)
                    + (limitReached ? " (candidate limit reached: more may exist)" : "");
        }
    }
}
