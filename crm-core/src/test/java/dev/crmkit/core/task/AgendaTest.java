package dev.crmkit.core.task;

import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AgendaTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final UserId ALICE = UserId.of("alice");

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Task task(String title, Instant due) {
        UUID id = UUID.nameUUIDFromBytes(title.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Task.open(new TaskId(id), title, due, Optional.empty(), ALICE, Optional.empty(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<String> titles(List<Task> tasks) {
        return tasks.stream().map(Task::title).toList();
    }

    private static void assertDay(DayOfWeek day, Instant now) {
        assertEquals(day, now.atZone(BERLIN).getDayOfWeek());
    }

    @Test
    void of_sameDueTime_keepsTheOrderGivenNotTheIds() {
        Instant now = berlin("2026-11-25T10:00");
        List<String> given = List.of("e", "d", "c", "b", "a", "z", "y");
        List<Task> tasks = given.stream().map(t -> task(t, berlin("2026-11-25T15:00"))).toList();
        List<String> byId = tasks.stream().sorted(java.util.Comparator.comparing((Task t) -> t.id().value()))
                .map(Task::title).toList();
        assertNotEquals(given, byId, "the ids are not in the order given");

        assertEquals(given, titles(Agenda.of(tasks, now, BERLIN).today()));
    }

    @Test
    void of_sortsIntoBucketsOnAWednesday() {
        Instant now = berlin("2026-11-25T10:00");
        assertDay(DayOfWeek.WEDNESDAY, now);
        List<Task> tasks = List.of(
                task("last week", berlin("2026-11-18T09:00")),
                task("earlier today", berlin("2026-11-25T09:59:59")),
                task("right now", now),
                task("tonight", berlin("2026-11-25T23:59:59.999")),
                task("thursday midnight", berlin("2026-11-26T00:00")),
                task("thursday night", berlin("2026-11-26T23:59:59")),
                task("friday midnight", berlin("2026-11-27T00:00")),
                task("sunday night", berlin("2026-11-29T23:59:59.999")),
                task("next monday", berlin("2026-11-30T00:00")),
                task("next month", berlin("2026-12-15T12:00")));

        Agenda agenda = Agenda.of(tasks, now, BERLIN);

        assertEquals(List.of("last week", "earlier today"), titles(agenda.overdue()));
        assertEquals(List.of("right now", "tonight"), titles(agenda.today()));
        assertEquals(List.of("thursday midnight", "thursday night"), titles(agenda.tomorrow()));
        assertEquals(List.of("friday midnight", "sunday night"), titles(agenda.thisWeek()));
    }

    @Test
    void of_midnightBelongsToTheDayItStarts() {
        Instant now = berlin("2026-11-25T00:00");

        Agenda agenda = Agenda.of(List.of(task("just before", berlin("2026-11-24T23:59:59.999")),
                task("at midnight", now), task("tomorrow at midnight", berlin("2026-11-26T00:00"))), now, BERLIN);

        assertEquals(List.of("just before"), titles(agenda.overdue()));
        assertEquals(List.of("at midnight"), titles(agenda.today()));
        assertEquals(List.of("tomorrow at midnight"), titles(agenda.tomorrow()));
    }

    @Test
    void of_lastSecondOfDayStillHasTodayAndTomorrow() {
        Instant now = berlin("2026-11-25T23:59:59");

        Agenda agenda = Agenda.of(List.of(task("now", now), task("in a second", berlin("2026-11-26T00:00")),
                task("day after", berlin("2026-11-27T00:00"))), now, BERLIN);

        assertEquals(List.of("now"), titles(agenda.today()));
        assertEquals(List.of("in a second"), titles(agenda.tomorrow()));
        assertEquals(List.of("day after"), titles(agenda.thisWeek()));
    }

    @Test
    void of_bucketsByTheZonesDaysNotUtc() {
        // 23:30 UTC on Tuesday is already 00:30 on Wednesday in Berlin
        Instant now = Instant.parse("2026-11-24T23:30:00Z");
        Task lateWednesdayUtc = task("wednesday 23:30 berlin", Instant.parse("2026-11-25T22:30:00Z"));
        Task earlyThursdayBerlin = task("thursday 00:30 berlin", Instant.parse("2026-11-25T23:30:00Z"));
        List<Task> tasks = List.of(lateWednesdayUtc, earlyThursdayBerlin);

        Agenda inBerlin = Agenda.of(tasks, now, BERLIN);
        Agenda inUtc = Agenda.of(tasks, now, ZoneOffset.UTC);

        assertEquals(List.of("wednesday 23:30 berlin"), titles(inBerlin.today()));
        assertEquals(List.of("thursday 00:30 berlin"), titles(inBerlin.tomorrow()));
        assertEquals(List.of(), titles(inUtc.today()));
        assertEquals(List.of("wednesday 23:30 berlin", "thursday 00:30 berlin"), titles(inUtc.tomorrow()));
    }

    @Test
    void of_onFridayTheWeekEndsWithSunday() {
        Instant now = berlin("2026-11-27T17:00");
        assertDay(DayOfWeek.FRIDAY, now);

        Agenda agenda = Agenda.of(List.of(task("saturday", berlin("2026-11-28T10:00")),
                task("sunday", berlin("2026-11-29T10:00")), task("monday", berlin("2026-11-30T08:00"))), now, BERLIN);

        assertEquals(List.of("saturday"), titles(agenda.tomorrow()));
        assertEquals(List.of("sunday"), titles(agenda.thisWeek()));
    }

    @Test
    void of_onSaturdayThisWeekIsEmpty() {
        Instant now = berlin("2026-11-28T12:00");
        assertDay(DayOfWeek.SATURDAY, now);

        Agenda agenda = Agenda.of(List.of(task("saturday evening", berlin("2026-11-28T18:00")),
                task("sunday", berlin("2026-11-29T10:00")), task("monday", berlin("2026-11-30T08:00")),
                task("tuesday", berlin("2026-12-01T08:00"))), now, BERLIN);

        assertEquals(List.of("saturday evening"), titles(agenda.today()));
        assertEquals(List.of("sunday"), titles(agenda.tomorrow()));
        assertEquals(List.of(), titles(agenda.thisWeek()));
    }

    @Test
    void of_onSundayTomorrowIsMondayAndThisWeekIsEmpty() {
        Instant now = berlin("2026-11-29T12:00");
        assertDay(DayOfWeek.SUNDAY, now);

        Agenda agenda = Agenda.of(List.of(task("monday", berlin("2026-11-30T08:00")),
                task("tuesday", berlin("2026-12-01T08:00"))), now, BERLIN);

        assertEquals(List.of("monday"), titles(agenda.tomorrow()));
        assertEquals(List.of(), titles(agenda.thisWeek()));
    }

    @Test
    void of_onMondayThisWeekRunsToSunday() {
        Instant now = berlin("2026-11-23T08:00");
        assertDay(DayOfWeek.MONDAY, now);

        Agenda agenda = Agenda.of(List.of(task("wednesday", berlin("2026-11-25T08:00")),
                task("sunday", berlin("2026-11-29T23:00")), task("next monday", berlin("2026-11-30T00:00"))),
                now, BERLIN);

        assertEquals(List.of("wednesday", "sunday"), titles(agenda.thisWeek()));
    }

    @Test
    void of_acrossTheSpringDaylightSavingChange() {
        // Sunday 2026-03-29 has 23 hours in Berlin: clocks jump from 02:00 to 03:00
        Instant now = berlin("2026-03-27T12:00");
        assertDay(DayOfWeek.FRIDAY, now);

        Agenda agenda = Agenda.of(List.of(task("saturday late", berlin("2026-03-28T23:59:59")),
                task("sunday 03:00", berlin("2026-03-29T03:00")), task("sunday late", berlin("2026-03-29T23:59:59")),
                task("monday", berlin("2026-03-30T00:00"))), now, BERLIN);

        assertEquals(List.of("saturday late"), titles(agenda.tomorrow()));
        assertEquals(List.of("sunday 03:00", "sunday late"), titles(agenda.thisWeek()));
        assertEquals(berlin("2026-03-30T00:00"), Agenda.endOfWeek(now, BERLIN));
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), Agenda.endOfWeek(now, BERLIN));
    }

    @Test
    void of_leavesOutClosedTasks() {
        Instant now = berlin("2026-11-25T10:00");
        Task done = ((TaskChange.Changed) task("done", berlin("2026-11-25T12:00")).complete(now)).task();
        Task cancelled = ((TaskChange.Changed) task("cancelled", berlin("2026-11-24T12:00")).cancel(now)).task();

        Agenda agenda = Agenda.of(List.of(done, cancelled, task("open", berlin("2026-11-25T12:00"))), now, BERLIN);

        assertEquals(List.of("open"), titles(agenda.today()));
        assertEquals(List.of(), titles(agenda.overdue()));
    }

    @Test
    void of_sortsEachBucketByDueThenTheOrderGiven() {
        Instant now = berlin("2026-11-25T10:00");
        List<Task> tasks = new ArrayList<>(List.of(task("c", berlin("2026-11-25T15:00")),
                task("a", berlin("2026-11-25T11:00")), task("b", berlin("2026-11-25T12:00")),
                task("y", berlin("2026-11-24T08:00")), task("x", berlin("2026-11-23T08:00"))));
        tasks.add(task("same due 2", berlin("2026-11-25T13:00")));
        tasks.add(task("same due 1", berlin("2026-11-25T13:00")));

        Agenda agenda = Agenda.of(tasks, now, BERLIN);

        assertEquals(List.of("x", "y"), titles(agenda.overdue()));
        assertEquals(List.of("a", "b", "same due 2", "same due 1", "c"), titles(agenda.today()));
    }

    @Test
    void endOfWeek_isNextMondayMidnightOrTheDayAfterTomorrow() {
        assertEquals(berlin("2026-11-30T00:00"), Agenda.endOfWeek(berlin("2026-11-23T00:00"), BERLIN));
        assertEquals(berlin("2026-11-30T00:00"), Agenda.endOfWeek(berlin("2026-11-27T23:59:59"), BERLIN));
        assertEquals(berlin("2026-11-30T00:00"), Agenda.endOfWeek(berlin("2026-11-28T12:00"), BERLIN));
        assertEquals(berlin("2026-12-01T00:00"), Agenda.endOfWeek(berlin("2026-11-29T12:00"), BERLIN));
    }

    @Test
    void of_emptyListGivesEmptyAgenda() {
        Agenda agenda = Agenda.of(List.of(), Instant.EPOCH, BERLIN);

        assertEquals(new Agenda(List.of(), List.of(), List.of(), List.of()), agenda);
    }
}
