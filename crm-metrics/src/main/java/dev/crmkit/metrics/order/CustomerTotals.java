package dev.crmkit.metrics.order;

import java.time.LocalDate;
import java.util.Arrays;
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
    private final long[] count;
    private final long[] minorUnits;
    private final long orders;
    private final long revenueMinor;
    private final int customers;

    private CustomerTotals(OrderBook book, LocalDate asOf, int[] firstDay, int[] lastDay, long[] count,
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

    /** One pass over the book's orders on or before {@code asOf}; orders after it are skipped. */
    public static CustomerTotals of(OrderBook book, LocalDate asOf) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(asOf, "asOf");
        long asOfDay = asOf.toEpochDay();
        int n = book.customerCount();
        int[] first = new int[n];
        int[] last = new int[n];
        long[] count = new long[n];
        long[] total = new long[n];
        Arrays.fill(first, Integer.MAX_VALUE);
        Arrays.fill(last, Integer.MIN_VALUE);
        long orders = 0;
        long revenue = 0;
        int customers = 0;
        for (int i = 0; i < book.size(); i++) {
            int day = book.epochDay(i);
            if (day > asOfDay) {
                continue;
            }
            int c = book.customerOf(i);
            long amount = book.minorUnits(i);
            if (count[c] == 0) {
                customers++;
            }
            first[c] = Math.min(first[c], day);
            last[c] = Math.max(last[c], day);
            count[c]++;
            total[c] += amount; // a book's amounts add up to at most Long.MAX_VALUE, so no sum overflows
            orders++;
            revenue += amount;
        }
        return new CustomerTotals(book, asOf, first, last, count, total, orders, revenue, customers);
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
        return firstDay[c];
    }

    /** The epoch day of customer {@code c}'s last order ({@link Integer#MIN_VALUE} when it has none). */
    public int lastDay(int c) {
        return lastDay[c];
    }
}
