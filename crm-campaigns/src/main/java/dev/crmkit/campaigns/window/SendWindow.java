package dev.crmkit.campaigns.window;

import dev.crmkit.core.kernel.ValidationException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When messages may go out, on the contact's own clock: on business days (days of the week, minus holidays) from
 * {@code from} (inclusive) to {@code until} (exclusive) local time. A message that falls due outside the window waits
 * for the {@linkplain #nextSlot next allowed slot}, never past the last day it is valid. Local times are read in the
 * contact's zone with its daylight-saving rules: on a day whose clocks jump over {@code from}, the window opens when
 * the clocks jump; on a day whose clocks fall back, the local hours in the window occur twice and both count.
 * Immutable and thread-safe.
 *
 * @param days     the business days of the week, at least one
 * @param from     the local time the window opens each business day
 * @param until    the local time it closes, after {@code from} (windows over midnight are not supported)
 * @param holidays days that are not business days even on a business day of the week
 */
public record SendWindow(Set<DayOfWeek> days, LocalTime from, LocalTime until, SortedSet<LocalDate> holidays) {

    /**
     * Validates the window.
     *
     * @throws ValidationException naming {@code days} when it is empty or {@code until} when it is not after
     *                             {@code from}
     */
    public SendWindow {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(holidays, "holidays");
        if (days.isEmpty()) {
            throw ValidationException.of("days", "not-empty", "must name at least one business day");
        }
        if (!until.isAfter(from)) {
            throw ValidationException.of("until", "after-from", "must be after " + from + ", was " + until);
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        holidays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
    }

    /** Monday to Friday, 09:00 to 18:00, no holidays. */
    public static SendWindow businessHours() {
        return of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));
    }

    /** Every day at any time: no window. */
    public static SendWindow always() {
        return of(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX);
    }

    /** A window without holidays. */
    public static SendWindow of(Set<DayOfWeek> days, LocalTime from, LocalTime until) {
        return new SendWindow(days, from, until, new TreeSet<>());
    }

    /** A copy with these holidays added. */
    public SendWindow withHolidays(Set<LocalDate> more) {
        TreeSet<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(Objects.requireNonNull(more, "holidays"));
        return new SendWindow(days, from, until, all);
    }

    /** Whether {@code day} is a business day: one of the days of the week and not a holiday. */
    public boolean businessDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** Whether a message may go out at {@code at} in {@code zone}: a business day there, inside the local hours. */
    public boolean allows(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(Objects.requireNonNull(at, "at"), zone);
        LocalTime time = local.toLocalTime();
        return businessDay(local.toLocalDate()) && !time.isBefore(from) && time.isBefore(until);
    }

    /**
     * The earliest instant at or after {@code due} at which a message may go out in {@code zone}, on a local day no
     * later than {@code lastDay} (the last day the message is valid); empty when no such slot is left.
     */
    public Optional<Instant> nextSlot(Instant due, ZoneId zone, LocalDate lastDay) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(lastDay, "lastDay");
        if (allows(due, zone)) {
            return LocalDate.ofInstant(due, zone).isAfter(lastDay) ? Optional.empty() : Optional.of(due);
        }
        for (LocalDate day = LocalDate.ofInstant(due, zone); !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (!businessDay(day)) {
                continue;
            }
            Optional<Instant> opens = opening(day, zone, due);
            if (opens.isPresent()) {
                return opens;
            }
        }
        return Optional.empty();
    }

    /**
     * When the window opens on the local day, not before {@code due}: at {@code from} (the first, else the second
     * time when the clocks fall back over it), or when the clocks jump over it; empty when it does not open then.
     */
    private Optional<Instant> opening(LocalDate day, ZoneId zone, Instant due) {
        LocalDateTime local = day.atTime(from);
        ZonedDateTime at = ZonedDateTime.of(local, zone);
        if (!at.toLocalDateTime().equals(local)) {
            // the window opens when the clocks jump, unless it closes inside the skipped hours
            Instant jump = zone.getRules().getTransition(local).getInstant();
            return jump.isBefore(due) || !allows(jump, zone) ? Optional.empty() : Optional.of(jump);
        }
        for (ZonedDateTime candidate : java.util.List.of(at.withEarlierOffsetAtOverlap(),
                at.withLaterOffsetAtOverlap())) {
            if (!candidate.toInstant().isBefore(due)) {
                return Optional.of(candidate.toInstant());
            }
        }
        return Optional.empty();
    }
}
