package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountAttainmentsTest {

    private static final Window NOVEMBER_BERLIN = new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
            ZoneId.of("Europe/Berlin"));
    private static final Period NOVEMBER = Period.parse("2026-11");

    private static ActivityRecord call(String owner, Direction direction, String at) {
        return ActivityRecord.call(owner, direction, Instant.parse(at), Optional.of(Duration.ofSeconds(10)),
                Optional.empty());
    }

    @Test
    void of_callsMade_countOutboundCallsOfTheOwnerOnTheirDayInTheZone() {
        List<ActivityRecord> calls = List.of(call("ann", Direction.OUT, "2026-11-02T09:00:00Z"),
                call("ann", Direction.IN, "2026-11-02T10:00:00Z"),
                call("bob", Direction.OUT, "2026-11-02T10:00:00Z"),
                call("ann", Direction.OUT, "2026-10-31T23:30:00Z"), // 1 November in Berlin
                call("ann", Direction.OUT, "2026-11-30T23:30:00Z")); // 1 December in Berlin

        CountAttainment a = CountAttainments.of(List.of(new CountTarget("ann", NOVEMBER, Counted.CALLS_MADE, 4)),
                calls, List.of(), NOVEMBER_BERLIN, LocalDate.of(2026, 11, 15)).get(0);

        assertEquals(2, a.achieved());
        assertEquals(new BigDecimal("0.500000"), a.attainment());
        assertEquals(new BigDecimal("2.00"), a.expectedToDate());
        assertEquals(2, a.gap());
        assertEquals(Optional.of(new BigDecimal("0.13")), a.dailyRunRate(), "2 calls over 15 days");
    }

    @Test
    void of_dealsWonAndMeetingsHeld_countTheirOwn() {
        List<WonDeal> deals = List.of(new WonDeal("ann", LocalDate.of(2026, 11, 30), Money.of("1.00", "EUR")),
                new WonDeal("ann", LocalDate.of(2026, 12, 1), Money.of("1.00", "EUR")));
        List<ActivityRecord> meetings = List.of(ActivityRecord.of("ann", ActivityKind.MEETING, Optional.empty(),
                Instant.parse("2026-11-05T10:00:00Z")));

        List<CountAttainment> result = CountAttainments.of(List.of(
                new CountTarget("ann", NOVEMBER, Counted.MEETINGS_HELD, 1),
                new CountTarget("ann", NOVEMBER, Counted.DEALS_WON, 2)), meetings, deals, NOVEMBER_BERLIN,
                LocalDate.of(2026, 12, 1));

        assertEquals(Counted.DEALS_WON, result.get(0).target().counted());
        assertEquals(1, result.get(0).achieved());
        assertEquals(Optional.empty(), result.get(0).dailyRunRate(), "the month is over");
        assertEquals(1, result.get(1).achieved());
        assertEquals(0, result.get(1).gap());
    }

    @Test
    void of_repeatedTarget_orZeroCount_isRefused() {
        CountTarget t = new CountTarget("ann", NOVEMBER, Counted.CALLS_MADE, 3);

        assertTrue(assertThrows(ValidationException.class, () -> CountAttainments.of(List.of(t, t), List.of(),
                List.of(), NOVEMBER_BERLIN, LocalDate.of(2026, 11, 1))).getMessage().contains("targets[1]"));
        assertTrue(assertThrows(ValidationException.class, () -> new CountTarget("ann", NOVEMBER,
                Counted.CALLS_MADE, 0)).getMessage().contains("count"));
    }
}
