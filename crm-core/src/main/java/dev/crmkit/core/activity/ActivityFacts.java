package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rules of an activity's outcome and duration, shared by {@link Activity} and {@link LogActivity}. */
final class ActivityFacts {

    private ActivityFacts() {
    }

    /**
     * The broken rules: an outcome that does not end an entry of the type ({@code fits-type}), a duration on an
     * entry other than a call or a meeting ({@code fits-type}), or one negative or above {@link Activity#MAX_DURATION}
     * ({@code range}). Null values break none (that is the not-null rule's business). No list is made when none is
     * broken (every entry is checked, a deal move's timeline entry too): then the empty list, unmodifiable.
     */
    static List<Violation> violations(ActivityType type, Optional<ActivityOutcome> outcome,
                                      Optional<Duration> duration) {
        boolean hasOutcome = outcome != null && outcome.isPresent();
        boolean hasDuration = duration != null && duration.isPresent();
        if (!hasOutcome && !hasDuration) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        if (type != null && hasOutcome && !outcome.get().fits(type)) {
            out.add(new Violation("outcome", "fits-type", outcome.get() + " ends a " + name(outcome.get().endsA())
                    + ", not a " + name(type)));
        }
        if (hasDuration) {
            Duration d = duration.get();
            if (d.isNegative() || d.compareTo(Activity.MAX_DURATION) > 0) {
                out.add(new Violation("duration", "range", "must be between 0 and "
                        + Activity.MAX_DURATION.toSeconds() + " seconds, was " + d));
            } else if (type != null && type != ActivityType.CALL && type != ActivityType.MEETING) {
                out.add(new Violation("duration", "fits-type", "only a call or a meeting lasts, not a "
                        + name(type)));
            }
        }
        return out;
    }

    private static String name(ActivityType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
