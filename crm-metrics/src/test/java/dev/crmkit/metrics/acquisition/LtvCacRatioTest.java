package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LtvCacRatioTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void of_600Over125_isHealthy4Point8() {
        assertEquals(new LtvCacRatio(new BigDecimal("4.800000"), LtvCacBand.HEALTHY), LtvCacRatio.of(eur("600"),
                eur("125")));
    }

    @Test
    void of_justBelowThree_roundsTheRatioButNotTheBand() {
        LtvCacRatio ratio = LtvCacRatio.of(eur("299999.99"), eur("100000")); // 2.9999999: THIN, shown 3
        assertEquals(new BigDecimal("3.000000"), ratio.ratio());
        assertEquals(LtvCacBand.THIN, ratio.band());
    }

    @Test
    void band_boundaries_belongToTheHigherBand() {
        assertEquals(LtvCacBand.LOSING_MONEY, LtvCacBand.of(new BigDecimal("0.999")));
        assertEquals(LtvCacBand.THIN, LtvCacBand.of(BigDecimal.ONE));
        assertEquals(LtvCacBand.THIN, LtvCacBand.of(new BigDecimal("2.999")));
        assertEquals(LtvCacBand.HEALTHY, LtvCacBand.of(new BigDecimal("3")));
        assertEquals(LtvCacBand.HEALTHY, LtvCacBand.of(new BigDecimal("4.999")));
        assertEquals(LtvCacBand.UNDER_INVESTING, LtvCacBand.of(new BigDecimal("5.0")));
        assertEquals(LtvCacBand.LOSING_MONEY, LtvCacBand.of(new BigDecimal("-2")));
    }

    @Test
    void band_descriptions_sayWhatTheBandMeans() {
        assertTrue(LtvCacBand.LOSING_MONEY.description().startsWith("losing money"));
        assertTrue(LtvCacBand.THIN.description().startsWith("thin, risky"));
        assertTrue(LtvCacBand.HEALTHY.description().startsWith("healthy"));
        assertTrue(LtvCacBand.UNDER_INVESTING.description().startsWith("likely under-investing in growth"));
    }

    @Test
    void of_zeroCac_isRejectedNamingCac() {
        assertRejects("cac", () -> LtvCacRatio.of(eur("600"), eur("0")));
    }

    @Test
    void of_cacInOtherCurrency_isRejectedNamingCac() {
        assertRejects("cac", () -> LtvCacRatio.of(eur("600"), Money.of("100", "USD")));
    }

    @Test
    void industryNorm_table_holdsTheIssueFigures() {
        assertNorm(IndustryNorm.B2B_SAAS, "4", "4");
        assertNorm(IndustryNorm.B2C_SAAS, "2.5", "2.5");
        assertNorm(IndustryNorm.AD_TECH, "7", "7");
        assertNorm(IndustryNorm.FINTECH, "5", "5");
        assertNorm(IndustryNorm.EDTECH, "5", "5");
        assertNorm(IndustryNorm.CYBERSECURITY, "5", "5");
        assertNorm(IndustryNorm.DESIGN, "6", "6");
        assertNorm(IndustryNorm.BUSINESS_SERVICES, "3", "3");
        assertNorm(IndustryNorm.INDUSTRIAL, "3", "4");
        assertNorm(IndustryNorm.PHARMA, "3", "4");
        assertNorm(IndustryNorm.CONSULTING, "4", "4");
        assertNorm(IndustryNorm.CONSTRUCTION, "4", "4");
        assertNorm(IndustryNorm.BIOTECH, "4", "4");
        assertNorm(IndustryNorm.FINANCIAL_SERVICES, "4", "4");
        assertNorm(IndustryNorm.REAL_ESTATE, "4", "4");
        assertEquals(15, IndustryNorm.values().length);
        assertEquals(2, Arrays.stream(IndustryNorm.values()).filter(IndustryNorm::isRange).count());
        assertFalse(IndustryNorm.B2B_SAAS.isRange());
    }

    private static void assertNorm(IndustryNorm norm, String low, String high) {
        assertEquals(0, new BigDecimal(low).compareTo(norm.low()), norm + " low");
        assertEquals(0, new BigDecimal(high).compareTo(norm.high()), norm + " high");
    }
}
