package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class DailyQuotaTest {

    @Test
    void of_sixtyInThirtyDayMonth_isTwoEachDay() {
        for (int d = 1; d <= 30; d++) {
            assertEquals(2, DailyQuota.of(60, LocalDate.of(2026, 4, d)));
        }
    }

    @Test
    void of_tenInThirtyDayMonth_isOneEveryThirdDay() {
        assertEquals(0, DailyQuota.of(10, LocalDate.of(2026, 4, 1)));
        assertEquals(0, DailyQuota.of(10, LocalDate.of(2026, 4, 2)));
        assertEquals(1, DailyQuota.of(10, LocalDate.of(2026, 4, 3)));
    }

    @Test
    void of_negativeCapacity_isRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DailyQuota.of(-1, LocalDate.of(2026, 4, 1)));
        assertEquals("not-negative", e.violations().get(0).rule());
    }

    @Test
    void of_quotasOfAMonth_addUpToTheCapacityAndDifferByAtMostOne() {
        qt().withFixedSeed(11L).forAll(integers().between(0, 5000), integers().between(1, 12),
                integers().between(2020, 2030)).checkAssert((capacity, month, year) -> {
                    YearMonth ym = YearMonth.of(year, month);
                    int sum = 0;
                    int min = Integer.MAX_VALUE;
                    int max = 0;
                    for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                        int q = DailyQuota.of(capacity, ym.atDay(d));
                        sum += q;
                        min = Math.min(min, q);
                        max = Math.max(max, q);
                    }
                    assertEquals((int) capacity, sum);
                    assertTrue(max - min <= 1);
                });
    }
}
