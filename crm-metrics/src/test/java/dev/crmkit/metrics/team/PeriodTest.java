package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    @Test
    void parse_month_coversItsDaysAndWritesItselfBack() {
        Period p = Period.parse("2026-11");

        assertEquals(Period.Kind.MONTH, p.kind());
        assertEquals(LocalDate.of(2026, 11, 1), p.start());
        assertEquals(LocalDate.of(2026, 11, 30), p.end());
        assertEquals(30, p.days());
        assertEquals("2026-11", p.toString());
        assertEquals(p, Period.parse(p.toString()));
    }

    @Test
    void parse_quarter_runsOverThreeMonths() {
        Period q4 = Period.parse("2026-Q4");
        Period q1 = Period.parse("2024-Q1");

        assertEquals(LocalDate.of(2026, 10, 1), q4.start());
        assertEquals(LocalDate.of(2026, 12, 31), q4.end());
        assertEquals(92, q4.days());
        assertEquals(91, q1.days(), "leap year February");
        assertEquals("2026-Q4", q4.toString());
    }

    @Test
    void parse_year_isTheCalendarYear() {
        Period y = Period.parse(" 2024 ");

        assertEquals(LocalDate.of(2024, 1, 1), y.start());
        assertEquals(LocalDate.of(2024, 12, 31), y.end());
        assertEquals(366, y.days());
        assertEquals("2024", y.toString());
    }

    @Test
    void contains_firstAndLastDayIn_neighboursOut() {
        Period p = Period.parse("2026-11");

        assertTrue(p.contains(LocalDate.of(2026, 11, 1)));
        assertTrue(p.contains(LocalDate.of(2026, 11, 30)));
        assertFalse(p.contains(LocalDate.of(2026, 10, 31)));
        assertFalse(p.contains(LocalDate.of(2026, 12, 1)));
    }

    @Test
    void elapsedDays_beforeWithinAndAfter() {
        Period p = Period.parse("2026-11");

        assertEquals(0, p.elapsedDays(LocalDate.of(2026, 10, 31)));
        assertEquals(1, p.elapsedDays(LocalDate.of(2026, 11, 1)));
        assertEquals(15, p.elapsedDays(LocalDate.of(2026, 11, 15)));
        assertEquals(30, p.elapsedDays(LocalDate.of(2026, 11, 30)));
        assertEquals(30, p.elapsedDays(LocalDate.of(2027, 3, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-11", "2026/11", "2026-q4", "", "Q4-2026",
            "2026-11-01"})
    void parse_otherForms_areRefusedNamingPeriod(String text) {
        ValidationException e = assertThrows(ValidationException.class, () -> Period.parse(text));

        assertTrue(e.getMessage().contains("period") && e.getMessage().contains("format"), e.getMessage());
    }
}
