package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

/** Arithmetic laws of {@link Money}, over amounts at the currency's scale (made from longs, never doubles). */
class MoneyPropertiesTest {

    private static final Gen<Currency> CURRENCIES = arbitrary().pick(
            Currency.getInstance("EUR"), Currency.getInstance("USD"), Currency.getInstance("JPY"),
            Currency.getInstance("BHD"));

    /** Minor units: mostly everyday amounts, sometimes anything a long holds. */
    private static final Gen<Long> UNITS = longs().between(-10_000_000L, 10_000_000L).mix(longs().all(), 30);

    private static Money money(Currency currency, long units) {
        return Money.of(BigDecimal.valueOf(units, Math.max(0, currency.getDefaultFractionDigits())), currency);
    }

    @Test
    void plus_isCommutative() {
        qt().forAll(CURRENCIES, UNITS, UNITS)
                .check((c, a, b) -> money(c, a).plus(money(c, b)).equals(money(c, b).plus(money(c, a))));
    }

    @Test
    void plus_isAssociative() {
        qt().forAll(CURRENCIES, UNITS, UNITS, UNITS).check((c, a, b, d) ->
                money(c, a).plus(money(c, b)).plus(money(c, d))
                        .equals(money(c, a).plus(money(c, b).plus(money(c, d)))));
    }

    @Test
    void plus_zeroIsIdentity() {
        qt().forAll(CURRENCIES, UNITS).check((c, a) ->
                money(c, a).plus(Money.zero(c)).equals(money(c, a))
                        && Money.zero(c).plus(money(c, a)).equals(money(c, a)));
    }

    @Test
    void minus_thenPlusSameAmountIsIdentity() {
        qt().forAll(CURRENCIES, UNITS, UNITS)
                .check((c, a, b) -> money(c, a).minus(money(c, b)).plus(money(c, b)).equals(money(c, a)));
    }

    @Test
    void minus_itselfIsZero() {
        qt().forAll(CURRENCIES, UNITS).check((c, a) -> money(c, a).minus(money(c, a)).equals(Money.zero(c)));
    }

    @Test
    void negated_twiceIsIdentity() {
        qt().forAll(CURRENCIES, UNITS).check((c, a) -> money(c, a).negated().negated().equals(money(c, a)));
    }

    @Test
    void negated_isZeroMinus() {
        qt().forAll(CURRENCIES, UNITS).check((c, a) -> money(c, a).negated().equals(Money.zero(c).minus(money(c, a))));
    }

    @Test
    void multipliedBy_oneIsIdentity() {
        qt().forAll(CURRENCIES, UNITS).check((c, a) ->
                money(c, a).multipliedBy(BigDecimal.ONE, RoundingMode.UNNECESSARY).equals(money(c, a))
                        && money(c, a).multipliedBy(new BigDecimal("1.000"), RoundingMode.UNNECESSARY)
                        .equals(money(c, a)));
    }

    @Test
    void multipliedBy_integerIsRepeatedAddition() {
        qt().forAll(CURRENCIES, UNITS).check((c, a) ->
                money(c, a).multipliedBy(BigDecimal.valueOf(3), RoundingMode.UNNECESSARY)
                        .equals(money(c, a).plus(money(c, a)).plus(money(c, a))));
    }

    @Test
    void compareTo_agreesWithSignOfDifference() {
        qt().forAll(CURRENCIES, UNITS, UNITS).check((c, a, b) ->
                Integer.signum(money(c, a).compareTo(money(c, b))) == money(c, a).minus(money(c, b)).amount().signum());
    }

    @Test
    void compareTo_isConsistentWithEquals() {
        qt().forAll(CURRENCIES, UNITS, UNITS).check((c, a, b) ->
                (money(c, a).compareTo(money(c, b)) == 0) == money(c, a).equals(money(c, b)));
    }

    @Test
    void parse_readsToStringBack() {
        qt().forAll(CURRENCIES, UNITS).check((c, a) -> Money.parse(money(c, a).toString()).equals(money(c, a)));
    }

    @Test
    void amount_alwaysHasCurrencyScale() {
        qt().forAll(CURRENCIES, UNITS, UNITS).check((c, a, b) ->
                money(c, a).plus(money(c, b)).amount().scale() == Math.max(0, c.getDefaultFractionDigits())
                        && money(c, a).dividedBy(BigDecimal.valueOf(7), RoundingMode.HALF_EVEN).amount().scale()
                        == Math.max(0, c.getDefaultFractionDigits()));
    }
}
