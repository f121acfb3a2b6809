package dev.crmkit.campaigns.segment;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The boolean logic both filter models share: {@link ContactFilter} (stored contacts, saved segments, pushed down to
 * SQL) and {@link SegmentFilter} (CSV recipients with their orders). Each model keeps its own {@code AllOf},
 * {@code AnyOf} and {@code Not} records, because the JDBC store and the filter text match on those types, but the
 * records copy their operands and evaluate through here, so the meaning of "all of", "any of" and "not" (an empty
 * all-of matches every row, an empty any-of none) is written once. Stateless and thread-safe.
 */
final class Combinators {

    private Combinators() {
    }

    /**
     * The operands of an all-of or any-of, copied.
     *
     * @throws NullPointerException when the list or one of its filters is missing
     */
    static <F> List<F> operands(List<F> filters) {
        return List.copyOf(Objects.requireNonNull(filters, "filters"));
    }

    /**
     * The operand of a not.
     *
     * @throws NullPointerException when it is missing
     */
    static <F> F operand(F filter) {
        return Objects.requireNonNull(filter, "filter");
    }

    /** Whether every filter matches the row (none given: true). */
    static <F, R> boolean allOf(List<F> filters, R row, BiPredicate<? super F, ? super R> matches) {
        for (F f : filters) {
            if (!matches.test(f, row)) {
                return false;
            }
        }
        return true;
    }

    /** Whether at least one filter matches the row (none given: false). */
    static <F, R> boolean anyOf(List<F> filters, R row, BiPredicate<? super F, ? super R> matches) {
        for (F f : filters) {
            if (matches.test(f, row)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the filter does not match the row. */
    static <F, R> boolean not(F filter, R row, BiPredicate<? super F, ? super R> matches) {
        return !matches.test(filter, row);
    }
}
