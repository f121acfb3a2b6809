package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.ContactEvent.ContactChanged;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PostgreSQL: the held move whose one statement is the whole unit, run in auto-commit (t22-pgmove), on the paths where
 * something goes wrong (review 1 of stop 12, M2-M4, L1, L2): the switches to and from auto-commit are counted on the
 * connection ({@code setAutoCommit} calls: {@code false} when the unit begins, {@code true} when it closes, and the
 * flip and the flip back in between when the statement commits itself).
 */
class HeldMoveAutoCommitTest {

    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");
    private static final Actor ANNA = Actor.of("anna", "sales");
    /** The unit begun, the flip to auto-commit, the flip back, the unit closed. */
    private static final List<Boolean> FLIPPED = List.of(false, true, false, true);
    /** The unit begun and closed, no flip: BEGIN and COMMIT around the statement. */
    private static final List<Boolean> NOT_FLIPPED = List.of(false, true);

    private DataSource ds;
    /** The fault armed for the proxied connections, or null. */
    private final AtomicReference<Fault> fault = new AtomicReference<>();
    /** The {@code setAutoCommit} calls on the proxied connections. */
    private final List<Boolean> flips = new ArrayList<>();

    @BeforeEach
    void isolatedDatabase() {
        ds = TestDatabase.POSTGRESQL.isolated();
    }

    @AfterEach
    void dropIt() {
        TestDatabase.close(ds);
    }

    /** What the proxied connections do wrong, armed by a test; each fault fires once. */
    private enum Fault {
        /** The move's statement runs, then its reply is lost (SQLState 08006). */
        LOSE_REPLY,
        /** The move's statement throws an {@link Error} before anything is sent. */
        ERROR,
        /** The switch to auto-commit fails (a connection a pool closed, SQLState 08003): nothing sent. */
        FLIP_FAILS,
        /** {@code isWrapperFor} says the connection wraps no pgjdbc (a pool or agent that hides it). */
        HIDE_PGJDBC,
        /** {@code isWrapperFor} says it wraps pgjdbc, but {@code unwrap} fails. */
        UNWRAP_FAILS
    }

    /**
     * The statement of a held move executes, then its reply is lost: the commit's outcome is unknown, never "rolled
     * back", and the move is in fact stored. The connection went back out of auto-commit. A stale held move after it
     * is refused with the same flips, a move that goes through too.
     */
    @Test
    void aHeldMoveWhoseReplyIsLost_isOfUnknownOutcome_andAutoCommitIsSetBackOnEveryPath() {
        Held held = held(true);
        Deal deal = held.deal();
        Deal other = held.deals().open(OpenDeal.of(held.b2b().id(), "Other", Money.of("1000.00", "EUR"), ANNA));

        flips.clear();
        fault.set(Fault.LOSE_REPLY);
        assertThrows(CommitOutcomeUnknownException.class, () -> held.move(deal));
        assertEquals(FLIPPED, flips);
        assertEquals("Solution search", reader().deal(deal.id()).orElseThrow().stage());

        flips.clear();
        assertEquals("stale-version", assertInstanceOf(StageChange.StageChangeRejected.class, held.move(deal))
                .reasons().get(0).rule());
        assertEquals(FLIPPED, flips);

        flips.clear();
        assertInstanceOf(StageChange.StageChanged.class, held.move(other));
        assertEquals(FLIPPED, flips);
        assertEquals("Solution search", reader().deal(other.id()).orElseThrow().stage());
    }

    /**
     * An {@link Error} out of the auto-committed statement (a driver's stack overflow): the connection still goes back
     * out of auto-commit before the unit closes, so its rollback is a rollback and a pool gets it as it gave it.
     */
    @Test
    void anErrorOfTheAutoCommittedStatement_setsAutoCommitBack() {
        Held held = held(true);

        fault.set(Fault.ERROR);
        assertEquals("probe", assertThrows(StackOverflowError.class, () -> held.move(held.deal())).getMessage());

        assertEquals(FLIPPED, flips);
        assertEquals(held.deal(), reader().deal(held.deal().id()).orElseThrow());
    }

    /**
     * The switch to auto-commit fails: nothing reached the server, so the move fails as a write that was not sent,
     * not as a commit of unknown outcome; nothing is stored.
     */
    @Test
    void aFailedSwitchToAutoCommit_isNotACommitOfUnknownOutcome() {
        Held held = held(true);

        fault.set(Fault.FLIP_FAILS);
        JdbcStoreException failed = assertThrows(JdbcStoreException.class, () -> held.move(held.deal()));

        assertFalse(failed instanceof CommitOutcomeUnknownException, failed.toString());
        assertEquals("08003", assertInstanceOf(SQLException.class, failed.getCause()).getSQLState());
        assertEquals(held.deal(), reader().deal(held.deal().id()).orElseThrow());
        assertEquals(1, reader().history(held.deal().id()).size());
    }

    /** A wrapper that hides pgjdbc (a pool or an agent): BEGIN, the move's statement and COMMIT, no flip. */
    @Test
    void behindAWrapperThatHidesPgjdbc_aHeldMoveFallsBackToBeginAndCommit() {
        assertFallsBack(Fault.HIDE_PGJDBC);
    }

    /** A wrapper whose {@code unwrap} fails: the session cannot be asked, so BEGIN and COMMIT, and no failure. */
    @Test
    void behindAWrapperThatFailsToUnwrap_aHeldMoveFallsBackToBeginAndCommit() {
        assertFallsBack(Fault.UNWRAP_FAILS);
    }

