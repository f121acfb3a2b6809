package dev.crmkit.metrics.order;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Many orders in one currency, held in primitive columns so that ten million of them fit in a few hundred megabytes:
 * for each order the index of its customer, its epoch day and its amount in the currency's minor units (cents).
 * Customers are numbered 0..{@link #customerCount()}-1 in order of first appearance. Immutable and thread-safe.
 *
 * <p>Build one from {@link Order}s with {@link #of(Collection)} or {@link #builder(Currency)}, or wrap columns an
 * application already has with {@link #ofColumns}.
 *
 * <p>The amounts of a book add up to at most {@link Long#MAX_VALUE} minor units (92,233,720,368,547,758.07 EUR), so
 * that no sum a calculator forms over its orders can overflow; a book that would hold more is refused.
 */
public final class OrderBook {

    private final Currency currency;
    private final String[] customerIds;
    private final int[] customerOf;
    private final int[] epochDay;
    private final long[] minorUnits;
    private final int minDay;
    private final int maxDay;
    private final boolean inDateOrder;

    private OrderBook(Currency currency, String[] customerIds, int[] customerOf, int[] epochDay, long[] minorUnits,
            DaySpan days) {
        this.currency = currency;
        this.customerIds = customerIds;
        this.customerOf = customerOf;
        this.epochDay = epochDay;
        this.minorUnits = minorUnits;
        this.minDay = days.min;
        this.maxDay = days.max;
        this.inDateOrder = days.ordered;
    }

    /**
     * The orders of a collection, in its iteration order.
     *
     * @throws ValidationException if the collection is empty or the orders are in more than one currency
     */
    public static OrderBook of(Collection<Order> orders) {
        Objects.requireNonNull(orders, "orders");
        if (orders.isEmpty()) {
            throw ValidationException.of("orders", "required", "needs at least one order to know the currency");
        }
        Builder builder = builder(orders.iterator().next().amount().currency());
        orders.forEach(builder::add);
        return builder.build();
    }

    /**
     * Wraps existing columns without copying them; the caller must not change the arrays afterwards.
     *
     * @param currency    the currency of every amount
     * @param customerIds the id of each customer index
     * @param customerOf  per order, the index of its customer into {@code customerIds}
     * @param epochDay    per order, {@link LocalDate#toEpochDay()} of its date
     * @param minorUnits  per order, its amount in the currency's minor units, not negative
     * @throws ValidationException if the columns differ in length or hold an index or amount out of range
     */
    public static OrderBook ofColumns(Currency currency, String[] customerIds, int[] customerOf, int[] epochDay,
            long[] minorUnits) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(customerIds, "customerIds");
        Objects.requireNonNull(customerOf, "customerOf");
        Objects.requireNonNull(epochDay, "epochDay");
        Objects.requireNonNull(minorUnits, "minorUnits");
        if (customerOf.length != epochDay.length || customerOf.length != minorUnits.length) {
            throw ValidationException.of("orders", "same-length", "customerOf, epochDay and minorUnits must have "
                    + "the same length, were " + customerOf.length + ", " + epochDay.length + " and "
                    + minorUnits.length);
        }
        long total = 0;
        DaySpan days = new DaySpan();
        for (int i = 0; i < customerOf.length; i++) {
            days.add(epochDay[i]);
            if (customerOf[i] < 0 || customerOf[i] >= customerIds.length) {
                throw ValidationException.of("customerOf[" + i + "]", "range",
                        "must be a customer index from 0 to " + (customerIds.length - 1) + ", was " + customerOf[i]);
            }
            if (minorUnits[i] < 0) {
                throw ValidationException.of("minorUnits[" + i + "]", "not-negative",
                        "must not be negative, was " + minorUnits[i]);
            }
            if (minorUnits[i] > Long.MAX_VALUE - total) {
                throw ValidationException.of("minorUnits[" + i + "]", "range", "the orders add up to more than "
                        + Long.MAX_VALUE + " minor units, what an order book holds");
            }
            total += minorUnits[i];
        }
        return new OrderBook(currency, customerIds, customerOf, epochDay, minorUnits, days);
    }

    /** Collects orders in one currency. */
    public static Builder builder(Currency currency) {
        return new Builder(Objects.requireNonNull(currency, "currency"));
    }

    /** The currency of every amount. */
    public Currency currency() {
        return currency;
    }

    /** How many orders. */
    public int size() {
        return customerOf.length;
    }

    /** How many distinct customers. */
    public int customerCount() {
        return customerIds.length;
    }

    /** The id of a customer index. */
    public String customerId(int customer) {
        return customerIds[customer];
    }

    /** The earliest order's epoch day; {@link Integer#MAX_VALUE} for a book without orders. */
    public int minEpochDay() {
        return minDay;
    }

    /** The latest order's epoch day; {@link Integer#MIN_VALUE} for a book without orders. */
    public int maxEpochDay() {
        return maxDay;
    }

    /**
     * Whether every order's day is on or after the day of the order before it, as an order log holds them: then a
     * pass over the orders meets each customer's first order before the others. Known from when the book was made.
     */
    public boolean inDateOrder() {
        return inDateOrder;
    }

    /** The customer index of order {@code i}. */
    public int customerOf(int i) {
        return customerOf[i];
    }

    /** The epoch day of order {@code i}. */
    public int epochDay(int i) {
        return epochDay[i];
    }

    /** The date of order {@code i}. */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(epochDay[i]);
    }

    /** The amount of order {@code i} in minor units. */
    public long minorUnits(int i) {
        return minorUnits[i];
    }

    /** The amount of order {@code i}. */
    public Money amount(int i) {
        return Money.of(BigDecimal.valueOf(minorUnits[i], currency.getDefaultFractionDigits()), currency);
    }

    /** Turns a sum of minor units into money of this book's currency. */
    public Money money(long minorUnitsSum) {
        return Money.of(BigDecimal.valueOf(minorUnitsSum, currency.getDefaultFractionDigits()), currency);
    }

    /** Order {@code i} as a record. */
    public Order order(int i) {
        return new Order(customerIds[customerOf[i]], date(i), amount(i));
    }

    /** Every order as records, in book order. */
    public List<Order> orders() {
        List<Order> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(order(i));
        }
        return out;
    }

    /** Collects orders into an {@link OrderBook}. Not thread-safe. */
    public static final class Builder {
        private final Currency currency;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> ids = new ArrayList<>();
        private int[] customerOf = new int[16];
        private int[] epochDay = new int[16];
        private long[] minorUnits = new long[16];
        private int size;
        private long total;
        private final DaySpan days = new DaySpan();

        private Builder(Currency currency) {
            this.currency = currency;
        }

        /**
         * Adds an order.
         *
         * @throws ValidationException if its currency is not the book's
         */
        public Builder add(Order order) {
            Objects.requireNonNull(order, "order");
            if (!order.amount().currency().equals(currency)) {
                throw ValidationException.of("amount", "currency", "must be in " + currency.getCurrencyCode()
                        + " like the rest of the orders, was " + order.amount());
            }
            BigDecimal minor = order.amount().amount().movePointRight(currency.getDefaultFractionDigits());
            if (minor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE - total)) > 0) {
                throw ValidationException.of("amount", "range", "the orders would add up to more than an order "
                        + "book holds (" + money(Long.MAX_VALUE) + " in all); this order is " + order.amount());
            }
            total += minor.longValueExact();
            return add(order.customerId(), order.date(), minor.longValueExact());
        }

        private Builder add(String customerId, LocalDate date, long minor) {
            if (size == customerOf.length) {
                int grown = Math.max(16, size * 2);
                customerOf = Arrays.copyOf(customerOf, grown);
                epochDay = Arrays.copyOf(epochDay, grown);
                minorUnits = Arrays.copyOf(minorUnits, grown);
            }
            Integer customer = index.get(customerId);
            if (customer == null) {
                customer = ids.size();
                index.put(customerId, customer);
                ids.add(customerId);
            }
            customerOf[size] = customer;
            epochDay[size] = Math.toIntExact(date.toEpochDay());
            days.add(epochDay[size]);
            minorUnits[size] = minor;
            size++;
            return this;
        }

        private Money money(long minor) {
            return Money.of(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
        }

        /** The book of everything added so far. */
        public OrderBook build() {
            return new OrderBook(currency, ids.toArray(String[]::new), Arrays.copyOf(customerOf, size),
                    Arrays.copyOf(epochDay, size), Arrays.copyOf(minorUnits, size), days);
        }
    }

    /** The earliest and latest day of the orders seen so far, and whether they came in date order. */
    private static final class DaySpan {
        private int min = Integer.MAX_VALUE;
        private int max = Integer.MIN_VALUE;
        private boolean ordered = true;

        void add(int day) {
            ordered &= day >= max;
            min = Math.min(min, day);
            max = Math.max(max, day);
        }
    }
}
