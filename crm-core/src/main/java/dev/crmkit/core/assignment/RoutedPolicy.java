package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The composed policy: routing rules choose a team, filters remove the people who cannot take the lead now (the
 * context's excluded users always, then each filter in order), the strategy picks one of the rest, and every filter
 * reserves what the pick uses (a quota unit). When a reservation fails because another node took the last unit
 * meanwhile, that member is skipped and the strategy picks again. Immutable and thread-safe.
 *
 * <pre>{@code
 * AssignmentPolicy policy = RoutedPolicy.routing(new Routing(rules, defaultTeam))
 *         .filter(MemberFilters.away(calendar::isAway))
 *         .filter(MemberFilters.capacity())
 *         .strategy(Strategies.roundRobin())
 *         .build();
 * }</pre>
 */
public final class RoutedPolicy implements AssignmentPolicy {

    private final Routing routing;
    private final List<MemberFilter> filters;
    private final AssignmentStrategy strategy;
    /**
     * The rotation last built with every member of its team eligible, see
     * {@link #rotation(Routing.Routed, PolicyContext)}.
     */
    private volatile Known known;

    private RoutedPolicy(Routing routing, List<MemberFilter> filters, AssignmentStrategy strategy) {
        this.routing = routing;
        this.filters = List.copyOf(filters);
        this.strategy = strategy;
    }

    /** Starts a policy with its routing. */
    public static Builder routing(Routing routing) {
        return new Builder(Objects.requireNonNull(routing, "routing"));
    }

    /** The routing. */
    public Routing routingRules() {
        return routing;
    }

    @Override
    public Decision decide(LeadProfile lead, PolicyContext context) {
        Candidates candidates = candidates(lead, context);
        Team team = candidates.team();
        Optional<String> rule = candidates.rule();
        List<Skip> skipped = candidates.skipped();
        List<Member> eligible = candidates.eligible();
        while (!eligible.isEmpty()) {
            Optional<AssignmentStrategy.Pick> pick = strategy.pick(team, List.copyOf(eligible), context);
            if (pick.isEmpty()) {
                break;
            }
            Member member = pick.get().member();
            Optional<MemberFilter> refused = reserve(member, context);
            if (refused.isEmpty()) {
                return new Decision.Chosen(member, new Explanation(rule, team.name(), skipped, strategy.name(),
                        member.user() + " picked by " + pick.get().reason()));
            }
            skipped.add(new Skip(member.user(), refused.get().name(), member.user() + " reached the limit of "
                    + refused.get().name() + " while being picked"));
            eligible.remove(member);
        }
        return new Decision.NobodyAvailable(new Explanation(rule, team.name(), skipped, strategy.name(),
                "nobody in team " + team.name() + " can take the lead"));
    }

    /**
     * The decision as a table of picks by rotation ticket, when the policy's strategy picks by a rotation ticket alone
     * and no filter rations anything; empty otherwise, or when nobody is eligible (then {@link #decide} is the way).
     * The filters' skip reasons are taken here, once; the ticket is left to the store
     * ({@link AssignmentState#claimAndAssign}), and {@link Rotation#decision} gives the same decision and explanation
     * {@link #decide} would give for that ticket.
     */
    Optional<Rotation> rotation(LeadProfile lead, PolicyContext context) {
        return rotation(routing.route(lead), context);
    }

    /**
     * {@link #rotation(LeadProfile, PolicyContext)} when it is the same for every lead: the routing has no rules, so
     * every lead goes to its fallback team, and the rotation can be known before the lead is read. Empty when the
     * routing has rules, and wherever {@link #rotation(LeadProfile, PolicyContext)} is empty.
     */
    Optional<Rotation> rotationOfEveryLead(PolicyContext context) {
        if (!rotatesEveryLeadAlike()) {
            return Optional.empty();
        }
        return rotation(new Routing.Routed(routing.fallback(), Optional.empty()), context);
    }

    /**
     * Whether every lead is decided by the same rotation: the routing has no rules, the strategy picks by a rotation
     * ticket alone and no filter rations anything ({@link #rotationOfEveryLead} is then empty only when nobody is
     * eligible).
     */
    boolean rotatesEveryLeadAlike() {
        return routing.rules().isEmpty() && rotates();
    }

    private boolean rotates() {
        if (!(strategy instanceof Strategies.Rotating)) {
            return false;
        }
        for (MemberFilter filter : filters) {
            if (!(filter instanceof MemberFilters.Unrationed)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rotation of a routed lead. With every member of the team eligible it depends on the routing, the team and
     * the seed alone (no skip to explain, every member picked in schedule order), so the last one built so is kept
     * and given again for the same routing, team and seed. The filters and the excluded users are asked once for
     * every member on every call all the same (a host's "away" calendar may change between calls), and a rotation
     * built while anyone was skipped is never kept.
     */
    private Optional<Rotation> rotation(Routing.Routed routed, PolicyContext context) {
        if (!rotates() || !(strategy instanceof Strategies.Rotating rotating)) {
            return Optional.empty();
        }
        Candidates candidates = candidates(routed, context);
        if (!candidates.skipped().isEmpty()) {
            return build(candidates, context, rotating);
        }
        RoutingRule rule = routed.rule().orElse(null);
        Known last = known;
        if (last != null && last.team() == routed.team() && last.rule() == rule && last.seed() == context.seed()) {
            return last.rotation();
        }
        Optional<Rotation> built = build(candidates, context, rotating);
        if (built.isPresent()) {
            known = new Known(routed.team(), rule, context.seed(), built);
        }
        return built;
    }

    /**
     * A rotation built with every member eligible: its team and rule (compared by identity; null for the fallback),
     * the seed, and the rotation.
     */
    private record Known(Team team, RoutingRule rule, long seed, Optional<Rotation> rotation) {
    }

    private Optional<Rotation> build(Candidates candidates, PolicyContext context, Strategies.Rotating rotating) {
        Team team = candidates.team();
        Optional<String> rule = candidates.rule();
        List<Skip> skipped = candidates.skipped();
        List<Member> eligible = candidates.eligible();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        List<Member> schedule = rotating.schedule(team, context.seed());
        List<Member> picks = new ArrayList<>(schedule.size());
        for (int start = 0; start < schedule.size(); start++) {
            Optional<Member> pick = Strategies.firstEligibleFrom(schedule, start, eligible);
            if (pick.isEmpty()) {
                return Optional.empty();
            }
            picks.add(pick.get());
        }
        List<Skip> skips = List.copyOf(skipped);
        return Optional.of(new Rotation(rotating.rotation(team), List.copyOf(picks), ticket -> {
            Member member = picks.get((int) Math.floorMod(ticket, (long) picks.size()));
            return new Decision.Chosen(member, new Explanation(rule, team.name(), skips, strategy.name(),
                    member.user() + " picked by " + rotating.reason(team, schedule, member, ticket)));
        }));
    }

    /**
     * The lead's routed team, the routing rule that chose it (as the explanation names it), the members the filters
     * skip with their reasons, and the members left to pick from; {@link #decide} and {@link #rotation} start here.
     */
    private Candidates candidates(LeadProfile lead, PolicyContext context) {
        return candidates(routing.route(lead), context);
    }

    private Candidates candidates(Routing.Routed routed, PolicyContext context) {
        Team team = routed.team();
        Optional<String> rule = routed.rule().map(r -> "'" + r.name() + "' (" + r.describe() + ")");
        List<Skip> skipped = new ArrayList<>();
        List<Member> eligible = new ArrayList<>();
        for (Member member : team.members()) {
            if (skipReason(member, context, skipped).isEmpty()) {
                eligible.add(member);
            }
        }
        return new Candidates(team, rule, skipped, eligible);
    }

    /** What {@link #candidates} finds (mutable lists: {@link #decide} adds skips and removes members as it picks). */
    private record Candidates(Team team, Optional<String> rule, List<Skip> skipped, List<Member> eligible) {
    }

    /**
     * A decision by rotation ticket.
     *
     * @param name     the rotation's name in the state
     * @param picks    the member each remainder of a ticket divided by the list's size goes to
     * @param owners   the user of each pick, for {@link AssignmentState#claimAndAssign}
     * @param decision the decision for a ticket
     */
    record Rotation(String name, List<Member> picks, List<UserId> owners, LongFunction<Decision.Chosen> decision) {

        /** A rotation whose owners are the picks' users, worked out once. */
        Rotation(String name, List<Member> picks, LongFunction<Decision.Chosen> decision) {
            this(name, picks, picks.stream().map(Member::user).toList(), decision);
        }
    }

    @Override
    public void cancel(Decision.Chosen decision, PolicyContext context) {
        for (MemberFilter filter : filters) {
            filter.release(decision.member(), context);
        }
    }

    private Optional<Skip> skipReason(Member member, PolicyContext context, List<Skip> skipped) {
        if (context.excluded().contains(member.user())) {
            Skip skip = new Skip(member.user(), "excluded", member.user() + " may not get this lead");
            skipped.add(skip);
            return Optional.of(skip);
        }
        for (MemberFilter filter : filters) {
            Optional<String> reason = filter.skip(member, context);
            if (reason.isPresent()) {
                Skip skip = new Skip(member.user(), filter.name(), reason.get());
                skipped.add(skip);
                return Optional.of(skip);
            }
        }
        return Optional.empty();
    }

    private Optional<MemberFilter> reserve(Member member, PolicyContext context) {
        List<MemberFilter> reserved = new ArrayList<>();
        for (MemberFilter filter : filters) {
            if (!filter.reserve(member, context)) {
                reserved.forEach(f -> f.release(member, context));
                return Optional.of(filter);
            }
            reserved.add(filter);
        }
        return Optional.empty();
    }

    /** Builds a {@link RoutedPolicy}; the strategy is required. Not thread-safe. */
    public static final class Builder {
        private final Routing routing;
        private final List<MemberFilter> filters = new ArrayList<>();
        private AssignmentStrategy strategy;

        private Builder(Routing routing) {
            this.routing = routing;
        }

        /** Adds a filter; filters run in the order added. */
        public Builder filter(MemberFilter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** Sets the strategy. */
        public Builder strategy(AssignmentStrategy value) {
            if (strategy != null) {
                throw new IllegalStateException("strategy was already set to " + strategy.name());
            }
            strategy = Objects.requireNonNull(value, "strategy");
            return this;
        }

        /** Builds the policy. */
        public RoutedPolicy build() {
            if (strategy == null) {
                throw ValidationException.of("strategy", "required", "a routed policy needs a strategy, for example "
                        + "Strategies.roundRobin()");
            }
            return new RoutedPolicy(routing, filters, strategy);
        }
    }
}