    private void assertFallsBack(Fault hiding) {
        Held held = held(true);

        fault.set(hiding);
        StageChange change = held.move(held.deal());

        assertInstanceOf(StageChange.StageChanged.class, change, change.toString());
        assertEquals(NOT_FLIPPED, flips);
        assertEquals("Solution search", reader().deal(held.deal().id()).orElseThrow().stage());
    }

    /**
     * A deferred write that sends a statement of its own on the connection before its leading one (against the
     * {@code OneStatementWrite} contract) began the transaction: the leading statement is not switched to auto-commit
     * (which would commit that write), so its refusal rolls back the whole unit, that write with it.
     */
    @Test
    void aDeferredWriteThatBeganTheTransaction_isNotCommittedByTheSwitch_whenItsCheckedStatementIsRefused()
            throws SQLException {
        Held held = held(false);
        JdbcCrmStore store = held.store();
        Deal read = held.deal();
        Deal changed = store.deals().update(read.withProbabilityOverride(Optional.of(40), AT)); // version 2
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE m2_probe (id integer)");
        }
        flips.clear();

        assertThrows(StaleVersionException.class, () -> store.transactions().run(() -> {
            store.deals().updateWithHistoryLast(read.remappedTo(held.b2b().definition().stage("Solution search")
                    .orElseThrow(), AT), new StageHistoryEntry(new UUID(31, 1), read.id(), read.version() + 1,
                    read.pipelineId(), Optional.of(read.stage()), "Solution search", new UserId("anna"), AT,
                    Duration.ZERO), store.stageHistory());
            store.jdbc().tx.writeLaterAndPublish((connection, leading) -> {
                try (Statement own = connection.createStatement()) {
                    own.execute("INSERT INTO m2_probe VALUES (1)"); // pgjdbc sends BEGIN with it
                }
                leading.execute(connection, null, JdbcTransactions.Params.NONE);
                return null;
            }, new ContactChanged(new ContactId(new UUID(11, 1)), 1, AT), store.events(e -> { }));
        }));

        assertEquals(NOT_FLIPPED, flips);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM m2_probe")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the deferred write's own row, rolled back with the unit");
        }
        assertEquals(changed, store.deals().findById(read.id()).orElseThrow());
    }

    /** A store on the proxied data source, its pipeline defined and a deal opened; the flips noted since. */
    private record Held(JdbcCrmStore store, DealPipeline deals, Pipeline b2b, Deal deal) {

        /** The held move of a deal to "Solution search". */
        StageChange move(Deal held) {
            return deals.move(held, MoveDeal.to(held.id(), "Solution search", ANNA));
        }
    }

    private Held held(boolean outbox) {
        JdbcCrmStore store = JdbcCrmStore.builder(proxied(ds, fault, flips)).outbox(outbox).build();
        DealPipeline deals = RoundTripsTest.pipeline(store, 19);
        Pipeline b2b = deals.definePipeline(Presets.b2b());
        Deal deal = deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
        flips.clear();
        return new Held(store, deals, b2b, deal);
    }

    /** A pipeline on a store of the plain data source, to read back what is stored. */
    private DealPipeline reader() {
        JdbcCrmStore plain = JdbcCrmStore.builder(ds).build();
        return DealPipeline.builder().crm(Crm.builder().store(plain).defaultRegion("DE").build()).store(plain).build();
    }

    /** The data source, its connections noting {@code setAutoCommit} calls and doing the armed fault once. */
    private static DataSource proxied(DataSource target, AtomicReference<Fault> fault, List<Boolean> flips) {
        return (DataSource) Proxy.newProxyInstance(HeldMoveAutoCommitTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    Object r = call(target, m, a);
                    return r instanceof Connection c ? connection(c, fault, flips) : r;
                });
    }

    private static Connection connection(Connection target, AtomicReference<Fault> fault, List<Boolean> flips) {
        return (Connection) Proxy.newProxyInstance(HeldMoveAutoCommitTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> {
                    String name = m.getName();
                    if (name.equals("isWrapperFor") && fault.get() == Fault.HIDE_PGJDBC) {
                        return false;
                    }
                    if (name.equals("unwrap") && fault.get() == Fault.UNWRAP_FAILS) {
                        throw new SQLException("a wrapper that cannot unwrap", "08003");
                    }
                    if (name.equals("setAutoCommit")) {
                        flips.add((Boolean) a[0]);
                        if (Boolean.TRUE.equals(a[0]) && fault.compareAndSet(Fault.FLIP_FAILS, null)) {
                            throw new SQLException("This connection has been closed.", "08003");
                        }
                    }
                    Object r = call(target, m, a);
                    if (r instanceof PreparedStatement ps && a[0] instanceof String sql && sql.startsWith("WITH f0")) {
                        return statement(ps, fault);
                    }
                    return r;
                });
    }

    /** The move's one statement (the timeline entry folded into the checked deal update), doing the armed fault. */
    private static PreparedStatement statement(PreparedStatement target, AtomicReference<Fault> fault) {
        return (PreparedStatement) Proxy.newProxyInstance(HeldMoveAutoCommitTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    if (m.getName().equals("execute") && fault.compareAndSet(Fault.ERROR, null)) {
                        throw new StackOverflowError("probe");
                    }
                    Object r = call(target, m, a);
                    if (m.getName().equals("execute") && fault.compareAndSet(Fault.LOSE_REPLY, null)) {
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    return r;
                });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
