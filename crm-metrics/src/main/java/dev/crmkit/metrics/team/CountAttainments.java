package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plan fulfilment in counts: deals won (by won day), meetings held and outbound calls made (by their day in the
 * window's zone), each counted for a target when its owner is the target's and its day lies in the target's period
 * and in the window; pro-rated to an as-of day like {@link Attainments}. Stateless.
 */
public final class CountAttainments {

    /** The order of {@link #of}'s answer: by owner, period and what is counted. */
    public static final Comparator<CountAttainment> ORDER = Comparator
            .comparing((CountAttainment a) -> a.target().owner()).thenComparing(a -> a.target().period())
            .thenComparing(a -> a.target().counted());

    private CountAttainments() {
    }

    /**
     * Every count target's attainment, sorted by owner, period and what is counted.
     *
     * @throws ValidationException naming {@code targets[i]} when an owner has two targets for one period and measure
     */
    public static List<CountAttainment> of(List<CountTarget> targets, List<ActivityRecord> activities,
                                           List<WonDeal> deals, Window window, LocalDate asOf) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        Set<List<Object>> seen = new HashSet<>();
        List<CountAttainment> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            CountTarget t = targets.get(i);
            if (!seen.add(List.of(t.owner(), t.period(), t.counted()))) {
                throw ValidationException.of("targets[" + i + "]", "unique", t.owner() + " has a second "
                        + t.counted().name().toLowerCase(Locale.ROOT) + " target for " + t.period());
            }
            long achieved = t.counted() == Counted.DEALS_WON
                    ? deals.stream().filter(d -> d.owner().equals(t.owner()) && counts(t, d.wonOn(), window)).count()
                    : activities.stream().filter(a -> a.owner().equals(t.owner()) && matches(t.counted(), a)
                            && counts(t, a.at().atZone(window.zone()).toLocalDate(), window)).count();
            out.add(attainment(t, achieved, asOf));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    private static boolean counts(CountTarget t, LocalDate day, Window window) {
        return t.period().contains(day) && window.contains(day);
    }

    private static boolean matches(Counted counted, ActivityRecord a) {
        return counted == Counted.MEETINGS_HELD ? a.kind() == ActivityKind.MEETING
                : a.kind() == ActivityKind.CALL && a.direction().filter(Direction.OUT::equals).isPresent();
    }

    /**
     * The attainment of one target given what was achieved in its period (within the window): for a count made
     * elsewhere, a database for example.
     *
     * @throws ValidationException naming {@code achieved} when negative
     */
    public static CountAttainment attainment(CountTarget t, long achieved, LocalDate asOf) {
        if (achieved < 0) {
            throw ValidationException.of("achieved", "not-negative", "must not be negative, was " + achieved);
        }
        Period p = t.period();
        long daysLeft = p.days() - p.elapsedDays(asOf);
        BigDecimal target = BigDecimal.valueOf(t.count());
        long gap = Math.max(0, t.count() - achieved);
        return new CountAttainment(t, achieved,
                BigDecimal.valueOf(achieved).divide(target, Attainments.SCALE, RoundingMode.HALF_EVEN),
                target.multiply(BigDecimal.valueOf(p.elapsedDays(asOf)))
                        .divide(BigDecimal.valueOf(p.days()), 2, RoundingMode.HALF_EVEN),
                gap, daysLeft, daysLeft > 0 && gap > 0
                        ? Optional.of(BigDecimal.valueOf(gap).divide(BigDecimal.valueOf(daysLeft), 2,
                        RoundingMode.HALF_EVEN)) : Optional.empty());
    }
}
