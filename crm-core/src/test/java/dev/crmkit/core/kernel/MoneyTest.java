package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void of_keepsExactAmountAtCurrencyScale() {
        Money m = Money.of(new BigDecimal("12.5"), EUR);

        assertEquals(new BigDecimal("12.50"), m.amount());
        assertEquals(2, m.amount().scale());
        assertSame(EUR, m.currency());
    }

    @Test
    void of_padsWholeAmountsToCurrencyScale() {
        assertEquals(new BigDecimal("7.00"), Money.of(BigDecimal.valueOf(7), EUR).amount());
    }

    @Test
    void of_refusesToRoundSilently() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Money.of(new BigDecimal("12.505"), EUR));

        assertTrue(e.getMessage().contains("12.505"), e.getMessage());
        assertTrue(e.getMessage().contains("EUR"), e.getMessage());
    }

    @Test
    void of_acceptsTrailingZerosBeyondScale() {
        assertEquals(eur("12.50"), Money.of(new BigDecimal("12.5000"), EUR));
    }

    @Test
    void of_roundsAsToldWithRoundingMode() {
        assertEquals(eur("12.51"), Money.of(new BigDecimal("12.505"), EUR, RoundingMode.HALF_UP));
        assertEquals(eur("12.50"), Money.of(new BigDecimal("12.505"), EUR, RoundingMode.HALF_EVEN));
        assertEquals(eur("12.52"), Money.of(new BigDecimal("12.515"), EUR, RoundingMode.HALF_EVEN));
        assertEquals(eur("12.50"), Money.of(new BigDecimal("12.509"), EUR, RoundingMode.DOWN));
        assertEquals(eur("-12.51"), Money.of(new BigDecimal("-12.501"), EUR, RoundingMode.UP));
    }

    @Test
    void of_withUnnecessaryRoundingStillRefuses() {
        assertThrows(ArithmeticException.class,
                () -> Money.of(new BigDecimal("0.001"), EUR, RoundingMode.UNNECESSARY));
    }

    @Test
    void of_readsDecimalStringAndCurrencyCode() {
        Money m = Money.of("12.50", "USD");

        assertEquals(new BigDecimal("12.50"), m.amount());
        assertEquals(USD, m.currency());
    }

    @Test
    void of_refusesNulls() {
        assertThrows(NullPointerException.class, () -> Money.of(null, EUR));
        assertThrows(NullPointerException.class, () -> Money.of(BigDecimal.ONE, null));
        assertThrows(NullPointerException.class, () -> Money.of(BigDecimal.ONE, EUR, null));
    }

    @Test
    void of_jpyHasScaleZero() {
        Money yen = Money.of("1000", "JPY");

        assertEquals(0, yen.amount().scale());
        assertEquals(new BigDecimal("1000"), yen.amount());
        assertEquals("JPY 1000", yen.toString());
    }

    @Test
    void of_jpyRefusesFractions() {
        assertThrows(ArithmeticException.class, () -> Money.of("1000.5", "JPY"));
        assertEquals(Money.of("1001", "JPY"), Money.of(new BigDecimal("1000.5"), JPY, RoundingMode.HALF_UP));
    }

    @Test
    void zero_isZeroAtCurrencyScale() {
        Money zero = Money.zero(EUR);

        assertTrue(zero.isZero());
        assertEquals(new BigDecimal("0.00"), zero.amount());
        assertEquals(0, Money.zero(JPY).amount().scale());
    }

    @Test
    void plus_addsAmountsOfSameCurrency() {
        assertEquals(eur("15.75"), eur("12.50").plus(eur("3.25")));
    }

    @Test
    void minus_subtractsAmountsOfSameCurrency() {
        assertEquals(eur("-0.75"), eur("2.50").minus(eur("3.25")));
    }

    @Test
    void multipliedBy_exactFactorKeepsEveryCent() {
        assertEquals(eur("18.75"), eur("12.50").multipliedBy(new BigDecimal("1.5"), RoundingMode.UNNECESSARY));
    }

    @Test
    void multipliedBy_roundsAsTold() {
        assertEquals(eur("3.33"), eur("10.00").multipliedBy(new BigDecimal("0.333"), RoundingMode.HALF_UP));
        assertEquals(eur("0.02"), eur("0.05").multipliedBy(new BigDecimal("0.5"), RoundingMode.HALF_EVEN));
        assertEquals(eur("0.03"), eur("0.05").multipliedBy(new BigDecimal("0.5"), RoundingMode.HALF_UP));
    }

    @Test
    void multipliedBy_refusesToRoundWithUnnecessary() {
        assertThrows(ArithmeticException.class,
                () -> eur("10.00").multipliedBy(new BigDecimal("0.3333"), RoundingMode.UNNECESSARY));
    }

    @Test
    void dividedBy_roundsToCurrencyScale() {
        assertEquals(eur("3.33"), eur("10.00").dividedBy(BigDecimal.valueOf(3), RoundingMode.HALF_EVEN));
        assertEquals(eur("3.34"), eur("10.00").dividedBy(BigDecimal.valueOf(3), RoundingMode.UP));
        assertEquals(Money.of("33", "JPY"), Money.of("100", "JPY").dividedBy(BigDecimal.valueOf(3), RoundingMode.DOWN));
    }

    @Test
    void dividedBy_exactDivisionNeedsNoRounding() {
        assertEquals(eur("2.50"), eur("10.00").dividedBy(BigDecimal.valueOf(4), RoundingMode.UNNECESSARY));
    }

    @Test
    void dividedBy_zeroFails() {
        assertThrows(ArithmeticException.class, () -> eur("10.00").dividedBy(BigDecimal.ZERO, RoundingMode.HALF_UP));
    }

    @Test
    void plus_currencyMismatchCarriesBothCurrencies() {
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> eur("1.00").plus(Money.of("1.00", "USD")));

        assertEquals(EUR, e.getFirstCurrency());
        assertEquals(USD, e.getSecondCurrency());
        assertTrue(e.getMessage().contains("EUR") && e.getMessage().contains("USD"), e.getMessage());
    }

    @Test
    void minus_currencyMismatchCarriesBothCurrencies() {
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> Money.of("1", "JPY").minus(eur("1.00")));

        assertEquals(JPY, e.getFirstCurrency());
        assertEquals(EUR, e.getSecondCurrency());
    }

    @Test
    void compareTo_currencyMismatchFails() {
        assertThrows(CurrencyMismatchException.class, () -> eur("1.00").compareTo(Money.of("1.00", "USD")));
    }

    @Test
    void currencyMismatch_isAnIllegalArgument() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(CurrencyMismatchException.class));
    }

    @Test
    void compareTo_ordersByAmount() {
        assertTrue(eur("1.00").compareTo(eur("2.00")) < 0);
        assertTrue(eur("2.00").compareTo(eur("1.00")) > 0);
        assertEquals(0, eur("2.00").compareTo(eur("2.0")));
    }

    @Test
    void negated_flipsSign() {
        assertEquals(eur("-12.50"), eur("12.50").negated());
        assertEquals(eur("12.50"), eur("-12.50").negated());
    }

    @Test
    void signPredicates_matchAmount() {
        assertTrue(eur("0.01").isPositive());
        assertFalse(eur("0.01").isNegative());
        assertTrue(eur("-0.01").isNegative());
        assertFalse(eur("-0.01").isZero());
        assertTrue(eur("0").isZero());
        assertFalse(eur("0").isPositive());
    }

    @Test
    void withAmount_replacesAmountExactly() {
        assertEquals(eur("99.90"), eur("1.00").withAmount(new BigDecimal("99.9")));
        assertThrows(ArithmeticException.class, () -> eur("1.00").withAmount(new BigDecimal("99.999")));
    }

    @Test
    void toString_writesCodeSpaceAndPlainAmount() {
        assertEquals("EUR 12.50", eur("12.5").toString());
        assertEquals("EUR -0.50", eur("-0.5").toString());
        assertEquals("EUR 10000000000.00", Money.of(new BigDecimal("1E+10"), EUR).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR 12.50", "EUR -0.50", "EUR 0.00", "USD 1000000.01", "JPY 1000", "JPY -7",
            "BHD 1.234", "EUR 10000000000.00"})
    void parse_readsWhatToStringWrites(String text) {
        Money m = Money.parse(text);

        assertEquals(text, m.toString());
        assertEquals(m, Money.parse(m.toString()));
    }

    @Test
    void parse_scalesAmountToCurrency() {
        assertEquals(eur("12.50"), Money.parse("EUR 12.5"));
        assertEquals(eur("12.50"), Money.parse("  EUR 12.5  "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EUR", "12.50 EUR", "EUR12.50", "EURO 12.50", "EUR 12,50", "EUR twelve", "EUR ",
            "XYZ 1.00"})
    void parse_refusesOtherForms(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(text));
    }

    @Test
    void parse_refusesTooManyDecimals() {
        assertThrows(ArithmeticException.class, () -> Money.parse("EUR 12.505"));
    }

    @Test
    void equals_sameAmountAndCurrency() {
        Money a = Money.of(new BigDecimal("1.5"), EUR);
        Money b = Money.of(new BigDecimal("1.500"), EUR);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void equals_differsByCurrencyOrAmount() {
        assertNotEquals(eur("1.00"), Money.of("1.00", "USD"));
        assertNotEquals(eur("1.00"), eur("1.01"));
        assertNotEquals(eur("1.00"), null);
        assertNotEquals(eur("1.00"), "EUR 1.00");
    }
}
