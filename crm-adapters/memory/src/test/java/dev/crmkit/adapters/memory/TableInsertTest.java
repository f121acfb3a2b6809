package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An insert enters the indexes by its own path ({@code Table.place}, without the update's lists of steps, for the
 * history and timeline entries every deal move inserts): the row gets every unique key and every group it has, a key
 * function that fails leaves no trace in any index, and a row outside a group needs no position in it.
 */
class TableInsertTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A row with a unique code, in group {@code group} (none when null) ordered by {@code due} (may then be null). */
    record Row(UUID id, long version, Instant created, String code, String group, Instant due) {
        Row at(long v) {
            return new Row(id, v, created, code, group, due);
        }
    }

    private static Table<UUID, Row> table(InMemoryTransactions tx) {
        return new Table<UUID, Row>("row", tx, Row::id, Row::version, Row::at, Row::created)
                .unique("code", r -> List.of(r.code()))
                .group("g", r -> r.group() == null ? List.of() : List.of(r.group()), Row::due)
                .group("h", r -> {
                    if ("bad".equals(r.group())) {
                        throw new IllegalArgumentException("no key for group bad");
                    }
                    return r.group() == null ? List.of() : List.of("h-" + r.group());
                }, Row::due);
    }

    @Test
    void insertedRow_holdsItsUniqueKey_andListsInEveryGroupInOrder() {
        Table<UUID, Row> table = table(new InMemoryTransactions());
        Row late = table.insert(new Row(new UUID(5, 1), 0, T0, "A", "x", T0.plusSeconds(20)));
        Row early = table.insert(new Row(new UUID(5, 2), 0, T0.plusSeconds(1), "B", "x", T0.plusSeconds(10)));

        assertEquals(Optional.of(late), table.byUnique("code", "A"));
        ValidationException taken = assertThrows(ValidationException.class,
                () -> table.insert(new Row(new UUID(5, 3), 0, T0, "A", "y", T0)), "the code is taken");
        assertTrue(taken.getMessage().contains("code"), taken.getMessage());
        assertEquals(List.of(early, late), table.all("g", "x"), "group g in due order");
        assertEquals(List.of(early, late), table.all("h", "h-x"), "group h in due order");
        assertEquals(List.of(late, early), table.page(PageRequest.first(10)).items(), "creation order");
    }

    /**
     * A key function whose list names one key twice (lists allow it): the row is listed once under it, also when it
     * is above every row before it (the append without a look), and is gone after it is deleted.
     */
    @Test
    void aKeyListedTwice_listsTheRowOnce() {
        Table<UUID, Row> table = new Table<UUID, Row>("row", new InMemoryTransactions(), Row::id, Row::version,
                Row::at, Row::created).group("twice", r -> List.of(r.group(), r.group()), Row::due);
        Row first = table.insert(new Row(new UUID(7, 1), 0, T0, "A", "x", T0));
        Row second = table.insert(new Row(new UUID(7, 2), 0, T0.plusSeconds(1), "B", "x", T0.plusSeconds(1)));

        assertEquals(List.of(first, second), table.all("twice", "x"));
        table.delete(second.id());
        assertEquals(List.of(first), table.all("twice", "x"));
    }

    /** Review of t17-heap3, finding 6, for inserts: the keys are worked out before any index changes. */
    @Test
    void aKeyFunctionThatFailsOnInsert_leavesNoTraceInAnyIndex() {
        Table<UUID, Row> table = table(new InMemoryTransactions());
        Row kept = table.insert(new Row(new UUID(6, 1), 0, T0, "A", "x", T0));
        UUID badId = new UUID(6, 2);

        assertThrows(IllegalArgumentException.class,
                () -> table.insert(new Row(badId, 0, T0.plusSeconds(1), "B", "bad", T0)));

        assertEquals(Optional.empty(), table.get(badId));
        assertEquals(Optional.empty(), table.byUnique("code", "B"), "its code is not taken");
        assertEquals(List.of(), table.all("g", "bad"), "not in group g");
        assertEquals(List.of(kept), table.page(PageRequest.first(10)).items(), "not in the creation order");
        Row again = table.insert(new Row(badId, 0, T0.plusSeconds(1), "B", "y", T0));
        assertEquals(List.of(kept, again), table.page(PageRequest.first(10)).items(), "its id and code are free");
    }

    @Test
    void aRowInNoGroup_needsNoPositionInIt() {
        Table<UUID, Row> table = table(new InMemoryTransactions());
        Row loose = table.insert(new Row(new UUID(7, 1), 0, T0, "A", null, null)); // no due time: in no group

        assertEquals(Optional.of(loose), table.get(loose.id()));
        assertEquals(List.of(loose), table.page(PageRequest.first(10)).items());
    }

    @Test
    void anInsertRolledBack_leavesNoTrace() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        UUID id = new UUID(8, 1);

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            table.insert(new Row(id, 0, T0, "A", "x", T0));
            assertEquals(1, table.all("g", "x").size(), "seen inside its unit");
            throw new IllegalStateException("roll back");
        }));

        assertEquals(Optional.empty(), table.get(id));
        assertEquals(Optional.empty(), table.byUnique("code", "A"));
        assertEquals(List.of(), table.all("g", "x"));
        assertEquals(List.of(), table.all("h", "h-x"));
    }
}
