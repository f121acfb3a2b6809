package dev.crmkit.campaigns.segment;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.rfm.CustomerRfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a database store evaluates a {@link ContactFilter} with conditions it cannot push down (the birthday and the
 * order conditions, {@code OutsideConditions}): its WHERE clause is the {@link #superset()}, a filter without them
 * that every member meets, and each returned row carries the truth of the filter's largest pushed-down subtrees
 * ({@link #parts()}, one SQL column each); {@link #matches} then decides the row exactly from those columns, the
 * contact's birthday and its orders. Members therefore come in the SQL order and a page is cut by keyset on it, so
 * counts and pages are exact.
 *
 * <p>The superset replaces each outside condition by TRUE where it counts positively (under an even number of
 * {@code not}s) and by FALSE where it counts negatively (a negation turns its operand's superset into a subset):
 * {@code all(consent(GRANTED), ordered-within(30))} reads the granted contacts;
 * {@code all(consent(GRANTED), not(any(owner("u1"), never-ordered())))} reads the granted contacts not owned by u1
 * (the any-of's subset is {@code owner("u1")}); {@code not(all(consent(GRANTED), ordered-within(30)))} and
 * {@code any(owner("u1"), never-ordered())} read every contact. Immutable and thread-safe.
 */
public final class SegmentPushdown {

    private static final ContactFilter TRUE = new ContactFilter.AllOf(List.of());
    private static final ContactFilter FALSE = new ContactFilter.AnyOf(List.of());

    private final ContactFilter filter;
    private final ContactFilter superset;
    private final List<ContactFilter> parts = new ArrayList<>();
    private final List<ContactFilter> orderConditions = new ArrayList<>();
    private final Predicate<Row> residual;

    private SegmentPushdown(ContactFilter filter) {
        this.filter = filter;
        this.superset = bound(filter, true);
        this.residual = node(filter);
    }

    /**
     * The split of a filter already fixed to its day ({@link ContactFilter#asOf}).
     *
     * @throws IllegalArgumentException if it still has a {@link ContactFilter.BirthdayWithin} without its day
     */
    public static SegmentPushdown of(ContactFilter filter) {
        return new SegmentPushdown(Objects.requireNonNull(filter, "filter"));
    }

    /** Whether the database decides alone: no condition is checked outside it, the superset is the filter. */
    public boolean exact() {
        return !outside(filter);
    }

    /** The filter the database evaluates: every contact the filter selects meets it. */
    public ContactFilter superset() {
        return superset;
    }

    /** The largest subtrees without outside conditions, in the order {@link #matches} reads their truth. */
    public List<ContactFilter> parts() {
        return List.copyOf(parts);
    }

    /** The order conditions of the filter, in the order they appear. */
    public List<ContactFilter> orderConditions() {
        return List.copyOf(orderConditions);
    }

    /**
     * Whether a contact the database returned is a member.
     *
     * @param parts    the truth of each of {@link #parts()} for the contact, in that order
     * @param birthday the contact's birthday
     * @param orders   its orders as of the day ({@link #orders}), empty when the filter has no order condition
     */
    public boolean matches(boolean[] parts, Optional<LocalDate> birthday, Optional<ContactFacts.Orders> orders) {
        if (parts.length != this.parts.size()) {
            throw new IllegalArgumentException("expected " + this.parts.size() + " parts, got " + parts.length);
        }
        return residual.test(new Row(parts, birthday, orders));
    }

    /**
     * The orders of each contact (by the id's text) as the filter's order conditions need them: read once from the
     * source as of the day; nothing when the filter has no order condition.
     *
     * @throws ValidationException naming {@code filter} and the first order condition: rule {@code order-source}
     *                             without a source, rule {@code as-of} without a day
     */
    public Function<String, Optional<ContactFacts.Orders>> orders(Optional<OrderSource> source,
            Optional<LocalDate> asOf) {
        if (orderConditions.isEmpty()) {
            return id -> Optional.empty();
        }
        ContactFilter first = orderConditions.get(0);
        OrderSource from = source.orElseThrow(() -> OutsideConditions.noOrders(first));
        LocalDate day = asOf.orElseThrow(() -> ValidationException.of("filter", "as-of", "the condition "
                + ContactFilterText.write(first) + " reads the orders as of a day: count or page the segment with"
                + " an as-of day"));
        Map<String, CustomerRfm> rfm = Map.copyOf(from.rfm(day));
        return id -> Optional.of(new ContactFacts.Orders(day, Optional.ofNullable(rfm.get(id))));
    }

    private record Row(boolean[] parts, Optional<LocalDate> birthday, Optional<ContactFacts.Orders> orders) {
    }

    private Predicate<Row> node(ContactFilter f) {
        if (!outside(f)) {
            int index = parts.size();
            parts.add(f);
            return row -> row.parts()[index];
        } else if (f instanceof ContactFilter.BirthdayWithin b) {
            throw new IllegalArgumentException("the condition birthday-within(" + b.days() + ") needs the day it is"
                    + " evaluated on: count or page with an as-of day (ContactFilter.asOf)");
        } else if (OutsideConditions.isOutside(f)) {
            if (OutsideConditions.readsOrders(f)) {
                orderConditions.add(f);
            }
            return row -> OutsideConditions.test(f, row.birthday(), row.orders());
        } else if (f instanceof ContactFilter.AllOf a) {
            List<Predicate<Row>> nodes = a.filters().stream().map(this::node).toList();
            return row -> Combinators.allOf(nodes, row, Predicate::test);
        } else if (f instanceof ContactFilter.AnyOf a) {
            List<Predicate<Row>> nodes = a.filters().stream().map(this::node).toList();
            return row -> Combinators.anyOf(nodes, row, Predicate::test);
        } else if (f instanceof ContactFilter.Not n) {
            Predicate<Row> inner = node(n.filter());
            return row -> Combinators.not(inner, row, Predicate::test);
        }
        throw new IllegalArgumentException("unknown filter " + f);
    }

    /** Whether the filter has a condition checked outside the database. */
    private static boolean outside(ContactFilter f) {
        if (f instanceof ContactFilter.AllOf a) {
            return a.filters().stream().anyMatch(SegmentPushdown::outside);
        } else if (f instanceof ContactFilter.AnyOf a) {
            return a.filters().stream().anyMatch(SegmentPushdown::outside);
        } else if (f instanceof ContactFilter.Not n) {
            return outside(n.filter());
        }
        return OutsideConditions.isOutside(f);
    }

    /**
     * A filter without outside conditions that every member meets ({@code upper}: the superset) or that only members
     * meet (the subset, what a negation needs of its operand).
     */
    private static ContactFilter bound(ContactFilter f, boolean upper) {
        if (!outside(f)) {
            return f;
        } else if (f instanceof ContactFilter.AllOf a) {
            List<ContactFilter> out = new ArrayList<>();
            for (ContactFilter x : a.filters()) {
                ContactFilter b = bound(x, upper);
                if (b.equals(FALSE)) {
                    return FALSE;
                } else if (!b.equals(TRUE)) {
                    out.add(b);
                }
            }
            return out.size() == 1 ? out.get(0) : new ContactFilter.AllOf(out);
        } else if (f instanceof ContactFilter.AnyOf a) {
            List<ContactFilter> out = new ArrayList<>();
            for (ContactFilter x : a.filters()) {
                ContactFilter b = bound(x, upper);
                if (b.equals(TRUE)) {
                    return TRUE;
                } else if (!b.equals(FALSE)) {
                    out.add(b);
                }
            }
            return out.size() == 1 ? out.get(0) : new ContactFilter.AnyOf(out);
        } else if (f instanceof ContactFilter.Not n) {
            ContactFilter inner = bound(n.filter(), !upper);
            if (inner instanceof ContactFilter.Not twice) {
                return twice.filter();
            }
            return inner.equals(TRUE) ? FALSE : inner.equals(FALSE) ? TRUE : new ContactFilter.Not(inner);
        }
        return upper ? TRUE : FALSE;
    }
}
