package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The days a statistic covers, {@code from} and {@code to} both included, as calendar days of a time zone: an
 * instant belongs to the window when its day in that zone does. Immutable and thread-safe.
 *
 * @param from the first day
 * @param to   the last day, not before {@code from}
 * @param zone the zone whose calendar days count
 */
public record Window(LocalDate from, LocalDate to, ZoneId zone) {

    /**
     * Validates the window.
     *
     * @throws ValidationException naming {@code to} when it is before {@code from}
     */
    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw ValidationException.of("to", "not-before-from", "must not be before from " + from + ", was " + to);
        }
    }

    /** Whether the day is in the window. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether the instant's day in the zone is in the window. */
    public boolean contains(Instant at) {
        return contains(at.atZone(zone).toLocalDate());
    }

    /** The first instant of the window: the start of {@code from} in the zone. */
    public Instant startInstant() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the window: the start of the day after {@code to} in the zone. */
    public Instant endInstant() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
