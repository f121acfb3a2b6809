package dev.crmkit.adapters.memory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The orders of a {@link Table} read each row's position from the row's slot instead of keeping it: a row whose
 * ordering time changes (a task's due time, moved into another group) leaves its old position and takes the new one,
 * also when the unit of work rolls back, so every group list and every page of the table keep the order a sort of the
 * expected rows gives, through random inserts, updates, removals and rollbacks.
 */
class TableOrderTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A row ordered by its creation time in the table and by its due time in its group. */
    record Row(UUID id, long version, Instant created, Instant due, String group) {
        Row at(long v) {
            return new Row(id, v, created, due, group);
        }
    }

    /**
     * A table of plain rows reads a row, or its position in an order, straight from the row it keeps: inserting in
     * and out of order into a group and paging through it asks nothing of the id function but the writes' own ids.
     */
    @Test
    void plainRows_areReadAndOrdered_withoutAskingForTheirIds() {
        int[] idCalls = new int[1];
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = new Table<UUID, Row>("row", tx, r -> {
            idCalls[0]++;
            return r.id();
        }, Row::version, Row::at, Row::created).group("g", r -> List.of(r.group()), Row::due);
        List<Row> stored = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            stored.add(table.insert(new Row(new UUID(7, i), 0, T0.plusSeconds(i % 5), T0.plusSeconds(40 - i), "g")));
        }
        idCalls[0] = 0;
        List<Row> all = table.all("g", "g");
        List<Row> expected = new ArrayList<>(stored);
        expected.sort(Comparator.comparing(Row::due));
        assertEquals(expected, all);
        assertEquals(stored.size(), table.page(dev.crmkit.core.kernel.PageRequest.first(100)).items().size());
        assertEquals(0, idCalls[0], "ids asked while reading plain rows");
    }

    /**
     * A row inserted at a time no earlier than every row before it is appended to the creation order and to its
     * groups without reading the row that was last there (its time is asked of the new row alone); a row inserted
     * earlier than that still takes its place by time.
     */
    @Test
    void rowsInsertedInTimeOrder_areAppended_withoutReadingTheLastRow() {
        int[] createdCalls = new int[1];
        int[] dueCalls = new int[1];
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = new Table<UUID, Row>("row", tx, Row::id, Row::version, Row::at, r -> {
            createdCalls[0]++;
            return r.created();
        }).group("g", r -> List.of(r.group(), "all"), r -> {
            dueCalls[0]++;
            return r.due();
        });
        List<Row> stored = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stored.add(table.insert(new Row(new UUID(9, i), 0, T0.plusSeconds(i / 3), T0.plusSeconds(i / 2),
                    "g" + i % 2)));
        }
        assertEquals(30, createdCalls[0], "creation times asked beyond the new rows'");
        assertEquals(30, dueCalls[0], "due times asked beyond the new rows'");
        Row early = table.insert(new Row(new UUID(9, 99), 0, T0.minusSeconds(1), T0.minusSeconds(1), "g0"));
        stored.add(0, early);
        assertEquals(stored, table.all("g", "all"));
        assertEquals(stored, table.page(dev.crmkit.core.kernel.PageRequest.first(100)).items());
        assertEquals(stored.stream().filter(r -> r.group().equals("g0")).toList(), table.all("g", "g0"));
    }

    @Test
    void changingTimesAndGroups_keepEveryOrder_throughRollbacks() {
        for (long seed = 1; seed <= 12; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            InMemoryTransactions tx = new InMemoryTransactions();
            Table<UUID, Row> table = new Table<UUID, Row>("row", tx, Row::id, Row::version, Row::at, Row::created)
                    .group("g", r -> List.of(r.group()), Row::due);
            Map<UUID, Row> expected = new LinkedHashMap<>(); // insertion order: the tie-break of every order
            for (int op = 0; op < 400; op++) {
                int kind = random.nextInt(10);
                List<UUID> ids = new ArrayList<>(expected.keySet());
                if (kind < 4 || ids.isEmpty()) {
                    Row r = new Row(new UUID(seed, op), 0, T0.plusSeconds(random.nextInt(50)),
                            T0.plusSeconds(random.nextInt(50)), "g" + random.nextInt(3));
                    if (random.nextInt(4) == 0) { // a rolled-back insert leaves the high water above every row
                        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
                            table.insert(r);
                            throw new IllegalStateException("roll back");
                        }));
                    } else {
                        expected.put(r.id(), table.insert(r));
                    }
                } else if (kind < 8) {
                    Row current = expected.get(ids.get(random.nextInt(ids.size())));
                    Row changed = new Row(current.id(), current.version(), current.created(),
                            T0.plusSeconds(random.nextInt(50)), "g" + random.nextInt(3));
                    if (random.nextBoolean()) {
                        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
                            table.update(changed);
                            throw new IllegalStateException("roll back");
                        }));
                    } else {
                        expected.put(current.id(), table.update(changed));
                    }
                } else {
                    UUID id = ids.get(random.nextInt(ids.size()));
                    table.delete(id);
                    expected.remove(id);
                }
                assertOrders(table, expected, "seed " + seed + " op " + op);
            }
        }
    }

    /**
     * Review of t17-heap3, finding 6: a key function that fails while a row is updated (here a second group's, for
     * one group name, after the first group's keys changed) leaves the row in every order and group as it was: the
     * keys are worked out before any index changes.
     */
    @Test
    void aKeyFunctionThatFailsOnUpdate_leavesEveryOrderAsItWas() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = new Table<UUID, Row>("row", tx, Row::id, Row::version, Row::at, Row::created)
                .group("g", r -> List.of(r.group()), Row::due)
                .group("h", r -> {
                    if (r.group().equals("bad")) {
                        throw new IllegalArgumentException("no key for group bad");
                    }
                    return List.of(r.group());
                }, Row::due);
        Map<UUID, Row> expected = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            Row r = new Row(new UUID(99, i), 0, T0.plusSeconds(i), T0.plusSeconds(10 - i), "g" + (i % 3));
            expected.put(r.id(), table.insert(r));
        }
        Row current = expected.get(new UUID(99, 2));
        Row changed = new Row(current.id(), current.version(), current.created(), T0.plusSeconds(60), "bad");

        assertThrows(IllegalArgumentException.class, () -> table.update(changed));

        assertOrders(table, expected, "after the failed update");
        assertEquals(current, table.get(current.id()).orElseThrow());
    }

    private static void assertOrders(Table<UUID, Row> table, Map<UUID, Row> expected, String where) {
        List<Row> inserted = new ArrayList<>(expected.values());
        List<Row> byCreation = new ArrayList<>(inserted);
        byCreation.sort(Comparator.comparing(Row::created)); // stable: insertion order within a time
        List<Row> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = table.page(cursor.map(c -> dev.crmkit.core.kernel.PageRequest.after(c, 7))
                    .orElse(dev.crmkit.core.kernel.PageRequest.first(7)));
            paged.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        assertEquals(byCreation, paged, where + ": pages in creation order");
        for (String g : List.of("g0", "g1", "g2")) {
            List<Row> members = new ArrayList<>(inserted.stream().filter(r -> r.group().equals(g)).toList());
            members.sort(Comparator.comparing(Row::due));
            assertEquals(members, table.all("g", g), where + ": group " + g + " in due order");
        }
    }
}
