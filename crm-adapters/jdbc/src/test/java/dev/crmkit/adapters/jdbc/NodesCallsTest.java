package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Nodes.Calls}, the check that a race test raced: only calls of two nodes at once on one item count. */
class NodesCallsTest {

    @Test
    void racedItems_callsOneAfterTheOther_countNothing() {
        Nodes.Calls<String> calls = new Nodes.Calls<>();
        calls.ran("lead-1", 0, 0, 10);
        calls.ran("lead-1", 1, 10, 20);
        calls.ran("lead-2", 1, 5, 8);
        assertEquals(0, calls.racedItems());
    }

    @Test
    void racedItems_overlappingCallsOfOneNode_countNothing() {
        Nodes.Calls<String> calls = new Nodes.Calls<>();
        calls.ran("lead-1", 2, 0, 10);
        calls.ran("lead-1", 2, 5, 15);
        assertEquals(0, calls.racedItems());
    }

    @Test
    void racedItems_overlappingCallsOfTwoNodes_countTheirItemOnce() {
        Nodes.Calls<String> calls = new Nodes.Calls<>();
        calls.ran("lead-1", 0, 0, 10);
        calls.ran("lead-1", 1, 9, 15);
        calls.ran("lead-1", 2, 1, 2);
        calls.ran("lead-2", 0, 0, 10);
        assertEquals(1, calls.racedItems());
    }
}
