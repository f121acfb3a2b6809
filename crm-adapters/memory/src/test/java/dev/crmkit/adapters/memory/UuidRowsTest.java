package dev.crmkit.adapters.memory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table whose rows keep their UUID id's two numbers beside them ({@link UuidRows}: the timeline and the stage
 * history) finds each row by comparing both numbers: ids that share one half, ids whose hashes are equal, and the
 * extreme ids all read back as a {@link HashMap} would answer, through inserts, removals, rolled back units and the
 * resizes in between; an id already stored is refused as by the plain rows.
 */
class UuidRowsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private record Row(UUID id, Instant at, String text) {
    }

    private static Table<UUID, Row> table(InMemoryTransactions tx) {
        return new Table<UUID, Row>("row", tx, Row::id, r -> 0L, (r, v) -> r, Row::at,
                new UuidRows<>(Row::id, id -> id));
    }

    /** Ids sharing their high half, ids sharing their low half, ids of one hash, and the extremes. */
    private static List<UUID> hostile() {
        List<UUID> out = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0),
                new UUID(0, Long.MIN_VALUE), new UUID(Long.MAX_VALUE, Long.MAX_VALUE), new UUID(-1, 0),
                new UUID(0, -1)));
        for (long x = 1; x <= 100; x++) {
            out.add(new UUID(42, x)); // the same high half
            if (x != 42) {
                out.add(new UUID(x, 42)); // the same low half (42, 42 is already there)
            }
            out.add(new UUID(0x1234_5678_9ABC_DEF0L ^ x * 0x0000_0001_0000_0001L, x * 0x0000_0001_0000_0001L));
        }
        return out;
    }

    @Test
    void randomInsertsAndRemovals_ofIdsSharingAHalfOrAHash_answerAsAHashMap() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Map<UUID, Row> expected = new HashMap<>();
        List<UUID> ids = hostile();
        SplittableRandom random = new SplittableRandom(5);
        for (int op = 0; op < 4000; op++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            if (expected.containsKey(id) && random.nextInt(3) == 0) {
                table.delete(id);
                expected.remove(id);
            } else if (!expected.containsKey(id)) {
                Row row = new Row(id, T0.plusSeconds(op), "row " + op);
                assertSame(row, table.insert(row), "op " + op);
                expected.put(id, row);
            }
            UUID probe = ids.get(random.nextInt(ids.size()));
            assertEquals(Optional.ofNullable(expected.get(probe)), table.get(probe), "op " + op + ", id " + probe);
        }
        for (UUID id : ids) {
            assertEquals(Optional.ofNullable(expected.get(id)), table.get(id), id.toString());
        }
        assertEquals(expected.size(), table.count());
    }

    @Test
    void anIdAlreadyStored_isRefused_evenAmongIdsThatShareItsHalves() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        for (UUID id : hostile()) {
            table.insert(new Row(id, T0, "first"));
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> table.insert(new Row(new UUID(42, 7), T0, "again")));
        assertTrue(refused.getMessage().contains("already stored"), refused.getMessage());
        assertEquals("first", table.get(new UUID(42, 7)).orElseThrow().text());
        assertEquals(Optional.empty(), table.get(new UUID(42, 101)), "not stored: the same high half only");
        assertEquals(Optional.empty(), table.get(new UUID(101, 42)), "not stored: the same low half only");
    }

    @Test
    void aRolledBackInsert_leavesNoRow_andTheCreationOrderReadsTheRows() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row kept = table.insert(new Row(new UUID(1, 2), T0.plusSeconds(5), "kept"));
        Row earlier = table.insert(new Row(new UUID(2, 1), T0, "earlier"));
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            table.insert(new Row(new UUID(1, 3), T0, "rolled back"));
            throw new IllegalStateException("roll back");
        }));
        assertEquals(Optional.empty(), table.get(new UUID(1, 3)));
        assertEquals(List.of(earlier, kept), table.scan(r -> true), "in creation order");
    }
}
