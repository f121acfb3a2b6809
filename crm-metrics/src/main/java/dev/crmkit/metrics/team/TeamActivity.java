package dev.crmkit.metrics.team;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Activity statistics per person: the same definitions for everyone, over the records whose time falls in the
 * window (by its calendar day in the window's zone). Stateless.
 *
 * <ul>
 *   <li>calls: every call; inbound and outbound by direction; answered and missed by outcome; talk time the sum of
 *       known durations; the average over answered calls with a known duration ({@link CallStats});</li>
 *   <li>e-mails: sent (out) and received (in); an e-mail of unknown direction counts in neither;</li>
 *   <li>meetings: every meeting;</li>
 *   <li>tasks: done on time and overdue by outcome;</li>
 *   <li>deals moved: every move of a deal from one stage to another.</li>
 * </ul>
 */
public final class TeamActivity {

    private TeamActivity() {
    }

    /** Each owner's statistics, by owner in natural order; owners with no record in the window are absent. */
    public static SortedMap<String, PersonActivity> of(Iterable<ActivityRecord> records, Window window) {
        Objects.requireNonNull(window, "window");
        SortedMap<String, PersonActivity> out = new TreeMap<>();
        for (ActivityRecord r : records) {
            if (window.contains(r.at())) {
                out.merge(r.owner(), one(r), PersonActivity::plus);
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** The whole team's statistics: everyone's added up. */
    public static PersonActivity total(Map<String, PersonActivity> people) {
        return people.values().stream().reduce(PersonActivity.NONE, PersonActivity::plus);
    }

    private static PersonActivity one(ActivityRecord r) {
        boolean in = r.direction().filter(Direction.IN::equals).isPresent();
        boolean out = r.direction().filter(Direction.OUT::equals).isPresent();
        switch (r.kind()) {
            case CALL -> {
                boolean answered = r.outcome().filter(Outcome.ANSWERED::equals).isPresent();
                long seconds = r.duration().map(d -> d.toSeconds()).orElse(0L);
                boolean timedAnswer = answered && r.duration().isPresent();
                return new PersonActivity(new CallStats(1, in ? 1 : 0, out ? 1 : 0, answered ? 1 : 0,
                        r.outcome().filter(Outcome.MISSED::equals).isPresent() ? 1 : 0, seconds,
                        timedAnswer ? 1 : 0, timedAnswer ? seconds : 0), 0, 0, 0, 0, 0, 0);
            }
            case EMAIL -> {
                return new PersonActivity(CallStats.NONE, out ? 1 : 0, in ? 1 : 0, 0, 0, 0, 0);
            }
            case MEETING -> {
                return new PersonActivity(CallStats.NONE, 0, 0, 1, 0, 0, 0);
            }
            case TASK -> {
                boolean done = r.outcome().filter(Outcome.DONE::equals).isPresent();
                boolean overdue = r.outcome().filter(Outcome.OVERDUE::equals).isPresent();
                return new PersonActivity(CallStats.NONE, 0, 0, 0, done ? 1 : 0, overdue ? 1 : 0, 0);
            }
            case DEAL_MOVE -> {
                return new PersonActivity(CallStats.NONE, 0, 0, 0, 0, 0, 1);
            }
            default -> throw new IllegalStateException(r.kind().name());
        }
    }
}
