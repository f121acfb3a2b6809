package dev.crmkit.metrics.funnel;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** Rates stay within 0 and 1, and the cumulative rate is the product of the steps. */
class FunnelPropertiesTest {

    private static long[] narrowing(List<Long> counts) {
        return counts.stream().sorted(Comparator.reverseOrder()).mapToLong(Long::longValue).toArray();
    }

    private static Gen<long[]> funnels(long min) {
        return lists().of(longs().between(min, 1_000_000L)).ofSizeBetween(1, 8).map(FunnelPropertiesTest::narrowing);
    }

    @Test
    void ofCounts_everyRate_isBetweenZeroAndOne() {
        qt().withFixedSeed(6101).forAll(funnels(0)).check(counts -> Funnel.ofCounts(counts).stages().stream()
                .flatMap(s -> List.of(s.conversionFromPrevious(), s.conversionFromFirst(), s.dropOffRate()).stream())
                .allMatch(r -> r.value().signum() >= 0 && r.value().compareTo(BigDecimal.ONE) <= 0
                        && r.doubleValue() >= 0 && r.doubleValue() <= 1));
    }

    @Test
    void ofCounts_conversionFromFirst_isExactlyTheProductOfTheSteps() {
        qt().withFixedSeed(6102).forAll(funnels(1)).check(counts -> {
            BigInteger numerator = BigInteger.ONE;
            BigInteger denominator = BigInteger.ONE;
            for (FunnelStage stage : Funnel.ofCounts(counts).stages()) {
                numerator = numerator.multiply(BigInteger.valueOf(stage.conversionFromPrevious().numerator()));
                denominator = denominator.multiply(BigInteger.valueOf(stage.conversionFromPrevious().denominator()));
                Ratio fromFirst = stage.conversionFromFirst();
                if (!numerator.multiply(BigInteger.valueOf(fromFirst.denominator()))
                        .equals(denominator.multiply(BigInteger.valueOf(fromFirst.numerator())))) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void ofCounts_cumulativeValue_isTheProductOfTheRoundedStepsWithinRounding() {
        qt().withFixedSeed(6103).forAll(funnels(1)).check(counts -> {
            FunnelReport report = Funnel.ofCounts(counts);
            double product = report.stages().stream().mapToDouble(s -> s.conversionFromPrevious().doubleValue())
                    .reduce(1, (a, b) -> a * b);
            return Math.abs(product - report.cumulativeConversion().value().doubleValue()) <= 0.5e-6 + 1e-12;
        });
    }
}
