package dev.crmkit.service.schedule;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceScheduleTest {

    private static final LocalDate AUG_31 = LocalDate.of(2026, 8, 31);

    private static ServiceSchedule schedule(LocalDate installed, String every) {
        return ServiceSchedule.of(PlanTerms.every(installed, Period.parse(every)).withAnchor(Anchor.SCHEDULE));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void scheduled_monthEnd_clampsToFebruaryThenReturnsToTheThirtyFirst() {
        ServiceSchedule s = schedule(AUG_31, "P6M");
        assertEquals(day("2027-02-28"), s.scheduled(1).orElseThrow().due());
        assertEquals(day("2027-08-31"), s.scheduled(2).orElseThrow().due());
        assertEquals(day("2028-02-29"), s.scheduled(3).orElseThrow().due());
        assertEquals(day("2028-08-31"), s.scheduled(4).orElseThrow().due());
    }

    @Test
    void scheduled_monthly_neverDriftsFromTheInstallationDay() {
        ServiceSchedule s = schedule(day("2027-01-31"), "P1M");
        assertEquals(day("2027-02-28"), s.scheduled(1).orElseThrow().due());
        assertEquals(day("2027-03-31"), s.scheduled(2).orElseThrow().due());
        assertEquals(day("2027-04-30"), s.scheduled(3).orElseThrow().due());
        assertEquals(day("2028-01-31"), s.scheduled(12).orElseThrow().due());
    }

    @Test
    void progress_scheduleAnchor_noCompletion_nextIsFirstOccurrence() {
        ScheduleProgress p = schedule(AUG_31, "P6M").progress(List.of());
        assertEquals(day("2027-02-28"), p.nextDue().orElseThrow());
        assertTrue(p.covered().isEmpty());
    }

    @Test
    void progress_scheduleAnchor_earlyCompletion_coversTheEarliestOpenOccurrence() {
        ScheduleProgress p = schedule(AUG_31, "P6M").progress(List.of(day("2027-01-10")));
        assertEquals(List.of(new Covered(new Occurrence(1, day("2027-02-28")), day("2027-01-10"))), p.covered());
        assertEquals(day("2027-08-31"), p.nextDue().orElseThrow());
    }

    @Test
    void progress_scheduleAnchor_lateCompletion_catchesUpEveryOccurrenceDueBeforeIt() {
        ScheduleProgress p = schedule(AUG_31, "P6M").progress(List.of(day("2027-09-15")));
        assertEquals(2, p.covered().size());
        assertEquals(day("2028-02-29"), p.nextDue().orElseThrow());
    }

    @Test
    void progress_scheduleAnchor_twoEarlyCompletions_coverTwoOccurrences() {
        ScheduleProgress p = schedule(AUG_31, "P6M").progress(List.of(day("2027-02-01"), day("2027-02-20")));
        assertEquals(day("2028-02-29"), p.nextDue().orElseThrow());
    }

    @Test
    void progress_completionAnchor_nextIsLastCompletionPlusInterval() {
        ServiceSchedule s = ServiceSchedule.of(PlanTerms.every(AUG_31, Period.parse("P6M")));
        assertEquals(day("2027-02-28"), s.progress(List.of()).nextDue().orElseThrow());
        assertEquals(day("2027-07-20"), s.progress(List.of(day("2027-01-20"))).nextDue().orElseThrow());
        assertEquals(day("2027-11-30"), s.progress(List.of(day("2027-05-30"), day("2027-01-20")))
                .nextDue().orElseThrow());
    }

    @Test
    void progress_weeks_areSevenDaysEach() {
        ServiceSchedule s = schedule(day("2027-03-01"), "P2W");
        assertEquals(day("2027-03-15"), s.progress(List.of()).nextDue().orElseThrow());
    }

    @Test
    void progress_reminderLead_remindsThatLongBefore() {
        ServiceSchedule s = ServiceSchedule.of(PlanTerms.every(AUG_31, Period.ofMonths(6))
                .withReminderLead(Period.ofDays(7)));
        assertEquals(day("2027-02-21"), s.progress(List.of()).remindOn().orElseThrow());
    }

    @Test
    void progress_numberOfVisits_endsThePlanAfterTheLastOne() {
        ServiceSchedule s = ServiceSchedule.of(PlanTerms.every(AUG_31, Period.ofMonths(6))
                .withAnchor(Anchor.SCHEDULE).withVisits(2));
        assertTrue(s.scheduled(3).isEmpty());
        ScheduleProgress p = s.progress(List.of(day("2027-02-28"), day("2027-08-31"), day("2028-02-01")));
        assertTrue(p.ended());
        assertEquals(2, p.covered().size());
        assertTrue(p.remindOn().isEmpty());
    }

    @Test
    void progress_endDate_endsThePlanWhenTheNextOccurrenceFallsAfterIt() {
        ServiceSchedule s = ServiceSchedule.of(PlanTerms.every(AUG_31, Period.ofMonths(6))
                .withEndDate(day("2027-06-30")));
        assertEquals(day("2027-02-28"), s.progress(List.of()).nextDue().orElseThrow());
        assertTrue(s.progress(List.of(day("2027-02-28"))).ended());
    }

    @Test
    void status_beforeTheReminder_isUpcoming() {
        ServiceSchedule s = ServiceSchedule.of(PlanTerms.every(AUG_31, Period.ofMonths(6))
                .withReminderLead(Period.ofDays(7)));
        PlanStatus status = s.status(List.of(), day("2027-02-20"));
        assertEquals(new PlanStatus.Upcoming(new Occurrence(1, day("2027-02-28")), day("2027-02-21")), status);
    }

    @Test
    void status_fromTheReminderToTheWindowsEnd_isDue() {
        ServiceSchedule s = ServiceSchedule.of(PlanTerms.every(AUG_31, Period.ofMonths(6))
                .withReminderLead(Period.ofDays(7)).withWindow(new VisitWindow(0, 3)));
        assertInstanceOf(PlanStatus.Due.class, s.status(List.of(), day("2027-02-21")));
        assertInstanceOf(PlanStatus.Due.class, s.status(List.of(), day("2027-03-03")));
    }

    @Test
    void status_afterTheWindow_isOneOverdueStateCountingDaysFromTheDueDate() {
        ServiceSchedule s = ServiceSchedule.of(PlanTerms.every(AUG_31, Period.ofMonths(6)).withAnchor(Anchor.SCHEDULE)
                .withWindow(new VisitWindow(0, 3)));
        assertEquals(new PlanStatus.Overdue(new Occurrence(1, day("2027-02-28")), 4),
                s.status(List.of(), day("2027-03-04")));
        // a year later, still one state for the earliest open occurrence, not a list of the missed ones
        assertEquals(new PlanStatus.Overdue(new Occurrence(1, day("2027-02-28")), 369),
                s.status(List.of(), day("2028-03-03")));
    }

    @Test
    void status_afterTheLastVisit_isEnded() {
        ServiceSchedule s = ServiceSchedule.of(PlanTerms.every(AUG_31, Period.ofMonths(6)).withVisits(1));
        assertEquals(new PlanStatus.Ended(1), s.status(List.of(day("2027-02-27")), day("2030-01-01")));
    }

    @Test
    void progress_completionBeforeInstallation_isRefusedNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> schedule(AUG_31, "P6M").progress(List.of(day("2027-01-01"), day("2026-08-30"))));
        assertEquals("completed[1]", e.violations().get(0).field());
        assertEquals("not-before-installed", e.violations().get(0).rule());
    }

    @Test
    void terms_zeroOrNegativeInterval_isRefused() {
        ValidationException zero = assertThrows(ValidationException.class,
                () -> PlanTerms.every(AUG_31, Period.ZERO));
        assertEquals("interval", zero.violations().get(0).field());
        ValidationException mixed = assertThrows(ValidationException.class,
                () -> PlanTerms.every(AUG_31, Period.of(0, 1, -3)));
        assertEquals("positive-period", mixed.violations().get(0).rule());
    }

    @Test
    void terms_everyBrokenRule_isReportedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> new PlanTerms(AUG_31,
                Period.ofDays(-1), Anchor.SCHEDULE, Period.ofDays(-2), VisitWindow.DUE_DAY,
                java.util.Optional.of(day("2026-01-01")), java.util.OptionalInt.of(0)));
        assertEquals(List.of("interval", "reminderLead", "endDate", "visits"),
                e.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void window_negativeSide_isRefused() {
        assertThrows(ValidationException.class, () -> new VisitWindow(-1, 0));
        assertThrows(ValidationException.class, () -> new VisitWindow(0, -1));
    }
}
