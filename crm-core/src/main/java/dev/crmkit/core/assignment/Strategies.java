package dev.crmkit.core.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The built-in {@link AssignmentStrategy}s. Rotations keep their cursor in {@link AssignmentState#advance} under the
 * name {@code <strategy>:<team>}, so every node sharing the state continues one rotation. A team's rotation order is
 * its members shuffled by the policy's seed (after sorting them by user id), so the first person in a list is not
 * favoured.
 */
public final class Strategies {

    private Strategies() {
    }

    /**
     * Round robin: ticket {@code n} of the team's rotation goes to member {@code n mod size} in rotation order, or,
     * when that member was filtered out, to the next eligible one after them. With everyone eligible, no member ever
     * has two more leads than another.
     */
    public static AssignmentStrategy roundRobin() {
        return new Rotating() {
            @Override
            public String name() {
                return "round-robin";
            }

            @Override
            public List<Member> schedule(Team team, long seed) {
                return rotationOrder(team, seed);
            }

            @Override
            public String reason(Team team, List<Member> schedule, Member member, long ticket) {
                return "round robin ticket " + ticket + " of team " + team.name();
            }
        };
    }

    /**
     * Weighted round robin: over every run of {@code W} tickets (the sum of the weights) a member of weight {@code w}
     * gets {@code w}, interleaved smoothly (the "smooth weighted round robin" schedule: a member of weight 2 next to
     * two of weight 1 goes a, b, c, a rather than a, a, b, c). Filtered-out members pass their turn to the next
     * eligible one in the schedule.
     */
    public static AssignmentStrategy weightedRoundRobin() {
        return new Rotating() {
            @Override
            public String name() {
                return "weighted-round-robin";
            }

            @Override
            public List<Member> schedule(Team team, long seed) {
                return smoothSchedule(rotationOrder(team, seed));
            }

            @Override
            public String reason(Team team, List<Member> schedule, Member member, long ticket) {
                return "weighted round robin ticket " + ticket + " of team " + team.name() + " (weight "
                        + member.weight() + " of " + schedule.size() + ")";
            }
        };
    }

    /**
     * Least loaded: the eligible member with the fewest open items by the workload; ties break at random from the
     * context's seeded source.
     */
    public static AssignmentStrategy leastLoaded(Workload workload) {
        Objects.requireNonNull(workload, "workload");
        return new AssignmentStrategy() {
            @Override
            public String name() {
                return "least-loaded";
            }

            @Override
            public Optional<Pick> pick(Team team, List<Member> eligible, PolicyContext context) {
                long min = Long.MAX_VALUE;
                List<Member> lightest = new ArrayList<>();
                for (Member m : eligible) {
                    long load = workload.openItems(m.user());
                    if (load < min) {
                        min = load;
                        lightest.clear();
                    }
                    if (load == min) {
                        lightest.add(m);
                    }
                }
                if (lightest.isEmpty()) {
                    return Optional.empty();
                }
                Member chosen = lightest.get(context.random().nextInt(lightest.size()));
                String reason = "fewest open items (" + min + ")" + (lightest.size() > 1
                        ? ", tied with " + (lightest.size() - 1) + " other(s), chosen at random" : "");
                return Optional.of(new Pick(chosen, reason));
            }
        };
    }

    /** The team's members sorted by user id, then shuffled by a generator seeded with the seed and the team name. */
    static List<Member> rotationOrder(Team team, long seed) {
        List<Member> order = new ArrayList<>(team.members());
        order.sort(Comparator.comparing(m -> m.user().value()));
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + team.name().hashCode());
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Member t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }

    static List<Member> smoothSchedule(List<Member> order) {
        int total = order.stream().mapToInt(Member::weight).sum();
        long[] current = new long[order.size()];
        List<Member> schedule = new ArrayList<>(total);
        for (int slot = 0; slot < total; slot++) {
            int best = 0;
            for (int i = 0; i < order.size(); i++) {
                current[i] += order.get(i).weight();
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            schedule.add(order.get(best));
        }
        return List.copyOf(schedule);
    }

    static Optional<Member> firstEligibleFrom(List<Member> order, int start, List<Member> eligible) {
        for (int i = 0; i < order.size(); i++) {
            Member candidate = order.get((start + i) % order.size());
            if (eligible.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A strategy that picks by a rotation ticket alone: ticket {@code n} goes to the first eligible member of the
     * schedule from position {@code n mod size} on. As the pick is a function of the ticket, the table of picks can
     * be handed to the store, which takes the ticket and writes the owner in one step
     * ({@link AssignmentState#claimAndAssign}).
     */
    interface Rotating extends AssignmentStrategy {

        /** The team's schedule: the rotation order, a member once per unit of weight for weighted rotations. */
        List<Member> schedule(Team team, long seed);

        /** Why the member got the ticket, for the explanation. */
        String reason(Team team, List<Member> schedule, Member member, long ticket);

        /** The rotation's name in the state. */
        default String rotation(Team team) {
            return name() + ":" + team.name();
        }

        @Override
        default Optional<Pick> pick(Team team, List<Member> eligible, PolicyContext context) {
            if (eligible.isEmpty()) {
                return Optional.empty();
            }
            List<Member> schedule = schedule(team, context.seed());
            long ticket = context.state().advance(rotation(team));
            return firstEligibleFrom(schedule, (int) Math.floorMod(ticket, (long) schedule.size()), eligible)
                    .map(m -> new Pick(m, reason(team, schedule, m, ticket)));
        }
    }
}
