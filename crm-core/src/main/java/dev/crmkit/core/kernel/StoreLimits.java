package dev.crmkit.core.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every limit a crmkit store has, in one place, checked at the edge in plain Java so that every store (in memory,
 * PostgreSQL, MariaDB, H2) accepts and refuses exactly the same input, and a refusal names the field and the rule
 * instead of surfacing as a database error half-way through a unit of work.
 *
 * <p>Where the numbers come from (the Flyway scripts under {@code db/crmkit/*} of crm-adapters):
 * <ul>
 *   <li>{@code varchar(n)} columns: the e-mail ({@value #EMAIL}), the phone ({@value #PHONE}), owner and assignee
 *       ids ({@value #USER_ID}), the external-id key ({@value #EXTERNAL_ID_KEY}), the language ({@value #LANGUAGE}),
 *       activity subjects and task titles ({@value #SUBJECT}).</li>
 *   <li>MariaDB {@code TEXT} holds 65,535 bytes, which is 21,845 characters of three UTF-8 bytes; the longer free
 *       texts ({@value #LONG_TEXT} characters: request, custom values) stay well below it, and bodies
 *       ({@value #BODY}) live in {@code LONGTEXT}.</li>
 *   <li>PostgreSQL {@code text} and {@code jsonb} cannot hold the character NUL ({@code no-nul-character}); UTF-8
 *       cannot encode a lone UTF-16 surrogate, which the drivers would silently turn into {@code ?}
 *       ({@code valid-unicode}).</li>
 *   <li>MariaDB {@code DATETIME(6)} holds the years 1000 to 9999 ({@link #EARLIEST}, {@link #LATEST};
 *       {@code time-range}).</li>
 *   <li>Numbers in custom fields are kept as decimal text; at most {@value #NUMBER_DIGITS} digits before and after
 *       the point, so a value's text stays short ({@code number-range}).</li>
 * </ul>
 * Thread-safe (no state).
 */
public final class StoreLimits {

    /** Names, company names, campaigns, source details, UTM tags: {@value}. */
    public static final int SHORT_TEXT = Text.MAX_SHORT_LENGTH;
    /** A user id (owner, assignee) — {@code owner_id varchar(200)}. */
    public static final int USER_ID = 200;
    /** A normalized e-mail — {@code email varchar(254)}. */
    public static final int EMAIL = EmailAddress.MAX_LENGTH;
    /** An e-mail as typed, before normalization. */
    public static final int RAW_EMAIL = 320;
    /** A normalized phone — {@code phone varchar(64)} holds it. */
    public static final int PHONE = PhoneNumber.MAX_LENGTH;
    /** A phone as typed, before normalization. */
    public static final int RAW_PHONE = 50;
    /** An external submission id at the edge (the key column holds {@value #EXTERNAL_ID_KEY}). */
    public static final int EXTERNAL_ID = 200;
    /** The external-id key column, {@code lead_external_id.external_id varchar(400)}. */
    public static final int EXTERNAL_ID_KEY = 400;
    /** A BCP 47 language tag (the column, {@code language varchar(100)}, holds more). */
    public static final int LANGUAGE = 35;
    /** A referrer: a name or a URL. */
    public static final int REFERRER = 500;
    /** Requests and custom text values. */
    public static final int LONG_TEXT = 10_000;
    /** How many custom values one command carries. */
    public static final int CUSTOM_FIELDS = 100;
    /** Activity subjects and task titles — {@code varchar(500)}. */
    public static final int SUBJECT = 500;
    /** Activity bodies ({@code LONGTEXT}). */
    public static final int BODY = 100_000;
    /** Digits before and after the decimal point of a number. */
    public static final int NUMBER_DIGITS = 38;
    /** The earliest instant every store holds (MariaDB {@code DATETIME}). */
    public static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    /** The latest instant every store holds (MariaDB {@code DATETIME(6)}). */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StoreLimits() {
    }

    /**
     * The violations of a text value: longer than {@code max} characters ({@code max-length}), a NUL character
     * ({@code no-nul-character}), a lone surrogate ({@code valid-unicode}). A null value has none (that is the
     * not-null rule's business).
     */
    public static List<Violation> text(String field, String value, int max) {
        if (value == null || fits(value, max)) {
            return new ArrayList<>(0); // the common case: one scan, no violation built
        }
        List<Violation> out = new ArrayList<>(1);
        if (value.length() > max) {
            out.add(new Violation(field, "max-length", "longer than " + max + " characters"));
        }
        if (value.indexOf('\0') >= 0) {
            out.add(new Violation(field, "no-nul-character", "must not contain the character NUL (U+0000)"));
        }
        if (hasLoneSurrogate(value)) {
            out.add(new Violation(field, "valid-unicode",
                    "holds a lone UTF-16 surrogate, which no store can encode"));
        }
        return out;
    }

    /**
     * Adds the violations {@link #text} finds in a text value to {@code into}, building nothing when there are none
     * (the common case: one scan of the value, no list per field). A null value adds none.
     *
     * @param into  where the violations go
     * @param field the field named in them
     * @param value the value, possibly null
     * @param max   the most characters the value may have
     */
    public static void addText(List<Violation> into, String field, String value, int max) {
        Objects.requireNonNull(into, "into");
        if (value != null && !fits(value, max)) {
            into.addAll(text(field, value, max));
        }
    }

    /**
     * The violations of custom values as text, by key: at most {@value #CUSTOM_FIELDS} of them, keys of at most
     * {@value #SHORT_TEXT} and values of at most {@value #LONG_TEXT} characters, each named
     * {@code customFields.<key>}. A null map has none.
     */
    public static List<Violation> customValues(java.util.Map<String, String> values) {
        List<Violation> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        if (values.size() > CUSTOM_FIELDS) {
            out.add(new Violation("customFields", "max-entries", "more than " + CUSTOM_FIELDS + " custom values"));
        }
        values.forEach((key, value) -> {
            if (key != null && fits(key, SHORT_TEXT) && (value == null || fits(value, LONG_TEXT))) {
                return; // nothing to report, so no field name to build
            }
            String field = "customFields." + Text.excerpt(key);
            out.addAll(text(field, key, SHORT_TEXT));
            out.addAll(text(field, value, LONG_TEXT));
        });
        return out;
    }

    /** {@link #text} of an optional text, if one is given: an edit's or a submission's field that may be absent. */
    public static List<Violation> optionalText(String field, Optional<String> value, int max) {
        return value == null || value.isEmpty() ? new ArrayList<>(0) : text(field, value.get(), max);
    }

    /** The violations of a user id (owner, assignee), if one is given. */
    public static List<Violation> user(String field, Optional<UserId> user) {
        return user == null || user.isEmpty() ? List.of() : text(field, user.get().value(), USER_ID);
    }

    /** {@code time-range} when an instant lies outside {@link #EARLIEST} to {@link #LATEST}. */
    public static List<Violation> time(String field, Instant value) {
        if (value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST))) {
            return List.of();
        }
        return List.of(new Violation(field, "time-range", "must lie between " + EARLIEST + " and " + LATEST));
    }

    /** {@code number-range} when a number has more than {@value #NUMBER_DIGITS} digits before or after the point. */
    public static List<Violation> number(String field, BigDecimal value) {
        Objects.requireNonNull(value, "value");
        BigDecimal n = value.stripTrailingZeros();
        long integerDigits = (long) n.precision() - n.scale();
        if (integerDigits <= NUMBER_DIGITS && n.scale() <= NUMBER_DIGITS) {
            return List.of();
        }
        return List.of(new Violation(field, "number-range", "must have at most " + NUMBER_DIGITS
                + " digits before and after the decimal point"));
    }

    /** Whether a text is within {@code max} characters and holds no NUL and no surrogate at all (so no lone one). */
    private static boolean fits(String s, int max) {
        if (s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A command whose values must fit every store; {@link EdgeValidation} adds these violations to the annotation
     * ones (for fields the annotations did not already refuse).
     */
    public interface Bounded {

        /** Every store limit the command's values break; empty when they fit. */
        List<Violation> storeLimitViolations();
    }
}
