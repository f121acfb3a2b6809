package dev.crmkit.adapters.memory;

import dev.crmkit.kit.archive.Archive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The archive of one record type held in memory, made of the pieces its repository knows: how to page its rows by
 * key, how to find a key and how to put a record back as it was. Runs in the store's units of work. Thread-safe.
 */
final class MemoryArchive<R> implements Archive<R> {

    private final InMemoryTransactions tx;
    private final String noun;
    private final BiFunction<Optional<String>, Integer, List<R>> pages;
    private final Function<R, String> key;
    private final Predicate<String> contains;
    private final Consumer<R> put;

    MemoryArchive(InMemoryTransactions tx, String noun, BiFunction<Optional<String>, Integer, List<R>> pages,
                  Function<R, String> key, Predicate<String> contains, Consumer<R> put) {
        this.tx = tx;
        this.noun = noun;
        this.pages = pages;
        this.key = key;
        this.contains = contains;
        this.put = put;
    }

    /** The archive of a table keyed by its records' ids as text. */
    static <I, R> MemoryArchive<R> of(InMemoryTransactions tx, String noun, Table<I, R> table, Function<R, I> idOf,
                                      Function<String, I> idOfKey) {
        Function<R, String> key = r -> idOf.apply(r).toString();
        return new MemoryArchive<>(tx, noun, (after, limit) -> table.after(key, after, limit), key,
                k -> table.get(idOfKey.apply(k)).isPresent(), table::putAsIs);
    }

    @Override
    public List<R> after(Optional<String> after, int limit) {
        Objects.requireNonNull(after, "after");
        Archive.checkLimit(limit);
        return tx.read(() -> pages.apply(after, limit));
    }

    @Override
    public String key(R record) {
        return key.apply(Objects.requireNonNull(record, "record"));
    }

    @Override
    public boolean contains(String key) {
        Objects.requireNonNull(key, "key");
        return tx.read(() -> contains.test(key));
    }

    @Override
    public void restore(R record) {
        String k = key(record);
        tx.inTransaction(() -> {
            if (contains.test(k)) {
                throw new IllegalArgumentException(noun + " " + k + " is already stored");
            }
            put.accept(record);
            return null;
        });
    }
}
