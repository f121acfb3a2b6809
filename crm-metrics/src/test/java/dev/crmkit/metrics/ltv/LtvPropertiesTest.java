package dev.crmkit.metrics.ltv;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** LTV grows with margin and falls with churn and the discount rate (never the other way, even after rounding). */
class LtvPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Gen<Money> AMOUNTS = longs().between(0, 10_000_000L)
            .map(cents -> Money.of(BigDecimal.valueOf(cents, 2), EUR));
    /** A fraction in thousandths, 0.000 to 1.000. */
    private static final Gen<Integer> PERMILLE = integers().between(0, 1000);
    private static final Gen<Integer> POSITIVE_PERMILLE = integers().between(1, 1000);

    private static BigDecimal permille(int value) {
        return BigDecimal.valueOf(value, 3);
    }

    @Test
    void marginOverChurn_growsWithMargin() {
        qt().withFixedSeed(6001).forAll(AMOUNTS, PERMILLE, PERMILLE, POSITIVE_PERMILLE).check((arpu, m1, m2, churn) -> {
            int low = Math.min(m1, m2);
            int high = Math.max(m1, m2);
            return Ltv.marginOverChurn(arpu, permille(low), permille(churn))
                    .compareTo(Ltv.marginOverChurn(arpu, permille(high), permille(churn))) <= 0;
        });
    }

    @Test
    void marginOverChurn_fallsWithChurn() {
        qt().withFixedSeed(6002).forAll(AMOUNTS, PERMILLE, POSITIVE_PERMILLE, POSITIVE_PERMILLE)
                .check((arpu, margin, c1, c2) -> {
                    int low = Math.min(c1, c2);
                    int high = Math.max(c1, c2);
                    return Ltv.marginOverChurn(arpu, permille(margin), permille(low))
                            .compareTo(Ltv.marginOverChurn(arpu, permille(margin), permille(high))) >= 0;
                });
    }

    @Test
    void marginOverChurn_strictlyGrowsWithMarginWhenTheStepIsAtLeastACent() {
        qt().withFixedSeed(6003).forAll(longs().between(100, 10_000_000L), integers().between(0, 980),
                POSITIVE_PERMILLE).check((cents, margin, churn) -> {
                    Money arpu = Money.of(BigDecimal.valueOf(cents, 2), EUR);
                    // a margin step of 0.02 moves an ARPU of at least 1.00 by at least 0.02 before rounding
                    return Ltv.marginOverChurn(arpu, permille(margin), permille(churn))
                            .compareTo(Ltv.marginOverChurn(arpu, permille(margin + 20), permille(churn))) < 0;
                });
    }

    private static final Money CAC = Money.of("100.00", "EUR");

    /** Up to six yearly revenues. */
    private static final Gen<List<Money>> REVENUES = integers().between(0, 6).flatMap(n -> AMOUNTS.map(first -> {
        List<Money> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            out.add(first.plus(Money.of(BigDecimal.valueOf(t * 1234L, 2), EUR)));
        }
        return out;
    }));

    @Test
    void discounted_growsWithMargin() {
        qt().withFixedSeed(6004).forAll(REVENUES, PERMILLE, PERMILLE, integers().between(0, 500))
                .check((rev, m1, m2, rate) -> Ltv.discounted(rev, permille(Math.min(m1, m2)), permille(rate), CAC)
                        .compareTo(Ltv.discounted(rev, permille(Math.max(m1, m2)), permille(rate), CAC)) <= 0);
    }

    @Test
    void discounted_fallsWithDiscountRate() {
        qt().withFixedSeed(6005).forAll(REVENUES, PERMILLE, integers().between(0, 500), integers().between(0, 500))
                .check((rev, margin, r1, r2) -> Ltv.discounted(rev, permille(margin), permille(Math.min(r1, r2)), CAC)
                        .compareTo(Ltv.discounted(rev, permille(margin), permille(Math.max(r1, r2)), CAC)) >= 0);
    }
}
