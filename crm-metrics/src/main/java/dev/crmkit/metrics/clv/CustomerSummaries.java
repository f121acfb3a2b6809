package dev.crmkit.metrics.clv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.OrderBook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * Frequency, recency, age and monetary value of every customer, held in primitive columns (one row per customer with
 * at least one order up to the end of observation), as the BG/NBD and Gamma-Gamma models read them.
 *
 * <p>The convention is the usual one (the lifetimes library's {@code summary_data_from_transaction_data}):
 * <ul>
 *   <li>orders dated after the end of observation are ignored; a customer whose orders all lie after it has no row;
 *   <li>orders of one customer on the same calendar day are one purchase whose amount is their sum;
 *   <li>frequency = distinct purchase days - 1 (the number of repeat purchases);
 *   <li>recency = days from the first to the last purchase day, age (T) = days from the first purchase day to the
 *       end of observation, both divided by the {@link TimeUnit}'s days (1, 7 or 30);
 *   <li>monetary value = mean of the repeat purchase-day totals (the first day excluded), 0 when frequency is 0.
 * </ul>
 * The sum of the repeat purchases is kept exactly in minor units; {@link #monetary(int)} gives the mean as a
 * {@code double} statistic for the models, {@link #monetaryValue(int)} as money rounded HALF_EVEN.
 *
 * <p>Building from an order book is O(n) plus a sort of each customer's own purchase days. Immutable and thread-safe.
 */
public final class CustomerSummaries {

    private final Currency currency;
    private final TimeUnit unit;
    private final String[] customerIds;
    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final long[] repeatMinorUnits;

    private CustomerSummaries(Currency currency, TimeUnit unit, String[] customerIds, int[] frequency,
            double[] recency, double[] age, long[] repeatMinorUnits) {
        this.currency = currency;
        this.unit = unit;
        this.customerIds = customerIds;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.repeatMinorUnits = repeatMinorUnits;
    }

    /**
     * Summarises an order book as of the end of observation.
     *
     * @param orders         the orders
     * @param observationEnd the last day observed (inclusive): orders after it are ignored
     * @param unit           the unit of recency and age
     * @throws ValidationException if no order lies on or before the end of observation
     */
    public static CustomerSummaries of(OrderBook orders, LocalDate observationEnd, TimeUnit unit) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(observationEnd, "observationEnd");
        Objects.requireNonNull(unit, "unit");
        return new Summariser(orders, Math.toIntExact(observationEnd.toEpochDay()), unit).summarise();
    }

    /**
     * Wraps summary columns an application already has (or simulated ones) without copying them; the caller must not
     * change the arrays afterwards.
     *
     * @param currency         the currency of the amounts
     * @param unit             the unit of recency and age
     * @param customerIds      per row, the customer's id
     * @param frequency        per row, the number of repeat purchases, not negative
     * @param recency          per row, first to last purchase, from 0 to the row's age
     * @param age              per row, first purchase to the end of observation, not negative
     * @param repeatMinorUnits per row, the sum of the repeat purchases in minor units, not negative, 0 when the
     *                         frequency is 0
     * @throws ValidationException if the columns are empty, differ in length or break a rule above (all listed)
     */
    public static CustomerSummaries ofColumns(Currency currency, TimeUnit unit, String[] customerIds,
            int[] frequency, double[] recency, double[] age, long[] repeatMinorUnits) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(customerIds, "customerIds");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(repeatMinorUnits, "repeatMinorUnits");
        int n = customerIds.length;
        if (n == 0) {
            throw ValidationException.of("customers", "required", "needs at least one customer");
        }
        if (frequency.length != n || recency.length != n || age.length != n || repeatMinorUnits.length != n) {
            throw ValidationException.of("customers", "same-length", "customerIds, frequency, recency, age and "
                    + "repeatMinorUnits must have the same length");
        }
        for (int i = 0; i < n; i++) {
            checkRow(i, customerIds[i], frequency[i], recency[i], age[i], repeatMinorUnits[i]);
        }
        return new CustomerSummaries(currency, unit, customerIds, frequency, recency, age, repeatMinorUnits);
    }

    private static void checkRow(int i, String id, int x, double tx, double t, long repeat) {
        if (id == null) {
            throw ValidationException.of("customerIds[" + i + "]", "required", "must not be null");
        }
        if (x < 0) {
            throw ValidationException.of("frequency[" + i + "]", "not-negative", "must not be negative, was " + x);
        }
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw ValidationException.of("age[" + i + "]", "not-negative", "must be a finite number >= 0, was " + t);
        }
        if (!(tx >= 0 && tx <= t)) {
            throw ValidationException.of("recency[" + i + "]", "range", "must be from 0 to the age " + t + ", was "
                    + tx);
        }
        if (repeat < 0 || (x == 0 && repeat != 0)) {
            throw ValidationException.of("repeatMinorUnits[" + i + "]", "range",
                    "must not be negative, and 0 when frequency is 0, was " + repeat);
        }
    }

    /** How many customers (rows). */
    public int size() {
        return customerIds.length;
    }

    /** The currency of the monetary values. */
    public Currency currency() {
        return currency;
    }

    /** The unit of recency and age. */
    public TimeUnit unit() {
        return unit;
    }

    /** The id of the customer in a row. */
    public String customerId(int row) {
        return customerIds[row];
    }

    /** The number of repeat purchases of a row ("x"). */
    public int frequency(int row) {
        return frequency[row];
    }

    /** The recency of a row ("t_x"), in {@link #unit()}. */
    public double recency(int row) {
        return recency[row];
    }

    /** The age of a row ("T"), in {@link #unit()}. */
    public double age(int row) {
        return age[row];
    }

    /** The mean repeat purchase of a row in major units, as a statistic for the models; 0 when frequency is 0. */
    public double monetary(int row) {
        if (frequency[row] == 0) {
            return 0;
        }
        return repeatMinorUnits[row] / (double) frequency[row] / Math.pow(10, scale());
    }

    /** The mean repeat purchase of a row, rounded HALF_EVEN to the currency's scale; zero when frequency is 0. */
    public Money monetaryValue(int row) {
        if (frequency[row] == 0) {
            return Money.zero(currency);
        }
        BigDecimal sum = BigDecimal.valueOf(repeatMinorUnits[row], scale());
        return Money.of(sum.divide(BigDecimal.valueOf(frequency[row]), scale(), RoundingMode.HALF_EVEN), currency);
    }

    /** The whole row as a record. */
    public CustomerSummary summary(int row) {
        return new CustomerSummary(customerIds[row], frequency[row], recency[row], age[row], monetaryValue(row), unit);
    }

    /**
     * The row of a customer (a linear scan).
     *
     * @throws ValidationException if the customer has no row: unknown, or with no order up to the end of observation
     */
    public int row(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        for (int i = 0; i < customerIds.length; i++) {
            if (customerIds[i].equals(customerId)) {
                return i;
            }
        }
        throw ValidationException.of("customer", "known", "no order of customer " + BadValue.quote(customerId)
                + " on or before the end of observation");
    }

    /** The summary of a customer, if it has one (see {@link #row(String)}). */
    public Optional<CustomerSummary> find(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        for (int i = 0; i < customerIds.length; i++) {
            if (customerIds[i].equals(customerId)) {
                return Optional.of(summary(i));
            }
        }
        return Optional.empty();
    }

    /** How many rows have at least one repeat purchase. */
    public int repeatCustomers() {
        int count = 0;
        for (int x : frequency) {
            if (x > 0) {
                count++;
            }
        }
        return count;
    }

    int[] frequencies() {
        return frequency;
    }

    double[] recencies() {
        return recency;
    }

    double[] ages() {
        return age;
    }

    private int scale() {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** One pass over the book: per customer first and last day, total, first-day total and sorted days. */
    private static final class Summariser {
        private final OrderBook orders;
        private final int end;
        private final TimeUnit unit;

        Summariser(OrderBook orders, int end, TimeUnit unit) {
            this.orders = orders;
            this.end = end;
            this.unit = unit;
        }

        CustomerSummaries summarise() {
            int customers = orders.customerCount();
            int[] count = new int[customers + 1];
            int[] first = new int[customers];
            int[] last = new int[customers];
            long[] total = new long[customers];
            Arrays.fill(first, Integer.MAX_VALUE);
            Arrays.fill(last, Integer.MIN_VALUE);
            int n = orders.size();
            for (int i = 0; i < n; i++) {
                int day = orders.epochDay(i);
                if (day <= end) {
                    int c = orders.customerOf(i);
                    count[c + 1]++;
                    first[c] = Math.min(first[c], day);
                    last[c] = Math.max(last[c], day);
                    total[c] += orders.minorUnits(i);
                }
            }
            for (int c = 0; c < customers; c++) {
                count[c + 1] += count[c];
            }
            int[] start = count;
            int[] days = new int[start[customers]];
            int[] fill = Arrays.copyOf(start, customers);
            long[] firstDayTotal = new long[customers];
            for (int i = 0; i < n; i++) {
                int day = orders.epochDay(i);
                if (day <= end) {
                    int c = orders.customerOf(i);
                    days[fill[c]++] = day;
                    if (day == first[c]) {
                        firstDayTotal[c] += orders.minorUnits(i);
                    }
                }
            }
            return columns(start, days, first, last, total, firstDayTotal);
        }

        private CustomerSummaries columns(int[] start, int[] days, int[] first, int[] last, long[] total,
                long[] firstDayTotal) {
            int customers = first.length;
            int rows = 0;
            for (int c = 0; c < customers; c++) {
                if (start[c + 1] > start[c]) {
                    rows++;
                }
            }
            if (rows == 0) {
                throw ValidationException.of("orders", "required",
                        "no order on or before the end of observation " + LocalDate.ofEpochDay(end));
            }
            String[] ids = new String[rows];
            int[] frequency = new int[rows];
            double[] recency = new double[rows];
            double[] age = new double[rows];
            long[] repeat = new long[rows];
            double unitDays = unit.days();
            int row = 0;
            for (int c = 0; c < customers; c++) {
                int from = start[c];
                int to = start[c + 1];
                if (to == from) {
                    continue;
                }
                ids[row] = orders.customerId(c);
                frequency[row] = distinctDays(days, from, to) - 1;
                recency[row] = (last[c] - first[c]) / unitDays;
                age[row] = ((long) end - first[c]) / unitDays;
                repeat[row] = frequency[row] == 0 ? 0 : total[c] - firstDayTotal[c];
                row++;
            }
            return new CustomerSummaries(orders.currency(), unit, ids, frequency, recency, age, repeat);
        }

        private static int distinctDays(int[] days, int from, int to) {
            if (to - from == 1) {
                return 1;
            }
            Arrays.sort(days, from, to);
            int distinct = 1;
            for (int i = from + 1; i < to; i++) {
                if (days[i] != days[i - 1]) {
                    distinct++;
                }
            }
            return distinct;
        }
    }
}
