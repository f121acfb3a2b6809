package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeamActivityTest {

    private static final Window NOVEMBER = new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
            ZoneOffset.UTC);
    private static final Instant T = Instant.parse("2026-11-10T09:00:00Z");

    private static ActivityRecord meeting(String at) {
        return ActivityRecord.of("ann", ActivityKind.MEETING, Optional.empty(), Instant.parse(at));
    }

    private static ActivityRecord call(Direction d, long seconds, Outcome outcome) {
        return ActivityRecord.call("ann", d, T, Optional.of(Duration.ofSeconds(seconds)), Optional.of(outcome));
    }

    @Test
    void of_calls_countDirectionsOutcomesAndTalkTime() {
        Map<String, PersonActivity> people = TeamActivity.of(List.of(call(Direction.IN, 120, Outcome.ANSWERED),
                call(Direction.OUT, 60, Outcome.ANSWERED), call(Direction.OUT, 0, Outcome.MISSED)), NOVEMBER);

        CallStats calls = people.get("ann").calls();
        assertEquals(new CallStats(3, 1, 2, 2, 1, 180, 2, 180), calls);
        assertEquals(new BigDecimal("90.0"), calls.averageTalkSeconds().orElseThrow());
    }

    @Test
    void of_callsWithoutDuration_countButAddNoTalkTime_andStayOutOfTheAverage() {
        Map<String, PersonActivity> people = TeamActivity.of(List.of(call(Direction.IN, 100, Outcome.ANSWERED),
                ActivityRecord.call("ann", Direction.OUT, T, Optional.empty(), Optional.of(Outcome.ANSWERED)),
                ActivityRecord.call("ann", Direction.OUT, T, Optional.empty(), Optional.empty())), NOVEMBER);

        CallStats calls = people.get("ann").calls();
        assertEquals(3, calls.total());
        assertEquals(2, calls.answered());
        assertEquals(0, calls.missed(), "an unknown outcome is neither");
        assertEquals(100, calls.talkSeconds());
        assertEquals(new BigDecimal("100.0"), calls.averageTalkSeconds().orElseThrow(), "not 50: unknown is not 0 s");
    }

    @Test
    void averageTalkSeconds_noAnsweredCallWithDuration_isAbsent() {
        CallStats calls = TeamActivity.of(List.of(call(Direction.OUT, 0, Outcome.MISSED)), NOVEMBER).get("ann")
                .calls();

        assertEquals(Optional.empty(), calls.averageTalkSeconds());
    }

    @Test
    void of_emailsMeetingsAndTasks_areCountedByDirectionAndOutcome() {
        PersonActivity a = TeamActivity.of(List.of(
                ActivityRecord.of("ann", ActivityKind.EMAIL, Optional.of(Direction.OUT), T),
                ActivityRecord.of("ann", ActivityKind.EMAIL, Optional.of(Direction.OUT), T),
                ActivityRecord.of("ann", ActivityKind.EMAIL, Optional.of(Direction.IN), T),
                ActivityRecord.of("ann", ActivityKind.MEETING, Optional.empty(), T),
                ActivityRecord.task("ann", T, Outcome.DONE),
                ActivityRecord.task("ann", T, Outcome.OVERDUE),
                ActivityRecord.task("ann", T, Outcome.OVERDUE),
                ActivityRecord.of("ann", ActivityKind.DEAL_MOVE, Optional.empty(), T)), NOVEMBER).get("ann");

        assertEquals(new PersonActivity(CallStats.NONE, 2, 1, 1, 1, 2, 1), a);
    }

    @Test
    void of_windowEdges_inclusiveDays() {
        Map<String, PersonActivity> people = TeamActivity.of(List.of(meeting("2026-10-31T23:59:59Z"),
                meeting("2026-11-01T00:00:00Z"), meeting("2026-11-30T23:59:59Z"), meeting("2026-12-01T00:00:00Z")),
                NOVEMBER);

        assertEquals(2, people.get("ann").meetings());
    }

    @Test
    void of_timeZone_decidesTheDay() {
        Instant lateOctoberUtc = Instant.parse("2026-10-31T23:30:00Z"); // 00:30 on 1 November in Berlin
        List<ActivityRecord> records = List.of(
                ActivityRecord.of("ann", ActivityKind.MEETING, Optional.empty(), lateOctoberUtc));

        Window berlin = new Window(NOVEMBER.from(), NOVEMBER.to(), ZoneId.of("Europe/Berlin"));

        assertEquals(Map.of(), TeamActivity.of(records, NOVEMBER));
        assertEquals(1, TeamActivity.of(records, berlin).get("ann").meetings());
    }

    @Test
    void activityRecord_outcomeThatDoesNotFitTheKind_orNegativeDuration_isRefused() {
        assertTrue(assertThrows(ValidationException.class, () -> ActivityRecord.task("ann", T, Outcome.ANSWERED))
                .getMessage().contains("outcome"));
        assertTrue(assertThrows(ValidationException.class, () -> ActivityRecord.call("ann", Direction.IN, T,
                Optional.of(Duration.ofSeconds(-1)), Optional.empty())).getMessage().contains("duration"));
        assertTrue(assertThrows(ValidationException.class, () -> new ActivityRecord("ann", ActivityKind.MEETING,
                Optional.empty(), T, Optional.of(Duration.ofSeconds(5)), Optional.empty())).getMessage()
                .contains("duration"));
    }

    @Test
    void performers_rankAlikeWithTiesByName() {
        Map<String, PersonActivity> people = TeamActivity.of(List.of(
                call(Direction.IN, 1, Outcome.ANSWERED),
                ActivityRecord.call("bob", Direction.IN, T, Optional.empty(), Optional.empty()),
                ActivityRecord.call("bob", Direction.IN, T, Optional.empty(), Optional.empty()),
                ActivityRecord.call("cy", Direction.IN, T, Optional.empty(), Optional.empty())), NOVEMBER);

        Performers p = Performers.rank(people, Measure.CALLS, 2);

        assertEquals(List.of(new Performers.Ranked("bob", 2), new Performers.Ranked("ann", 1)), p.top());
        assertEquals(List.of(new Performers.Ranked("ann", 1), new Performers.Ranked("cy", 1)), p.bottom());
    }
}
