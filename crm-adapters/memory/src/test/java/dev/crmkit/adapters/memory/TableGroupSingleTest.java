package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A group key with one member keeps that member's slot in place of an index ({@code Table.Group}): every read answers
 * as with an index, a second member makes the index (in the group's order whatever the order of the writes), and a
 * key left with one member keeps its slot again; undo restores each shape.
 */
class TableGroupSingleTest {

    private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");
    private static final String GROUP = "owner";

    private record Row(UUID id, long version, List<String> owners, Instant at) {
    }

    private static Table<UUID, Row> table(InMemoryTransactions tx) {
        return new Table<UUID, Row>("row", tx, Row::id, Row::version,
                (r, v) -> new Row(r.id(), v, r.owners(), r.at()), Row::at)
                .group(GROUP, Row::owners, Row::at);
    }

    private static Row row(int n, Instant at, String... owners) {
        return new Row(new UUID(7, n), 0, List.of(owners), at);
    }

    private static List<UUID> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }

    @Test
    void aKeyWithOneMember_keepsNoIndex_andEveryReadFindsIt() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row anna = table.insert(row(1, T0, "anna"));
        table.insert(row(2, T0.plusSeconds(1), "ben"));

        assertArrayEquals(new int[] {0, 2}, table.groupShape(GROUP), "two keys, one member each: no index");
        assertEquals(List.of(anna), table.all(GROUP, "anna"));
        assertEquals(anna, table.lastOrNull(GROUP, "anna"));
        assertEquals(anna, tx.inTransaction(() -> table.lastOrNull(GROUP, "anna")), "a writer's look-up too");
        assertEquals(anna, table.first(GROUP, "anna").orElseThrow());
        assertEquals(List.of(anna), table.page(GROUP, "anna", PageRequest.first(10), true, r -> true).items());
        assertEquals(List.of(anna), table.first(GROUP, List.of("anna", "nobody"), 5));
        assertEquals(List.of(anna), table.before(GROUP, "anna", new OrderKey(T0.plusSeconds(5), 99), 3));
        assertEquals(List.of(), table.before(GROUP, "anna", new OrderKey(T0, 1), 3), "the member is not before itself");
        assertNull(table.lastOrNull(GROUP, "nobody"));
    }

    @Test
    void aSecondMember_makesTheIndex_inTheGroupsOrder_andALeaverGivesBackTheSlot() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row late = table.insert(row(1, T0.plusSeconds(60), "anna"));
        Row early = table.insert(row(2, T0, "anna")); // written second, ordered first
        assertArrayEquals(new int[] {1, 1}, table.groupShape(GROUP));
        assertEquals(List.of(early.id(), late.id()), ids(table.all(GROUP, "anna")));
        assertEquals(late, table.lastOrNull(GROUP, "anna"));

        table.delete(late.id());
        assertArrayEquals(new int[] {0, 1}, table.groupShape(GROUP), "one member left: its slot again");
        assertEquals(List.of(early), table.all(GROUP, "anna"));
        assertEquals(early, tx.inTransaction(() -> table.lastOrNull(GROUP, "anna")));

        table.delete(early.id());
        assertArrayEquals(new int[] {0, 0}, table.groupShape(GROUP), "no member: the key leaves the group");
        assertEquals(List.of(), table.all(GROUP, "anna"));
    }

    @Test
    void aReorderWithinATwoMemberKey_forgetsTheRememberedIndex_andTheKeyKeepsBothMembers() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row early = table.insert(row(1, T0, "anna"));
        Row late = table.insert(row(2, T0.plusSeconds(60), "anna"));
        Row third = tx.inTransaction(() -> {
            // a writer's look-up remembers the key's index under this key object (the rows' own "anna")
            assertEquals(late, table.lastOrNull(GROUP, "anna"));
            // the update leaves the index (one member left: its slot again, the remembered index forgotten), then
            // enters under the same key object: the second member makes a new index
            Row moved = table.update(new Row(early.id(), early.version(), early.owners(), T0.plusSeconds(120)));
            assertArrayEquals(new int[] {1, 1}, table.groupShape(GROUP));
            assertEquals(List.of(late.id(), early.id()), ids(table.all(GROUP, "anna")));
            assertEquals(moved, table.lastOrNull(GROUP, "anna"), "remembered again: the new index");
            Row added = table.insert(row(3, T0.plusSeconds(180), "anna"));
            assertEquals(added, table.lastOrNull(GROUP, "anna"));
            return added;
        });
        assertEquals(List.of(late.id(), early.id(), third.id()), ids(table.all(GROUP, "anna")));
        assertEquals(third, table.lastOrNull(GROUP, "anna"));
    }

    @Test
    void aReorderOfAKeysOnlyMember_keepsItsSlot_readAtTheNewPosition() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row anna = table.insert(row(1, T0, "anna"));
        table.insert(row(2, T0.plusSeconds(1), "ben"));
        Row moved = tx.inTransaction(() -> {
            assertEquals(anna, table.lastOrNull(GROUP, "anna"));
            return table.update(new Row(anna.id(), anna.version(), anna.owners(), T0.plusSeconds(30)));
        });

        assertArrayEquals(new int[] {0, 2}, table.groupShape(GROUP), "still one member per key: no index");
        assertEquals(List.of(moved), table.all(GROUP, "anna"));
        assertEquals(moved, tx.inTransaction(() -> table.lastOrNull(GROUP, "anna")));
        assertEquals(List.of(), table.before(GROUP, "anna", new OrderKey(T0.plusSeconds(5), 99), 3),
                "not at its old position");
        assertEquals(List.of(moved), table.before(GROUP, "anna", new OrderKey(T0.plusSeconds(31), 99), 3));
        Row between = table.insert(row(3, T0.plusSeconds(10), "anna"));
        assertEquals(List.of(between.id(), moved.id()), ids(table.all(GROUP, "anna")),
                "the index made from the slot orders it at its new position");
    }

    @Test
    void aRowNamingAKeyTwice_isOneMember() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row twice = table.insert(row(1, T0, "anna", "anna"));
        assertArrayEquals(new int[] {0, 1}, table.groupShape(GROUP));
        assertEquals(List.of(twice), table.all(GROUP, "anna"));
        table.delete(twice.id());
        assertArrayEquals(new int[] {0, 0}, table.groupShape(GROUP));
    }

    @Test
    void undo_restoresEachShape() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row first = table.insert(row(1, T0, "anna"));
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            table.insert(row(2, T0.plusSeconds(1), "anna"));
            assertArrayEquals(new int[] {1, 1}, table.groupShape(GROUP));
            throw new IllegalStateException("roll back");
        }));
        assertArrayEquals(new int[] {0, 1}, table.groupShape(GROUP), "the second member's undo gives back the slot");
        assertEquals(List.of(first), table.all(GROUP, "anna"));

        Row second = table.insert(row(3, T0.plusSeconds(2), "anna"));
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            table.delete(first.id());
            assertArrayEquals(new int[] {0, 1}, table.groupShape(GROUP));
            throw new IllegalStateException("roll back");
        }));
        assertArrayEquals(new int[] {1, 1}, table.groupShape(GROUP), "the leaver's undo makes the index again");
        assertEquals(List.of(first.id(), second.id()), ids(table.all(GROUP, "anna")));
    }

    @Test
    void aSecondMember_probesTheGroupsKeysOnce() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row first = table.insert(row(1, T0, "anna"));
        long before = table.groupProbes(GROUP);
        Row second = table.insert(row(2, T0.plusSeconds(1), "anna"));
        assertEquals(1, table.groupProbes(GROUP) - before, "the slot found is replaced by the index where it is");
        assertArrayEquals(new int[] {1, 1}, table.groupShape(GROUP));
        assertEquals(List.of(first.id(), second.id()), ids(table.all(GROUP, "anna")));
    }

    @Test
    void aLeaverDownToOneMember_probesTheGroupsKeysOnce() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row first = table.insert(row(1, T0, "anna"));
        Row second = table.insert(row(2, T0.plusSeconds(1), "anna"));
        long before = table.groupProbes(GROUP);
        table.delete(second.id());
        assertEquals(1, table.groupProbes(GROUP) - before, "the index found is replaced by the slot left where it is");
        assertArrayEquals(new int[] {0, 1}, table.groupShape(GROUP));
        assertEquals(first, table.lastOrNull(GROUP, "anna"));
        assertEquals(List.of(first), table.all(GROUP, "anna"));
    }
}
