package dev.crmkit.core.merge;

import dev.crmkit.core.kernel.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks every merge makes of the ids it is given, whatever it merges. Stateless. */
final class MergeMembers {

    private MergeMembers() {
    }

    /**
     * Why the ids cannot be merged: an id listed twice, fewer than two, or a survivor not among them.
     *
     * @param field    the name of the list, also the plural in messages, e.g. {@code contacts}, {@code companies}
     * @param what     the kind of record, e.g. {@code contact}
     * @param ids      the ids in the order listed
     * @param survivor the survivor named, if any
     */
    static <T> List<Violation> check(String field, String what, List<T> ids, Optional<T> survivor) {
        List<Violation> problems = new ArrayList<>();
        Set<T> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() != ids.size()) {
            problems.add(new Violation(field, "unique", "a " + what + " is listed twice"));
        }
        if (distinct.size() < 2) {
            problems.add(new Violation(field, "min-size", "a merge needs at least two " + field + ", got "
                    + distinct.size()));
        }
        survivor.filter(s -> !distinct.contains(s)).ifPresent(s -> problems.add(new Violation("survivor",
                "member", "the survivor " + s + " is not one of the " + field + " merged")));
        return problems;
    }

    /**
     * Why the per-field choices cannot be taken: a field's chosen record is not among those merged. Each such choice
     * is named by its field, e.g. {@code choices.name}.
     *
     * @param what    the kind of record, e.g. {@code contact}
     * @param plural  the plural of {@code what}, e.g. {@code contacts}
     * @param choices the record whose value survives, per field
     * @param ids     the ids merged
     */
    static <F extends Enum<F>, T> List<Violation> choices(String what, String plural, Map<F, T> choices,
                                                          List<T> ids) {
        List<Violation> problems = new ArrayList<>();
        choices.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!ids.contains(e.getValue())) {
                problems.add(new Violation("choices." + e.getKey().name().toLowerCase(Locale.ROOT), "member",
                        "the " + what + " chosen for " + e.getKey() + ", " + e.getValue() + ", is not one of the "
                                + plural + " merged"));
            }
        });
        return problems;
    }
}
