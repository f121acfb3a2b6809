package dev.crmkit.core.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, held at the currency's own scale (two decimals for EUR, none for JPY).
 *
 * <p>Never a {@code double}: the amount is a {@link BigDecimal}. Creating or multiplying money that would need more
 * decimals than the currency has fails unless a {@link RoundingMode} is given, so no cent is ever rounded away
 * silently. Arithmetic across currencies fails with {@link CurrencyMismatchException}.
 *
 * <p>{@link #toString()} writes {@code "EUR 12.50"}, which {@link #parse(CharSequence)} reads back.
 * Immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {

    /**
     * The most digits an amount has before the decimal point: amounts from -10^34 to 10^34, exclusive, which every
     * store keeps ({@code NUMERIC(38, 4)}). A larger amount is refused before any arithmetic on it.
     */
    public static final int MAX_INTEGER_DIGITS = 34;

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * Money of an exact amount.
     *
     * @throws ArithmeticException if the amount has more decimals than the currency allows, or more than
     *                             {@value #MAX_INTEGER_DIGITS} digits before the decimal point
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return of(amount, currency, RoundingMode.UNNECESSARY);
    }

    /**
     * Money of an amount rounded to the currency's scale with the given rounding.
     *
     * @throws ArithmeticException if the amount has more than {@value #MAX_INTEGER_DIGITS} digits before the decimal
     *                             point, or needs rounding and {@code rounding} is {@code UNNECESSARY}
     */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rounding, "rounding");
        requireInRange(amount);
        int scale = scaleOf(currency);
        try {
            return new Money(belowScale(amount, scale).setScale(scale, rounding), currency);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount " + BadValue.quote(amount) + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + scale + "); give a RoundingMode");
        }
    }

    /** The digits before the decimal point of a non-zero amount (0 or less when it is below 1), computed cheaply. */
    private static long integerDigits(BigDecimal amount) {
        return amount.signum() == 0 ? 0 : (long) amount.precision() - amount.scale();
    }

    private static BigDecimal requireInRange(BigDecimal amount) {
        if (integerDigits(amount) > MAX_INTEGER_DIGITS) {
            throw new ArithmeticException("amount " + BadValue.quote(amount) + " is out of range: money has at most "
                    + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return amount;
    }

    /**
     * An amount far below the currency's smallest unit (1E-999999999) rounds like any amount between zero and a tenth
     * of that unit: it is replaced by one, so that rounding does not compute a power of ten with a billion digits.
     */
    private static BigDecimal belowScale(BigDecimal amount, int scale) {
        if (amount.signum() != 0 && integerDigits(amount) < -(scale + 1L)) {
            return BigDecimal.valueOf(amount.signum(), scale + 2);
        }
        return amount;
    }

    /** Money of an exact amount written as a decimal string, for example {@code Money.of("12.50", "EUR")}. */
    public static Money of(String amount, String currencyCode) {
        return of(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /**
     * Reads the form {@link #toString()} writes: a three-letter ISO 4217 code, one space, a plain decimal amount.
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static Money parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String s = text.toString().trim();
        int space = s.indexOf(' ');
        if (space != 3) {
            throw new IllegalArgumentException("money must be written as 'CCC amount', for example 'EUR 12.50': "
                    + BadValue.quote(s));
        }
        try {
            return of(new BigDecimal(s.substring(4).trim()), Currency.getInstance(s.substring(0, 3)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("money amount is not a decimal number: " + BadValue.quote(s), e);
        }
    }

    private static int scaleOf(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The amount, at the currency's scale. */
    public BigDecimal amount() {
        return amount;
    }

    /** The currency. */
    public Currency currency() {
        return currency;
    }

    /** This plus another amount of the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(requireInRange(amount.add(other.amount)), currency);
    }

    /** This minus another amount of the same currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(requireInRange(amount.subtract(other.amount)), currency);
    }

    /** This multiplied by a factor, rounded to the currency's scale as told. */
    public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(factor, "factor");
        return of(amount.multiply(factor), currency, rounding);
    }

    /** This divided by a divisor, rounded to the currency's scale as told. */
    public Money dividedBy(BigDecimal divisor, RoundingMode rounding) {
        Objects.requireNonNull(divisor, "divisor");
        Objects.requireNonNull(rounding, "rounding");
        if (divisor.signum() != 0 && integerDigits(amount) - integerDigits(divisor) >= MAX_INTEGER_DIGITS) {
            throw new ArithmeticException("amount " + BadValue.quote(amount) + " divided by " + BadValue.quote(divisor)
                    + " is out of range: money has at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return new Money(requireInRange(amount.divide(divisor, scaleOf(currency), rounding)), currency);
    }

    /** The same amount with the opposite sign. */
    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    /** A copy with another amount in the same currency (exact). */
    public Money withAmount(BigDecimal newAmount) {
        return of(newAmount, currency);
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Whether the amount is greater than zero. */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Whether the amount is less than zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Orders amounts of the same currency.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.equals(m.amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
