package dev.crmkit.adapters.memory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A position in a list ordered by a time and then by insertion: {@code seq} is the row's insertion number in its
 * table, so rows with equal times keep the order they were stored in, whatever their ids.
 *
 * @param at  the time
 * @param seq the row's insertion number in its table
 */
record OrderKey(Instant at, long seq) implements Comparable<OrderKey> {

    OrderKey {
        Objects.requireNonNull(at, "at");
    }

    /** The position before every row at {@code at}. */
    static OrderKey before(Instant at) {
        return new OrderKey(at, Long.MIN_VALUE);
    }

    @Override
    public int compareTo(OrderKey o) {
        int c = at.compareTo(o.at);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }

    /** The cursor text of this position. */
    String cursor() {
        return at + "~" + seq;
    }

    /**
     * Reads a cursor text.
     *
     * @throws IllegalArgumentException if it is not one this store wrote
     */
    static OrderKey parse(String cursor) {
        int cut = cursor.indexOf('~');
        try {
            if (cut < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new OrderKey(Instant.parse(cursor.substring(0, cut)), Long.parseLong(cursor.substring(cut + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a page cursor of this store: '" + cursor + "'", e);
        }
    }
}
