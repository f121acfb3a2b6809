package dev.crmkit.metrics.order;

import java.util.Arrays;
import java.util.Currency;
import java.util.SplittableRandom;

/** Random order books from a seeded generator, for the tests that compare a calculator with a reference. */
public final class SeededBooks {

    private SeededBooks() {
    }

    /**
     * A book in EUR of {@code customers} customers ({@code C0}, {@code C1}, ...) and {@code orders} orders, each on a
     * day from {@code firstDay} to {@code firstDay + days - 1} for a random customer, with amounts drawn by
     * {@code amounts}. Customers may have no order.
     */
    public static OrderBook book(SplittableRandom random, int customers, int orders, int firstDay, int days,
            java.util.function.LongSupplier amounts) {
        String[] ids = new String[customers];
        for (int c = 0; c < customers; c++) {
            ids[c] = "C" + c;
        }
        int[] customerOf = new int[orders];
        int[] day = new int[orders];
        long[] minor = new long[orders];
        for (int i = 0; i < orders; i++) {
            customerOf[i] = random.nextInt(customers);
            day[i] = firstDay + random.nextInt(days);
            minor[i] = amounts.getAsLong();
        }
        return OrderBook.ofColumns(Currency.getInstance("EUR"), ids, customerOf, day, minor);
    }

    /**
     * The same orders in date order (a stable sort by day, as an order log holds them): a calculator must give the
     * same results for both, though a pass over it meets each customer's first order first.
     */
    public static OrderBook inDateOrder(OrderBook book) {
        long[] keys = new long[book.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) book.epochDay(i) << 32) | i; // test days are positive, so the packed key sorts by day
        }
        Arrays.sort(keys);
        String[] ids = new String[book.customerCount()];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = book.customerId(c);
        }
        int[] customerOf = new int[keys.length];
        int[] day = new int[keys.length];
        long[] minor = new long[keys.length];
        for (int j = 0; j < keys.length; j++) {
            int i = (int) keys[j];
            customerOf[j] = book.customerOf(i);
            day[j] = book.epochDay(i);
            minor[j] = book.minorUnits(i);
        }
        return OrderBook.ofColumns(book.currency(), ids, customerOf, day, minor);
    }
}
