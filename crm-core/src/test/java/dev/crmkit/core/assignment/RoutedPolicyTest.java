package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutedPolicyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 4, 1);

    private final TestWorld world = new TestWorld();
    private final MapAssignmentState state = new MapAssignmentState();
    private final Team dach = Team.of("dach", "anna", "bernd");
    private final Routing routing = new Routing(List.of(
            RoutingRule.when("german speakers", RoutingAttribute.LANGUAGE, Set.of("de"), dach)),
            Team.owner(UserId.of("boss")));

    private Decision decide(AssignmentPolicy policy, Lead lead, Set<UserId> excluded) {
        return policy.decide(LeadProfile.of(lead), PolicyContext.of(state, DAY, excluded, 7L, lead.id()));
    }

    @Test
    void decide_matchingRule_explainsRuleTeamAndStrategy() {
        RoutedPolicy policy = RoutedPolicy.routing(routing).strategy(Strategies.roundRobin()).build();

        Decision decision = decide(policy, world.lead("language", "de"), Set.of());

        Decision.Chosen chosen = assertInstanceOf(Decision.Chosen.class, decision);
        assertTrue(dach.has(chosen.owner()));
        Explanation why = chosen.explanation();
        assertEquals(Optional.of("'german speakers' (language in [de])"), why.rule());
        assertEquals("dach", why.team());
        assertEquals("round-robin", why.strategy());
        assertEquals(chosen.owner() + " picked by round robin ticket 0 of team dach", why.reason());
        assertEquals("Routing rule 'german speakers' (language in [de]) matched: team dach. round-robin: "
                + why.reason() + ".", why.describe());
    }

    @Test
    void decide_noRuleMatches_goesToDefaultOwner() {
        RoutedPolicy policy = RoutedPolicy.routing(routing).strategy(Strategies.roundRobin()).build();

        Decision.Chosen chosen = (Decision.Chosen) decide(policy, world.lead("language", "fr"), Set.of());

        assertEquals(UserId.of("boss"), chosen.owner());
        assertTrue(chosen.explanation().describe().startsWith("No routing rule matched: default team owner boss."));
    }

    @Test
    void decide_awayMember_isSkippedWithReason() {
        RoutedPolicy policy = RoutedPolicy.routing(routing)
                .filter(MemberFilters.away(u -> u.value().equals("anna")))
                .strategy(Strategies.roundRobin()).build();

        Decision.Chosen chosen = (Decision.Chosen) decide(policy, world.lead("language", "de"), Set.of());

        assertEquals(UserId.of("bernd"), chosen.owner());
        assertEquals(List.of(new Skip(UserId.of("anna"), "away", "anna is away")), chosen.explanation().skipped());
    }

    @Test
    void rotationOfEveryLead_awayChangesBetweenCalls_followsTheCalendarAndKeepsTheRotationOfEveryone() {
        Set<UserId> away = new java.util.HashSet<>();
        RoutedPolicy policy = (RoutedPolicy) Policies.roundRobin(Routing.everyoneTo(Team.of("t", "a", "b", "c")),
                away::contains);
        Lead lead = world.lead("language", "de");
        PolicyContext everyone = PolicyContext.of(state, DAY, Set.of(), 7L, lead.id());

        RoutedPolicy.Rotation all = policy.rotationOfEveryLead(everyone).orElseThrow();
        away.add(UserId.of("b"));
        RoutedPolicy.Rotation withoutB = policy.rotationOfEveryLead(everyone).orElseThrow();
        away.clear();
        RoutedPolicy.Rotation again = policy.rotationOfEveryLead(everyone).orElseThrow();
        RoutedPolicy.Rotation withoutA = policy.rotationOfEveryLead(PolicyContext.of(state, DAY,
                Set.of(UserId.of("a")), 7L, lead.id())).orElseThrow();
        RoutedPolicy.Rotation otherSeed = policy.rotationOfEveryLead(PolicyContext.of(state, DAY, Set.of(), 8L,
                lead.id())).orElseThrow();

        assertEquals(Set.of("a", "b", "c"), users(all));
        assertEquals(List.of(), all.decision().apply(4).explanation().skipped());
        assertEquals(Set.of("a", "c"), users(withoutB));
        assertEquals(List.of(new Skip(UserId.of("b"), "away", "b is away")),
                withoutB.decision().apply(4).explanation().skipped());
        assertSame(all, again, "the rotation of everyone is built once per routing, team and seed");
        assertEquals(Set.of("b", "c"), users(withoutA));
        assertEquals("excluded", withoutA.decision().apply(0).explanation().skipped().get(0).rule());
        assertEquals(Strategies.rotationOrder(Team.of("t", "a", "b", "c"), 8L), otherSeed.picks());
        assertEquals(Strategies.rotationOrder(Team.of("t", "a", "b", "c"), 7L), all.picks());
        // seed 7 shuffles the team to c, a, b: each ticket the next of them, every member once a round
        assertEquals(List.of("c", "a", "b", "c", "a", "b", "c"), owners(all, 7));
        assertEquals(List.of("c", "a", "b"), all.owners().stream().map(UserId::value).toList());
        assertEquals(List.of("a", "c", "b", "a"), owners(otherSeed, 4));
        // b away: b's ticket goes to the next eligible member in the order, as the strategy's own pick gives it
        assertEquals(List.of("c", "a", "c", "c", "a", "c"), owners(withoutB, 6));
        assertEquals(List.of("c", "a", "c", "c", "a", "c"), picks(Strategies.roundRobin(), Team.of("t", "a", "b", "c"),
                List.of(Member.of("a"), Member.of("c")), 6));
        assertEquals(List.of("c", "b", "b"), owners(withoutA, 3));
    }

    /** The owners the rotation decides for tickets 0 to {@code tickets} - 1. */
    private static List<String> owners(RoutedPolicy.Rotation rotation, int tickets) {
        return java.util.stream.LongStream.range(0, tickets)
                .mapToObj(t -> rotation.decision().apply(t).owner().value()).toList();
    }

    /** The members the strategy picks, eligible given, for {@code tickets} tickets of a fresh state at seed 7. */
    private List<String> picks(AssignmentStrategy strategy, Team team, List<Member> eligible, int tickets) {
        PolicyContext context = PolicyContext.of(new MapAssignmentState(), DAY, Set.of(), 7L, world.lead().id());
        return java.util.stream.IntStream.range(0, tickets)
                .mapToObj(t -> strategy.pick(team, eligible, context).orElseThrow().member().user().value()).toList();
    }

    @Test
    void rotationOfEveryLead_asksTheCalendarOnceAMember_andKeepsNoRotationBuiltWhileSomeoneWasAway() {
        // b is away only when asked for the second time (the calendar changing between two questions)
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger askedForB = new java.util.concurrent.atomic.AtomicInteger();
        RoutedPolicy policy = (RoutedPolicy) Policies.roundRobin(Routing.everyoneTo(Team.of("t", "a", "b", "c")),
                user -> {
                    asked.incrementAndGet();
                    return user.equals(UserId.of("b")) && askedForB.incrementAndGet() == 2;
                });
        PolicyContext context = PolicyContext.of(state, DAY, Set.of(), 7L, world.lead().id());

        RoutedPolicy.Rotation first = policy.rotationOfEveryLead(context).orElseThrow();
        int askedFirst = asked.get();
        RoutedPolicy.Rotation second = policy.rotationOfEveryLead(context).orElseThrow();
        RoutedPolicy.Rotation third = policy.rotationOfEveryLead(context).orElseThrow();

        assertEquals(3, askedFirst, "each member asked once a rotation");
        assertEquals(9, asked.get());
        assertEquals(Set.of("a", "b", "c"), users(first));
        assertEquals(Set.of("a", "c"), users(second));
        assertEquals(Set.of("a", "b", "c"), users(third), "b is back once no longer away");
        assertEquals(List.of(), third.decision().apply(4).explanation().skipped());
    }

    private static Set<String> users(RoutedPolicy.Rotation rotation) {
        return rotation.owners().stream().map(UserId::value).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void decide_excludedMember_isSkipped() {
        RoutedPolicy policy = RoutedPolicy.routing(routing).strategy(Strategies.roundRobin()).build();

        Decision.Chosen chosen = (Decision.Chosen) decide(policy, world.lead("language", "de"),
                Set.of(UserId.of("bernd")));

        assertEquals(UserId.of("anna"), chosen.owner());
        assertEquals("excluded", chosen.explanation().skipped().get(0).rule());
    }

    @Test
    void decide_capacity_consumesQuotaAndSkipsWhenUsedUp() {
        Team team = new Team("small", List.of(Member.of("anna").withMonthlyCapacity(30)));
        RoutedPolicy policy = RoutedPolicy.routing(Routing.everyoneTo(team))
                .filter(MemberFilters.capacity()).strategy(Strategies.roundRobin()).build();

        Decision first = decide(policy, world.lead(), Set.of());
        Decision second = decide(policy, world.lead(), Set.of());

        assertInstanceOf(Decision.Chosen.class, first);
        assertEquals(1, state.used("anna", DAY));
        Decision.NobodyAvailable none = assertInstanceOf(Decision.NobodyAvailable.class, second);
        assertEquals(List.of(new Skip(UserId.of("anna"), "capacity",
                "anna has used 1 of a daily quota of 1 on 2026-04-01")), none.explanation().skipped());
        assertEquals("nobody in team small can take the lead", none.explanation().reason());
    }

    @Test
    void decide_quotaTakenBetweenFilterAndPick_skipsAndPicksAnother() {
        Team team = new Team("pair", List.of(Member.of("anna").withMonthlyCapacity(30),
                Member.of("bernd").withMonthlyCapacity(30)));
        AssignmentStrategy alwaysAnnaFirst = new AssignmentStrategy() {
            @Override
            public String name() {
                return "anna-first";
            }

            @Override
            public Optional<Pick> pick(Team t, List<Member> eligible, PolicyContext context) {
                if (eligible.get(0).user().value().equals("anna")) {
                    state.tryConsume("anna", DAY, 1); // another node takes anna's last unit meanwhile
                }
                return Optional.of(new Pick(eligible.get(0), "first eligible"));
            }
        };
        RoutedPolicy policy = RoutedPolicy.routing(Routing.everyoneTo(team))
                .filter(MemberFilters.capacity()).strategy(alwaysAnnaFirst).build();

        Decision.Chosen chosen = (Decision.Chosen) decide(policy, world.lead(), Set.of());

        assertEquals(UserId.of("bernd"), chosen.owner());
        assertEquals("capacity", chosen.explanation().skipped().get(0).rule());
        assertEquals(1, state.used("anna", DAY));
    }

    @Test
    void cancel_releasesTheQuotaUnit() {
        Team team = new Team("small", List.of(Member.of("anna").withMonthlyCapacity(30)));
        RoutedPolicy policy = RoutedPolicy.routing(Routing.everyoneTo(team))
                .filter(MemberFilters.capacity()).strategy(Strategies.roundRobin()).build();
        Lead lead = world.lead();
        PolicyContext context = PolicyContext.of(state, DAY, Set.of(), 7L, lead.id());

        Decision.Chosen chosen = (Decision.Chosen) policy.decide(LeadProfile.of(lead), context);
        policy.cancel(chosen, context);

        assertEquals(0, state.used("anna", DAY));
    }

    @Test
    void build_withoutStrategy_isRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> RoutedPolicy.routing(routing).build());
        assertEquals("strategy", e.violations().get(0).field());
    }
}
