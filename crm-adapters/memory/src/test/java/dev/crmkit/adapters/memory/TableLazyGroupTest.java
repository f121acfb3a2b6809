package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lazy group ({@code Table.lazyGroup}) works out no keys and keeps no entry until its first read, which builds it
 * from the rows; from then on writes keep it. Every read answers as the same group declared plainly over the same
 * writes, also after writes that came after the build and after a unit of work that built it and rolled back.
 */
class TableLazyGroupTest {

    private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");
    private static final String GROUP = "tag";

    private record Row(UUID id, long version, List<String> tags, Instant at) {
        Row tagged(String... now) {
            return new Row(id, version, List.of(now), at);
        }
    }

    /** A table with the group plain or lazy; {@code calls} counts the key function's calls. */
    private static Table<UUID, Row> table(InMemoryTransactions tx, boolean lazy, AtomicInteger calls) {
        Table<UUID, Row> table = new Table<>("row", tx, Row::id, Row::version,
                (r, v) -> new Row(r.id(), v, r.tags(), r.at()), Row::at);
        Function<Row, java.util.Collection<?>> keys = r -> {
            calls.incrementAndGet();
            return r.tags();
        };
        return lazy ? table.lazyGroup(GROUP, keys, Row::at) : table.group(GROUP, keys, Row::at);
    }

    private static Row row(int n, Instant at, String... tags) {
        return new Row(new UUID(9, n), 0, List.of(tags), at);
    }

    /** Rows with two tags, one tag, none, a tag named twice and times out of insertion order; one updated. */
    private static void write(Table<UUID, Row> table) {
        table.insert(row(1, T0.plusSeconds(5), "red", "blue"));
        table.insert(row(2, T0, "red"));
        table.insert(row(3, T0.plusSeconds(5), "blue"));
        table.insert(row(4, T0.plusSeconds(1)));
        table.insert(row(5, T0.plusSeconds(3), "green", "green"));
        Row three = table.get(new UUID(9, 3)).orElseThrow();
        table.update(three.tagged("red"));
    }

    /** Everything a reader can ask of the group, for comparing a lazy table with a plain one. */
    private static List<Object> reads(Table<UUID, Row> table) {
        return List.of(table.all(GROUP, "red"), table.all(GROUP, "blue"), table.all(GROUP, "green"),
                table.first(GROUP, List.of("blue", "red", "green"), 3),
                table.page(GROUP, "red", PageRequest.first(2), true, r -> true).items(),
                table.before(GROUP, "red", new OrderKey(T0.plusSeconds(5), 2), 5),
                table.first(GROUP, "red").map(Row::id), java.util.Optional.ofNullable(table.lastOrNull(GROUP, "red")));
    }

    @Test
    void lazyGroup_worksOutNoKeysUntilItsFirstRead_thenAnswersAsAPlainGroup() {
        AtomicInteger lazyCalls = new AtomicInteger();
        Table<UUID, Row> lazy = table(new InMemoryTransactions(), true, lazyCalls);
        Table<UUID, Row> plain = table(new InMemoryTransactions(), false, new AtomicInteger());
        write(lazy);
        write(plain);

        assertTrue(lazy.unbuilt().contains(GROUP), "no read yet");
        assertEquals(0, lazyCalls.get(), "five inserts and an update: no key worked out");
        assertFalse(plain.unbuilt().contains(GROUP));
        assertEquals(reads(plain), reads(lazy));
        assertFalse(lazy.unbuilt().contains(GROUP), "built by the first read");
        assertEquals(5, lazyCalls.get(), "built once: one call per row");
        assertEquals(reads(plain), reads(lazy), "the same again, from the kept group");
    }

    @Test
    void lazyGroup_afterItsFirstRead_isKeptByEveryWrite() {
        InMemoryTransactions lazyTx = new InMemoryTransactions();
        Table<UUID, Row> lazy = table(lazyTx, true, new AtomicInteger());
        Table<UUID, Row> plain = table(new InMemoryTransactions(), false, new AtomicInteger());
        for (Table<UUID, Row> table : List.of(lazy, plain)) {
            table.insert(row(7, T0.plusSeconds(2), "red"));
            table.all(GROUP, "red"); // builds the lazy one
            write(table);
            table.delete(new UUID(9, 2));
            Row one = table.get(new UUID(9, 1)).orElseThrow();
            table.update(one.tagged("green"));
        }

        assertEquals(reads(plain), reads(lazy));
        assertEquals(List.of(new UUID(9, 7), new UUID(9, 3)),
                lazy.all(GROUP, "red").stream().map(Row::id).toList(), "row 1's old tag left, row 2 deleted");
    }

    @Test
    void aBuildThatThrowsPartway_leavesNoEntry_soTheNextBuildAnswersAsThePlainGroup() {
        AtomicInteger calls = new AtomicInteger();
        Table<UUID, Row> lazy = new Table<UUID, Row>("row", new InMemoryTransactions(), Row::id, Row::version,
                (r, v) -> new Row(r.id(), v, r.tags(), r.at()), Row::at).lazyGroup(GROUP, r -> {
                    if (calls.incrementAndGet() == 4) { // the fourth row in creation order (row 1), once
                        throw new IllegalStateException("no keys for " + r.id());
                    }
                    return r.tags();
                }, Row::at);
        Table<UUID, Row> plain = table(new InMemoryTransactions(), false, new AtomicInteger());
        write(lazy);
        write(plain);

        // in creation order rows 2 (red), 4 (none) and 5 (green) are entered before row 1's keys fail
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> lazy.all(GROUP, "red"));
        assertEquals("no keys for " + new UUID(9, 1), failed.getMessage());
        assertTrue(lazy.unbuilt().contains(GROUP), "not built");
        for (Table<UUID, Row> table : List.of(lazy, plain)) {
            table.delete(new UUID(9, 2)); // writes skip the group that is not built
            Row five = table.get(new UUID(9, 5)).orElseThrow();
            table.update(five.tagged("blue"));
        }

        assertEquals(reads(plain), reads(lazy), "built again from the rows alone");
        assertEquals(List.of(new UUID(9, 1), new UUID(9, 3)), lazy.all(GROUP, "red").stream().map(Row::id).toList(),
                "deleted row 2 not listed");
        assertEquals(List.of(), lazy.all(GROUP, "green"), "row 5 is blue now");
        assertFalse(lazy.unbuilt().contains(GROUP));
    }

    @Test
    void aUnitOfWorkThatBuildsTheGroupAndRollsBack_leavesItAsTheRows() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> lazy = table(tx, true, new AtomicInteger());
        Table<UUID, Row> plain = table(new InMemoryTransactions(), false, new AtomicInteger());
        write(lazy);
        write(plain);

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            lazy.insert(row(6, T0.plusSeconds(9), "red"));
            Row two = lazy.get(new UUID(9, 2)).orElseThrow();
            lazy.update(two.tagged("blue"));
            assertEquals(3, lazy.all(GROUP, "red").size(), "built inside the unit, with its writes");
            throw new IllegalStateException("rolled back");
        }));

        assertFalse(lazy.unbuilt().contains(GROUP));
        assertEquals(reads(plain), reads(lazy), "the unit's insert and update undone in the built group");
    }
}
