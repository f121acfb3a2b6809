package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.LeadId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What a policy needs besides the lead for one decision: the shared state, the day (for quotas), the users who must
 * not get the lead (an owner who leaves), a seed that fixes rotation orders, and a random source for breaking ties.
 * The random source is drawn from the seed and the lead's id, so a decision is repeatable and no one is favoured for
 * being first in a list. One instance per decision; not thread-safe.
 */
public final class PolicyContext {

    private final AssignmentState state;
    private final LocalDate day;
    private final Set<UserId> excluded;
    private final long seed;
    private final SplittableRandom random;

    private PolicyContext(AssignmentState state, LocalDate day, Set<UserId> excluded, long seed, LeadId lead) {
        this.state = Objects.requireNonNull(state, "state");
        this.day = Objects.requireNonNull(day, "day");
        this.excluded = Set.copyOf(excluded);
        this.seed = seed;
        this.random = new SplittableRandom(seed ^ lead.value().getMostSignificantBits()
                ^ Long.rotateLeft(lead.value().getLeastSignificantBits(), 29));
    }

    /**
     * The context for deciding one lead.
     *
     * @param state    the shared assignment state
     * @param day      today, in the business's zone
     * @param excluded users who must not get the lead
     * @param seed     the seed of rotation orders and tie breaks
     * @param lead     the lead decided
     */
    public static PolicyContext of(AssignmentState state, LocalDate day, Set<UserId> excluded, long seed,
                                   LeadId lead) {
        return new PolicyContext(state, day, excluded, seed, Objects.requireNonNull(lead, "lead"));
    }

    /** The shared state. */
    public AssignmentState state() {
        return state;
    }

    /** The day of the decision. */
    public LocalDate day() {
        return day;
    }

    /** Users who must not get the lead. */
    public Set<UserId> excluded() {
        return excluded;
    }

    /** The seed of rotation orders. */
    public long seed() {
        return seed;
    }

    /** The random source for ties, drawn from the seed and the lead. */
    public SplittableRandom random() {
        return random;
    }
}
