package dev.crmkit.adapters.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the ids of merged-away records of one table resolve to: always the final survivor, because every merge
 * re-points the aliases of the record it merges away. Writes take part in the running unit of work. Thread-safe
 * through the store's units of work.
 *
 * @param <I> the id of the records
 * @param <R> the records
 */
final class Aliases<I, R> {

    private final InMemoryTransactions tx;
    private final Table<I, R> table;
    private final Map<I, I> survivors = new HashMap<>();

    Aliases(InMemoryTransactions tx, Table<I, R> table) {
        this.tx = tx;
        this.table = table;
    }

    /** The record, or for a merged-away id its survivor. */
    Optional<R> resolve(I id) {
        return tx.read(() -> table.get(id).or(() -> Optional.ofNullable(survivors.get(id)).flatMap(table::get)));
    }

    /**
     * Takes a merged-away record out of the table and every index (its unique keys are free then) and makes its id,
     * and the ids merged into it before, resolve to the survivor; returns those earlier aliases in the order of their
     * text, the order the JDBC store re-points them in.
     */
    List<I> retire(I merged, I survivor) {
        return tx.inTransaction(() -> {
            table.remove(merged);
            List<I> earlier = survivors.entrySet().stream().filter(e -> e.getValue().equals(merged))
                    .map(Map.Entry::getKey).sorted(Comparator.comparing(Object::toString)).toList();
            earlier.forEach(a -> alias(a, survivor));
            alias(merged, survivor);
            return earlier;
        });
    }

    /** Sets where an alias resolves to, or removes it ({@code to} null). */
    void alias(I from, I to) {
        MapWrites.put(tx, survivors, from, to);
    }

    /** Where an alias resolves to now, if the id is one. */
    Optional<I> aliasOf(I id) {
        return tx.read(() -> Optional.ofNullable(survivors.get(id)));
    }

    /** Puts a merged-away record back exactly as it was, and drops its alias. */
    void reinstate(R exact, I id) {
        tx.inTransaction(() -> {
            alias(id, null);
            table.reinstate(exact);
            return null;
        });
    }

    /** Every alias, merged-away id to survivor: for the archive. */
    Map<I, I> all() {
        return tx.read(() -> Map.copyOf(survivors));
    }

    /** Whether the id is an alias. */
    boolean contains(I id) {
        return tx.read(() -> survivors.containsKey(id));
    }

    /** Makes the id of a restored merge's merged-away record known as taken out, so that unmerge can reinstate it. */
    void takenOut(I id) {
        table.takenOut(id);
    }
}
