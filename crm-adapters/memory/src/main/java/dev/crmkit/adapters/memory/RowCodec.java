package dev.crmkit.adapters.memory;

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

    /** The insertion number of a stored form. */
    long seq(Object packed);

    /**
     * Whether the row of a stored form holds a key of a unique index; the default reads the row back. A packed codec
     * compares the key with the stored form in place.
     */
    default boolean holds(I id, Object packed, String field, Function<R, Collection<?>> keys, Object key) {
        return keys.apply(unpack(id, packed)).contains(key);
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
            public long seq(Object packed) {
                return ((Stored<?>) packed).seq();
            }
        };
    }

    /** A row and its insertion number, the tie-break of every order. */
    record Stored<R>(R row, long seq) {
    }
}
