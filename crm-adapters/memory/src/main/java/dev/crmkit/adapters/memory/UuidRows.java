package dev.crmkit.adapters.memory;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Rows kept as the row objects themselves ({@link #keepsRows()}, like {@link RowCodec#plain()}), each with its UUID
 * id's two numbers beside it, so that finding a row by id compares those numbers in the stored form instead of
 * reading the row, its id object and the id's UUID on every probe of {@link RowSlots}. A table that takes a new row
 * on every deal move (timeline entries, stage history entries) looks up an id that is not stored yet for each insert,
 * which probes a whole run of slots. Reads allocate nothing, as with the plain codec.
 *
 * @param <I> the id type, one UUID wrapped or the UUID itself
 * @param <R> the record type
 */
final class UuidRows<I, R> implements RowCodec<I, R> {

    private final Function<I, UUID> uuidOf;
    private final Function<R, I> idOf;

    /**
     * @param idOf   the id of a row (the table's own)
     * @param uuidOf the UUID an id wraps
     */
    UuidRows(Function<R, I> idOf, Function<I, UUID> uuidOf) {
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.uuidOf = Objects.requireNonNull(uuidOf, "uuidOf");
    }

    /** A row, its insertion number and its id's two numbers. */
    private record Stored<R>(long high, long low, R row, long seq) {
    }

    @Override
    public boolean keepsRows() {
        return true;
    }

    @Override
    public Object pack(R row, long seq) {
        UUID id = uuidOf.apply(idOf.apply(row));
        return new Stored<>(id.getMostSignificantBits(), id.getLeastSignificantBits(), row, seq);
    }

    @Override
    public R unpack(I id, Object packed) {
        return stored(packed).row();
    }

    @Override
    public long seq(Object packed) {
        return stored(packed).seq();
    }

    @Override
    public I id(Object packed, Function<R, I> idOf) {
        return idOf.apply(stored(packed).row());
    }

    @Override
    public boolean hasId(Object packed, I id, Function<R, I> idOf) {
        Stored<R> s = stored(packed);
        UUID wanted = uuidOf.apply(id);
        return s.low() == wanted.getLeastSignificantBits() && s.high() == wanted.getMostSignificantBits();
    }

    @Override
    public Instant creation(Object packed, Function<R, I> idOf, Function<R, Instant> creationOrder) {
        return creationOrder.apply(stored(packed).row()); // the row is at hand: no id read first
    }

    @SuppressWarnings("unchecked")
    private Stored<R> stored(Object packed) {
        return (Stored<R>) packed;
    }
}
