package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link AssignmentState#claimAndAssign}, whether a store runs its three steps one after another or
 * in one statement: the owner the ticket picks is written at the next version, a lost claim takes no ticket and
 * writes nothing, and a lead that moved on since it was read is refused with the claim and the ticket given back.
 * Each store's test calls {@link #check} with a fresh, empty store.
 */
public final class ClaimAndAssignContract {

    private static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ROTATION = "round-robin:sales";
    private static final List<UserId> OWNERS = List.of(UserId.of("ana"), UserId.of("ben"));

    private ClaimAndAssignContract() {
    }

    /** Runs the contract on a fresh, empty store. */
    public static void check(CrmStore store) {
        Fixtures fixtures = new Fixtures();
        AssignmentState state = store.assignmentState();
        Lead first = store.leads().insertOrGet(fixtures.lead().build());
        Lead second = store.leads().insertOrGet(fixtures.lead().build());
        Lead third = store.leads().insertOrGet(fixtures.lead().build());

        // the first ticket of the rotation (0) picks the first owner; the lead is written at the next version
        assertEquals(OptionalLong.of(0), store.transactions().inTransaction(
                () -> state.claimAndAssign(first, ROTATION, OWNERS, T1, store.leads())));
        Lead stored = store.leads().findById(first.id()).orElseThrow();
        assertEquals(first.withOwner(Optional.of(UserId.of("ana")), T1).atVersion(first.version() + 1), stored);

        // a lost claim: no ticket taken, nothing written
        assertEquals(OptionalLong.empty(), store.transactions().inTransaction(
                () -> state.claimAndAssign(first, ROTATION, OWNERS, T1.plusSeconds(1), store.leads())));
        assertEquals(stored, store.leads().findById(first.id()).orElseThrow());
        assertEquals(1, state.advance(ROTATION));

        // the lead moved on since it was read: refused, the claim and the ticket given back
        Lead moved = store.leads().update(second.withOwner(Optional.of(UserId.of("cem")), T1));
        assertThrows(StaleVersionException.class, () -> store.transactions().run(
                () -> state.claimAndAssign(second, ROTATION, OWNERS, T1, store.leads())));
        assertEquals(moved, store.leads().findById(second.id()).orElseThrow());
        assertEquals(2, state.advance(ROTATION));
        assertTrue(state.claim(second.id(), second.version()), "the claim was given back");

        // ticket 3 of two owners picks the second
        assertEquals(OptionalLong.of(3), store.transactions().inTransaction(
                () -> state.claimAndAssign(third, ROTATION, OWNERS, T1, store.leads())));
        assertEquals(Optional.of(UserId.of("ben")), store.leads().findById(third.id()).orElseThrow().owner());
    }
}
