package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAL a PostgreSQL move writes, counted by {@code EXPLAIN (ANALYZE, WAL)} of the move's own statements inside a
 * transaction that is rolled back: per statement and table, so other sessions' WAL does not count (unlike a
 * {@code pg_current_wal_lsn()} difference) and the count is exact.
 */
class MoveWalTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
    private static final Actor ANNA = Actor.of("anna", "sales");

    /**
     * The deal's row of reached stages is there from its first entry on: a move to a new stage appends it with one
     * WAL record (a HOT update). An upsert ({@code INSERT ... ON CONFLICT DO UPDATE}) writes two, as it locks the
     * row before it updates it.
     */
    @Test
    void aMovesReachedStage_onPostgres_isOneWalRecord_withNoRowLockBeforeIt() throws Exception {
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore()) {
            JdbcCrmStore store = on.store();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(19)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal deal = deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            StageHistoryEntry entry = new StageHistoryEntry(new UUID(19, 2), deal.id(), 2, deal.pipelineId(),
                    Optional.of(deal.stage()), "Solution search", ANNA.user(), AT, Duration.ofHours(1));
            // the history insert and the reached stage as a move sends them, after one row standing for the update
            String sql = "EXPLAIN (ANALYZE, WAL, COSTS OFF, TIMING OFF, FORMAT JSON) WITH u AS (SELECT 1 AS one), "
                    + JdbcStageHistory.insertWithReachAfter(store.jdbc(), "u") + " SELECT count(*) FROM h";
            try (Connection c = on.ds().getConnection()) {
                c.setAutoCommit(false);
                JsonNode plan;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    store.jdbc().bind(ps, JdbcStageHistory.withReachParams(entry));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
                    }
                }
                String reached = reached(c);
                c.rollback();

                assertEquals("|" + deal.stage() + "|Solution search|", reached);
                assertEquals(1, walRecords(plan, "crm_deal_stage_reach"), plan.toPrettyString());
            }
        }
    }

    /**
     * A timeline entry crmkit writes (a move's, an assignment's, a capture's) is keyed as it is inserted: its row, its
     * primary key and its time index are its WAL records, and the index of the activities still to be keyed (V88,
     * partial) takes no entry for it. Unkeyed rows, which the fill looks for, are still in that index.
     */
    @Test
    void aKeyedTimelineEntry_onPostgres_isNoEntryOfTheUnkeyedIndex() throws Exception {
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore()) {
            String insert = "INSERT INTO crm_activity (id, activity_type, subject, body, direction, occurred_at, "
                    + "participants, about, visibility, recorded_at, participants_keyed) VALUES (?, 'SYSTEM', "
                    + "'Stage A -> B', '', 'INTERNAL', ?, '[]', '[]', 'PUBLIC', ?, ?)";
            try (Connection c = on.ds().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(insert)) { // the indexes' first pages made
                    on.store().jdbc().bind(ps, new UUID(88, 0), AT, AT, true);
                    ps.executeUpdate();
                }
                JsonNode plan;
                try (PreparedStatement ps = c.prepareStatement(
                        "EXPLAIN (ANALYZE, WAL, COSTS OFF, TIMING OFF, FORMAT JSON) " + insert)) {
                    on.store().jdbc().bind(ps, new UUID(88, 1), AT, AT, true);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    on.store().jdbc().bind(ps, new UUID(88, 2), AT, AT, false);
                    ps.executeUpdate();
                }
                long unkeyedFound;
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM crm_activity "
                        + "WHERE participants_keyed = FALSE");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    unkeyedFound = rs.getLong(1);
                }
                // the fill's own query finds the unkeyed rows through that index (review t19 finding L3: a count
                // answers as well from the table)
                String fillPlan;
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL enable_seqscan = off");
                    try (ResultSet rs = st.executeQuery("EXPLAIN (COSTS OFF) "
                            + ParticipantKeyFill.unkeyedSelect(new Tables("crm_")))) {
                        StringBuilder text = new StringBuilder();
                        while (rs.next()) {
                            text.append(rs.getString(1)).append('\n');
                        }
                        fillPlan = text.toString();
                    }
                }
                c.rollback();

                assertEquals(3, walRecords(plan, "crm_activity"), "the row, the primary key, the time index: "
                        + plan.toPrettyString());
                assertEquals(1, unkeyedFound);
                assertTrue(Pattern.compile("Index (Only )?Scan (using|on) crm_activity_unkeyed").matcher(fillPlan)
                        .find(), fillPlan);
            }
        }
    }

    /**
     * The WAL records of the plan's inserts, updates and deletes of one table, each without what its child nodes
     * wrote: a node's count includes its children's, and a common table expression runs (and writes) under the first
     * node that reads it.
     */
    static long walRecords(JsonNode node, String table) {
        long records = 0;
        long children = 0;
        for (JsonNode child : node.path("Plans")) {
            records += walRecords(child, table);
            children += child.path("WAL Records").asLong();
        }
        boolean writes = "ModifyTable".equals(node.path("Node Type").asText())
                && table.equals(node.path("Relation Name").asText());
        return records + (writes ? node.path("WAL Records").asLong() - children : 0);
    }

    private static String reached(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT reached FROM crm_deal_stage_reach");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
