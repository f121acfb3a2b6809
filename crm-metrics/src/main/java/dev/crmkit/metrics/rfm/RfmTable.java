package dev.crmkit.metrics.rfm;

import dev.crmkit.metrics.order.OrderBook;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * RFM scores of every customer with an order on or before the as-of date, held in primitive columns (one slot per
 * customer) so a million customers cost a few tens of megabytes; {@link #customer(int)} turns one row into a
 * {@link CustomerRfm}. Rows follow the order book's customer order. Immutable and thread-safe.
 */
public final class RfmTable {

    private final OrderBook book;
    private final LocalDate asOf;
    private final int[] bookCustomer;
    private final int[] lastDay;
    private final long[] frequency;
    private final long[] monetary;
    private final byte[] r;
    private final byte[] f;
    private final byte[] m;
    private final Segment[] segment;

    RfmTable(OrderBook book, LocalDate asOf, int[] bookCustomer, int[] lastDay, long[] frequency, long[] monetary,
            byte[] r, byte[] f, byte[] m, Segment[] segment) {
        this.book = book;
        this.asOf = asOf;
        this.bookCustomer = bookCustomer;
        this.lastDay = lastDay;
        this.frequency = frequency;
        this.monetary = monetary;
        this.r = r;
        this.f = f;
        this.m = m;
        this.segment = segment;
    }

    /** The as-of date. */
    public LocalDate asOf() {
        return asOf;
    }

    /** How many customers were scored. */
    public int size() {
        return bookCustomer.length;
    }

    /** The recency score of row {@code i}. */
    public int r(int i) {
        return r[i];
    }

    /** The frequency score of row {@code i}. */
    public int f(int i) {
        return f[i];
    }

    /** The monetary score of row {@code i}. */
    public int m(int i) {
        return m[i];
    }

    /** The segment of row {@code i}. */
    public Segment segment(int i) {
        return segment[i];
    }

    /** Row {@code i} as a record. */
    public CustomerRfm customer(int i) {
        LocalDate last = LocalDate.ofEpochDay(lastDay[i]);
        return new CustomerRfm(book.customerId(bookCustomer[i]), last, asOf.toEpochDay() - lastDay[i], frequency[i],
                book.money(monetary[i]), r[i], f[i], m[i], segment[i]);
    }

    /** Every row as records, made on access. */
    public List<CustomerRfm> customers() {
        return Collections.unmodifiableList(new AbstractList<>() {
            @Override
            public CustomerRfm get(int index) {
                return customer(index);
            }

            @Override
            public int size() {
                return bookCustomer.length;
            }
        });
    }

    /** How many customers each segment holds; every segment is present, in {@link Segment} order. */
    public Map<Segment, Long> segmentCounts() {
        Map<Segment, Long> counts = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) {
            counts.put(s, 0L);
        }
        for (Segment s : segment) {
            counts.merge(s, 1L, Long::sum);
        }
        return Collections.unmodifiableMap(counts);
    }
}
