package dev.crmkit.core.kernel;

import java.util.Currency;

/** Thrown when two amounts of different currencies are combined or compared. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Currency firstCurrency;
    private final transient Currency secondCurrency;

    /** Creates the exception for the two currencies that did not match. */
    public CurrencyMismatchException(Currency firstCurrency, Currency secondCurrency) {
        super("currencies differ: " + firstCurrency.getCurrencyCode() + " and " + secondCurrency.getCurrencyCode());
        this.firstCurrency = firstCurrency;
        this.secondCurrency = secondCurrency;
    }

    /** The currency of the amount the operation was called on. */
    public Currency getFirstCurrency() {
        return firstCurrency;
    }

    /** The currency of the other amount. */
    public Currency getSecondCurrency() {
        return secondCurrency;
    }
}
