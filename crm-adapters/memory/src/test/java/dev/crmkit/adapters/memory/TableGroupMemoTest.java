package dev.crmkit.adapters.memory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A group's index that a writer looked up ({@link Table#lastOrNull} in a unit of work, as a move's history entry asks
 * for its deal's newest entry) is remembered for the add under the same key that follows; when the group's last member
 * under that key leaves, the index leaves the group and must be forgotten too, or the next member would go into an
 * index no read finds.
 */
class TableGroupMemoTest {

    private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");
    private static final String GROUP = "owner";

    private record Row(UUID id, long version, String owner, Instant at) {
    }

    private static Table<UUID, Row> table(InMemoryTransactions tx) {
        return new Table<UUID, Row>("row", tx, Row::id, Row::version,
                (r, v) -> new Row(r.id(), v, r.owner(), r.at()), Row::at)
                .group(GROUP, r -> List.of(r.owner()), Row::at);
    }

    @Test
    void aLookedUpIndexThatEmpties_isForgotten_soTheNextMemberIsFound() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        String key = "anna"; // one key object throughout, as a move's entry and its look-up share the deal id
        Row first = new Row(new UUID(1, 1), 0, key, T0);
        Row second = new Row(new UUID(1, 2), 0, key, T0.plusSeconds(60));
        Row other = new Row(new UUID(1, 3), 0, "ben", T0.plusSeconds(30));

        Row kept = tx.inTransaction(() -> {
            assertNull(table.lastOrNull(GROUP, key));
            Row a = table.insert(first);
            table.insert(other);
            assertEquals(a, table.lastOrNull(GROUP, key), "the writer's look-up finds the member");
            table.delete(a.id()); // the group's last member under the key: its index leaves the group
            assertNull(table.lastOrNull(GROUP, key), "no member left under the key");
            return table.insert(second);
        });

        assertEquals(List.of(kept), table.all(GROUP, key), "a read finds the member added after the index emptied");
        assertEquals(kept, table.lastOrNull(GROUP, key));
        assertEquals(List.of(table.get(other.id()).orElseThrow()), table.all(GROUP, "ben"));
    }

    @Test
    void aLookUpAndAnAddUnderTheSameKey_landInTheIndexReadsSee() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        String key = "anna";
        for (int i = 0; i < 5; i++) {
            Row row = new Row(new UUID(2, i), 0, key, T0.plusSeconds(i));
            tx.inTransaction(() -> {
                table.lastOrNull(GROUP, key);
                table.lastOrNull(GROUP, "ben"); // another key looked up in between: the memo follows it
                return table.insert(row);
            });
        }
        assertEquals(List.of(new UUID(2, 0), new UUID(2, 1), new UUID(2, 2), new UUID(2, 3), new UUID(2, 4)),
                table.all(GROUP, key).stream().map(Row::id).toList());
        assertEquals(new UUID(2, 4), table.lastOrNull(GROUP, key).id());
    }
}
