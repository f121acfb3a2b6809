package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The top and bottom performers by one {@link Measure}, ranked alike for everyone: by the measure, ties by owner
 * name. Immutable and thread-safe.
 *
 * @param measure what they are ranked by
 * @param top     the best first, at most the requested number
 * @param bottom  the weakest first, at most the requested number
 */
public record Performers(Measure measure, List<Ranked> top, List<Ranked> bottom) {

    /**
     * One person's place.
     *
     * @param owner the person
     * @param value their measure
     */
    public record Ranked(String owner, long value) {
    }

    /** Copies the lists. */
    public Performers {
        top = List.copyOf(top);
        bottom = List.copyOf(bottom);
    }

    /**
     * Ranks the people.
     *
     * @param count how many to list at each end, at least 1
     * @throws ValidationException naming {@code count} when below 1
     */
    public static Performers rank(Map<String, PersonActivity> people, Measure measure, int count) {
        if (count < 1) {
            throw ValidationException.of("count", "positive", "must be at least 1, was " + count);
        }
        List<Ranked> ranked = new ArrayList<>();
        people.forEach((owner, activity) -> ranked.add(new Ranked(owner, measure.of(activity))));
        ranked.sort(Comparator.comparingLong(Ranked::value).reversed().thenComparing(Ranked::owner));
        List<Ranked> bottom = new ArrayList<>(ranked);
        bottom.sort(Comparator.comparingLong(Ranked::value).thenComparing(Ranked::owner));
        return new Performers(measure, ranked.subList(0, Math.min(count, ranked.size())),
                bottom.subList(0, Math.min(count, bottom.size())));
    }
}
