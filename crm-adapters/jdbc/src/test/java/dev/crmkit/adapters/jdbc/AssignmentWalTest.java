package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.Crm;
import dev.crmkit.core.assignment.AssignmentOutcome;
import dev.crmkit.core.assignment.Policies;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAL of an assignment whose rotation ticket is taken ahead (a PostgreSQL store's default), counted as
 * {@link MoveWalTest} counts a move's: by {@code EXPLAIN (ANALYZE, WAL)} of the statements themselves inside a
 * transaction that is rolled back, per table.
 */
class AssignmentWalTest {

    private static final Instant AT = Instant.parse("2026-12-07T05:00:00Z");
    private static final String ROTATION = "round-robin:sales";

    /**
     * The rotation's row is there from its first ticket on: the ticket taken ahead advances it with one WAL record (a
     * plain update). The upsert it replaces, which met the row, wrote two, as it locked the row before updating it.
     * The row is still created by the first ticket, which is 0, and the tickets go on densely.
     */
    @Test
    void aTicketTakenAhead_onPostgres_isOneWalRecordOfTheRotation_andTheFirstCreatesItsRow() throws Exception {
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore(
                JdbcCrmStore.Builder::rotationTicketsAhead)) {
            JdbcCrmStore store = on.store();
            JdbcAssignmentState state = (JdbcAssignmentState) store.assignmentState();
            Fixtures fixtures = new Fixtures();
            Lead first = store.leads().insertOrGet(fixtures.lead().build());
            Lead second = store.leads().insertOrGet(fixtures.lead().build());
            assertEquals(OptionalLong.of(0), state.advanceAhead(first.id(), Optional.empty(), ROTATION),
                    "the first ticket creates the rotation's row");

            JsonNode plan;
            try (Connection c = on.ds().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, WAL, COSTS OFF, TIMING OFF, "
                        + "FORMAT JSON) " + state.advanceAheadSql())) {
                    store.jdbc().bind(ps, second.id().value(), second.id().value(), second.id().value(),
                            Jdbc.Null.TEXT, ROTATION);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
                    }
                }
                c.rollback();
            }

            assertEquals(1, MoveWalTest.walRecords(plan, "crm_assignment_rotation"), plan.toPrettyString());
            assertEquals(OptionalLong.of(1), state.advanceAhead(second.id(), Optional.empty(), ROTATION));
            assertEquals(OptionalLong.empty(), state.advanceAhead(second.id(), Optional.of(UserId.of("ana")),
                    ROTATION), "a lead not owned as expected takes no ticket");
            assertEquals(2, state.advance(ROTATION), "dense: 0 and 1 taken ahead, nothing else");
        }
    }

    /**
     * The owner write of a lead read ahead is checked at the version read, with no claim row: of two units writing the
     * lead at that version the second finds the version moved on and is refused as stale, and reruns on the lead as
     * written (the claim row, before t24, turned the same race into {@code claimed-elsewhere} one index entry and WAL
     * record later; the race tests of {@code AssignmentNodesTest} and {@code AssignmentTicketsAheadTest} show no lead
     * assigned twice without it). The lead is written once, at the next version.
     */
    @Test
    void anAssignmentWithItsTicketAhead_onPostgres_writesTheVersionRead_withoutAClaimRow() throws Exception {
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore(
                JdbcCrmStore.Builder::rotationTicketsAhead)) {
            Crm crm = Crm.builder().store(on.store()).ids(IdGenerator.seeded(23)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            Lead lead = crm.store().leads().insertOrGet(new Fixtures().lead().build());

            AssignmentOutcome outcome = crm.assignment(Policies.roundRobin(Routing.everyoneTo(
                    Team.of("sales", "ana", "ben")), user -> false), 42).assign(lead.id());

            assertTrue(outcome instanceof AssignmentOutcome.Assigned a && a.explanation().reason()
                    .contains("ticket 0 "), outcome.toString());
            Lead stored = crm.store().leads().findById(lead.id()).orElseThrow();
            assertEquals(lead.version() + 1, stored.version());
            assertEquals(Optional.of(UserId.of("ana")), stored.owner());
            assertEquals(0, count(on, "SELECT count(*) FROM crm_assignment_claim"), "no claim row");
            assertEquals(1, count(on, "SELECT next_ticket FROM crm_assignment_rotation"));
        }
    }

    /**
     * Two first tickets of a rotation at once: while another node's first ticket has inserted the rotation's row and
     * not yet committed, this one's plain UPDATE finds no row, so its insert meets the other's at the key, waits for
     * its commit and then advances the row ({@code ON CONFLICT DO UPDATE}): tickets 0 and 1, the row at 2.
     */
    @Test
    void twoFirstTicketsAtOnce_onPostgres_theSecondWaitsForTheFirstsRow_andTakesTicketOne() throws Exception {
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore(
                JdbcCrmStore.Builder::rotationTicketsAhead)) {
            JdbcAssignmentState state = (JdbcAssignmentState) on.store().assignmentState();
            Lead lead = on.store().leads().insertOrGet(new Fixtures().lead().build());
            ExecutorService node = Executors.newSingleThreadExecutor();
            try (Connection other = on.ds().getConnection(); Connection watcher = on.ds().getConnection()) {
                other.setAutoCommit(false);
                try (PreparedStatement ps = other.prepareStatement(
                        "INSERT INTO crm_assignment_rotation (name, next_ticket) VALUES (?, 1)")) { // its ticket 0
                    ps.setString(1, ROTATION);
                    ps.executeUpdate();
                }
                Future<OptionalLong> ticket = node.submit(() -> state.advanceAhead(lead.id(), Optional.empty(),
                        ROTATION));
                AssignmentNodesTest.awaitWaitingForALock(watcher, ticket);
                other.commit();

                assertEquals(OptionalLong.of(1), ticket.get(30, TimeUnit.SECONDS));
            } finally {
                node.shutdownNow();
            }
            assertEquals(2, count(on, "SELECT next_ticket FROM crm_assignment_rotation"));
        }
    }

    private static long count(TestDatabase.Isolated on, String sql) throws SQLException {
        try (Connection c = on.ds().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
