package dev.crmkit.campaigns.segment;

import dev.crmkit.campaigns.trigger.YearlyTrigger;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.rfm.Segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One condition of a segment over CSV recipients and an order book ({@link SavedSegment}); the records combine into
 * any filter. Immutable and thread-safe.
 *
 * @deprecated stored segments now have every one of these conditions: use {@link ContactFilter}
 *             ({@link ContactFilter.ConsentIs}, {@link ContactFilter.LanguageIs}, {@link ContactFilter.RfmSegmentIn},
 *             {@link ContactFilter.OrderedWithin}, {@link ContactFilter.NoOrderFor},
 *             {@link ContactFilter.NeverOrdered}, {@link ContactFilter.BirthdayWithin}), saved as a
 *             {@link SegmentDefinition} and counted by {@link ContactSegments} with the host's {@link OrderSource}
 *             (pushed down to SQL in the JDBC store). Kept working for hosts that filter CSV recipients; one
 *             difference: this {@code LanguageIs("de")} also matches {@code de-AT}, {@code ContactFilter}'s compares
 *             the whole tag.
 */
@Deprecated(since = "stop 26")
public sealed interface SegmentFilter permits SegmentFilter.ConsentGranted, SegmentFilter.LanguageIs,
        SegmentFilter.RfmSegmentIn, SegmentFilter.OrderedWithin, SegmentFilter.NoOrderFor,
        SegmentFilter.NeverOrdered, SegmentFilter.BirthdayWithin, SegmentFilter.AllOf, SegmentFilter.AnyOf,
        SegmentFilter.Not {

    /** Whether the row matches. */
    boolean matches(SegmentRow row);

    /** The contact granted marketing consent. */
    record ConsentGranted() implements SegmentFilter {
        @Override
        public boolean matches(SegmentRow row) {
            return row.recipient().consent().status() == MarketingConsent.Status.GRANTED;
        }
    }

    /**
     * The contact's language is the tag or a variant of it ({@code de} matches {@code de-AT}).
     *
     * @param language the language tag
     */
    record LanguageIs(String language) implements SegmentFilter {
        /** Checks the tag is there. */
        public LanguageIs {
            Objects.requireNonNull(language, "language");
        }

        @Override
        public boolean matches(SegmentRow row) {
            String own = row.recipient().language();
            return own.equalsIgnoreCase(language) || own.toLowerCase(java.util.Locale.ROOT)
                    .startsWith(language.toLowerCase(java.util.Locale.ROOT) + "-");
        }
    }

    /**
     * The contact's RFM segment (from crm-metrics) is one of these.
     *
     * @param segments the segments
     */
    record RfmSegmentIn(Set<Segment> segments) implements SegmentFilter {
        /** Copies the segments. */
        public RfmSegmentIn {
            segments = Set.copyOf(segments);
        }

        @Override
        public boolean matches(SegmentRow row) {
            return row.rfm().map(r -> segments.contains(r.segment())).orElse(false);
        }
    }

    /**
     * The contact ordered within the last {@code days} days (the as-of day counts as day 0).
     *
     * @param days 0 or more
     */
    record OrderedWithin(int days) implements SegmentFilter {
        /** Validates the days. @throws ValidationException naming {@code days} */
        public OrderedWithin {
            notNegative(days);
        }

        @Override
        public boolean matches(SegmentRow row) {
            return row.rfm().map(r -> r.recencyDays() <= days).orElse(false);
        }
    }

    /**
     * The contact has ordered, but not in the last {@code days} days.
     *
     * @param days 0 or more
     */
    record NoOrderFor(int days) implements SegmentFilter {
        /** Validates the days. @throws ValidationException naming {@code days} */
        public NoOrderFor {
            notNegative(days);
        }

        @Override
        public boolean matches(SegmentRow row) {
            return row.rfm().map(r -> r.recencyDays() >= days).orElse(false);
        }
    }

    /** The contact has no order on or before the as-of day. */
    record NeverOrdered() implements SegmentFilter {
        @Override
        public boolean matches(SegmentRow row) {
            return row.rfm().isEmpty();
        }
    }

    /**
     * The contact's birthday is celebrated within the next {@code days} days (0: today), 29 February on the 28th in
     * other years.
     *
     * @param days 0 to 366
     */
    record BirthdayWithin(int days) implements SegmentFilter {
        /** Validates the days. @throws ValidationException naming {@code days} */
        public BirthdayWithin {
            notNegative(days);
            if (days > 366) {
                throw ValidationException.of("days", "range", "must be at most 366, was " + days);
            }
        }

        @Override
        public boolean matches(SegmentRow row) {
            return row.recipient().birthday().map(b -> {
                LocalDate asOf = row.asOf();
                LocalDate next = YearlyTrigger.celebratedIn(b, asOf.getYear());
                if (next.isBefore(asOf)) {
                    next = YearlyTrigger.celebratedIn(b, asOf.getYear() + 1);
                }
                return !next.isAfter(asOf.plusDays(days));
            }).orElse(false);
        }
    }

    /**
     * Every filter matches.
     *
     * @param filters the filters, at least one
     */
    record AllOf(List<SegmentFilter> filters) implements SegmentFilter {
        /** Copies the filters. */
        public AllOf {
            filters = Combinators.operands(filters);
        }

        @Override
        public boolean matches(SegmentRow row) {
            return Combinators.allOf(filters, row, SegmentFilter::matches);
        }
    }

    /**
     * At least one filter matches.
     *
     * @param filters the filters
     */
    record AnyOf(List<SegmentFilter> filters) implements SegmentFilter {
        /** Copies the filters. */
        public AnyOf {
            filters = Combinators.operands(filters);
        }

        @Override
        public boolean matches(SegmentRow row) {
            return Combinators.anyOf(filters, row, SegmentFilter::matches);
        }
    }

    /**
     * The filter does not match.
     *
     * @param filter the filter negated
     */
    record Not(SegmentFilter filter) implements SegmentFilter {
        /** Checks the filter is there. */
        public Not {
            Combinators.operand(filter);
        }

        @Override
        public boolean matches(SegmentRow row) {
            return Combinators.not(filter, row, SegmentFilter::matches);
        }
    }

    private static void notNegative(int days) {
        if (days < 0) {
            throw ValidationException.of("days", "not-negative", "must be 0 or more, was " + days);
        }
    }
}
