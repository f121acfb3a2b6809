package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An update moves a row only in the indexes whose keys or order it changed (its steps kept in one array by position,
 * unique indexes first, then groups): each changed index finds the row by its new key and no longer by its old one,
 * each unchanged index still finds it by its key, a group with a basis that did not change does not work its keys out
 * again, a rollback puts every key back, and an index declared twice is refused.
 */
class TableUpdateTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A row with two unique codes and two groups (a stage within a pipeline, as a deal has). */
    record Row(UUID id, long version, Instant created, String code, String other, String pipeline, String stage) {
        Row at(long v) {
            return new Row(id, v, created, code, other, pipeline, stage);
        }

        Row with(String newCode, String newStage) {
            return new Row(id, version, created, newCode, other, pipeline, newStage);
        }
    }

    private final AtomicInteger pipelineKeys = new AtomicInteger();

    private Table<UUID, Row> table(InMemoryTransactions tx) {
        return new Table<UUID, Row>("row", tx, Row::id, Row::version, Row::at, Row::created)
                .unique("code", r -> List.of(r.code()))
                .unique("other", r -> List.of(r.other()))
                .group("pipeline", Row::pipeline, p -> {
                    pipelineKeys.incrementAndGet();
                    return List.of(p);
                }, Row::created)
                .group("stage", r -> List.of(r.pipeline() + "/" + r.stage()), Row::created);
    }

    @Test
    void anUpdateOfIndexedFields_isFoundByTheNewKeys_andNotByTheOldOnes() {
        Table<UUID, Row> table = table(new InMemoryTransactions());
        Row a = table.insert(new Row(new UUID(1, 1), 0, T0, "A", "a", "p", "s1"));
        Row b = table.insert(new Row(new UUID(1, 2), 0, T0.plusSeconds(1), "B", "b", "p", "s1"));

        Row moved = table.update(a.with("A2", "s2"));

        assertEquals(2, moved.version());
        assertEquals(Optional.of(moved), table.byUnique("code", "A2"), "the changed unique index, new key");
        assertEquals(Optional.empty(), table.byUnique("code", "A"), "the changed unique index, old key");
        assertEquals(Optional.of(moved), table.byUnique("other", "a"), "the unchanged unique index");
        assertEquals(List.of(moved), table.all("stage", "p/s2"), "the changed group, new key");
        assertEquals(List.of(b), table.all("stage", "p/s1"), "the changed group, old key");
        assertEquals(List.of(moved, b), table.all("pipeline", "p"), "the unchanged group, in creation order");
        ValidationException taken = assertThrows(ValidationException.class,
                () -> table.insert(new Row(new UUID(1, 3), 0, T0, "A2", "c", "p", "s1")));
        assertTrue(taken.getMessage().contains("code"), taken.getMessage());
        table.insert(new Row(new UUID(1, 4), 0, T0, "A", "d", "p", "s1")); // the old code is free again
    }

    @Test
    void anUpdateThatKeepsAGroupsBasis_doesNotWorkItsKeysOutAgain() {
        Table<UUID, Row> table = table(new InMemoryTransactions());
        Row a = table.insert(new Row(new UUID(2, 1), 0, T0, "A", "a", "p", "s1"));
        int afterInsert = pipelineKeys.get();

        Row moved = table.update(a.with("A", "s2"));

        assertEquals(afterInsert, pipelineKeys.get(), "the pipeline did not change: its keys are not asked for");
        assertEquals(List.of(moved), table.all("pipeline", "p"));
        assertEquals(List.of(moved), table.all("stage", "p/s2"));
        assertEquals(List.of(), table.all("stage", "p/s1"));
    }

    @Test
    void aRolledBackUpdate_putsEveryKeyBack() {
        InMemoryTransactions tx = new InMemoryTransactions();
        Table<UUID, Row> table = table(tx);
        Row a = table.insert(new Row(new UUID(3, 1), 0, T0, "A", "a", "p", "s1"));

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            table.update(a.with("A2", "s2"));
            throw new IllegalStateException("roll back");
        }));

        assertEquals(Optional.of(a), table.byUnique("code", "A"));
        assertEquals(Optional.empty(), table.byUnique("code", "A2"));
        assertEquals(List.of(a), table.all("stage", "p/s1"));
        assertEquals(List.of(), table.all("stage", "p/s2"));
        assertEquals(Optional.of(a), table.get(a.id()));
    }

    @Test
    void anIndexDeclaredTwice_isRefused() {
        Table<UUID, Row> table = table(new InMemoryTransactions());
        assertThrows(IllegalArgumentException.class, () -> table.unique("code", r -> List.of(r.code())));
        assertThrows(IllegalArgumentException.class, () -> table.group("stage", r -> List.of(r.stage()),
                Row::created));

        // the refused declarations replaced nothing: the first indexes still answer, by their own keys
        Row a = table.insert(new Row(new UUID(4, 1), 0, T0, "A", "a", "p", "s1"));
        assertEquals(Optional.of(a), table.byUnique("code", "A"));
        assertEquals(List.of(a), table.all("stage", "p/s1"));
        assertEquals(List.of(), table.all("stage", "s1"));
    }
}
