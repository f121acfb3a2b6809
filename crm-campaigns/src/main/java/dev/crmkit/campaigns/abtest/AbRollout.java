package dev.crmkit.campaigns.abtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The roll-out of a stored A/B test in a campaign run: the test group gets its assigned variants (each exposure
 * recorded), the rest wait; once the plan's rule finds a significant winner on the recorded outcomes, the winner is
 * stored (once, whichever node decides first) and everybody still waiting gets it. A waiting contact whose message
 * reaches its last valid day without a winner gets its own assigned variant and joins the test, so a wait never lets
 * an offer expire unsent. Thread-safe when the store is.
 */
public final class AbRollout {

    private final AbTestStore store;
    private final AbTestPlan plan;

    /**
     * The roll-out of the plan, defined in the store unless it is there.
     *
     * @throws IllegalArgumentException if the store holds another plan under the plan's id
     */
    public AbRollout(AbTestStore store, AbTestPlan plan) {
        this.store = Objects.requireNonNull(store, "store");
        AbTestPlan stored = store.define(Objects.requireNonNull(plan, "plan"));
        if (!stored.equals(plan)) {
            throw new IllegalArgumentException("the store holds another plan under the A/B test id " + plan.id());
        }
        this.plan = plan;
    }

    /** The plan. */
    public AbTestPlan plan() {
        return plan;
    }

    /**
     * The stored winner, else the one the rule finds on the recorded outcomes now (then stored), else empty.
     */
    public Optional<AbWinner> decide(Instant now) {
        Optional<AbWinner> known = store.winner(plan.id());
        if (known.isPresent()) {
            return known;
        }
        AbDecision decision = plan.rule().decide(store.outcomes(plan.id()));
        if (decision instanceof AbDecision.Winner w) {
            return Optional.of(store.recordWinner(new AbWinner(plan.id(), w.variant(), Double.toString(w.pValue()),
                    Objects.requireNonNull(now, "now"))));
        }
        return Optional.empty();
    }

    /**
     * What the contact gets for a message sendable on {@code day} and valid until {@code validUntil}: the stored
     * winner, else its assigned variant when it is in the test group or the message is on its last valid day, else
     * empty (it waits for the winner).
     */
    public Optional<Choice> choose(String contactId, LocalDate day, LocalDate validUntil) {
        Optional<AbWinner> winner = store.winner(plan.id());
        if (winner.isPresent()) {
            return Optional.of(new Choice(winner.get().variant(), false));
        }
        if (plan.inTestGroup(contactId) || !day.isBefore(validUntil)) {
            return Optional.of(new Choice(plan.test().assign(contactId).name(), true));
        }
        return Optional.empty();
    }

    /**
     * Records that the contact gets its tested variant: call before the message goes out, under the message's claim,
     * so a crash between the send and marking it done loses no exposure; the re-send after the claim's lease counts
     * nothing twice (one exposure per contact and test).
     *
     * @return the variant recorded for the contact (an earlier one when it was exposed before)
     */
    public String exposed(String contactId, Choice choice, Instant at) {
        return store.expose(plan.id(), contactId, choice.variant(), at);
    }

    /**
     * As {@link #exposed(String, Choice, Instant)}, recorded pending under the message's key
     * ({@link AbTestStore#exposeBefore}); {@link #settled} says after the send whether it went out.
     *
     * @return the variant recorded for the contact (an earlier one when it was exposed before)
     */
    public String exposed(String contactId, Choice choice, String messageKey, Instant at) {
        return store.exposeBefore(plan.id(), contactId, choice.variant(), messageKey, at);
    }

    /** Settles the contact's exposure recorded for the message: sent, or failed (refused, or the channel threw). */
    public void settled(String contactId, String messageKey, boolean sent) {
        store.settle(plan.id(), contactId, messageKey, sent);
    }

    /**
     * What a contact gets.
     *
     * @param variant the variant's name
     * @param tested  whether it is part of the test (its outcome counts), not the winner sent to the rest
     */
    public record Choice(String variant, boolean tested) {
        /** Checks the name is there. */
        public Choice {
            Objects.requireNonNull(variant, "variant");
        }
    }
}
