package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.StaleVersionException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Several changes of records in one set-based write (a bulk capture chunk's stored contacts or folded leads), reduced
 * to each record's first change (its expected version is the one to find stored) and its last (the state to write).
 * Changes of one record must follow each other version by version, as one-by-one updates would have; both maps are
 * in id order, the order rows are locked in.
 *
 * @param first each record's first change, by id
 * @param last  each record's last change, by id
 */
record ChangeChain<T>(Map<UUID, T> first, Map<UUID, T> last) {

    /**
     * The chain of the changes, in the order given.
     *
     * @param kind the record type an exception names ({@code "lead"}, {@code "contact"})
     * @throws StaleVersionException naming the change that does not follow its record's previous one
     */
    static <T> ChangeChain<T> of(List<T> changes, Function<T, UUID> id, ToLongFunction<T> version, String kind) {
        Map<UUID, T> first = new TreeMap<>();
        Map<UUID, T> last = new TreeMap<>();
        for (T x : changes) {
            UUID key = id.apply(x);
            T before = last.get(key);
            if (before != null && version.applyAsLong(before) + 1 != version.applyAsLong(x)) {
                throw new StaleVersionException(kind, key.toString(), version.applyAsLong(x));
            }
            first.putIfAbsent(key, x);
            last.put(key, x);
        }
        return new ChangeChain<>(first, last);
    }
}
