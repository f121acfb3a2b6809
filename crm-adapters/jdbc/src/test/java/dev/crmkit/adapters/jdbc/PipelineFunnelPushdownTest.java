package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.metrics.funnel.FunnelDefinition;
import dev.crmkit.metrics.funnel.StageCount;
import dev.crmkit.metrics.funnel.StageEntry;
import dev.crmkit.metrics.funnel.StageHistoryFunnel;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The funnel of crmkit's own deals read from the reached stages kept per deal (V84) equals the in-memory
 * {@link StageHistoryFunnel} over the same stage history entries, however the entries came in: appended one by one
 * (as a move writes them), restored set-based from an export, filled by V84 for history stored before it, or rebuilt
 * by {@link CrmSchema#fillStageReach}. Stage names hold the characters the kept text escapes ({@code |}, {@code ~},
 * {@code ~p}).
 */
class PipelineFunnelPushdownTest {

    private static final List<String> ORDER = List.of("lead", "qu|al", "~p", "|", "pro~posal", "won");
    private static final String LOST = "lost";
    private static final PipelineId SALES = new PipelineId(new java.util.UUID(1, 1));
    private static final PipelineId RENEWALS = new PipelineId(new java.util.UUID(1, 2));
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void appendedOneByOne_equalsStageHistoryFunnel_forAnyOrder(TestDatabase db) {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            List<StageHistoryEntry> history = history(new Random(84), 120);
            history.forEach(store.stageHistory()::append);
            JdbcMetrics metrics = JdbcMetrics.of(store);

            assertEqualToInMemory(metrics, history, SALES, ORDER);
            assertEqualToInMemory(metrics, history, RENEWALS, ORDER);
            // another order over the same kept rows: reversed, and a subset without the first stage
            assertEqualToInMemory(metrics, history, SALES, List.of("won", "pro~posal", "|", "~p", "qu|al", "lead"));
            assertEqualToInMemory(metrics, history, SALES, List.of("qu|al", "|", "won"));
            List<StageCount> sales = metrics.pipelineFunnelCounts(SALES, ORDER);
            assertTrue(sales.get(0).count() > sales.get(5).count() && sales.get(5).count() > 0, sales.toString());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * Two deals whose reached stages agree in their first kilobytes and differ only at the end (one won, one lost)
     * stay two: MariaDB compares TEXT by its first max_sort_length bytes when it groups.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void longReachedListsDifferingOnlyAtTheEnd_areCountedApart(TestDatabase db) {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                order.add("stage " + i + " " + "x".repeat(400));
            }
            order.add("won");
            IdGenerator ids = IdGenerator.seeded(17);
            List<StageHistoryEntry> history = new ArrayList<>();
            for (String last : List.of("won", LOST)) {
                DealId deal = new DealId(ids.next());
                long version = 1;
                for (int i = 0; i < 5; i++) {
                    history.add(entry(ids, deal, version++, SALES, order.get(i), START.plusSeconds(version)));
                }
                history.add(entry(ids, deal, version, SALES, last, START.plusSeconds(60)));
            }
            history.forEach(store.stageHistory()::append);

            List<StageCount> counts = JdbcMetrics.of(store).pipelineFunnelCounts(SALES, order);
            assertEquals(2, counts.get(4).count(), counts.toString());
            assertEquals(1, counts.get(5).count(), "only one deal was won: " + counts);
            assertEqualToInMemory(JdbcMetrics.of(store), history, SALES, order);
        } finally {
            TestDatabase.close(ds);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusedEntry_leavesTheReachedStagesAsTheyWere(TestDatabase db) {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            IdGenerator ids = IdGenerator.seeded(3);
            DealId deal = new DealId(ids.next());
            store.stageHistory().append(entry(ids, deal, 1, SALES, "lead", START));
            StageHistoryEntry sameVersion = entry(ids, deal, 1, SALES, "won", START.plusSeconds(60));

            assertThrows(IllegalArgumentException.class, () -> store.stageHistory().append(sameVersion));

            assertEquals(List.of(new StageCount("lead", 1), new StageCount("won", 0)),
                    JdbcMetrics.of(store).pipelineFunnelCounts(SALES, List.of("lead", "won")));
        } finally {
            TestDatabase.close(ds);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void restoredSetBased_equalsStageHistoryFunnel(TestDatabase db) {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            List<StageHistoryEntry> history = history(new Random(85), 150);
            // in id order, as an export holds them: a deal's entries arrive out of move order and across batches
            List<StageHistoryEntry> byId = new ArrayList<>(history);
            byId.sort(java.util.Comparator.comparing(StageHistoryEntry::id));
            store.archives().stageHistory().restoreAll(byId.subList(0, 200));
            store.archives().stageHistory().restoreAll(byId.subList(200, byId.size()));

            assertEqualToInMemory(JdbcMetrics.of(store), history, SALES, ORDER);
            assertEqualToInMemory(JdbcMetrics.of(store), history, RENEWALS, ORDER);
        } finally {
            TestDatabase.close(ds);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void historyStoredBeforeV84_isFilledByTheMigration_andByFillStageReach(TestDatabase db) throws SQLException {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            List<StageHistoryEntry> history = history(new Random(86), 90);
            history.forEach(store.stageHistory()::append);
            long deals = history.stream().map(e -> e.pipelineId() + "/" + e.dealId()).distinct().count();
            // the schema as it was before V84, with the history in it
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE crm_deal_stage_reach");
                s.execute(db == TestDatabase.H2 ? "DELETE FROM \"crm_schema_history\" WHERE \"version\" = '84'"
                        : "DELETE FROM crm_schema_history WHERE version = '84'");
            }

            // V84 runs again below scripts applied after it (V87 ...), as Flyway's out-of-order run applies it; a
            // plain CrmSchema.migrate refuses a missing script below the highest applied one
            assertEquals(1, Flyway.configure(CrmSchema.class.getClassLoader()).dataSource(ds)
                    .locations("classpath:" + CrmSchema.dialectOf(ds).migrationsFolder())
                    .placeholders(Map.of("prefix", "crm_")).table("crm_schema_history")
                    .outOfOrder(true).load().migrate().migrationsExecuted);

            assertEqualToInMemory(JdbcMetrics.of(store), history, SALES, ORDER);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM crm_deal_stage_reach");
            }
            assertEquals(List.of(new StageCount("lead", 0)), JdbcMetrics.of(store).pipelineFunnelCounts(SALES,
                    List.of("lead")));
            assertEquals(deals, CrmSchema.fillStageReach(ds, "crm_"));
            assertEqualToInMemory(JdbcMetrics.of(store), history, SALES, ORDER);
            assertEqualToInMemory(JdbcMetrics.of(store), history, RENEWALS, ORDER);
        } finally {
            TestDatabase.close(ds);
        }
    }

