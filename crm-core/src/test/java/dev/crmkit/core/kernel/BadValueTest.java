package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadValueTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void quote_shortValue_isQuotedWhole() {
        assertEquals("'abc'", BadValue.quote("abc"));
    }

    @Test
    void quote_longValue_showsAHundredCharactersAndTheLength() {
        String quoted = BadValue.quote("x".repeat(1_000_000));

        assertEquals("'" + "x".repeat(100) + "…' (1,000,000 characters)", quoted);
    }

    @Test
    void quote_controlCharacters_stayOnOneLine() {
        assertEquals("'a?b?c'", BadValue.quote("a\nb\u0000c"));
    }

    @Test
    void moneyOf_hugeExponent_isRefusedShortly() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Money.of(new BigDecimal("1e999999999"), EUR));

        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertTrue(e.getMessage().contains("1E+999999999") && e.getMessage().contains("34 digits"), e.getMessage());
    }

    @Test
    void moneyOf_tinyExponent_roundsLikeAnyTinyAmount() {
        BigDecimal tiny = new BigDecimal("1e-999999999");

        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Money.of(tiny, EUR));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertEquals(Money.of("0.01", "EUR"), Money.of(tiny, EUR, RoundingMode.UP));
        assertEquals(Money.of("0.00", "EUR"), Money.of(tiny, EUR, RoundingMode.HALF_EVEN));
        assertEquals(Money.of("-0.01", "EUR"), Money.of(tiny.negate(), EUR, RoundingMode.FLOOR));
    }

    @Test
    void moneyOf_largestAmount_isKeptAndOneMoreDigitRefused() {
        BigDecimal largest = new BigDecimal("9".repeat(Money.MAX_INTEGER_DIGITS) + ".99");

        assertEquals(largest, Money.of(largest, EUR).amount());
        assertThrows(ArithmeticException.class, () -> Money.of(largest.add(new BigDecimal("0.01")), EUR));
        assertThrows(ArithmeticException.class, () -> Money.of(largest, EUR).plus(Money.of("0.01", "EUR")));
    }

    @Test
    void moneyDividedBy_tinyDivisor_isRefusedShortly() {
        Money one = Money.of("1", "EUR");

        assertThrows(ArithmeticException.class,
                () -> one.dividedBy(new BigDecimal("1e-999999999"), RoundingMode.HALF_EVEN));
    }

    @Test
    void moneyParse_longText_quotesAtMostAHundredCharacters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Money.parse("EUR " + "1x".repeat(100_000)));

        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void validationException_longMessagesAndManyViolations_stayBounded() {
        List<Violation> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(new Violation("f" + "x".repeat(10_000), "format", "'" + "y".repeat(10_000) + "' is bad"));
        }

        String message = new ValidationException(many).getMessage();

        assertTrue(message.length() < 10 * 500 + 100, "length " + message.length());
        assertTrue(message.endsWith("; and 990 more"), message.substring(message.length() - 40));
        assertEquals(1000, new ValidationException(many).violations().size());
    }
}
