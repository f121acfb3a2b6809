package dev.crmkit.examples.cli;

import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.RoutingRule;
import dev.crmkit.core.assignment.Team;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * A sales team as {@code crm assign} and {@code crm demo} use it: its routing (rules in order, each to a team, and
 * the fallback team) and where it came from. Immutable.
 *
 * @param name    where the team came from: {@code the demo team} or a file name
 * @param routing the routing rules and the fallback team
 */
record SalesTeam(String name, Routing routing) {

    SalesTeam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(routing, "routing");
    }

    /** The routing as lines: each rule with its criteria and team, then the fallback team. */
    void print(PrintWriter out) {
        int n = 1;
        for (RoutingRule rule : routing.rules()) {
            out.printf("  %d. %-26s %-40s -> %s%n", n++, rule.name(), rule.describe(), members(rule.team()));
        }
        out.printf("  %d. %-26s %-40s -> %s%n", n, "otherwise", "", members(routing.fallback()));
    }

    private static String members(Team team) {
        return team.name() + " " + team.members().stream().map(m -> m.user().value()).toList();
    }
}
