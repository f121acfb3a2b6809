package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** The invariants of assignment policies over generated teams, rules and sequences of leads. */
class AssignmentPropertiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final List<String> LANGUAGES = List.of("de", "fr", "en", "es");

    private final TestWorld world = new TestWorld();
    private final Lead german = world.lead("language", "de");
    private final Lead french = world.lead("language", "fr");

    private static Team team(String name, int size) {
        return Team.of(name, IntStream.range(0, size).mapToObj(i -> name + "-" + i).toArray(String[]::new));
    }

    @Test
    void roundRobin_anySequenceOfLeads_keepsEachTeamsMaxMinusMinAtMostOne() {
        qt().withFixedSeed(1L).withExamples(300).forAll(integers().between(1, 9), integers().between(1, 9),
                longs().all(),
                lists().of(integers().between(0, 1)).ofSizeBetween(0, 120)).checkAssert((a, b, seed, sequence) -> {
                    Team first = team("first", a);
                    Team second = team("second", b);
                    RoutedPolicy policy = RoutedPolicy.routing(new Routing(List.of(RoutingRule.when("german",
                            RoutingAttribute.LANGUAGE, Set.of("de"), first)), second))
                            .strategy(Strategies.roundRobin()).build();
                    MapAssignmentState state = new MapAssignmentState();
                    Map<UserId, Integer> counts = new HashMap<>();
                    for (int choice : sequence) {
                        Lead lead = choice == 0 ? german : french;
                        Decision.Chosen chosen = (Decision.Chosen) policy.decide(LeadProfile.of(lead),
                                PolicyContext.of(state, DAY, Set.of(), seed, lead.id()));
                        counts.merge(chosen.owner(), 1, Integer::sum);
                        assertFair(first, counts);
                        assertFair(second, counts);
                    }
                });
    }

    private static void assertFair(Team team, Map<UserId, Integer> counts) {
        List<Integer> perMember = team.members().stream().map(m -> counts.getOrDefault(m.user(), 0)).toList();
        assertTrue(Collections.max(perMember) - Collections.min(perMember) <= 1, team.name() + ": " + perMember);
    }

    @Test
    void capacity_anySequenceOfDays_neverExceedsAnyonesDailyQuota() {
        qt().withFixedSeed(2L).withExamples(300)
                .forAll(lists().of(integers().between(0, 90)).ofSizeBetween(1, 6),
                lists().of(integers().between(0, 4)).ofSizeBetween(0, 150), longs().all())
                .checkAssert((capacities, days, seed) -> {
                    List<Member> members = new ArrayList<>();
                    for (int i = 0; i < capacities.size(); i++) {
                        members.add(Member.of("m" + i).withMonthlyCapacity(capacities.get(i)));
                    }
                    RoutedPolicy policy = RoutedPolicy.routing(Routing.everyoneTo(new Team("capped", members)))
                            .filter(MemberFilters.capacity()).strategy(Strategies.roundRobin()).build();
                    MapAssignmentState state = new MapAssignmentState();
                    Map<String, Integer> assigned = new HashMap<>();
                    for (int offset : days) {
                        LocalDate day = DAY.plusDays(offset);
                        Decision decision = policy.decide(LeadProfile.of(german),
                                PolicyContext.of(state, day, Set.of(), seed, german.id()));
                        if (decision instanceof Decision.Chosen chosen) {
                            assigned.merge(chosen.owner() + "/" + day, 1, Integer::sum);
                        } else {
                            for (Member m : members) {
                                assertEquals(DailyQuota.of(m.monthlyCapacity().getAsInt(), day),
                                        state.used(m.user().value(), day), "nobody is left only when all are full");
                            }
                        }
                    }
                    for (Member m : members) {
                        for (int offset = 0; offset <= 4; offset++) {
                            LocalDate day = DAY.plusDays(offset);
                            int count = assigned.getOrDefault(m.user() + "/" + day, 0);
                            assertTrue(count <= DailyQuota.of(m.monthlyCapacity().getAsInt(), day));
                            assertEquals(count, state.used(m.user().value(), day));
                        }
                    }
                });
    }

    @Test
    void routing_whenARuleMatches_itsTeamIsHonoured() {
        qt().withFixedSeed(3L).withExamples(300)
                .forAll(lists().of(integers().between(1, 15)).ofSizeBetween(0, 6),
                integers().between(0, 3), longs().all()).checkAssert((ruleMasks, language, seed) -> {
                    List<RoutingRule> rules = new ArrayList<>();
                    for (int i = 0; i < ruleMasks.size(); i++) {
                        int mask = ruleMasks.get(i);
                        Set<String> values = IntStream.range(0, 4).filter(bit -> (mask & (1 << bit)) != 0)
                                .mapToObj(LANGUAGES::get).collect(Collectors.toSet());
                        rules.add(RoutingRule.when("rule " + i, RoutingAttribute.LANGUAGE, values,
                                team("team" + i, 1 + i % 3)));
                    }
                    RoutedPolicy policy = RoutedPolicy.routing(new Routing(rules, team("fallback", 2)))
                            .strategy(Strategies.roundRobin()).build();
                    Lead lead = world.lead("language", LANGUAGES.get(language));
                    Decision.Chosen chosen = (Decision.Chosen) policy.decide(LeadProfile.of(lead),
                            PolicyContext.of(new MapAssignmentState(), DAY, Set.of(), seed, lead.id()));
                    Team expected = rules.stream().filter(r -> r.criteria().get(RoutingAttribute.LANGUAGE)
                            .contains(LANGUAGES.get(language))).map(RoutingRule::team).findFirst()
                            .orElse(team("fallback", 2));
                    assertTrue(expected.has(chosen.owner()), chosen.owner() + " is in " + expected.name());
                    assertEquals(expected.name(), chosen.explanation().team());
                });
    }

    @Test
    void weightedRoundRobin_everyFullCycle_givesEachExactlyTheirWeight() {
        qt().withFixedSeed(4L).withExamples(200).forAll(lists().of(integers().between(1, 6)).ofSizeBetween(1, 6),
                integers().between(1, 4), longs().all()).checkAssert((weights, cycles, seed) -> {
                    List<Member> members = new ArrayList<>();
                    for (int i = 0; i < weights.size(); i++) {
                        members.add(Member.of("w" + i).withWeight(weights.get(i)));
                    }
                    Team team = new Team("weighted", members);
                    RoutedPolicy policy = RoutedPolicy.routing(Routing.everyoneTo(team))
                            .strategy(Strategies.weightedRoundRobin()).build();
                    MapAssignmentState state = new MapAssignmentState();
                    int total = weights.stream().mapToInt(Integer::intValue).sum();
                    Map<UserId, Integer> counts = new HashMap<>();
                    for (int i = 0; i < total * cycles; i++) {
                        Decision.Chosen chosen = (Decision.Chosen) policy.decide(LeadProfile.of(german),
                                PolicyContext.of(state, DAY, Set.of(), seed, german.id()));
                        counts.merge(chosen.owner(), 1, Integer::sum);
                    }
                    for (Member m : members) {
                        assertEquals(m.weight() * cycles, (int) counts.getOrDefault(m.user(), 0));
                    }
                });
    }
}
