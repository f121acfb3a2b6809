package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CLV as discounted expected margin. */
class ClvTest {

    private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaModel SPEND = GammaGammaModel.of(6, 4, 15);
    private static final CustomerSummary ANN = new CustomerSummary("ann", 2, 30.43, 38.86, Money.of("20.00", "EUR"),
            TimeUnit.WEEK);

    @Test
    void of_zeroDiscount_isExpectedPurchasesTimesAovTimesMargin() {
        double purchases = PURCHASES.expectedPurchases(12 * 30 / 7.0, ANN);
        BigDecimal expected = BigDecimal.valueOf(22.0 * 0.5 * purchases).setScale(2, RoundingMode.HALF_EVEN);
        Money clv = Clv.of(PURCHASES, SPEND, ANN, 12, BigDecimal.ZERO, new BigDecimal("0.5"));
        assertEquals(expected, clv.amount());
    }

    @Test
    void of_discounted_sumsMonthlyIncrementsOverDiscountFactors() {
        double sum = 0;
        double month = 30 / 7.0;
        for (int k = 1; k <= 6; k++) {
            double increment = PURCHASES.expectedPurchases(k * month, ANN)
                    - (k == 1 ? 0 : PURCHASES.expectedPurchases((k - 1) * month, ANN));
            sum += increment / Math.pow(1.01, k);
        }
        BigDecimal expected = BigDecimal.valueOf(22.0 * 0.3 * sum).setScale(2, RoundingMode.HALF_EVEN);
        Money clv = Clv.of(PURCHASES, SPEND, ANN, 6, new BigDecimal("0.01"), new BigDecimal("0.3"));
        assertEquals(expected, clv.amount());
        assertEquals(2, clv.amount().scale());
    }

    @Test
    void of_higherDiscountRate_lowersValue() {
        Money low = Clv.of(PURCHASES, SPEND, ANN, 24, new BigDecimal("0.005"), new BigDecimal("0.4"));
        Money high = Clv.of(PURCHASES, SPEND, ANN, 24, new BigDecimal("0.05"), new BigDecimal("0.4"));
        assertTrue(high.compareTo(low) < 0);
    }

    @Test
    void of_zeroMargin_isZero() {
        assertTrue(Clv.of(PURCHASES, SPEND, ANN, 12, new BigDecimal("0.01"), BigDecimal.ZERO).isZero());
    }

    @Test
    void of_nonPositiveHorizon_throws() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Clv.of(PURCHASES, SPEND, ANN, 0, BigDecimal.ZERO, BigDecimal.ONE));
        assertEquals("horizon", e.violations().get(0).field());
    }

    @Test
    void of_marginAboveOne_throws() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Clv.of(PURCHASES, SPEND, ANN, 12, BigDecimal.ZERO, new BigDecimal("1.5")));
        assertEquals("margin", e.violations().get(0).field());
    }
}
