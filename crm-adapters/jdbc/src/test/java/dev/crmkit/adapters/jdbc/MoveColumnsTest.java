package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PostgreSQL move writes only the deal's columns a move changes: its update binds no title, amount or JSON column
 * (which the client would encode and the server parse again with every move), and the deal as stored afterwards is the
 * deal the move returned, by id and in hand. A deal changed in other fields too is written whole.
 */
class MoveColumnsTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
    private static final Actor ANNA = Actor.of("anna", "sales");
    private static final Pattern UPDATE = Pattern.compile("u AS \\(UPDATE crm_deal SET (.*?) WHERE id = \\?");

    @Test
    void aMove_onPostgres_setsOnlyTheStageColumns_byIdAndInHand_andStoresTheDealItReturns() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> sent = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.recording(ds, sent)).build();
            DealPipeline deals = pipelineOn(store, 23);
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal opened = deals.attachDocument(deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"),
                    ANNA)).id(), "offer", "approved");

            sent.clear();
            Deal byId = moved(deals.move(MoveDeal.to(opened.id(), "Solution search", ANNA)));
            String setById = setOf(sent);
            sent.clear();
            Deal inHand = moved(deals.move(byId, MoveDeal.to(byId.id(), "Options evaluated", ANNA)));
            String setInHand = setOf(sent);

            String stageColumns = "version = version + 1, stage = ?, stage_entered_at = ?, stage_probability = ?, "
                    + "probability_override = ?, lost_reason = ?, won_at = ?, lost_at = ?, updated_at = ?";
            assertEquals(stageColumns, setById);
            assertEquals(stageColumns, setInHand);
            assertEquals(inHand, deals.deal(opened.id()).orElseThrow());
            assertEquals(Map.of("offer", "approved"), inHand.documents());
            assertEquals(3, deals.history(opened.id()).size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** A deal handed to the move write with another field changed too (its title): every column is written. */
    @Test
    void aMoveWrite_ofADealChangedInAnotherField_onPostgres_writesItWhole() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> sent = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.recording(ds, sent)).build();
            DealPipeline deals = pipelineOn(store, 24);
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal stored = deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            Deal moved = stored.remappedTo(b2b.definition().stage("Solution search").orElseThrow(), AT);
            Deal retitled = new Deal(moved.id(), moved.version(), moved.pipelineId(), "Renamed", moved.stage(),
                    moved.stageEnteredAt(), moved.stageProbability(), moved.probabilityOverride(), moved.amount(),
                    moved.expectedCloseDate(), moved.expectedMargin(), moved.owner(), moved.contactId(),
                    moved.companyId(), moved.leadId(), moved.source(), moved.customFields(), moved.documents(),
                    moved.approvals(), moved.lostReason(), moved.wonAt(), moved.lostAt(), moved.createdAt(),
                    moved.updatedAt());
            StageHistoryEntry entry = new StageHistoryEntry(new UUID(24, 9), stored.id(), 2, stored.pipelineId(),
                    Optional.of(stored.stage()), retitled.stage(), ANNA.user(), AT, Duration.ZERO);

            sent.clear();
            store.transactions().run(() -> store.deals().moveWithHistoryLast(stored, retitled, entry,
                    store.stageHistory()));

            assertTrue(setOf(sent).contains("title = ?"), sent.toString());
            assertEquals("Renamed", deals.deal(stored.id()).orElseThrow().title());
            assertTrue(JdbcDeals.onlyStageFieldsDiffer(stored, moved));
            assertFalse(JdbcDeals.onlyStageFieldsDiffer(stored, retitled));
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** The deal pipeline over the store, with seeded ids and the fixed clock. */
    private static DealPipeline pipelineOn(JdbcCrmStore store, long seed) {
        Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(seed)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                .defaultRegion("DE").build();
        return DealPipeline.builder().crm(crm).store(store).build();
    }

    private static Deal moved(StageChange change) {
        return assertInstanceOf(StageChange.StageChanged.class, change, change.toString()).deal();
    }

    /** The SET list of the deal's update in the one statement the move sent. */
    private static String setOf(List<String> sent) {
        List<String> sets = new ArrayList<>();
        for (String sql : sent) {
            Matcher m = UPDATE.matcher(sql);
            if (m.find()) {
                sets.add(m.group(1));
            }
        }
        assertEquals(1, sets.size(), sent.toString());
        return sets.get(0);
    }
}
