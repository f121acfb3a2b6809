package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.contract.ClaimAndAssignContract;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.ManualProbability;
import dev.crmkit.core.scoring.Temperature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC assignment state, lead scores and probability overrides take part in the running unit of work: a unit
 * that rolls back gives back the rotation tickets, quota units and claims it took and leaves scores and overrides as
 * they were, so rotations stay dense when an assignment fails. The tickets with strict rotation: a store's default on
 * PostgreSQL takes them from a sequence, which gives none back ({@code AssignmentTicketSequenceTest}).
 */
class JdbcScoringAssignmentUnitsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void advance_tryConsume_claim_inRolledBackUnit_areGivenBack(TestDatabase db) {
        JdbcCrmStore store = db.freshStore(JdbcCrmStore.Builder::strictRotation);
        AssignmentState state = store.assignmentState();
        LeadId lead = new LeadId(UUID.fromString("00000000-0000-0000-0000-000000000005"));
        state.advance("round-robin:sales");
        state.tryConsume("alice", DAY, 3);

        assertThrows(IllegalStateException.class, () -> store.transactions().run(() -> {
            assertEquals(1, state.advance("round-robin:sales"));
            assertEquals(0, state.advance("round-robin:other"));
            assertTrue(state.tryConsume("alice", DAY, 3));
            assertTrue(state.claim(lead, 1));
            throw new IllegalStateException("the unit fails");
        }));

        assertEquals(1, state.advance("round-robin:sales"));
        assertEquals(0, state.advance("round-robin:other"));
        assertEquals(1, state.used("alice", DAY));
        assertTrue(state.claim(lead, 1));
    }

    /** One statement on PostgreSQL, three steps elsewhere: the same outcomes (tickets given back: strict rotation). */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void claimAndAssign_keepsItsContract(TestDatabase db) {
        ClaimAndAssignContract.check(db.freshStore(JdbcCrmStore.Builder::strictRotation));
    }

    /**
     * The same contract on a store's default (review A-L4): on PostgreSQL tickets from a sequence per rotation, which
     * keeps a refused unit's ticket taken; on H2 and MariaDB tickets on the rotation's row, given back.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void claimAndAssign_keepsItsContract_withTheDefaultTickets(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        assertEquals(db == TestDatabase.POSTGRESQL ? RotationTickets.SEQUENCE : RotationTickets.ROW,
                store.rotationTickets().mode());
        ClaimAndAssignContract.check(store, db == TestDatabase.POSTGRESQL
                ? ClaimAndAssignContract.Refusal.SKIPS_THE_TICKET
                : ClaimAndAssignContract.Refusal.GIVES_THE_TICKET_BACK);
    }

    /**
     * The leads of another store (another table prefix on the same database) get the owner write, not the lead table
     * of the assignment state's own store: only the store's own leads port may be bypassed by the one statement.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void claimAndAssign_withAnotherStoresLeads_writesTheOwnerIntoThoseLeads(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        JdbcCrmStore other = db.freshStore("bulk_");
        Lead lead = other.leads().insertOrGet(new Fixtures().lead().build());

        assertEquals(OptionalLong.of(0), store.assignmentState().claimAndAssign(lead, "round-robin:sales",
                List.of(UserId.of("ana")), T0, other.leads()));

        assertEquals(lead.withOwner(Optional.of(UserId.of("ana")), T0).atVersion(lead.version() + 1),
                other.leads().findById(lead.id()).orElseThrow());
        assertEquals(0, store.leads().count());
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void saveAll_set_inRolledBackUnit_leaveTheStoredValues(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        LeadId lead = new LeadId(UUID.fromString("00000000-0000-0000-0000-000000000006"));
        LeadScore before = new LeadScore(lead, 40, Temperature.WARM, LifecycleStage.LEAD, T0);
        ManualProbability typed = new ManualProbability(lead, new BigDecimal("0.25"), UserId.of("ana"), T0);
        store.leadScores().saveAll(List.of(before));
        store.probabilityOverrides().set(typed);

        assertThrows(IllegalStateException.class, () -> store.transactions().run(() -> {
            store.leadScores().saveAll(List.of(new LeadScore(lead, 90, Temperature.HOT,
                    LifecycleStage.SALES_QUALIFIED, T0.plusSeconds(60))));
            store.probabilityOverrides().clear(lead);
            throw new IllegalStateException("the unit fails");
        }));

        assertEquals(Optional.of(before), store.leadScores().find(lead));
        assertEquals(Optional.of(typed), store.probabilityOverrides().find(lead));
    }
}
