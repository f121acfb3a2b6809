package dev.crmkit.core.assignment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks one person from the members of a team who passed the filters. The built-in strategies are in
 * {@link Strategies}; an embedder can write their own.
 */
public interface AssignmentStrategy {

    /** The strategy's name, shown in explanations: {@code round-robin}. */
    String name();

    /**
     * Picks one of the eligible members, or empty when the list is empty.
     *
     * @param team     the whole team, in its own order
     * @param eligible the members who may take the lead, a subset of the team in the team's order
     * @param context  the state and the tie-breaking random source
     */
    Optional<Pick> pick(Team team, List<Member> eligible, PolicyContext context);

    /**
     * A strategy's choice.
     *
     * @param member who
     * @param reason why, for the explanation
     */
    record Pick(Member member, String reason) {
        /** Validates presence. */
        public Pick {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
