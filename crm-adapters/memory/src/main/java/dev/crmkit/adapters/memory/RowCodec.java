package dev.crmkit.adapters.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * How a {@link Table} keeps its rows: the stored form of a row with its insertion number, and the row read back from
 * it. The default keeps the row object itself ({@link #plain()}); a packed codec keeps a compact form (the contacts:
 * one byte array) and rebuilds an equal row on every read. Stored forms are immutable once made.
 *
 * @param <I> the id type
 * @param <R> the record type
 */
interface RowCodec<I, R> {

    /** The stored form of a row and its insertion number. */
    Object pack(R row, long seq);

    /** The row of a stored form (equal to the row packed); {@code id} is the key it is stored under. */
    R unpack(I id, Object packed);

    /**
     * The row of a stored form, read with the id it holds: for codecs whose {@link #unpack} needs the id. The plain
     * codec returns the row it keeps without working the id out first (a lookup of the id function per read: about
     * 3% of capture in memory, issue 17).
     */
    default R row(Object packed, Function<R, I> idOf) {
        return unpack(id(packed, idOf), packed);
    }

    /** The insertion number of a stored form. */
    long seq(Object packed);

    /**
     * Whether the row of a stored form holds a key of a unique index; the default reads the row back. A packed codec
     * compares the key with the stored form in place.
     */
    default boolean holds(I id, Object packed, String field, Function<R, Collection<?>> keys, Object key) {
        return keys.apply(unpack(id, packed)).contains(key);
    }

    /**
     * The id of the row of a stored form: the table keeps no id object beside it. The default reads the row back
     * without an id, which suits codecs whose {@link #unpack} does not need one ({@link #plain()}); a codec whose
     * {@code unpack} needs the id keeps it in the stored form and overrides this and {@link #hasId}
     * ({@link PackedContacts}: two longs).
     */
    default I id(Object packed, Function<R, I> idOf) {
        return idOf.apply(unpack(null, packed));
    }

    /** Whether the row of a stored form has the id; a packed codec compares in place. */
    default boolean hasId(Object packed, I id, Function<R, I> idOf) {
        return id(packed, idOf).equals(id);
    }

    /**
     * The time the table orders the row of a stored form by at creation ({@code creationOrder} of the row); asked
     * on every comparison of the order indexes, so a packed codec reads it in place.
     */
    default Instant creation(Object packed, Function<R, I> idOf, Function<R, Instant> creationOrder) {
        return creationOrder.apply(row(packed, idOf));
    }

    /** Whether the stored form holds the row object itself ({@link #plain()}), so reads allocate nothing. */
    default boolean keepsRows() {
        return false;
    }

    /** The row object itself, with its insertion number beside it. */
    static <I, R> RowCodec<I, R> plain() {
        return new RowCodec<>() {
            @Override
            public boolean keepsRows() {
                return true;
            }

            @Override
            public Object pack(R row, long seq) {
                return new Stored<>(row, seq);
            }

            @Override
            @SuppressWarnings("unchecked")
            public R unpack(I id, Object packed) {
                return ((Stored<R>) packed).row();
            }

            @Override
            @SuppressWarnings("unchecked")
            public R row(Object packed, Function<R, I> idOf) {
                return ((Stored<R>) packed).row();
            }

            @Override
            public long seq(Object packed) {
                return ((Stored<?>) packed).seq();
            }
        };
    }

    /** A row and its insertion number, the tie-break of every order. */
    record Stored<R>(R row, long seq) {
    }
}
