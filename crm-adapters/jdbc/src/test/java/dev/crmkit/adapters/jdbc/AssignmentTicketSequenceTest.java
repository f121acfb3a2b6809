package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.assignment.AssignmentOutcome;
import dev.crmkit.core.assignment.LeadAssignment;
import dev.crmkit.core.assignment.Policies;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.kit.archive.RotationCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotation tickets from a sequence per rotation, a store's default on PostgreSQL
 * ({@link JdbcCrmStore.Builder#rotationTicketsFromSequence()}): two nodes sharing a database take distinct tickets
 * of one sequence, created once; a rotation used before goes on from its cursor; a unit that rolls back does not give
 * its ticket back (a sequence is not transactional), where strict rotation, and MariaDB, which keeps tickets on the
 * rotation's row, do; the exported cursor is the sequence's.
 */
class AssignmentTicketSequenceTest {

    private static final Team SALES = Team.of("sales", "ana", "ben", "cem", "dora", "eli", "fay", "gus");
    private static final String ROTATION = "round-robin:sales";
    private static final Instant AT = Instant.parse("2026-12-07T17:00:00Z");

    private DataSource[] nodes = new DataSource[0];

    @AfterEach
    void closeNodes() {
        TestDatabase.close(nodes);
    }

    /**
     * Two nodes times four threads assign 70 leads, each lead once: the tickets are 0 to 69, each once, and every
     * person gets 10, on PostgreSQL from the sequence and on MariaDB from the rotation's row.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void twoNodesAssigningEachLeadOnce_takeDistinctDenseTickets_andEveryoneGetsTheSameCount(TestDatabase db)
            throws Exception {
        nodes = db.nodes(2);
        List<LeadAssignment> assignments = new ArrayList<>();
        List<Crm> crms = new ArrayList<>();
        for (DataSource node : nodes) {
            Crm crm = crm(JdbcCrmStore.builder(node).build(), IdGenerator.random());
            crms.add(crm);
            assignments.add(roundRobin(crm));
        }
        Fixtures fixtures = new Fixtures();
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            leads.add(crms.get(0).store().leads().insertOrGet(fixtures.lead().build()));
        }
        Set<Long> tickets = ConcurrentHashMap.newKeySet();
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

        Nodes.runOnEveryThread(2, 4, (node, thread) -> {
            for (int i = node * 4 + thread; i < leads.size(); i += 8) {
                AssignmentOutcome.Assigned assigned = (AssignmentOutcome.Assigned) assignments.get(node)
                        .assign(leads.get(i).id());
                tickets.add(ticketOf(assigned));
                counts.merge(assigned.lead().owner().orElseThrow().value(), 1, Integer::sum);
            }
        });

        assertEquals(70, tickets.size(), "70 distinct tickets");
        assertTrue(tickets.stream().allMatch(t -> t >= 0 && t < 70), "0 to 69: " + tickets);
        assertEquals(7, counts.size(), counts.toString());
        assertTrue(counts.values().stream().allMatch(c -> c == 10), "10 each: " + counts);
        assertEquals(70, crms.get(1).store().assignmentState().advance(ROTATION), "the cursor, on either node");
    }

    /**
     * A unit that rolls back after its ticket was taken (here its timeline entry's id fails) writes nothing. From a
     * sequence its ticket is not given back: the next assignment takes ticket 1, its turn skipped.
     */
    @Test
    void aUnitThatRollsBack_fromASequence_skipsItsTicket() {
        assertEquals("ticket 1 ", ticketAfterARolledBackUnit(TestDatabase.POSTGRESQL, b -> b));
    }

    /** With strict rotation the rolled-back unit gives its ticket back: the next assignment takes ticket 0. */
    @Test
    void aUnitThatRollsBack_withStrictRotation_givesItsTicketBack() {
        assertEquals("ticket 0 ", ticketAfterARolledBackUnit(TestDatabase.POSTGRESQL,
                JdbcCrmStore.Builder::strictRotation));
    }

    /** MariaDB keeps its tickets on the rotation's row inside the unit: the ticket is given back. */
    @Test
    void aUnitThatRollsBack_onMariaDb_givesItsTicketBack() {
        assertEquals("ticket 0 ", ticketAfterARolledBackUnit(TestDatabase.MARIADB, b -> b));
    }

    /**
     * Assigns a lead whose unit fails once, for good, when it generates its entry's id, then another lead; checks that
     * the failed unit wrote nothing and returns the second assignment's "ticket N " from its explanation.
     */
    private String ticketAfterARolledBackUnit(TestDatabase db, UnaryOperator<JdbcCrmStore.Builder> configure) {
        nodes = db.nodes(1);
        boolean[] fail = {false};
        IdGenerator seeded = IdGenerator.seeded(11);
        IdGenerator failing = () -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("injected: the id generator failed");
            }
            return seeded.next();
        };
        Crm crm = crm(configure.apply(JdbcCrmStore.builder(nodes[0])).build(), failing);
        Fixtures fixtures = new Fixtures();
        Lead first = crm.store().leads().insertOrGet(fixtures.lead().build());
        Lead second = crm.store().leads().insertOrGet(fixtures.lead().build());
        LeadAssignment assignment = roundRobin(crm);

        fail[0] = true;
        assertThrows(IllegalStateException.class, () -> assignment.assign(first.id()));
        assertEquals(Optional.empty(), crm.store().leads().findById(first.id()).orElseThrow().owner(),
                "the rolled-back unit wrote no owner");
        AssignmentOutcome outcome = assignment.assign(second.id());

        assertTrue(outcome instanceof AssignmentOutcome.Assigned, outcome.toString());
        return "ticket " + ticketOf((AssignmentOutcome.Assigned) outcome) + " ";
    }

    /**
     * A rotation whose tickets were taken on its row (by a strict node, or restored from an export) goes on from its
     * cursor when a node takes them from a sequence; the sequence is created once for both nodes, and the exported
     * cursor is the sequence's next value.
     */
    @Test
    void aRotationUsedBefore_goesOnFromItsCursor_oneSequenceForTwoNodes_andItsCursorIsExported() {
        nodes = TestDatabase.POSTGRESQL.nodes(2);
        JdbcCrmStore strict = JdbcCrmStore.builder(nodes[0]).strictRotation().build();
        assertEquals(0, strict.assignmentState().advance(ROTATION));
        assertEquals(1, strict.assignmentState().advance(ROTATION));

        JdbcCrmStore one = JdbcCrmStore.builder(nodes[0]).build();
        JdbcCrmStore two = JdbcCrmStore.builder(nodes[1]).build();
        assertEquals(2, one.assignmentState().advance(ROTATION));
        assertEquals(3, two.assignmentState().advance(ROTATION));
        assertEquals(4, one.assignmentState().advance(ROTATION));
        assertEquals(0, two.assignmentState().advance("round-robin:support"), "another rotation, its own sequence");

        List<RotationCursor> cursors = ((JdbcAssignmentState) two.assignmentState()).rotationArchive()
                .after(Optional.empty(), 10);
        assertEquals(List.of(new RotationCursor(ROTATION, 5), new RotationCursor("round-robin:support", 1)),
                cursors, "by name, each at its sequence's next value");
        assertEquals(2, count(nodes[0], "SELECT count(*) FROM pg_sequences "
                + "WHERE sequencename LIKE 'crm_ticket_seq_%'"), "one sequence per rotation");
    }

    /**
     * The rotations' sequences and the one numbering their names belong to the rotation table: a clean-up that drops
     * the table (a host's, or {@code crm bench}'s between its passes) leaves no sequence behind, so migrating the same
     * prefix again does not fail on "already exists".
     */
    @Test
    void droppingTheRotationTable_dropsEverySequenceOfIt() throws SQLException {
        nodes = TestDatabase.POSTGRESQL.nodes(1);
        JdbcCrmStore store = JdbcCrmStore.builder(nodes[0]).build();
        assertEquals(0, store.assignmentState().advance(ROTATION));
        assertEquals(0, store.assignmentState().advance("round-robin:support"));
        String ours = "SELECT count(*) FROM pg_sequences WHERE sequencename LIKE 'crm_ticket_seq_%' "
                + "OR sequencename = 'crm_assignment_rotation_number'";
        assertEquals(3, count(nodes[0], ours), "two rotations' sequences and the one numbering them");

        try (Connection c = nodes[0].getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE crm_assignment_rotation");
        }

        assertEquals(0, count(nodes[0], ours), "dropped with the table");
    }

    private static long ticketOf(AssignmentOutcome.Assigned assigned) {
        return AssignmentNodesTest.ticketOf(assigned);
    }

    private static long count(DataSource node, String sql) {
        try (Connection c = node.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LeadAssignment roundRobin(Crm crm) {
        return crm.assignment(Policies.roundRobin(Routing.everyoneTo(SALES), user -> false), 42);
    }

    private static Crm crm(JdbcCrmStore store, IdGenerator ids) {
        return Crm.builder().store(store).ids(ids).clock(Clock.fixed(AT, ZoneOffset.UTC)).defaultRegion("DE").build();
    }
}
