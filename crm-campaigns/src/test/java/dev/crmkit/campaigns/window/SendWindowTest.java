package dev.crmkit.campaigns.window;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Send windows and business days on the contact's clock, at the edges and as a seeded property. */
class SendWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<String> ZONES = List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu",
            "America/St_Johns", "Australia/Lord_Howe", "Europe/Berlin", "America/New_York", "UTC",
            "Pacific/Chatham", "America/Santiago", "Asia/Tehran");

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void nextSlot_dueOnSaturday_heldToMondayOpening() {
        SendWindow w = SendWindow.businessHours();
        Instant due = at("2026-12-05T10:00", BERLIN); // a Saturday

        assertEquals(Optional.of(at("2026-12-07T09:00", BERLIN)), w.nextSlot(due, BERLIN, LocalDate.of(2026, 12, 9)));
    }

    @Test
    void nextSlot_dueAtThreeInTheMorning_heldToNineTheSameDay() {
        SendWindow w = SendWindow.businessHours();
        Instant due = at("2026-12-08T03:00", BERLIN);

        assertEquals(Optional.of(at("2026-12-08T09:00", BERLIN)), w.nextSlot(due, BERLIN, LocalDate.of(2026, 12, 8)));
    }

    @Test
    void nextSlot_insideTheWindow_isTheDueInstantItself() {
        Instant due = at("2026-12-08T17:59:59", BERLIN);

        assertEquals(Optional.of(due), SendWindow.businessHours().nextSlot(due, BERLIN, LocalDate.of(2026, 12, 8)));
    }

    @Test
    void nextSlot_noSlotBeforeTheOfferExpires_isEmpty() {
        Instant due = at("2026-12-04T18:00", BERLIN); // Friday, the window just closed

        assertEquals(Optional.empty(), SendWindow.businessHours().nextSlot(due, BERLIN, LocalDate.of(2026, 12, 6)));
        assertEquals(Optional.empty(), SendWindow.businessHours()
                .nextSlot(at("2026-12-08T10:00", BERLIN), BERLIN, LocalDate.of(2026, 12, 7)));
    }

    @Test
    void nextSlot_holiday_isSkipped() {
        SendWindow w = SendWindow.businessHours().withHolidays(Set.of(LocalDate.of(2026, 12, 24),
                LocalDate.of(2026, 12, 25)));

        assertEquals(Optional.of(at("2026-12-28T09:00", BERLIN)),
                w.nextSlot(at("2026-12-23T18:30", BERLIN), BERLIN, LocalDate.of(2026, 12, 31)));
    }

    @Test
    void nextSlot_sameInstant_isADifferentLocalDayInFarZones() {
        // 2026-12-05T20:00Z is Sunday 10:00 at +14 and Saturday 09:00 at -11: both held to their own Monday
        Instant due = Instant.parse("2026-12-05T20:00:00Z");
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        ZoneId pagoPago = ZoneId.of("Pacific/Pago_Pago");

        assertEquals(Optional.of(at("2026-12-07T09:00", kiritimati)),
                SendWindow.businessHours().nextSlot(due, kiritimati, LocalDate.of(2026, 12, 31)));
        assertEquals(Optional.of(at("2026-12-07T09:00", pagoPago)),
                SendWindow.businessHours().nextSlot(due, pagoPago, LocalDate.of(2026, 12, 31)));
    }

    @Test
    void nextSlot_clocksJumpOverTheOpening_opensWhenTheyJump() {
        SendWindow w = SendWindow.of(EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30), LocalTime.of(4, 0));
        // 2026-03-08 in New York: 02:00 -> 03:00
        Optional<Instant> slot = w.nextSlot(at("2026-03-08T00:00", NEW_YORK), NEW_YORK, LocalDate.of(2026, 3, 8));

        assertEquals(Optional.of(Instant.parse("2026-03-08T07:00:00Z")), slot);
    }

    @Test
    void nextSlot_clocksFallBack_theRepeatedHourOpensAgain() {
        SendWindow w = SendWindow.of(EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 30), LocalTime.of(1, 45));
        // 2026-11-01 in New York: 01:00-02:00 happens twice (05:00Z-06:00Z EDT, then 06:00Z-07:00Z EST)
        Instant afterFirst = Instant.parse("2026-11-01T05:50:00Z");

        assertEquals(Optional.of(Instant.parse("2026-11-01T06:30:00Z")),
                w.nextSlot(afterFirst, NEW_YORK, LocalDate.of(2026, 11, 1)));
    }

    @Test
    void create_badWindow_namesTheField() {
        ValidationException until = assertThrows(ValidationException.class,
                () -> SendWindow.of(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(9, 0)));
        ValidationException days = assertThrows(ValidationException.class,
                () -> SendWindow.of(EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(10, 0)));

        assertTrue(until.getMessage().contains("until"), until.getMessage());
        assertTrue(days.getMessage().contains("days"), days.getMessage());
    }

    @Test
    void nextSlot_equalsTheFirstAllowedInstantOfABruteForceScan_overZonesAndDaylightSavingChanges() {
        // the slot is allowed, not before due, not past the last valid day, and no earlier allowed instant exists:
        // every zone's offset is a multiple of 15 minutes and windows open on quarter hours, so scanning the quarter
        // hours after due finds the first allowed instant
        qt().withFixedSeed(1616).withExamples(400)
                .forAll(integers().between(0, ZONES.size() - 1), integers().between(-72 * 60, 72 * 60),
                        longs().all())
                .checkAssert((zoneIndex, minutesFromChange, seed) -> {
                    Random random = new Random(seed);
                    ZoneId zone = ZoneId.of(ZONES.get(zoneIndex));
                    int lengthQuarters = 1 + random.nextInt(40);
                    int fromQuarter = random.nextInt(96);
                    ZoneOffsetTransition change = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
                    if (change != null && random.nextBoolean()) {
                        // open the window in or next to the local hours the change skips or repeats
                        LocalTime edge = change.getDateTimeAfter().toLocalTime();
                        LocalTime other = change.getDateTimeBefore().toLocalTime();
                        LocalTime early = edge.isBefore(other) ? edge : other;
                        fromQuarter = Math.min(95, early.toSecondOfDay() / 900 + random.nextInt(6) - 1);
                        fromQuarter = Math.max(0, fromQuarter);
                    }
                    int dayMask = 1 + random.nextInt(127);
                    int validDays = random.nextInt(11) - 1;
                    Instant due = nearAChange(zone, random.nextInt(5)).plusSeconds(minutesFromChange * 60L + 17);
                    LocalTime from = LocalTime.MIN.plusMinutes(15L * fromQuarter);
                    int endMinutes = Math.min(24 * 60 - 1, 15 * (fromQuarter + lengthQuarters));
                    LocalTime until = LocalTime.MIN.plusMinutes(endMinutes);
                    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                    for (DayOfWeek d : DayOfWeek.values()) {
                        if ((dayMask >> (d.getValue() - 1) & 1) == 1) {
                            days.add(d);
                        }
                    }
                    SendWindow w = SendWindow.of(days, from, until);
                    LocalDate lastDay = LocalDate.ofInstant(due, zone).plusDays(validDays);

                    Optional<Instant> slot = w.nextSlot(due, zone, lastDay);

                    Optional<Instant> expected = bruteForce(w, due, zone, lastDay);
                    assertEquals(expected, slot, () -> zone + " due " + due + " window " + w + " last " + lastDay);
                    slot.ifPresent(s -> {
                        assertTrue(w.allows(s, zone));
                        assertFalse(s.isBefore(due));
                        assertFalse(LocalDate.ofInstant(s, zone).isAfter(lastDay));
                    });
                });
    }

    private static Instant nearAChange(ZoneId zone, long salt) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        if (next == null || salt % 5 == 4) {
            return Instant.parse("2026-06-10T00:00:00Z"); // a zone without changes, and sometimes a plain day
        }
        return next.getInstant();
    }

    private static Optional<Instant> bruteForce(SendWindow w, Instant due, ZoneId zone, LocalDate lastDay) {
        Instant end = lastDay.plusDays(2).atStartOfDay(zone).toInstant();
        if (w.allows(due, zone) && !LocalDate.ofInstant(due, zone).isAfter(lastDay)) {
            return Optional.of(due);
        }
        long quarter = Duration.ofMinutes(15).getSeconds();
        Instant t = Instant.ofEpochSecond((due.getEpochSecond() / quarter + 1) * quarter);
        for (; t.isBefore(end); t = t.plusSeconds(quarter)) {
            if (LocalDate.ofInstant(t, zone).isAfter(lastDay)) {
                return Optional.empty();
            }
            if (w.allows(t, zone)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
