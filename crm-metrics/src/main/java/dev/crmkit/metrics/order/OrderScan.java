package dev.crmkit.metrics.order;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The one pass over an order book behind {@link CustomerTotals}, {@link PeriodCells} and {@link OrderPass}: per order
 * it keeps its customer's first day (every order), and when totals are asked for the last day, count and sum of the
 * orders on or before the as-of date; when periods are asked for, a bit per (customer, period) bought in and, in a
 * book in date order (where a customer's first order comes first), the order's amount in its cohort's cell. Then one
 * loop over the customers counts the bits into the cells. Two cases take more: a book out of date order adds the
 * amounts in a second pass, once every customer's first day is known; and where a bit per (customer, period) would
 * take more room than a {@code long} per order (many customers over a long span) the (customer, offset) of each order
 * is sorted instead, O(n log n). No object per order.
 */
final class OrderScan {

    /** The totals gathered, or {@code null} when none were asked for. */
    final CustomerTotals totals;
    /** The cells gathered, or {@code null} when none were asked for. */
    final PeriodCells periods;

    private OrderScan(CustomerTotals totals, PeriodCells periods) {
        this.totals = totals;
        this.periods = periods;
    }

    /**
     * Runs the pass.
     *
     * @param asOf    the as-of date of the totals, or {@code null} for none
     * @param periods the periods of the cells, or {@code null} for none
     */
    static OrderScan run(OrderBook book, LocalDate asOf, PeriodTable periods) {
        Totals totals = new Totals(book.customerCount(), asOf);
        Cells cells = periods == null ? null : new Cells(periods, book);
        // a method per chunk rather than one long loop: the JIT compiles it as a method after a few chunks, where
        // one loop would run the whole pass in on-stack-replaced code
        boolean together = cells != null && cells.oneWordInDateOrder();
        for (int from = 0; from < book.size(); from += CHUNK) {
            int to = Math.min(book.size(), from + CHUNK);
            if (together) {
                totals.scanWithCells(book, cells, from, to);
                continue;
            }
            totals.scan(book, from, to);
            if (cells != null) {
                cells.scan(book, totals.first, from, to);
            }
        }
        return new OrderScan(asOf == null ? null : totals.result(book, asOf),
                cells == null ? null : cells.finish(book, totals.first));
    }

    /** The orders a call of {@link Totals#scan} reads. */
    private static final int CHUNK = 1 << 16;

    /** The per-customer totals being gathered, and every customer's first day. */
    private static final class Totals {
        private final long asOfDay;
        private final int[] first;
        private final int[] last;
        private final int[] count;
        private final long[] sum;

        Totals(int slots, LocalDate asOf) {
            boolean totals = asOf != null;
            asOfDay = totals ? asOf.toEpochDay() : Long.MIN_VALUE;
            first = new int[slots];
            Arrays.fill(first, Integer.MAX_VALUE);
            last = new int[totals ? slots : 0];
            Arrays.fill(last, Integer.MIN_VALUE);
            count = new int[totals ? slots : 0];
            sum = new long[totals ? slots : 0];
        }

        void scan(OrderBook book, int from, int to) {
            for (int i = from; i < to; i++) {
                add(book.customerOf(i), book.epochDay(i), book.minorUnits(i));
            }
        }

        /** An order of customer {@code c}: its first day; its last day, count and sum if on or before the as-of day. */
        private void add(int c, int day, long amount) {
            if (day < first[c]) {
                first[c] = day;
            }
            if (day <= asOfDay) {
                count[c]++;
                if (day > last[c]) {
                    last[c] = day;
                }
                sum[c] += amount; // a book's amounts add up to at most Long.MAX_VALUE, so no sum overflows
            }
        }

        /**
         * {@link #scan} and {@link Cells#scan} in one loop, for a book in date order whose periods fit one bit word
         * per customer: the customer's cohort is then the lowest bit of its word, so the cell of the order's amount
         * needs no look-up of the first day.
         */
        void scanWithCells(OrderBook book, Cells cells, int from, int to) {
            int[] periodOfDay = cells.periodOfDay;
            int minDay = cells.minDay;
            int[] base = cells.base;
            long[] bits = cells.bits;
            long[] cellRevenue = cells.revenue;
            for (int i = from; i < to; i++) {
                int c = book.customerOf(i);
                int day = book.epochDay(i);
                long amount = book.minorUnits(i);
                int p = periodOfDay[day - minDay];
                long word = bits[c] | 1L << p;
                bits[c] = word;
                cellRevenue[base[Long.numberOfTrailingZeros(word)] + p] += amount;
                add(c, day, amount);
            }
        }

        /** The totals, with the counts over all customers taken from the per-customer ones. */
        CustomerTotals result(OrderBook book, LocalDate asOf) {
            long orders = 0;
            long revenue = 0;
            int customers = 0;
            for (int c = 0; c < count.length; c++) {
                orders += count[c];
                revenue += sum[c];
                customers += count[c] > 0 ? 1 : 0;
            }
            return new CustomerTotals(book, asOf, first, last, count, sum, orders, revenue, customers);
        }
    }

    /** The cells being gathered: bits per (customer, period) or, for the sort, nothing per order until the end. */
    private static final class Cells {
        private final PeriodTable table;
        private final int[] periodOfDay;
        private final int minDay;
        /** Per cohort, where its row starts in the flat triangle, less the cohort: cell = base[cohort] + period. */
        private final int[] base;
        private final long[] customers;
        private final long[] revenue;
        private final boolean revenueInPass;
        private final int words;
        private final long[] bits;

        Cells(PeriodTable table, OrderBook book) {
            this.table = table;
            this.periodOfDay = table.periodOfDay;
            this.minDay = table.minDay;
            this.base = new int[table.span];
            for (int cohort = 0; cohort < table.span; cohort++) {
                base[cohort] = PeriodCells.rowStart(cohort, table.span) - cohort;
            }
            this.customers = new long[PeriodCells.cells(table.span)];
            this.revenue = new long[customers.length];
            this.revenueInPass = book.inDateOrder();
            int wordsPerCustomer = (table.span + 63) >>> 6;
            boolean useBits = (long) wordsPerCustomer * book.customerCount() <= book.size();
            this.words = useBits ? wordsPerCustomer : 0;
            this.bits = new long[useBits ? wordsPerCustomer * book.customerCount() : 0];
        }

        /** The orders from {@code from} to {@code to}, each customer's first day so far being in {@code first}. */
        void scan(OrderBook book, int[] first, int from, int to) {
            for (int i = from; i < to; i++) {
                int c = book.customerOf(i);
                int p = periodOfDay[book.epochDay(i) - minDay];
                if (words > 0) {
                    bits[c * words + (p >>> 6)] |= 1L << p;
                }
                if (revenueInPass) {
                    revenue[base[periodOfDay[first[c] - minDay]] + p] += book.minorUnits(i);
                }
            }
        }

        /** Whether a customer's periods fit one word of bits and its first order comes first. */
        boolean oneWordInDateOrder() {
            return words == 1 && revenueInPass;
        }

        PeriodCells finish(OrderBook book, int[] first) {
            if (!revenueInPass) {
                for (int i = 0; i < book.size(); i++) {
                    int cohort = periodOfDay[first[book.customerOf(i)] - minDay];
                    revenue[base[cohort] + periodOfDay[book.epochDay(i) - minDay]] += book.minorUnits(i);
                }
            }
            if (words > 0) {
                countBits(first);
            } else {
                countSorted(book, first);
            }
            return new PeriodCells(table.firstPeriod, table.span, customers, revenue, table.numbering,
                    book.currency());
        }

        /** Every set bit counts its customer once in its cohort's cell. */
        private void countBits(int[] first) {
            for (int c = 0; c < first.length; c++) {
                if (first[c] == Integer.MAX_VALUE) {
                    continue;
                }
                int row = base[periodOfDay[first[c] - minDay]];
                for (int w = 0; w < words; w++) {
                    long word = bits[c * words + w];
                    while (word != 0) {
                        customers[row + (w << 6) + Long.numberOfTrailingZeros(word)]++;
                        word &= word - 1;
                    }
                }
            }
        }

        /** One sorted {@code long} per order, customer and period packed: each distinct one counts once. */
        private void countSorted(OrderBook book, int[] first) {
            int n = book.size();
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) book.customerOf(i) << 32) | periodOfDay[book.epochDay(i) - minDay];
            }
            Arrays.sort(keys);
            for (int i = 0; i < n; i++) {
                if (i == 0 || keys[i] != keys[i - 1]) {
                    int c = (int) (keys[i] >>> 32);
                    customers[base[periodOfDay[first[c] - minDay]] + (int) keys[i]]++;
                }
            }
        }
    }
}
