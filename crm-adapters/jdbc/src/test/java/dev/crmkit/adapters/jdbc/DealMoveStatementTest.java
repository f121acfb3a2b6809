package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.deal.VisibleDeals;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Pipelines;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A deal's update and its stage history entry written together ({@link Deals#updateWithHistory}): on PostgreSQL one
 * statement of data-modifying common table expressions, whose history row and reached stage follow the update only
 * when it matched the deal at its version; elsewhere one write of the running unit. Only the store's own stage
 * history is written that way.
 */
class DealMoveStatementTest {

    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");
    private static final Actor ANNA = Actor.of("anna", "sales");

    /** A move that lost the race to another change: the error of a plain update, and no row of any kind written. */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void aStaleMove_isRefusedAsAnUpdateIs_andWritesNoHistoryAndNoReachedStage(TestDatabase db) throws SQLException {
        try (TestDatabase.Isolated on = db.isolatedStore()) {
            DataSource ds = on.ds();
            JdbcCrmStore store = on.store();
            Overtaken deal = Overtaken.in(store);
            DealPipeline deals = deal.deals();
            Deal opened = deal.opened();
            Deal changed = deal.changed();
            Stage next = deal.next();
            StageHistoryEntry entry = entry(opened, 2, next);
            String reachedBefore = reached(ds);

            StaleVersionException e = assertThrows(StaleVersionException.class, () -> store.transactions()
                    .inTransaction(() -> store.deals().updateWithHistory(opened.remappedTo(next, AT), entry,
                            store.stageHistory())));

            StaleVersionException byUpdate = assertThrows(StaleVersionException.class,
                    () -> store.deals().update(opened.remappedTo(next, AT)));
            assertEquals(byUpdate.getMessage(), e.getMessage());
            assertEquals(Optional.of(changed), store.deals().findById(opened.id()));
            assertEquals(1, deals.history(opened.id()).size());
            assertEquals("|" + opened.stage() + "|", reachedBefore);
            assertEquals(reachedBefore, reached(ds));
        }
    }

