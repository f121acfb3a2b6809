package dev.crmkit.metrics.funnel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FunnelTest {

    @Test
    void ofCounts_500To300To120_converts60Then40Percent() {
        FunnelReport report = Funnel.ofCounts(List.of(new StageCount("lead", 500), new StageCount("qualified", 300),
                new StageCount("won", 120)));

        assertEquals(List.of(
                new FunnelStage("lead", 500, Ratio.of(500, 500), Ratio.of(500, 500), 0, Ratio.of(0, 500)),
                new FunnelStage("qualified", 300, Ratio.of(300, 500), Ratio.of(300, 500), 200, Ratio.of(200, 500)),
                new FunnelStage("won", 120, Ratio.of(120, 300), Ratio.of(120, 500), 180, Ratio.of(180, 300))),
                report.stages());
        assertEquals(new BigDecimal("0.600000"), report.stages().get(1).conversionFromPrevious().value());
        assertEquals(new BigDecimal("0.400000"), report.stages().get(2).conversionFromPrevious().value());
        assertEquals(new BigDecimal("0.240000"), report.cumulativeConversion().value());
        assertEquals(new BigDecimal("0.600000"), report.stages().get(2).dropOffRate().value());
    }

    @Test
    void ofCounts_unnamed_namesStagesByPosition() {
        FunnelReport report = Funnel.ofCounts(500, 300, 120);
        assertEquals("stage 3", report.stages().get(2).name());
        assertEquals(Ratio.of(120, 500), report.cumulativeConversion());
    }

    @Test
    void ofCounts_singleStage_convertsFully() {
        FunnelReport report = Funnel.ofCounts(7);
        assertEquals(new BigDecimal("1.000000"), report.cumulativeConversion().value());
    }

    @Test
    void ofCounts_allZero_hasUndefinedRatesOfValueZero() {
        FunnelReport report = Funnel.ofCounts(0, 0);
        assertFalse(report.cumulativeConversion().isDefined());
        assertEquals(new BigDecimal("0.000000"), report.cumulativeConversion().value());
    }

    @Test
    void ofCounts_noStage_isRejectedNamingStages() {
        assertRejects("stages", () -> Funnel.ofCounts(List.of()));
    }

    @Test
    void ofCounts_countAbovePrevious_isRejectedNamingTheStage() {
        assertRejects("stages[2].count", () -> Funnel.ofCounts(500, 300, 301));
    }

    @Test
    void ofCounts_negativeCount_isRejectedNamingTheCount() {
        assertRejects("counts[1]", () -> Funnel.ofCounts(500, -1));
    }

    @Test
    void ofCounts_repeatedStage_isRejectedNamingTheStage() {
        assertRejects("stages[1].stage", () -> Funnel.ofCounts(List.of(new StageCount("a", 2),
                new StageCount("a", 1))));
    }

    @Test
    void ratio_numeratorAboveDenominator_isRejectedNamingNumerator() {
        assertRejects("numerator", () -> Ratio.of(3, 2));
    }

    @Test
    void ratio_twoThirds_roundsHalfEvenToSixDecimals() {
        assertEquals(new BigDecimal("0.666667"), Ratio.of(2, 3).value());
        assertEquals(new BigDecimal("0.000000"), Ratio.of(1, 4_000_000).value()); // 0.00000025 to even
    }
}
