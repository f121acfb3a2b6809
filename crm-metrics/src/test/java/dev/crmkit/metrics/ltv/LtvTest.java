package dev.crmkit.metrics.ltv;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LtvTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void arpuTimesLifetime_thirtyFor24Months_is720() {
        assertEquals(eur("720.00"), Ltv.arpuTimesLifetime(eur("30"), d("24")));
    }

    @Test
    void aovTimesFrequencyTimesLifespan_eightyFourTimesAYearForThreeYears_is960() {
        assertEquals(eur("960.00"), Ltv.aovTimesFrequencyTimesLifespan(eur("80"), d("4"), d("3")));
    }

    @Test
    void marginOverChurn_fifteenAtSixtyPercentAndFourPercentChurn_is225() {
        assertEquals(eur("225.00"), Ltv.marginOverChurn(eur("15"), d("0.60"), d("0.04")));
    }

    @Test
    void discounted_threeYearsAtTenPercentMinusCac_is202Point78() {
        assertEquals(eur("202.78"), Ltv.discounted(List.of(eur("200"), eur("240"), eur("300")), d("0.5"),
                d("0.10"), eur("100")));
    }

    @Test
    void discounted_noRevenue_isMinusCac() {
        assertEquals(eur("-100.00"), Ltv.discounted(List.of(), d("0.5"), d("0.10"), eur("100")));
    }

    @Test
    void discounted_zeroRate_isUndiscountedMarginMinusCac() {
        assertEquals(eur("270.00"), Ltv.discounted(List.of(eur("200"), eur("240"), eur("300")), d("0.5"),
                BigDecimal.ZERO, eur("100")));
    }

    @Test
    void discounted_jpy_roundsToWholeYen() {
        Money cac = Money.of("100", "JPY");
        assertEquals(Money.of("203", "JPY"), Ltv.discounted(List.of(Money.of("200", "JPY"), Money.of("240", "JPY"),
                Money.of("300", "JPY")), d("0.5"), d("0.10"), cac));
    }

    @Test
    void bySegment_twoSegments_sumsRevenueTimesRetentionTimesMargin() {
        assertEquals(eur("520.00"), Ltv.bySegment(List.of(
                new SegmentValue("enterprise", eur("1000"), d("0.8"), d("0.5")),
                new SegmentValue("smb", eur("500"), d("0.4"), d("0.6")))));
    }

    @Test
    void netOfCostToServe_twelveThousandEach_isZero() {
        assertEquals(eur("0.00"), Ltv.netOfCostToServe(eur("12000"), eur("12000")));
    }

    @Test
    void netOfCostToServe_overThreeYears_multipliesTheYearlyNet() {
        assertEquals(eur("9000.00"), Ltv.netOfCostToServe(eur("12000"), eur("9000"), d("3")));
    }

    @Test
    void netOfCostToServe_costAboveRevenue_isNegative() {
        assertEquals(eur("-500.00"), Ltv.netOfCostToServe(eur("1000"), eur("1500")));
    }

    @Test
    void marginOverChurn_zeroChurn_isRejectedNamingChurnRate() {
        assertRejects("churnRate", () -> Ltv.marginOverChurn(eur("15"), d("0.6"), BigDecimal.ZERO));
    }

    @Test
    void marginOverChurn_marginAboveOne_isRejectedNamingGrossMargin() {
        assertRejects("grossMargin", () -> Ltv.marginOverChurn(eur("15"), d("1.2"), d("0.04")));
    }

    @Test
    void marginOverChurn_churnAboveOne_isRejectedNamingChurnRate() {
        assertRejects("churnRate", () -> Ltv.marginOverChurn(eur("15"), d("0.6"), d("1.5")));
    }

    @Test
    void arpuTimesLifetime_negativeArpu_isRejectedNamingArpu() {
        assertRejects("arpu", () -> Ltv.arpuTimesLifetime(eur("-1"), d("24")));
    }

    @Test
    void arpuTimesLifetime_negativeLifetime_isRejectedNamingLifetimePeriods() {
        assertRejects("lifetimePeriods", () -> Ltv.arpuTimesLifetime(eur("30"), d("-1")));
    }

    @Test
    void aovTimesFrequencyTimesLifespan_negativeFrequency_isRejectedNamingPurchasesPerYear() {
        assertRejects("purchasesPerYear", () -> Ltv.aovTimesFrequencyTimesLifespan(eur("80"), d("-4"), d("3")));
    }

    @Test
    void discounted_rateAboveOne_isRejectedNamingDiscountRate() {
        assertRejects("discountRate", () -> Ltv.discounted(List.of(eur("1")), d("0.5"), d("1.5"), eur("0")));
    }

    @Test
    void discounted_negativeRate_isRejectedNamingDiscountRate() {
        assertRejects("discountRate", () -> Ltv.discounted(List.of(eur("1")), d("0.5"), d("-0.1"), eur("0")));
    }

    @Test
    void discounted_negativeRevenue_isRejectedNamingTheYear() {
        assertRejects("revenues[1]", () -> Ltv.discounted(List.of(eur("1"), eur("-1")), d("0.5"), d("0.1"),
                eur("0")));
    }

    @Test
    void discounted_otherCurrency_isRejectedNamingTheYear() {
        assertRejects("revenues[0]", () -> Ltv.discounted(List.of(Money.of("1", "USD")), d("0.5"), d("0.1"),
                eur("0")));
    }

    @Test
    void discounted_negativeCac_isRejectedNamingCac() {
        assertRejects("cac", () -> Ltv.discounted(List.of(eur("1")), d("0.5"), d("0.1"), eur("-1")));
    }

    @Test
    void bySegment_empty_isRejectedNamingSegments() {
        assertRejects("segments", () -> Ltv.bySegment(List.of()));
    }

    @Test
    void bySegment_mixedCurrencies_isRejectedNamingTheSegment() {
        assertRejects("segments[1].revenue", () -> Ltv.bySegment(List.of(
                new SegmentValue("a", eur("1"), d("1"), d("1")),
                new SegmentValue("b", Money.of("1", "USD"), d("1"), d("1")))));
    }

    @Test
    void segmentValue_retentionAboveOne_isRejectedNamingRetentionProbability() {
        assertRejects("retentionProbability", () -> new SegmentValue("a", eur("1"), d("1.01"), d("0.5")));
    }

    @Test
    void segmentValue_blankName_isRejectedNamingName() {
        assertRejects("name", () -> new SegmentValue(" ", eur("1"), d("1"), d("0.5")));
    }

    @Test
    void netOfCostToServe_negativeCost_isRejectedNamingCostToServe() {
        assertRejects("costToServe", () -> Ltv.netOfCostToServe(eur("1"), eur("-1")));
    }
}
