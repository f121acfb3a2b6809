package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CacPaybackTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void months_cac125Arpu30Margin80_is5Point208333() {
        assertEquals(new BigDecimal("5.208333"), CacPayback.months(eur("125"), eur("30"), new BigDecimal("0.8")));
    }

    @Test
    void months_exactPayback_isWholeMonths() {
        assertEquals(new BigDecimal("12.000000"), CacPayback.months(eur("240"), eur("40"), new BigDecimal("0.5")));
    }

    @Test
    void months_zeroMargin_isRejectedNamingGrossMargin() {
        assertRejects("grossMargin", () -> CacPayback.months(eur("125"), eur("30"), BigDecimal.ZERO));
    }

    @Test
    void months_marginAboveOne_isRejectedNamingGrossMargin() {
        assertRejects("grossMargin", () -> CacPayback.months(eur("125"), eur("30"), new BigDecimal("1.01")));
    }

    @Test
    void months_zeroArpu_isRejectedNamingMonthlyArpu() {
        assertRejects("monthlyArpu", () -> CacPayback.months(eur("125"), eur("0"), new BigDecimal("0.5")));
    }

    @Test
    void months_negativeCac_isRejectedNamingCac() {
        assertRejects("cac", () -> CacPayback.months(eur("-1"), eur("30"), new BigDecimal("0.5")));
    }
}
