package dev.crmkit.campaigns.abtest;

import java.util.Objects;

/** Whether an A/B test has a winner yet. */
public sealed interface AbDecision permits AbDecision.Winner, AbDecision.Undecided {

    /**
     * A variant won: send it to the rest.
     *
     * @param variant the winning variant's name
     * @param pValue  the largest p-value of its comparisons with the others
     */
    record Winner(String variant, double pValue) implements AbDecision {
        /** Checks the name is there. */
        public Winner {
            Objects.requireNonNull(variant, "variant");
        }
    }

    /**
     * No winner yet.
     *
     * @param reason why, for people
     */
    record Undecided(String reason) implements AbDecision {
        /** Checks the reason is there. */
        public Undecided {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
