package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskChange;
import dev.crmkit.core.task.TaskId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row deleted for good ({@link Table#delete}: retention's delete of a closed task) leaves nothing behind for a later
 * {@link Table#reinstate} (before, every task retention deleted kept an entry in the table's map of retired ids
 * forever); a rolled back delete puts the row back at its old place.
 */
class TableDeleteTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void retentionsDeleteOfAClosedTask_keepsNothingForReinstate_andRollsBack() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        InMemoryTasks tasks = (InMemoryTasks) store.tasks();
        Task first = tasks.insert(Task.open(new TaskId(new UUID(17, 1)), "old chore", T0, Optional.empty(),
                new UserId("rep"), Optional.empty(), T0));
        Task closed = tasks.update(((TaskChange.Changed) first.complete(T0.plusSeconds(60))).task());
        Task other = tasks.insert(Task.open(new TaskId(new UUID(17, 2)), "other", T0, Optional.empty(),
                new UserId("rep"), Optional.empty(), T0));

        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            assertTrue(store.retentionStore().deleteClosedTask(closed.id(), T0.plusSeconds(3600)));
            throw new IllegalStateException("roll back");
        }));
        assertEquals(Optional.of(closed), tasks.findById(closed.id()), "the rolled back delete put it back");
        assertEquals(java.util.List.of(closed.id(), other.id()),
                tasks.rows().scan(t -> true).stream().map(Task::id).toList(), "at its old place");

        assertTrue(store.retentionStore().deleteClosedTask(closed.id(), T0.plusSeconds(3600)));
        assertEquals(Optional.empty(), tasks.findById(closed.id()));
        IllegalStateException kept = assertThrows(IllegalStateException.class, () -> tasks.rows().reinstate(closed),
                "a task deleted for good is not kept as taken out");
        assertTrue(kept.getMessage().contains("was not taken out"), kept.getMessage());
    }
}
