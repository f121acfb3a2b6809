package dev.crmkit.examples.cli;

import dev.crmkit.core.assignment.Member;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.RoutingAttribute;
import dev.crmkit.core.assignment.RoutingRule;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.kernel.UserId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's sales team, in one place: anna and david sell in German to DACH, ben in English (UK and US), carla in
 * French (France), and dana takes whatever no rule routes. Each has a monthly capacity of 90 leads (3 a day). Rules
 * are tried in order: French speakers, German speakers in Germany, Austria or Switzerland, English speakers.
 */
final class DemoTeam {

    private static final int MONTHLY_CAPACITY = 90;

    private DemoTeam() {
    }

    /** The team with its routing. */
    static SalesTeam team() {
        Team dach = new Team("DACH", List.of(member("anna"), member("david")));
        Team english = new Team("UK/US", List.of(member("ben")));
        Team french = new Team("France", List.of(member("carla")));
        Team fallback = Team.owner(UserId.of("dana"));
        return new SalesTeam("the demo team", new Routing(List.of(
                RoutingRule.when("French speakers", RoutingAttribute.LANGUAGE, Set.of("fr"), french),
                new RoutingRule("German speakers in DACH", Map.of(RoutingAttribute.LANGUAGE, Set.of("de"),
                        RoutingAttribute.REGION, Set.of("DE", "AT", "CH")), dach),
                RoutingRule.when("English speakers", RoutingAttribute.LANGUAGE, Set.of("en"), english)),
                fallback));
    }

    private static Member member(String user) {
        return Member.of(user).withMonthlyCapacity(MONTHLY_CAPACITY);
    }
}
