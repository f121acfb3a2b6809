package dev.crmkit.adapters.memory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a list ordered by a time and then an id. Ids compare as unsigned 128-bit numbers, the order
 * PostgreSQL gives {@code uuid} columns and a lower-case hex string gives in any database, so every store pages alike.
 *
 * @param at the time
 * @param id the id
 */
record OrderKey(Instant at, UUID id) implements Comparable<OrderKey> {

    static final UUID MIN_ID = new UUID(0, 0);

    OrderKey {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(OrderKey o) {
        int c = at.compareTo(o.at);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(id.getMostSignificantBits(), o.id.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(id.getLeastSignificantBits(), o.id.getLeastSignificantBits());
    }

    /** The cursor text of this position. */
    String cursor() {
        return at + "~" + id;
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
            return new OrderKey(Instant.parse(cursor.substring(0, cut)), UUID.fromString(cursor.substring(cut + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a page cursor of this store: '" + cursor + "'", e);
        }
    }
}
