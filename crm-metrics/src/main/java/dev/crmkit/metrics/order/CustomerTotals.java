package dev.crmkit.metrics.order;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one pass over an {@link OrderBook} gathers per customer from the orders on or before an as-of date: the first
 * and last order day, the number of orders and their sum in minor units; and over all of them the number of orders
 * and the revenue. RFM and the LTV from orders both start from it, so computing both reads the orders once. Held in
 * primitive columns indexed by the book's customer index, one slot per customer (a customer without such an order has
 * a count of 0). Immutable and thread-safe; the arrays are never handed out.
 */
public final class CustomerTotals {

    private final OrderBook book;
    private final LocalDate asOf;
    private final int[] firstDay;
    private final int[] lastDay;
    private final int[] count;
    private final long[] minorUnits;
    private final long orders;
    private final long revenueMinor;
    private final int customers;

    CustomerTotals(OrderBook book, LocalDate asOf, int[] firstDay, int[] lastDay, int[] count,
            long[] minorUnits, long orders, long revenueMinor, int customers) {
        this.book = book;
        this.asOf = asOf;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.count = count;
        this.minorUnits = minorUnits;
        this.orders = orders;
        this.revenueMinor = revenueMinor;
        this.customers = customers;
    }

    /**
     * One pass over the book's orders on or before {@code asOf}; orders after it are skipped (but for the first-day
     * test, see {@link #firstDay}). {@link OrderPass} gathers the same with the cohort cells in the same pass.
     */
    public static CustomerTotals of(OrderBook book, LocalDate asOf) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(asOf, "asOf");
        return OrderScan.run(book, asOf, null).totals;
    }

    /** The book the totals were taken from. */
    public OrderBook book() {
        return book;
    }

    /** The as-of date: later orders were skipped. */
    public LocalDate asOf() {
        return asOf;
    }

    /** How many customer slots (the book's customer count). */
    public int slots() {
        return count.length;
    }

    /** How many customers have an order on or before the as-of date. */
    public int customers() {
        return customers;
    }

    /** How many orders lie on or before the as-of date. */
    public long orders() {
        return orders;
    }

    /** Their sum in minor units. */
    public long revenueMinor() {
        return revenueMinor;
    }

    /** The number of orders of customer index {@code c} (0 when it has none on or before the as-of date). */
    public long count(int c) {
        return count[c];
    }

    /** The sum of customer {@code c}'s orders in minor units. */
    public long minorUnits(int c) {
        return minorUnits[c];
    }

    /** The epoch day of customer {@code c}'s first order ({@link Integer#MAX_VALUE} when it has none). */
    public int firstDay(int c) {
        // the pass keeps each customer's first day over all its orders: when one is on or before the as-of date,
        // the first is too
        return count[c] == 0 ? Integer.MAX_VALUE : firstDay[c];
    }

    /** The epoch day of customer {@code c}'s last order ({@link Integer#MIN_VALUE} when it has none). */
    public int lastDay(int c) {
        return count[c] == 0 ? Integer.MIN_VALUE : lastDay[c];
    }
}
