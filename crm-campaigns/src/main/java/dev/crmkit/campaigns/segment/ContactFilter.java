package dev.crmkit.campaigns.segment;

import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.Temperature;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A condition on stored contacts, which a store can evaluate in its database ({@link ContactSegments}): the contact's
 * own fields (consent, language, owner, created), its leads (status, score, temperature, lifecycle stage), its owner's
 * team, its last interaction on the timeline and its custom fields; its birthday; and its orders as the host keeps
 * them (RFM segment, ordered within, no order for, never ordered: {@link OrderSource}). {@link #matches} is the
 * reference evaluation every store must agree with. A condition relative to a day ({@link FieldDateRelative},
 * {@link BirthdayWithin}) is fixed to a day with {@link #asOf} before it is evaluated; order conditions read the
 * contact's {@link ContactFacts#orders()}, computed for the day the segment is counted on. A store pushes down to its
 * database what it can and checks the birthday and order conditions itself on the superset
 * ({@link SegmentPushdown}). Values are data, never query text; {@link ContactFilterText} writes and reads a filter as text for the
 * segment store. Immutable and thread-safe.
 */
public sealed interface ContactFilter permits ContactFilter.ConsentIs, ContactFilter.LanguageIs,
        ContactFilter.OwnerIs, ContactFilter.NoOwner, ContactFilter.CreatedBefore, ContactFilter.LeadStatusIn,
        ContactFilter.ScoreAtLeast, ContactFilter.TemperatureIs, ContactFilter.StageIs, ContactFilter.OwnerTeamIs,
        ContactFilter.InteractedSince, ContactFilter.FieldPresent, ContactFilter.FieldTextIs,
        ContactFilter.FieldTextContains, ContactFilter.FieldNumber, ContactFilter.FieldDate,
        ContactFilter.FieldDateRelative, ContactFilter.AllOf, ContactFilter.AnyOf, ContactFilter.Not,
        ContactFilter.RfmSegmentIn, ContactFilter.OrderedWithin, ContactFilter.NoOrderFor,
        ContactFilter.NeverOrdered, ContactFilter.BirthdayWithin, ContactFilter.BirthdayFrom {

    /** Whether the contact, with its leads, owner team and timeline, meets the condition. */
    boolean matches(ContactFacts contact);

    /** The contact's marketing consent has the status. */
    record ConsentIs(MarketingConsent.Status status) implements ContactFilter {
        /** Checks presence. */
        public ConsentIs {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.consent().status() == status;
        }
    }

    /** The contact's language is the BCP 47 tag (as normalised by {@link Locale#forLanguageTag}). */
    record LanguageIs(String tag) implements ContactFilter {
        /**
         * Normalises the tag.
         *
         * @throws dev.crmkit.core.kernel.ValidationException naming {@code language}: rule {@code required} when
         *                                                    blank, {@code format} when not a BCP 47 tag (en_US)
         */
        public LanguageIs {
            Objects.requireNonNull(tag, "tag");
            if (tag.isBlank()) {
                throw dev.crmkit.core.kernel.ValidationException.of("language", "required",
                        "must be a BCP 47 language tag such as en or de-AT, was blank");
            }
            String normalised = Locale.forLanguageTag(tag.strip()).toLanguageTag();
            if (normalised.equals("und") && !tag.strip().equalsIgnoreCase("und")) {
                throw dev.crmkit.core.kernel.ValidationException.of("language", "format",
                        "must be a BCP 47 language tag such as en or de-AT, was '" + tag + "'");
            }
            tag = normalised;
        }

        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.language().map(Locale::toLanguageTag).filter(tag::equals).isPresent();
        }
    }

    /** The contact is owned by the user id. */
    record OwnerIs(String userId) implements ContactFilter {
        /** Checks presence. */
        public OwnerIs {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.owner().filter(o -> o.value().equals(userId)).isPresent();
        }
    }

    /** The contact has no owner. */
    record NoOwner() implements ContactFilter {
        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.owner().isEmpty();
        }
    }

    /** The contact was created before the instant. */
    record CreatedBefore(Instant at) implements ContactFilter {
        /** Checks presence. */
        public CreatedBefore {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.createdAt().isBefore(at);
        }
    }

    /**
     * One of the contact's leads has one of the statuses (none given: no contact).
     *
     * @param statuses the lead statuses
     */
    record LeadStatusIn(Set<LeadStatus> statuses) implements ContactFilter {
        /** Copies the statuses. */
        public LeadStatusIn {
            statuses = Set.copyOf(statuses);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.leads().stream().anyMatch(l -> statuses.contains(l.status()));
        }
    }

    /**
     * One of the contact's leads has a stored score of at least {@code points}.
     *
     * @param points 0 to 100
     */
    record ScoreAtLeast(int points) implements ContactFilter {
        /**
         * Validates the points.
         *
         * @throws ValidationException naming {@code points} when outside 0 to 100
         */
        public ScoreAtLeast {
            if (points < 0 || points > 100) {
                throw ValidationException.of("points", "range", "a score is 0 to 100, was " + points);
            }
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return anyScore(facts, s -> s.score() >= points);
        }
    }

    /**
     * One of the contact's leads is scored at the temperature.
     *
     * @param temperature the temperature
     */
    record TemperatureIs(Temperature temperature) implements ContactFilter {
        /** Checks presence. */
        public TemperatureIs {
            Objects.requireNonNull(temperature, "temperature");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return anyScore(facts, s -> s.temperature() == temperature);
        }
    }

    /**
     * One of the contact's leads is scored in the lifecycle stage.
     *
     * @param stage the lifecycle stage
     */
    record StageIs(LifecycleStage stage) implements ContactFilter {
        /** Checks presence. */
        public StageIs {
            Objects.requireNonNull(stage, "stage");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return anyScore(facts, s -> s.stage() == stage);
        }
    }

    /**
     * The contact's owner is a user of the team (that team itself, not teams below it).
     *
     * @param teamId the team's id
     */
    record OwnerTeamIs(String teamId) implements ContactFilter {
        /** Checks presence. */
        public OwnerTeamIs {
            Objects.requireNonNull(teamId, "teamId");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.contact().owner().isPresent()
                    && facts.ownerTeam().filter(t -> t.value().equals(teamId)).isPresent();
        }
    }

    /**
     * The contact's timeline has a public entry about it that occurred at or after the instant; negated, "no
     * interaction since": nothing was logged about the contact since then (private entries, which only their owner
     * sees, do not count). Entries about the contact's leads only are not the contact's.
     *
     * @param at the instant
     */
    record InteractedSince(Instant at) implements ContactFilter {
        /** Checks presence. */
        public InteractedSince {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.lastInteraction().filter(last -> !last.isBefore(at)).isPresent();
        }
    }

    /**
     * How a number or date custom field compares with a value ({@code field <op> value}).
     */
    enum Comparison {
        /** Less than the value. */
        LESS("<"),
        /** Less than or equal to the value. */
        AT_MOST("<="),
        /** Equal to the value (numbers by value: 2.50 equals 2.5). */
        EQUAL("="),
        /** Greater than or equal to the value. */
        AT_LEAST(">="),
        /** Greater than the value. */
        GREATER(">");

        private final String operator;

        Comparison(String operator) {
            this.operator = operator;
        }

        /** The SQL operator ({@code <}, {@code <=}, {@code =}, {@code >=}, {@code >}), fixed text. */
        public String operator() {
            return operator;
        }

        /** Whether a {@code compareTo} result of field against value meets the comparison. */
        public boolean test(int comparison) {
            return switch (this) {
                case LESS -> comparison < 0;
                case AT_MOST -> comparison <= 0;
                case EQUAL -> comparison == 0;
                case AT_LEAST -> comparison >= 0;
                case GREATER -> comparison > 0;
            };
        }
    }

    /** The largest number of integer digits a number condition compares (see {@link FieldNumber}). */
    int MAX_INTEGER_DIGITS = 35;

    /** The largest number of decimal places a number condition compares (see {@link FieldNumber}). */
    int MAX_DECIMALS = 30;

    /**
     * The first year a date condition compares (see {@link FieldDate}): every store's date column holds years
     * {@value #MIN_YEAR} to {@value #MAX_YEAR} (MariaDB's {@code DATE}); a stored date outside them matches no date
     * condition, in memory as in SQL.
     */
    int MIN_YEAR = 1000;

    /** The last year a date condition compares (see {@link #MIN_YEAR}). */
    int MAX_YEAR = 9999;

    /**
     * The contact has a value in the custom field (negated: the field is absent).
     *
     * @param key the field key ({@code [a-z][a-z0-9_]{0,63}}, as {@code FieldDefinition})
     */
    record FieldPresent(String key) implements ContactFilter {
        /** Validates the key. @throws ValidationException naming {@code key} */
        public FieldPresent {
            key = fieldKey(key);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.contact().customFields().get(key).isPresent();
        }
    }

    /**
     * The custom field's value as text ({@code FieldValue.asText}: choices joined by {@code |}, yes/no as
     * {@code true}/{@code false}) equals the text, ignoring case (both lower-cased with {@link Locale#ROOT}).
     *
     * @param key  the field key
     * @param text the text
     */
    record FieldTextIs(String key, String text) implements ContactFilter {
        /** Validates the key. @throws ValidationException naming {@code key} */
        public FieldTextIs {
            key = fieldKey(key);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return fieldText(facts, key).filter(lower(text)::equals).isPresent();
        }
    }

    /**
     * The custom field's value as text (as {@link FieldTextIs}) contains the text, ignoring case.
     *
     * @param key  the field key
     * @param text the text looked for
     */
    record FieldTextContains(String key, String text) implements ContactFilter {
        /** Validates the key. @throws ValidationException naming {@code key} */
        public FieldTextContains {
            key = fieldKey(key);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return fieldText(facts, key).filter(t -> t.contains(lower(text))).isPresent();
        }
    }

    /**
     * The custom field holds a number ({@code FieldType.NUMBER}) that compares with the value as asked. A stored
     * number with more than {@value #MAX_INTEGER_DIGITS} integer digits or {@value #MAX_DECIMALS} decimal places
     * (the widest column every database keys) meets no number condition.
     *
     * @param key        the field key
     * @param comparison how the field compares with the value
     * @param value      the value, within the same digits
     */
    record FieldNumber(String key, Comparison comparison, java.math.BigDecimal value) implements ContactFilter {
        /**
         * Validates the parts.
         *
         * @throws ValidationException naming {@code key}, or {@code value} (rule {@code range}) when it has too many
         *                             digits
         */
        public FieldNumber {
            key = fieldKey(key);
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(value, "value");
            if (!comparable(value)) {
                throw ValidationException.of("value", "range", "a number condition compares at most "
                        + MAX_INTEGER_DIGITS + " integer digits and " + MAX_DECIMALS + " decimal places, was "
                        + value.toPlainString());
            }
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.contact().customFields().get(key)
                    .filter(v -> v instanceof dev.crmkit.core.customfield.FieldValue.Number)
                    .map(v -> ((dev.crmkit.core.customfield.FieldValue.Number) v).value())
                    .filter(ContactFilter::comparable)
                    .filter(n -> comparison.test(n.compareTo(value))).isPresent();
        }
    }

    /**
     * The custom field holds a date ({@code FieldType.DATE}) that compares with the day as asked.
     *
     * @param key        the field key
     * @param comparison how the field compares with the day
     * @param day        the day
     */
    record FieldDate(String key, Comparison comparison, java.time.LocalDate day) implements ContactFilter {
        /** Validates the parts. @throws ValidationException naming {@code key} */
        public FieldDate {
            key = fieldKey(key);
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(day, "day");
            if (!comparable(day)) {
                throw ValidationException.of("day", "range", "a date condition compares years " + MIN_YEAR + " to "
                        + MAX_YEAR + ", was " + day);
            }
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.contact().customFields().get(key)
                    .filter(v -> v instanceof dev.crmkit.core.customfield.FieldValue.Date)
                    .map(v -> ((dev.crmkit.core.customfield.FieldValue.Date) v).value())
                    .filter(ContactFilter::comparable)
                    .filter(d -> comparison.test(d.compareTo(day))).isPresent();
        }
    }

    /**
     * As {@link FieldDate}, with the day {@code days} after the day the segment is evaluated on (negative: before
     * it): {@code field-date-relative("renewal", AT_MOST, 30)} is "renews within 30 days or is overdue". Dynamic: a
     * saved segment keeps it relative; {@link #asOf} fixes it to a day before a store evaluates it.
     *
     * @param key        the field key
     * @param comparison how the field compares with the day
     * @param days       days after the evaluation day, -36600 to 36600
     */
    record FieldDateRelative(String key, Comparison comparison, int days) implements ContactFilter {
        /** Validates the parts. @throws ValidationException naming {@code key} or {@code days} */
        public FieldDateRelative {
            key = fieldKey(key);
            Objects.requireNonNull(comparison, "comparison");
            if (Math.abs(days) > 36_600) {
                throw ValidationException.of("days", "range", "must be -36600 to 36600, was " + days);
            }
        }

        /**
         * Not evaluated as it is.
         *
         * @throws IllegalArgumentException always (the filter lacks its day): fix the day with
         *                                  {@link ContactFilter#asOf} first
         */
        @Override
        public boolean matches(ContactFacts facts) {
            throw new IllegalArgumentException("a relative date condition on '" + key
                    + "' needs the day it is evaluated on: call ContactFilter.asOf(filter, day) first");
        }

        /** The condition on the day {@code days} after {@code asOf}. */
        public FieldDate on(java.time.LocalDate asOf) {
            return new FieldDate(key, comparison, asOf.plusDays(days));
        }
    }

    /**
     * The filter with every condition relative to a day ({@link FieldDateRelative}, {@link BirthdayWithin}) fixed to
     * {@code day}, the rest as it is; what a store evaluates. Order conditions stay as they are: they read the
     * orders the store computed for the day ({@link ContactFacts#orders()}).
     */
    static ContactFilter asOf(ContactFilter filter, java.time.LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (filter instanceof FieldDateRelative f) {
            return f.on(day);
        } else if (filter instanceof BirthdayWithin f) {
            return f.on(day);
        } else if (filter instanceof AllOf f) {
            return new AllOf(f.filters().stream().map(x -> asOf(x, day)).toList());
        } else if (filter instanceof AnyOf f) {
            return new AnyOf(f.filters().stream().map(x -> asOf(x, day)).toList());
        } else if (filter instanceof Not f) {
            return new Not(asOf(f.filter(), day));
        }
        return Objects.requireNonNull(filter, "filter");
    }

    /** Whether a date's year is {@value #MIN_YEAR} to {@value #MAX_YEAR}. */
    static boolean comparable(java.time.LocalDate d) {
        return d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR;
    }

    /** Whether a number has at most {@value #MAX_INTEGER_DIGITS} integer digits and {@value #MAX_DECIMALS} decimals. */
    static boolean comparable(java.math.BigDecimal n) {
        java.math.BigDecimal plain = n.stripTrailingZeros();
        int scale = Math.max(plain.scale(), 0);
        return scale <= MAX_DECIMALS && plain.precision() - plain.scale() <= MAX_INTEGER_DIGITS;
    }

    /**
     * The contact's RFM segment as of the day the segment is counted on (crm-metrics' {@code Rfm.score} with the
     * standard mapping, ranked among every customer of the {@link OrderSource}) is one of these (none given: no
     * contact); a contact without an order on or before that day has no segment. Checked outside the database.
     *
     * @param segments the RFM segments
     */
    record RfmSegmentIn(Set<dev.crmkit.metrics.rfm.Segment> segments) implements ContactFilter {
        /** Copies the segments. */
        public RfmSegmentIn {
            segments = Set.copyOf(segments);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return OutsideConditions.test(this, facts.contact().birthday(), facts.orders());
        }
    }

    /**
     * The contact's last order on or before the day the segment is counted on is at most {@code days} days before
     * it (the day itself is day 0). Checked outside the database.
     *
     * @param days 0 or more
     */
    record OrderedWithin(int days) implements ContactFilter {
        /** Validates the days. @throws ValidationException naming {@code days} (rule {@code not-negative}) */
        public OrderedWithin {
            OutsideConditions.notNegative(days);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return OutsideConditions.test(this, facts.contact().birthday(), facts.orders());
        }
    }

    /**
     * The contact has ordered on or before the day the segment is counted on, but not in the {@code days} days
     * before it (its last order is at least {@code days} days old). Checked outside the database.
     *
     * @param days 0 or more
     */
    record NoOrderFor(int days) implements ContactFilter {
        /** Validates the days. @throws ValidationException naming {@code days} (rule {@code not-negative}) */
        public NoOrderFor {
            OutsideConditions.notNegative(days);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return OutsideConditions.test(this, facts.contact().birthday(), facts.orders());
        }
    }

    /** The contact has no order on or before the day the segment is counted on. Checked outside the database. */
    record NeverOrdered() implements ContactFilter {
        @Override
        public boolean matches(ContactFacts facts) {
            return OutsideConditions.test(this, facts.contact().birthday(), facts.orders());
        }
    }

    /**
     * The contact's birthday is celebrated within the next {@code days} days counted from the day the segment is
     * evaluated on (0: that day), 29 February on the 28th in other years. Relative: {@link #asOf} fixes it to a day
     * ({@link BirthdayFrom}) before a store evaluates it.
     *
     * @param days 0 to 366
     */
    record BirthdayWithin(int days) implements ContactFilter {
        /** Validates the days. @throws ValidationException naming {@code days} (0 to 366) */
        public BirthdayWithin {
            OutsideConditions.birthdayDays(days);
        }

        /**
         * Not evaluated as it is.
         *
         * @throws IllegalArgumentException always (the filter lacks its day): fix the day with
         *                                  {@link ContactFilter#asOf} first
         */
        @Override
        public boolean matches(ContactFacts facts) {
            return OutsideConditions.test(this, Optional.empty(), Optional.empty());
        }

        /** The condition counted from {@code asOf}. */
        public BirthdayFrom on(java.time.LocalDate asOf) {
            return new BirthdayFrom(asOf, days);
        }
    }

    /**
     * The contact's birthday is celebrated on {@code day} or within the {@code days} days after it, 29 February on
     * the 28th in other years: {@link BirthdayWithin} fixed to a day. Checked outside the database.
     *
     * @param day  the first day
     * @param days 0 to 366
     */
    record BirthdayFrom(java.time.LocalDate day, int days) implements ContactFilter {
        /** Validates the parts. @throws ValidationException naming {@code days} (0 to 366) */
        public BirthdayFrom {
            Objects.requireNonNull(day, "day");
            OutsideConditions.birthdayDays(days);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return OutsideConditions.test(this, facts.contact().birthday(), facts.orders());
        }
    }

    /** Every filter matches (none given: every contact). */
    record AllOf(List<ContactFilter> filters) implements ContactFilter {
        /** Copies the list. */
        public AllOf {
            filters = Combinators.operands(filters);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return Combinators.allOf(filters, facts, ContactFilter::matches);
        }
    }

    /** At least one filter matches (none given: no contact). */
    record AnyOf(List<ContactFilter> filters) implements ContactFilter {
        /** Copies the list. */
        public AnyOf {
            filters = Combinators.operands(filters);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return Combinators.anyOf(filters, facts, ContactFilter::matches);
        }
    }

    /** The filter does not match. */
    record Not(ContactFilter filter) implements ContactFilter {
        /** Checks presence. */
        public Not {
            Combinators.operand(filter);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return Combinators.not(filter, facts, ContactFilter::matches);
        }
    }

    private static String fieldKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[a-z][a-z0-9_]{0,63}")) {
            throw ValidationException.of("key", "format", "a custom field key is a lower-case letter, then up to 63"
                    + " lower-case letters, digits or _, was '" + key + "'");
        }
        return key;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static java.util.Optional<String> fieldText(ContactFacts facts, String key) {
        return facts.contact().customFields().get(key).map(v -> lower(v.asText()));
    }

    private static boolean anyScore(ContactFacts facts, Predicate<LeadScore> test) {
        return facts.leads().stream().anyMatch(l -> l.score().filter(test).isPresent());
    }
}
