package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingTest {

    private static final Team DACH = Team.of("dach", "anna", "bernd");
    private static final Team NORDICS = Team.of("nordics", "sven");
    private static final Team REST = Team.of("rest", "rita");

    private final TestWorld world = new TestWorld();

    private final Routing routing = new Routing(List.of(
            RoutingRule.when("german speakers", RoutingAttribute.LANGUAGE, Set.of("de"), DACH),
            new RoutingRule("nordic enterprise", Map.of(RoutingAttribute.REGION, Set.of("SE", "NO"),
                    RoutingAttribute.PRODUCT, Set.of("enterprise")), NORDICS),
            RoutingRule.when("all german regions", RoutingAttribute.REGION, Set.of("de"), REST)), REST);

    @Test
    void route_firstMatchingRule_wins() {
        LeadProfile lead = LeadProfile.of(world.lead("language", "DE", "region", "de"));

        Routing.Routed routed = routing.route(lead);

        assertEquals(DACH, routed.team());
        assertEquals("german speakers", routed.rule().orElseThrow().name());
    }

    @Test
    void route_ruleWithTwoAttributes_needsBoth() {
        LeadProfile regionOnly = LeadProfile.of(world.lead("region", "se"));
        LeadProfile both = LeadProfile.of(world.lead("region", "se", "product", "Enterprise"));

        assertEquals(REST, routing.route(regionOnly).team());
        assertEquals(Optional.empty(), routing.route(regionOnly).rule());
        assertEquals(NORDICS, routing.route(both).team());
    }

    @Test
    void route_noRuleMatches_usesFallback() {
        Routing.Routed routed = routing.route(LeadProfile.of(world.lead("language", "fr")));

        assertEquals(REST, routed.team());
        assertTrue(routed.rule().isEmpty());
    }

    @Test
    void route_stage_comesFromLeadStatus() {
        Routing byStage = new Routing(List.of(RoutingRule.when("fresh", RoutingAttribute.STAGE, Set.of("new"),
                DACH)), REST);

        assertEquals(DACH, byStage.route(LeadProfile.of(world.lead())).team());
    }

    @Test
    void describe_listsCriteriaSorted() {
        assertEquals("region in [no, se], product in [enterprise]", routing.rules().get(1).describe());
    }

    @Test
    void routingRule_withoutCriteria_isRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new RoutingRule("empty", Map.of(), DACH));
        assertEquals("required", e.violations().get(0).rule());
    }

    @Test
    void team_withDuplicateMember_isRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> Team.of("t", "a", "a"));
        assertEquals("unique", e.violations().get(0).rule());
    }

    @Test
    void owner_isTeamOfOne() {
        Team team = Team.owner(UserId.of("boss"));
        assertTrue(team.has(UserId.of("boss")));
        assertFalse(team.has(UserId.of("anna")));
    }
}
