package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final long SEED = 42L;

    private final TestWorld world = new TestWorld();
    private final MapAssignmentState state = new MapAssignmentState();

    private PolicyContext context(Lead lead) {
        return PolicyContext.of(state, DAY, Set.of(), SEED, lead.id());
    }

    private UserId pick(AssignmentStrategy strategy, Team team, List<Member> eligible) {
        return strategy.pick(team, eligible, context(world.lead())).orElseThrow().member().user();
    }

    @Test
    void roundRobin_cyclesThroughTheWholeTeamInRotationOrder() {
        Team team = Team.of("sales", "a", "b", "c");
        List<UserId> picks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picks.add(pick(Strategies.roundRobin(), team, team.members()));
        }
        assertEquals(3, new HashSet<>(picks.subList(0, 3)).size());
        assertEquals(picks.subList(0, 3), picks.subList(3, 6));
    }

    @Test
    void roundRobin_skippedMember_passesTurnToTheNext() {
        Team team = Team.of("sales", "a", "b", "c");
        List<Member> order = Strategies.rotationOrder(team, SEED);
        List<Member> withoutFirst = team.members().stream().filter(m -> !m.equals(order.get(0))).toList();

        UserId first = pick(Strategies.roundRobin(), team, withoutFirst);

        assertEquals(order.get(1).user(), first);
    }

    @Test
    void rotationOrder_dependsOnSeedNotOnListOrder() {
        Team forward = Team.of("sales", "a", "b", "c", "d", "e");
        Team backward = Team.of("sales", "e", "d", "c", "b", "a");
        assertEquals(Strategies.rotationOrder(forward, 1), Strategies.rotationOrder(backward, 1));
        Set<List<Member>> orders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(Strategies.rotationOrder(forward, seed));
        }
        assertTrue(orders.size() > 5, "seeds give different orders: " + orders.size());
    }

    @Test
    void weightedRoundRobin_givesEachTheirWeightPerCycle() {
        Team team = new Team("sales", List.of(Member.of("a").withWeight(3), Member.of("b"), Member.of("c")));
        Map<UserId, Integer> counts = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            counts.merge(pick(Strategies.weightedRoundRobin(), team, team.members()), 1, Integer::sum);
        }
        assertEquals(30, counts.get(UserId.of("a")));
        assertEquals(10, counts.get(UserId.of("b")));
        assertEquals(10, counts.get(UserId.of("c")));
    }

    @Test
    void smoothSchedule_interleavesHeavyMember() {
        List<Member> order = List.of(Member.of("a").withWeight(2), Member.of("b"), Member.of("c"));
        List<String> schedule = Strategies.smoothSchedule(order).stream().map(m -> m.user().value()).toList();
        assertEquals(List.of("a", "b", "c", "a"), schedule);
    }

    @Test
    void leastLoaded_picksTheMemberWithFewestOpenItems() {
        Team team = Team.of("sales", "a", "b", "c");
        Map<String, Long> loads = Map.of("a", 5L, "b", 2L, "c", 9L);
        AssignmentStrategy strategy = Strategies.leastLoaded(u -> loads.get(u.value()));

        AssignmentStrategy.Pick pick = strategy.pick(team, team.members(), context(world.lead())).orElseThrow();

        assertEquals(UserId.of("b"), pick.member().user());
        assertEquals("fewest open items (2)", pick.reason());
    }

    @Test
    void leastLoaded_ties_breakAtRandomAndSayWhy() {
        Team team = Team.of("sales", "a", "b", "c", "d");
        AssignmentStrategy strategy = Strategies.leastLoaded(u -> 1L);
        Set<UserId> chosen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            AssignmentStrategy.Pick pick = strategy.pick(team, team.members(), context(world.lead())).orElseThrow();
            chosen.add(pick.member().user());
            assertEquals("fewest open items (1), tied with 3 other(s), chosen at random", pick.reason());
        }
        assertEquals(4, chosen.size(), "every tied member gets picked for some lead, not only the first");
    }

    @Test
    void leastLoaded_sameLeadAndSeed_picksTheSame() {
        Team team = Team.of("sales", "a", "b", "c", "d");
        AssignmentStrategy strategy = Strategies.leastLoaded(u -> 0L);
        Lead lead = world.lead();
        UserId first = strategy.pick(team, team.members(), context(lead)).orElseThrow().member().user();
        for (int i = 0; i < 5; i++) {
            assertEquals(first, strategy.pick(team, team.members(), context(lead)).orElseThrow().member().user());
        }
        assertNotEquals(null, first);
    }

    @Test
    void pick_nobodyEligible_isEmpty() {
        Team team = Team.of("sales", "a");
        PolicyContext context = context(world.lead());
        assertTrue(Strategies.roundRobin().pick(team, List.of(), context).isEmpty());
        assertTrue(Strategies.weightedRoundRobin().pick(team, List.of(), context).isEmpty());
        assertTrue(Strategies.leastLoaded(u -> 0L).pick(team, List.of(), context).isEmpty());
    }
}