    /**
     * Inside a host's transaction, so that the statistics of this transaction can be read on its connection: the
     * stale statement inserted no history row and wrote no reached stage, not even one its savepoint's rollback took
     * back (PostgreSQL counts those too). A current move in the same transaction is counted: the counts can move.
     */
    @Test
    void aStaleMove_onPostgres_insertsNoHistoryRowEvenUnderItsRolledBackSavepoint() throws SQLException {
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore()) {
            DataSource ds = on.ds();
            JdbcCrmStore setup = on.store();
            Overtaken deal = Overtaken.in(setup);
            Deal opened = deal.opened();
            Deal changed = deal.changed();
            Stage next = deal.next();
            try (Connection host = ds.getConnection()) {
                host.setAutoCommit(false);
                JdbcCrmStore joined = JdbcCrmStore.builder(sameConnection(host)).joinHostTransactions().build();
                long[] before = written(host);

                assertThrows(StaleVersionException.class, () -> joined.deals().updateWithHistory(
                        opened.remappedTo(next, AT), entry(opened, 2, next), joined.stageHistory()));
                long[] afterStale = written(host);
                joined.deals().updateWithHistory(changed.remappedTo(next, AT), entry(changed, 3, next),
                        joined.stageHistory());
                long[] afterMove = written(host);
                host.rollback();

                assertEquals(before[0], afterStale[0], "history rows the stale statement inserted");
                assertEquals(before[1], afterStale[1], "reached-stage rows the stale statement wrote");
                assertEquals(before[0] + 1, afterMove[0], "history rows the current move inserted");
                assertEquals(before[1] + 1, afterMove[1], "reached-stage rows the current move wrote");
            }
            assertEquals(Optional.of(changed), setup.deals().findById(opened.id()));
        }
    }

    /**
     * A host's own stage history port (here a recorder around the store's) is written through its {@code append}, as
     * on any store: the one statement is only for the store's own port.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void aMove_throughAHostsStageHistory_appendsThroughIt(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Recording history = new Recording(store.stageHistory());
        DealPipeline deals = pipeline(store, new Wrapped(store, history));
        Pipeline b2b = deals.definePipeline(Presets.b2b());
        Deal deal = deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));

        StageChange change = deals.move(MoveDeal.to(deal.id(), "Solution search", ANNA));

        assertInstanceOf(StageChange.StageChanged.class, change, change.toString());
        assertEquals(2, history.appended.size());
        assertEquals(deals.history(deal.id()), history.appended);
        assertEquals("Solution search", deals.deal(deal.id()).orElseThrow().stage());
    }

    /**
     * A deal opened at version 1 in the b2b preset, then changed to version 2 without a history entry: a move of the
     * version-1 read to {@code next} is stale.
     */
    private record Overtaken(DealPipeline deals, Deal opened, Deal changed, Stage next) {

        static Overtaken in(JdbcCrmStore store) {
            DealPipeline deals = pipeline(store, store);
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal opened = deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            Deal changed = deals.changeTerms(opened.id(), Optional.of(Money.of("2000.00", "EUR")), Optional.empty(),
                    Optional.empty());
            return new Overtaken(deals, opened, changed, b2b.definition().stage("Solution search").orElseThrow());
        }
    }

    private static DealPipeline pipeline(JdbcCrmStore store, PipelineStore pipelineStore) {
        Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(17)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                .defaultRegion("DE").build();
        return DealPipeline.builder().crm(crm).store(pipelineStore).build();
    }

    private static StageHistoryEntry entry(Deal from, long version, Stage to) {
        return new StageHistoryEntry(new UUID(5, version), from.id(), version, from.pipelineId(),
                Optional.of(from.stage()), to.name(), ANNA.user(), AT, Duration.ofHours(1));
    }

    /** The reached stages of the one deal of the database (V84), or null without a row. */
    private static String reached(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT reached FROM crm_deal_stage_reach");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Rows inserted into the stage history, and rows inserted or updated among reached stages, in this transaction. */
    private static long[] written(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT relname, n_tup_ins, n_tup_upd FROM "
                + "pg_stat_xact_user_tables WHERE relname IN ('crm_stage_history', 'crm_deal_stage_reach')")) {
            long[] out = new long[2];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals("crm_stage_history")) {
                        out[0] = rs.getLong(2);
                    } else {
                        out[1] = rs.getLong(2) + rs.getLong(3);
                    }
                }
            }
            return out;
        }
    }

    /** A data source that hands out the host's one connection, which its users' close leaves open. */
    private static DataSource sameConnection(Connection host) {
        Connection kept = (Connection) Proxy.newProxyInstance(DealMoveStatementTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                        ? null : call(host, method, args));
        return (DataSource) Proxy.newProxyInstance(DealMoveStatementTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> kept;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "the host's connection";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A host's stage history port: the store's, noting what it appends. */
    private static final class Recording implements StageHistory {

        private final StageHistory target;
        private final List<StageHistoryEntry> appended = new ArrayList<>();

        Recording(StageHistory target) {
            this.target = target;
        }

        @Override
        public void append(StageHistoryEntry entry) {
            target.append(entry);
            appended.add(entry);
        }

        @Override
        public dev.crmkit.core.kernel.Page<StageHistoryEntry> ofDeal(DealId dealId, PageRequest page) {
            return target.ofDeal(dealId, page);
        }
    }

    /** The store as crm-pipeline sees it, with another stage history port. */
    private record Wrapped(JdbcCrmStore store, StageHistory history) implements PipelineStore {

        @Override
        public Pipelines pipelines() {
            return store.pipelines();
        }

        @Override
        public Deals deals() {
            return store.deals();
        }

        @Override
        public StageHistory stageHistory() {
            return history;
        }

        @Override
        public VisibleDeals visibleDeals() {
            return store.visibleDeals();
        }

        @Override
        public Transactions transactions() {
            return store.transactions();
        }
    }
}
