package dev.crmkit.adapters.memory;

import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.contract.AssignmentStateContract;
import dev.crmkit.core.contract.ClaimAndAssignContract;
import dev.crmkit.core.lead.LeadId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory store passes the {@link AssignmentStateContract}, and its assignment state takes part in the units
 * of work: a unit that rolls back gives back the tickets, quota units and claims it took.
 */
class InMemoryAssignmentStateTest extends AssignmentStateContract {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Override
    protected AssignmentState newState() {
        return InMemoryCrmStore.create().assignmentState();
    }

    @Test
    void claimAndAssign_keepsItsContract() {
        ClaimAndAssignContract.check(InMemoryCrmStore.create());
    }

    @Test
    void advance_tryConsume_claim_inRolledBackUnit_areGivenBack() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        AssignmentState state = store.assignmentState();
        LeadId lead = new LeadId(UUID.fromString("00000000-0000-0000-0000-000000000005"));
        state.advance("round-robin:sales");

        assertThrows(IllegalStateException.class, () -> store.transactions().run(() -> {
            state.advance("round-robin:sales");
            state.advance("round-robin:other");
            state.tryConsume("alice", DAY, 3);
            state.claim(lead, 1);
            throw new IllegalStateException("the unit fails");
        }));

        assertEquals(1, state.advance("round-robin:sales"));
        assertEquals(0, state.advance("round-robin:other"));
        assertEquals(0, state.used("alice", DAY));
        assertTrue(state.claim(lead, 1));
    }
}
