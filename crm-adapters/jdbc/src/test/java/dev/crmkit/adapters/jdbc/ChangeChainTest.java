package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.StaleVersionException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChangeChainTest {

    private record Change(UUID id, long version, String state) {
    }

    private static final UUID A = new UUID(0, 2);
    private static final UUID B = new UUID(0, 1);

    @Test
    void of_keepsEachRecordsFirstAndLastChange_inIdOrder() {
        ChangeChain<Change> chain = ChangeChain.of(List.of(new Change(A, 3, "a1"), new Change(B, 7, "b1"),
                new Change(A, 4, "a2"), new Change(A, 5, "a3")), Change::id, Change::version, "lead");

        assertEquals(List.of(B, A), List.copyOf(chain.first().keySet()));
        assertEquals("a1", chain.first().get(A).state());
        assertEquals("a3", chain.last().get(A).state());
        assertEquals("b1", chain.first().get(B).state());
        assertEquals("b1", chain.last().get(B).state());
    }

    @Test
    void of_refusesAChangeThatDoesNotFollowItsRecordsPreviousOne_namingIt() {
        StaleVersionException e = assertThrows(StaleVersionException.class, () -> ChangeChain.of(List.of(
                new Change(A, 3, "a1"), new Change(A, 5, "a2")), Change::id, Change::version, "contact"));

        assertEquals(true, e.getMessage().contains("contact") && e.getMessage().contains(A.toString()),
                e.getMessage());
    }
}
