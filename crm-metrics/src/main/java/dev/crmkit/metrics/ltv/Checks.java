package dev.crmkit.metrics.ltv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** Input checks shared by the LTV calculators; each failure names the field and the rule. */
final class Checks {

    private Checks() {
    }

    static Money notNegative(Money value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw ValidationException.of(field, "not-negative", "must not be negative, was " + value);
        }
        return value;
    }

    static BigDecimal notNegative(BigDecimal value, String field) {
        Objects.requireNonNull(value, field);
        if (value.signum() < 0) {
            throw ValidationException.of(field, "not-negative", "must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /** A fraction from 0 to 1, both included. */
    static BigDecimal fraction(BigDecimal value, String field) {
        Objects.requireNonNull(value, field);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw ValidationException.of(field, "range", "must be a fraction from 0 to 1, was "
                    + value.toPlainString());
        }
        return value;
    }

    /** A fraction above 0 and at most 1. */
    static BigDecimal positiveFraction(BigDecimal value, String field) {
        fraction(value, field);
        if (value.signum() == 0) {
            throw ValidationException.of(field, "positive", "must be above 0 (a churn of 0 means an endless lifetime)");
        }
        return value;
    }

    static void sameCurrency(Currency expected, Money value, String field) {
        if (!expected.equals(value.currency())) {
            throw ValidationException.of(field, "currency", "must be in " + expected.getCurrencyCode()
                    + " like the other amounts, was " + value);
        }
    }
}
