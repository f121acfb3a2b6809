package dev.crmkit.core.assignment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Routing rules in order, first match wins, with a fallback team (a single default owner is a team of one, see
 * {@link Team#owner}) when nothing matches. Immutable and thread-safe.
 *
 * @param rules    the rules, in the order they are tried
 * @param fallback the team for leads no rule matches
 */
public record Routing(List<RoutingRule> rules, Team fallback) {

    /** Copies the rules. */
    public Routing {
        rules = List.copyOf(rules);
        Objects.requireNonNull(fallback, "fallback");
    }

    /** No rules: every lead goes to the team. */
    public static Routing everyoneTo(Team team) {
        return new Routing(List.of(), team);
    }

    /** The team of the first rule the lead matches, or the fallback. */
    public Routed route(LeadProfile lead) {
        for (RoutingRule rule : rules) {
            if (rule.matches(lead)) {
                return new Routed(rule.team(), Optional.of(rule));
            }
        }
        return new Routed(fallback, Optional.empty());
    }

    /**
     * Where a lead was routed.
     *
     * @param team the team
     * @param rule the rule that matched, empty when the fallback was used
     */
    public record Routed(Team team, Optional<RoutingRule> rule) {
        /** Validates presence. */
        public Routed {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(rule, "rule");
        }
    }
}
