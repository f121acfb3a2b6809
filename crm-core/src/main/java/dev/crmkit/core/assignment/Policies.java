package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;

import java.util.function.Predicate;

/**
 * The usual compositions of {@link RoutedPolicy}, each skipping members who are away: round robin, weighted round
 * robin, least loaded, and capacity (daily quotas from monthly capacities, round robin among those with quota left).
 */
public final class Policies {

    private Policies() {
    }

    /** Routing, then round robin among those not away. */
    public static AssignmentPolicy roundRobin(Routing routing, Predicate<UserId> isAway) {
        return RoutedPolicy.routing(routing).filter(MemberFilters.away(isAway))
                .strategy(Strategies.roundRobin()).build();
    }

    /** Routing, then weighted round robin among those not away. */
    public static AssignmentPolicy weightedRoundRobin(Routing routing, Predicate<UserId> isAway) {
        return RoutedPolicy.routing(routing).filter(MemberFilters.away(isAway))
                .strategy(Strategies.weightedRoundRobin()).build();
    }

    /** Routing, then the least loaded of those not away by the workload; ties at random. */
    public static AssignmentPolicy leastLoaded(Routing routing, Predicate<UserId> isAway, Workload workload) {
        return RoutedPolicy.routing(routing).filter(MemberFilters.away(isAway))
                .strategy(Strategies.leastLoaded(workload)).build();
    }

    /** Routing, then round robin among those not away who have daily quota left; nobody exceeds theirs. */
    public static AssignmentPolicy capacity(Routing routing, Predicate<UserId> isAway) {
        return RoutedPolicy.routing(routing).filter(MemberFilters.away(isAway)).filter(MemberFilters.capacity())
                .strategy(Strategies.roundRobin()).build();
    }
}
