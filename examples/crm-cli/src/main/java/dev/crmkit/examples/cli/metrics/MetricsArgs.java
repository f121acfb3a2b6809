package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.Money;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Turns option values of the metrics commands into domain values; a bad value is a bad argument (exit 2). */
final class MetricsArgs {

    private MetricsArgs() {
    }

    /**
     * The currency of an ISO 4217 code.
     *
     * @throws ParameterException naming {@code --currency} for an unknown code
     */
    static Currency currency(CommandSpec spec, String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--currency must be an ISO 4217 code such as EUR, got "
                    + BadValue.quote(code));
        }
    }

    /**
     * Money of an option's amount, exact: an amount with more decimals than the currency has is refused rather than
     * rounded. The sign is left to the calculators, which name their field.
     *
     * @throws ParameterException naming the option for too many decimals
     */
    static Money money(CommandSpec spec, String option, BigDecimal amount, Currency currency) {
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new ParameterException(spec.commandLine(), option + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + "): "
                    + amount.toPlainString());
        }
        return Money.of(amount, currency);
    }

    /** The amount as JSON wants money: a decimal string with the currency's scale. */
    static String json(Money money) {
        return money.amount().toPlainString();
    }
}
