package dev.crmkit.examples.cli.bench;

import dev.crmkit.metrics.clv.BgNbdModel;
import dev.crmkit.metrics.order.OrderBook;

import java.util.Currency;
import java.util.Objects;

/**
 * An order history made by {@link OrderGenerator}: per order its customer index, epoch day and amount in euro cents,
 * in date order, plus the BG/NBD parameters it was drawn from (alpha per week). The column accessors return the
 * arrays themselves, not copies, so that a benchmark and an {@link OrderBook} read the very same memory: callers must
 * not change them.
 */
public final class GeneratedOrders {

    /** The currency of every amount. */
    public static final Currency CURRENCY = Currency.getInstance("EUR");

    private final int customers;
    private final int[] customerOf;
    private final int[] epochDay;
    private final long[] minorUnits;
    private final BgNbdModel truth;

    GeneratedOrders(int customers, int[] customerOf, int[] epochDay, long[] minorUnits, BgNbdModel truth) {
        this.customers = customers;
        this.customerOf = customerOf;
        this.epochDay = epochDay;
        this.minorUnits = minorUnits;
        this.truth = Objects.requireNonNull(truth, "truth");
    }

    /** How many orders. */
    public int size() {
        return customerOf.length;
    }

    /** How many customers, numbered 0 to customers - 1. */
    public int customers() {
        return customers;
    }

    /** Per order, its customer's index (the array itself). */
    public int[] customerOf() {
        return customerOf;
    }

    /** Per order, its epoch day (the array itself). */
    public int[] epochDay() {
        return epochDay;
    }

    /** Per order, its amount in cents (the array itself). */
    public long[] minorUnits() {
        return minorUnits;
    }

    /** The BG/NBD parameters the purchases were drawn from, alpha per week. */
    public BgNbdModel truth() {
        return truth;
    }

    /** An order book over these very columns (not copied), customers named {@code c0} to {@code c<n-1>}. */
    public OrderBook book() {
        String[] ids = new String[customers];
        for (int c = 0; c < customers; c++) {
            ids[c] = "c" + c;
        }
        return OrderBook.ofColumns(CURRENCY, ids, customerOf, epochDay, minorUnits);
    }
}
