package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.Money;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The one reader of numbers the {@code crm} program takes from people: option values and the cells of the metrics
 * files. Every number is bounded before anything computes with it: at most {@value #MAX_LENGTH} characters, below
 * 10^{@value #MAX_INTEGER_DIGITS} and with at most {@value #MAX_DECIMALS} decimals, so that {@code 1e999999999} is a
 * short error at once rather than a billion-digit computation. Each failure is an {@link IllegalArgumentException} whose
 * message says what is wrong with the value (quoted by {@link BadValue}); the caller adds where it was.
 */
public final class Numbers {

    /** The longest text read as a number. */
    public static final int MAX_LENGTH = 50;
    /** Numbers are below 10 to this power. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The most decimals a number has (trailing zeros not counted). */
    public static final int MAX_DECIMALS = 18;

    private Numbers() {
    }

    /**
     * A decimal number: plain ({@code 12.50}) or with an exponent ({@code 1.5e3}).
     *
     * @throws IllegalArgumentException if it is not a number or out of the bounds above
     */
    public static BigDecimal decimal(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a number is required, got nothing");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(BadValue.quote(value) + " is too long for a number (at most "
                    + MAX_LENGTH + " characters)");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(BadValue.quote(value) + " is not a number");
        }
        if (number.signum() == 0) {
            return BigDecimal.ZERO.setScale(Math.max(0, Math.min(number.scale(), MAX_DECIMALS)));
        }
        long integerDigits = (long) number.precision() - number.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(BadValue.quote(value) + " is out of range: numbers are below 10^"
                    + MAX_INTEGER_DIGITS);
        }
        if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(BadValue.quote(value) + " has more than " + MAX_DECIMALS
                    + " decimals");
        }
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    /**
     * A decimal number from {@code min} to {@code max}, both included.
     *
     * @throws IllegalArgumentException if it is not a number or out of range
     */
    public static BigDecimal decimal(String text, BigDecimal min, BigDecimal max) {
        BigDecimal number = decimal(text);
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new IllegalArgumentException(BadValue.quote(text.strip()) + " is out of range: from "
                    + min.toPlainString() + " to " + max.toPlainString());
        }
        return number;
    }

    /**
     * An amount of money, exact: no more decimals than the currency has.
     *
     * @param negativeAllowed whether an amount below zero is read
     * @throws IllegalArgumentException if it is not a number, out of range, negative when that is not allowed, or has
     *                                  too many decimals
     */
    public static Money money(String text, Currency currency, boolean negativeAllowed) {
        BigDecimal amount = decimal(text);
        if (!negativeAllowed && amount.signum() < 0) {
            throw new IllegalArgumentException(BadValue.quote(text.strip()) + " must not be negative");
        }
        int decimals = Math.max(0, currency.getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw new IllegalArgumentException(BadValue.quote(text.strip()) + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + decimals + ")");
        }
        return Money.of(amount, currency);
    }

    /**
     * A whole number from {@code min} to {@code max}, both included.
     *
     * @throws IllegalArgumentException if it is not a whole number or out of range
     */
    public static long whole(String text, long min, long max) {
        BigDecimal number = decimal(text);
        if (number.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(BadValue.quote(text.strip()) + " is not a whole number");
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(BadValue.quote(text.strip()) + " is out of range: from " + min + " to "
                    + max);
        }
        return number.longValueExact();
    }

    /**
     * A finite number of type {@code double}, read through {@link #decimal(String)} (so within its bounds).
     *
     * @throws IllegalArgumentException if it is not a number or out of range
     */
    public static double real(String text) {
        return decimal(text).doubleValue();
    }
}
