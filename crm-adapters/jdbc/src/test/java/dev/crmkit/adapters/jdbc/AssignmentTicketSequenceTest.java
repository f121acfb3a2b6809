package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.assignment.AssignmentOutcome;
import dev.crmkit.core.assignment.LeadAssignment;
import dev.crmkit.core.assignment.Policies;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.RoutingAttribute;
import dev.crmkit.core.assignment.RoutingRule;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.kit.archive.RotationCursor;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotation tickets from a sequence per rotation, a store's default on PostgreSQL
 * ({@link JdbcCrmStore.Builder#rotationTicketsFromSequence()}): two nodes sharing a database take distinct tickets
 * of one sequence, created once; a rotation used before goes on from its cursor; a unit that rolls back does not give
 * its ticket back (a sequence is not transactional), where strict rotation, and MariaDB, which keeps tickets on the
 * rotation's row, do; the exported cursor is the sequence's. A store whose database role may only read and write the
 * tables (no CREATE on the schema, no USAGE on a sequence another node made) takes the rotation's tickets ahead on its
 * row; a node with tickets ahead takes a sequence rotation's tickets from its sequence; strict rotation refuses one.
 */
class AssignmentTicketSequenceTest {

    private static final Team SALES = Team.of("sales", "ana", "ben", "cem", "dora", "eli", "fay", "gus");
    private static final String ROTATION = "round-robin:sales";
    private static final Instant AT = Instant.parse("2026-12-07T17:00:00Z");

    private static final AtomicInteger ROLES = new AtomicInteger();

    private DataSource[] nodes = new DataSource[0];

    @AfterEach
    void closeNodes() {
        TestDatabase.close(nodes);
    }

    /**
     * The schema migrated by the owner, the store run by a role that may only read and write the tables (and use the
     * schema's sequences made so far): it may not create the rotation's sequence, so it takes the tickets ahead on the
     * rotation's row, dense and distinct, two for each of the seven, and tries the sequence once, not once per
     * assignment (the number of the sequences' names was taken once).
     */
    @Test
    void aRoleThatMayNotCreateSequences_assignsWithTicketsOnTheRow_distinctAndDense_andTriesOnce() {
        ownerAndReadWriteRole();
        DataSource owner = nodes[0];
        DataSource app = nodes[1];
        JdbcCrmStore store = JdbcCrmStore.builder(app).build();
        Crm crm = crm(store, IdGenerator.seeded(5));
        LeadAssignment assignment = roundRobin(crm);
        Fixtures fixtures = new Fixtures();

        List<Long> tickets = new ArrayList<>();
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
        for (int i = 0; i < 14; i++) {
            Lead lead = crm.store().leads().insertOrGet(fixtures.lead().build());
            AssignmentOutcome.Assigned assigned = assertInstanceOf(AssignmentOutcome.Assigned.class,
                    assignment.assign(lead.id()));
            tickets.add(ticketOf(assigned));
            counts.merge(assigned.lead().owner().orElseThrow().value(), 1, Integer::sum);
        }

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L), tickets);
        assertTrue(counts.size() == 7 && counts.values().stream().allMatch(c -> c == 2), counts.toString());
        assertEquals(new RotationTicketsInUse(RotationTickets.SEQUENCE, 1), store.rotationTickets());
        assertEquals(0, count(owner, "SELECT count(*) FROM pg_sequences WHERE sequencename LIKE 'crm_ticket_seq_%'"),
                "no sequence made");
        assertEquals(14, count(owner, "SELECT next_ticket FROM crm_assignment_rotation WHERE ticket_sequence IS NULL"),
                "the cursor on the row");
        assertEquals(1, count(owner, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                + "FROM crm_assignment_rotation_number"),
                "the sequence tried once for 14 assignments");
    }

    /**
     * A role that may create in the schema but does not own the rotation table may not link a sequence to it (the
     * sequences are owned by the table's column, PostgreSQL's 55000): it takes the tickets ahead on the row too, and
     * leaves no sequence behind.
     */
    @Test
    void aRoleThatMayCreateButDoesNotOwnTheTable_assignsWithTicketsOnTheRow() {
        ownerAndReadWriteRole(true);
        JdbcCrmStore store = JdbcCrmStore.builder(nodes[1]).build();
        Crm crm = crm(store, IdGenerator.seeded(6));
        LeadAssignment assignment = roundRobin(crm);
        Fixtures fixtures = new Fixtures();
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Lead lead = crm.store().leads().insertOrGet(fixtures.lead().build());
            tickets.add(ticketOf(assertInstanceOf(AssignmentOutcome.Assigned.class, assignment.assign(lead.id()))));
        }

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), tickets);
        assertEquals(new RotationTicketsInUse(RotationTickets.SEQUENCE, 1), store.rotationTickets());
        assertEquals(0, count(nodes[0], "SELECT count(*) FROM pg_sequences WHERE sequencename LIKE 'crm_ticket_seq_%'"),
                "no sequence made");
    }

    /**
     * A sequence another node made, which this node's role may not use (no USAGE): assignment goes on, its tickets
     * ahead on the rotation's row, a second series beside the sequence's (documented on the builder).
     */
    @Test
    void aSequenceTheRoleMayNotUse_doesNotBreakAssignment_itsTicketsASeriesOnTheRow() {
        ownerAndReadWriteRole();
        DataSource owner = nodes[0];
        DataSource app = nodes[1];
        Crm ownerCrm = crm(JdbcCrmStore.builder(owner).build(), IdGenerator.seeded(6));
        JdbcCrmStore appStore = JdbcCrmStore.builder(app).build();
        Crm appCrm = crm(appStore, IdGenerator.seeded(7));
        Fixtures fixtures = new Fixtures();

        List<Long> tickets = ticketsAssigning(List.of(ownerCrm, ownerCrm, appCrm, appCrm, appCrm, ownerCrm), fixtures);

        assertEquals(List.of(0L, 1L, 0L, 1L, 2L, 2L), tickets, "the sequence's 0, 1, 2 and the row's 0, 1, 2");
        assertEquals(new RotationTicketsInUse(RotationTickets.SEQUENCE, 1), appStore.rotationTickets());
    }

    /**
     * A node with tickets ahead on a rotation whose row names a sequence takes that sequence's next (ahead, inside a
     * caller's unit, and by {@code advance}), so it and the sequence nodes hand out one series; the row's cursor is
     * not advanced.
     */
    @Test
    void aNodeWithTicketsAhead_onARotationWithASequence_takesTheSequencesTickets() {
        JdbcCrmStore aheadStore = secondNode(JdbcCrmStore.Builder::rotationTicketsAhead);
        Crm sequenceCrm = crm(JdbcCrmStore.builder(nodes[0]).build(), IdGenerator.seeded(8));
        Crm aheadCrm = crm(aheadStore, IdGenerator.seeded(9));
        Fixtures fixtures = new Fixtures();

        List<Long> tickets = ticketsAssigning(List.of(sequenceCrm, sequenceCrm, aheadCrm, aheadCrm, sequenceCrm),
                fixtures);
        Lead inUnit = aheadCrm.store().leads().insertOrGet(fixtures.lead().build());
        tickets.add(ticketOf(assertInstanceOf(AssignmentOutcome.Assigned.class, aheadStore.transactions()
                .inTransaction(() -> roundRobin(aheadCrm).assign(inUnit.id())))));
        tickets.add(aheadStore.assignmentState().advance(ROTATION));

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), tickets, "one series");
        assertEquals(RotationTicketsInUse.of(RotationTickets.AHEAD), aheadStore.rotationTickets());
        assertEquals(0, count(nodes[0], "SELECT next_ticket FROM crm_assignment_rotation"), "the row not advanced");
    }

    /**
     * Strict rotation on a rotation whose row names a sequence is refused, naming the rotation and the mode: a
     * sequence cannot give a rolled-back unit's ticket back, and the row's cursor would repeat the sequence's tickets.
     * Nothing is written.
     */
    @Test
    void strictRotation_onARotationWithASequence_isRefused_namingTheRotationAndTheMode() {
        JdbcCrmStore strictStore = secondNode(JdbcCrmStore.Builder::strictRotation);
        Crm strictCrm = crm(strictStore, IdGenerator.seeded(11));
        Crm sequenceCrm = crm(JdbcCrmStore.builder(nodes[0]).build(), IdGenerator.seeded(10));
        Fixtures fixtures = new Fixtures();
        assertEquals(List.of(0L), ticketsAssigning(List.of(sequenceCrm), fixtures), "the sequence made");
        Lead second = strictCrm.store().leads().insertOrGet(fixtures.lead().build());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> roundRobin(strictCrm).assign(second.id()));
        IllegalStateException advance = assertThrows(IllegalStateException.class,
                () -> strictStore.assignmentState().advance(ROTATION));

        for (IllegalStateException e : List.of(refused, advance)) {
            assertTrue(e.getMessage().contains("rotation '" + ROTATION + "'")
                    && e.getMessage().contains("strict rotation"), e.getMessage());
        }
        assertEquals(Optional.empty(), strictCrm.store().leads().findById(second.id()).orElseThrow().owner());
        assertEquals(0, count(nodes[0], "SELECT count(*) FROM crm_assignment_claim a JOIN crm_lead l "
                + "ON l.id = a.lead_id WHERE l.owner_id IS NULL"), "no claim left");
        assertEquals(RotationTicketsInUse.of(RotationTickets.STRICT), strictStore.rotationTickets());
    }

    /**
     * With routing rules the rotation is worked out inside the assignment's unit, so its sequence is created there on
     * first use: on the unit's own connection, under a savepoint (review A-M1), not on a second connection of the
     * pool, which a pool of one (or a saturated pool) would make the unit wait for until the pool's timeout. Here a
     * pool that refuses a second connection while one is open: the first assignments succeed, one connection at most.
     */
    @Test
    void routingRules_firstUseOfARotation_createsItsSequenceInTheUnit_withOneConnection() {
        nodes = TestDatabase.POSTGRESQL.nodes(1);
        int[] most = {0};
        JdbcCrmStore store = JdbcCrmStore.builder(poolOfOne(nodes[0], most)).build();
        Crm crm = crm(store, IdGenerator.seeded(12));
        LeadAssignment routed = crm.assignment(Policies.roundRobin(new Routing(List.of(RoutingRule.when("germany",
                RoutingAttribute.REGION, Set.of("DE"), SALES)), SALES), user -> false), 42);
        Fixtures fixtures = new Fixtures();

        assertEquals(List.of(0L, 1L, 2L), List.of(ticketAssigning(crm, routed, fixtures),
                ticketAssigning(crm, routed, fixtures), ticketAssigning(crm, routed, fixtures)));
        assertEquals(1, most[0], "connections open at once");
        assertEquals(1, count(nodes[0], "SELECT count(*) FROM crm_assignment_rotation WHERE ticket_sequence IS NOT "
                + "NULL"), "the sequence named on the row, committed with the first unit");
        assertEquals(RotationTicketsInUse.of(RotationTickets.SEQUENCE), store.rotationTickets());
    }

    /**
     * A node that remembers nothing (after a restart) resolves a rotation whose sequence is committed without locking
     * the rotation's row (review A-M2): while its unit stays open, another session can lock the row at once, and a
     * second node's first use, with a lock timeout of 100 ms, takes its ticket without waiting for that unit. Before,
     * the first node's unit held the row's lock to its end, and the second node failed on the lock timeout.
     */
    @Test
    void aColdNodeResolvingACommittedSequence_inAUnit_holdsNoLock_aSecondNodesFirstUseDoesNotWait() {
        String database = TestDatabase.POSTGRESQL.migratedDatabase();
        nodes = new DataSource[] {TestDatabase.POSTGRESQL.connect(database),
                Backends.connect(TestDatabase.POSTGRESQL, database, "node_b", Duration.ofMillis(100))};
        assertEquals(0, JdbcCrmStore.builder(nodes[0]).build().assignmentState().advance(ROTATION),
                "the sequence made and committed by an earlier node");
        JdbcCrmStore coldA = JdbcCrmStore.builder(nodes[0]).build();
        JdbcCrmStore coldB = JdbcCrmStore.builder(nodes[1]).build();

        List<Object> seen = coldA.transactions().inTransaction(() -> {
            long first = coldA.assignmentState().advance(ROTATION);
            String row = AssignmentTicketsAheadTest.probeRotationRow(nodes[1]);
            long second;
            try {
                second = coldB.assignmentState().advance(ROTATION);
            } catch (RuntimeException e) {
                return List.of(first, row, "node B failed: " + e);
            }
            return List.of(first, row, second);
        });

        assertEquals(List.of(1L, "free", 2L), seen);
    }

    /**
     * A sequence created in a unit is remembered only once the unit commits (review A-L1): its second and third uses
     * in the unit read it on the row, uncommitted, and do not remember it, so no other thread of the node is sent to
     * a sequence it cannot see yet; after the commit it is remembered.
     */
    @Test
    void aSequenceCreatedInAUnit_isRememberedOnlyOnceTheUnitCommits() {
        nodes = TestDatabase.POSTGRESQL.nodes(1);
        JdbcCrmStore store = JdbcCrmStore.builder(nodes[0]).build();
        JdbcAssignmentState state = (JdbcAssignmentState) store.assignmentState();

        List<Object> inUnit = store.transactions().inTransaction(() -> List.of(state.advance(ROTATION),
                state.advance(ROTATION), state.advance(ROTATION), state.sequencesRemembered()));

        assertEquals(List.of(0L, 1L, 2L, Map.of()), inUnit, "three tickets, nothing remembered before the commit");
        String sequence = text(nodes[0], "SELECT ticket_sequence FROM crm_assignment_rotation");
        assertEquals(Map.of(ROTATION, Optional.of(sequence)), state.sequencesRemembered(), "after the commit");
        assertEquals(3, state.advance(ROTATION));
    }

    /**
     * A sequence created inside a unit that then rolls back is gone with it (DDL is transactional on PostgreSQL), and
     * the store does not go on naming it: the next assignment creates the rotation's sequence again and takes ticket
     * 0. The unit also used the rotation a second time after creating it, reading the sequence on the row,
     * uncommitted: the store did not remember it then, nor after the rollback.
     */
    @Test
    void aSequenceCreatedInAUnitThatRollsBack_isGoneWithIt_theNextUnitCreatesItAgain() {
        nodes = TestDatabase.POSTGRESQL.nodes(1);
        JdbcCrmStore store = JdbcCrmStore.builder(nodes[0]).build();
        Crm crm = crm(store, IdGenerator.seeded(13));

        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            assertEquals(0, store.assignmentState().advance(ROTATION));
            assertEquals(1, store.assignmentState().advance(ROTATION));
            throw new IllegalStateException("injected: the unit fails after taking two tickets");
        }));
        assertEquals(0, count(nodes[0], "SELECT count(*) FROM pg_sequences WHERE sequencename LIKE "
                + "'crm_ticket_seq_%'"), "rolled back with the unit");
        assertEquals(Map.of(), ((JdbcAssignmentState) store.assignmentState()).sequencesRemembered(),
                "nothing remembered of a unit that rolled back");

        Lead lead = crm.store().leads().insertOrGet(new Fixtures().lead().build());
        assertEquals(0, ticketOf(assertInstanceOf(AssignmentOutcome.Assigned.class, roundRobin(crm).assign(
                lead.id()))), "a new sequence from the row's cursor");
        assertEquals(1, store.assignmentState().advance(ROTATION));
    }

    /**
     * A rotation's sequence that vanished while the store remembered it (review A-L2: the rotation table dropped and
     * migrated again, or its rows deleted and its sequences dropped before a restore): the {@code nextval} fails with
     * 42P01, the store forgets the name, resolves the rotation again once, and goes on from the restored cursor with a
     * new sequence, inside an assignment's unit and by {@code advance}. A sequence dropped by hand while its row
     * still names it is replaced the same way, from the row's cursor (the turns taken since repeat).
     */
    @Test
    void aSequenceThatVanished_isResolvedAgain_fromTheRestoredCursor() throws SQLException {
        nodes = TestDatabase.POSTGRESQL.nodes(1);
        JdbcCrmStore store = JdbcCrmStore.builder(nodes[0]).build();
        Crm crm = crm(store, IdGenerator.seeded(14));
        Fixtures fixtures = new Fixtures();
        assertEquals(List.of(0L, 1L), ticketsAssigning(List.of(crm, crm), fixtures));
        String sequence = text(nodes[0], "SELECT ticket_sequence FROM crm_assignment_rotation");

        try (Connection c = nodes[0].getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM crm_assignment_rotation");
            s.execute("DROP SEQUENCE " + sequence);
            s.execute("INSERT INTO crm_assignment_rotation (name, next_ticket) VALUES ('" + ROTATION + "', 40)");
        }

        assertEquals(List.of(40L), ticketsAssigning(List.of(crm), fixtures), "in the unit, from the cursor");
        assertEquals(41, store.assignmentState().advance(ROTATION));
        String renamed = text(nodes[0], "SELECT ticket_sequence FROM crm_assignment_rotation");
        assertTrue(!renamed.equals(sequence), renamed);

        try (Connection c = nodes[0].getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SEQUENCE " + renamed);
        }
        assertEquals(40, store.assignmentState().advance(ROTATION), "dropped by hand, the row still naming it: a new "
                + "sequence from the row's cursor, which the old one had left behind");
    }

    /**
     * {@code node} as a pool of one connection: asking for a second while one is open fails at once (as a saturated
     * pool would after its timeout); {@code most[0]} is the most connections open at once.
     */
    private static DataSource poolOfOne(DataSource node, int[] most) {
        int[] open = {0};
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return AssignmentTicketsAheadTest.invoke(node, method, args);
                    }
                    synchronized (open) {
                        if (open[0] == 1) {
                            throw new SQLException("injected: the pool's one connection is in use", "HY000");
                        }
                        open[0]++;
                        most[0] = Math.max(most[0], open[0]);
                    }
                    Connection real = (Connection) AssignmentTicketsAheadTest.invoke(node, method, args);
                    boolean[] closed = {false};
                    return java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("close") && !closed[0]) {
                                    closed[0] = true;
                                    synchronized (open) {
                                        open[0]--;
                                    }
                                }
                                return AssignmentTicketsAheadTest.invoke(real, m, a);
                            });
                });
    }

    private static String text(DataSource node, String sql) {
        try (Connection c = node.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two nodes on a new PostgreSQL database ({@link #nodes}): the second's store, built by {@code configure}. */
    private JdbcCrmStore secondNode(UnaryOperator<JdbcCrmStore.Builder> configure) {
        nodes = TestDatabase.POSTGRESQL.nodes(2);
        return configure.apply(JdbcCrmStore.builder(nodes[1])).build();
    }

    /** Each of {@code order} in turn assigns a new lead of its own round robin: the tickets, in that order. */
    private static List<Long> ticketsAssigning(List<Crm> order, Fixtures fixtures) {
        List<Long> tickets = new ArrayList<>();
        for (Crm crm : order) {
            tickets.add(ticketAssigning(crm, roundRobin(crm), fixtures));
        }
        return tickets;
    }

    /** Assigns a new lead of {@code crm} by {@code assignment}: its ticket. */
    private static long ticketAssigning(Crm crm, LeadAssignment assignment, Fixtures fixtures) {
        Lead lead = crm.store().leads().insertOrGet(fixtures.lead().build());
        return ticketOf(assertInstanceOf(AssignmentOutcome.Assigned.class, assignment.assign(lead.id())));
    }

    /**
     * A new migrated PostgreSQL database and two pools on it ({@link #nodes}): the first as the owner, the second as a
     * new role of the embedded server that may only read and write its tables (and use its sequences made so far),
     * not create anything in its schema.
     */
    private void ownerAndReadWriteRole() {
        ownerAndReadWriteRole(false);
    }

    /** As {@link #ownerAndReadWriteRole()}; with {@code mayCreate} the role may also create in the schema. */
    private void ownerAndReadWriteRole(boolean mayCreate) {
        String database = TestDatabase.POSTGRESQL.migratedDatabase();
        DataSource owner = TestDatabase.POSTGRESQL.connect(database);
        nodes = new DataSource[] {owner};
        String role = "t24_app_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT " + (mayCreate ? "USAGE, CREATE" : "USAGE") + " ON SCHEMA public TO " + role);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
            s.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setServerNames(new String[]{"localhost"});
        ds.setPortNumbers(new int[]{TestDatabase.embeddedPostgresPort()});
        ds.setDatabaseName(database);
        ds.setUser(role);
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(10);
        nodes = new DataSource[] {owner, pool};
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
     * The export reads a sequence rotation's cursor in its own transaction (review A-L3): a sequence is not
     * transactional, so a ticket taken after the export's snapshot began shows in the cursor (a restore skips that
     * turn, never repeats it). A sequence dropped by hand, its row still naming it, fails the export naming the
     * rotation and the sequence, not with PostgreSQL's bare "relation does not exist".
     */
    @Test
    void theExportedCursor_isReadInTheExportsTransaction_andAMissingSequenceIsNamedWithItsRotation()
            throws SQLException {
        nodes = TestDatabase.POSTGRESQL.nodes(2);
        JdbcCrmStore exporting = JdbcCrmStore.builder(nodes[0]).build();
        JdbcCrmStore other = JdbcCrmStore.builder(nodes[1]).build();
        assertEquals(0, exporting.assignmentState().advance(ROTATION));
        JdbcArchive<RotationCursor> archive = ((JdbcAssignmentState) exporting.assignmentState()).rotationArchive();

        List<List<RotationCursor>> seen = exporting.readConsistently(() -> {
            List<RotationCursor> first = archive.after(Optional.empty(), 10);
            assertEquals(1, other.assignmentState().advance(ROTATION), "committed by the other node meanwhile");
            return List.of(first, archive.after(Optional.empty(), 10));
        });
        assertEquals(List.of(List.of(new RotationCursor(ROTATION, 1)), List.of(new RotationCursor(ROTATION, 2))),
                seen, "the sequence's value as the page is read, past the snapshot");

        String sequence = text(nodes[0], "SELECT ticket_sequence FROM crm_assignment_rotation");
        try (Connection c = nodes[0].getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SEQUENCE " + sequence);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> exporting.readConsistently(() -> archive.after(Optional.empty(), 10)));
        assertTrue(e.getMessage().contains("rotation '" + ROTATION + "'") && e.getMessage().contains(sequence),
                e.getMessage());
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