    private static void assertEqualToInMemory(JdbcMetrics metrics, List<StageHistoryEntry> history,
            PipelineId pipeline, List<String> order) {
        List<StageEntry> entries = history.stream()
                .filter(e -> e.pipelineId().equals(pipeline) && order.contains(e.to()))
                .map(e -> StageEntry.of(e.dealId().toString(), e.to(), e.at())).toList();
        List<StageCount> inMemory = StageHistoryFunnel.analyze(entries, FunnelDefinition.of(order), Map.of())
                .funnel().stages().stream().map(s -> new StageCount(s.name(), s.count())).toList();
        assertEquals(inMemory, metrics.pipelineFunnelCounts(pipeline, order), pipeline + " " + order);
    }

    /**
     * Deals on seeded random walks through {@link #ORDER} (forward, skip, back, lost), mostly in the sales pipeline;
     * every fifth deal continues in the renewals pipeline, so one deal has entries in both.
     */
    private static List<StageHistoryEntry> history(Random random, int deals) {
        IdGenerator ids = IdGenerator.seeded(random.nextLong());
        List<StageHistoryEntry> out = new ArrayList<>();
        for (int d = 0; d < deals; d++) {
            DealId deal = new DealId(ids.next());
            Instant at = START.plusSeconds(random.nextInt(86_400 * 30));
            long version = 1;
            int stage = random.nextInt(6) == 0 ? 1 : 0;
            out.add(entry(ids, deal, version++, SALES, ORDER.get(stage), at));
            int moves = random.nextInt(7);
            for (int m = 0; m < moves; m++) {
                at = at.plusSeconds(60 + random.nextInt(86_400));
                int step = random.nextInt(10);
                if (step == 0) {
                    out.add(entry(ids, deal, version++, SALES, LOST, at));
                    break;
                }
                stage = step < 6 ? Math.min(stage + 1, ORDER.size() - 1) : step < 8
                        ? Math.min(stage + 2, ORDER.size() - 1) : Math.max(0, stage - 1);
                out.add(entry(ids, deal, version++, SALES, ORDER.get(stage), at));
            }
            if (d % 5 == 0) {
                out.add(entry(ids, deal, version++, RENEWALS, ORDER.get(0), at.plusSeconds(3_600)));
                out.add(entry(ids, deal, version, RENEWALS, ORDER.get(random.nextInt(ORDER.size())),
                        at.plusSeconds(7_200)));
            }
        }
        return out;
    }

    private static StageHistoryEntry entry(IdGenerator ids, DealId deal, long version, PipelineId pipeline,
            String stage, Instant at) {
        return new StageHistoryEntry(ids.next(), deal, version, pipeline, Optional.empty(), stage, new UserId("ana"),
                at, Duration.ZERO);
    }
}
