package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PostgreSQL move by id writes only the deal's columns a move changes: its update binds no title, amount or JSON
 * column (which the client would encode and the server parse again with every move), and only while the row is still
 * the one the move read (its version and its updated_at). A move of a deal its caller holds, and a deal changed in any
 * other field, are written whole. Each way, the deal as stored afterwards is the deal the move returned.
 */
class MoveColumnsTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
    private static final Actor ANNA = Actor.of("anna", "sales");
    private static final Pattern UPDATE = Pattern.compile("u AS \\(UPDATE crm_deal SET (.*?) WHERE id = \\?");
    /** The SET list of a move's narrowed update. */
    private static final String STAGE_COLUMNS = "version = version + 1, stage = ?, stage_entered_at = ?, "
            + "stage_probability = ?, probability_override = ?, lost_reason = ?, won_at = ?, lost_at = ?, "
            + "updated_at = ?";
    /** The columns only the whole row's update sets. */
    private static final List<String> OTHER_COLUMNS = List.of("pipeline_id", "title", "amount", "amount_currency",
            "expected_close_date", "margin", "margin_currency", "owner_id", "contact_id", "company_id", "lead_id",
            "source", "custom_fields", "documents", "approvals", "created_at");
    /** The fields of a deal a move changes, which the narrowed update writes. */
    private static final Set<String> STAGE_FIELDS = Set.of("stage", "stageEnteredAt", "stageProbability",
            "probabilityOverride", "lostReason", "wonAt", "lostAt", "updatedAt");
    /** A read of one deal by id, with or without its pipeline's version. */
    private static final Pattern DEAL_READ = Pattern.compile(
            "^SELECT (d\\.)?\\*.* FROM crm_deal\\b.*WHERE (d\\.)?id = \\?$");

    @Test
    void aMove_onPostgres_setsOnlyTheStageColumnsById_theWholeRowInHand_andStoresTheDealItReturns() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> sent = new ArrayList<>();
            On on = On.of(StatementCounter.recording(ds, sent), 23);
            DealPipeline deals = on.deals();
            Deal opened = deals.attachDocument(on.open().id(), "offer", "approved");

            sent.clear();
            Deal byId = moved(deals.move(MoveDeal.to(opened.id(), "Solution search", ANNA)));
            String setById = setOf(sent);
            assertEquals(byId, deals.deal(opened.id()).orElseThrow());
            sent.clear();
            Deal inHand = moved(deals.move(byId, MoveDeal.to(byId.id(), "Options evaluated", ANNA)));
            String setInHand = setOf(sent);

            assertEquals(STAGE_COLUMNS, setById);
            assertWhole(setInHand, "in hand");
            assertEquals(inHand, deals.deal(opened.id()).orElseThrow());
            assertEquals(Map.of("offer", "approved"), inHand.documents());
            assertEquals(3, deals.history(opened.id()).size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A deal held by its caller and changed there (a document attached, stamped with the same time the row has):
     * the rules checked it with the document, so the move stores it with the document, the deal it returns.
     */
    @Test
    void aMove_ofAHeldDealItsCallerChanged_onPostgres_storesTheDealItReturns() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> sent = new ArrayList<>();
            On on = On.of(StatementCounter.recording(ds, sent), 25);
            DealPipeline deals = on.deals();
            Deal opened = on.open();
            Deal held = opened.withDocument("offer", "approved", opened.updatedAt());

            sent.clear();
            Deal returned = moved(deals.move(held, MoveDeal.to(opened.id(), "Solution search", ANNA)));

            assertEquals(Map.of("offer", "approved"), returned.documents());
            assertEquals(returned, deals.deal(opened.id()).orElseThrow());
            assertWhole(setOf(sent), "in hand");
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * Every field of a deal but the stage fields, changed in the deal handed to the move write as stored (as a held
     * deal its caller changed is): every column is written, and the row reads back as the deal the write returned.
     * The fields are the record's components, so a field added to {@link Deal} fails here until it is classified.
     */
    @Test
    void aMoveWrite_ofADealWhoseStoredCopyDiffersInAnyOtherField_onPostgres_writesItWhole() throws Exception {
        Map<String, Object> others = otherValues();
        Set<String> classified = new TreeSet<>(STAGE_FIELDS);
        classified.addAll(others.keySet());
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : Deal.class.getRecordComponents()) {
            components.add(component.getName());
        }
        assertEquals(components, classified, "every field of Deal is a stage field or has another value below");
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> sent = new ArrayList<>();
            On on = On.of(StatementCounter.recording(ds, sent), 24);
            Stage next = on.b2b().definition().stage("Solution search").orElseThrow();

            Deal row = on.open();
            sent.clear();
            moveWrite(on.store(), row, row.remappedTo(next, AT));
            assertEquals(STAGE_COLUMNS, setOf(sent), "the stored copy as read: the narrowed update");

            int n = 0;
            for (Map.Entry<String, Object> other : others.entrySet()) {
                String field = other.getKey();
                row = on.open();
                Deal stored = with(row, field, other.getValue());
                assertNotEquals(component(row, field), component(stored, field), field);
                Deal moved = row.remappedTo(next, AT);
                sent.clear();
                Deal returned = moveWrite(on.store(), stored, moved, ++n);
                assertWhole(setOf(sent), field);
                assertEquals(returned, on.deals().deal(row.id()).orElseThrow(), field);
            }
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * The row a move by id read changes before the move's update, and comes back to the version it was read at (as
     * a merge's undo lowers it) with another title and updated_at, or another updated_at: the move is refused as
     * stale-version, with nothing written, and the deal is read again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"title = 'Other', updated_at = updated_at + interval '1 millisecond'",
        "updated_at = updated_at + interval '1 millisecond'"})
    void aMoveById_ofARowChangedAtTheReadVersion_onPostgres_isRefusedAsStale_andWritesNothing(String rowChange) {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            AtomicReference<Runnable> afterRead = new AtomicReference<>();
            On on = On.of(afterDealRead(ds, afterRead), 26);
            DealPipeline deals = on.deals();
            Deal opened = on.open();
            afterRead.set(() -> changeRow(ds, rowChange, opened));

            StageChange change = deals.move(MoveDeal.to(opened.id(), "Solution search", ANNA));

            assertNull(afterRead.get(), "the row was changed after the move read it");
            StageChange.StageChangeRejected refused = assertInstanceOf(StageChange.StageChangeRejected.class,
                    change, change.toString());
            assertTrue(refused.refusedBy("stale-version"), refused.toString());
            Deal now = deals.deal(opened.id()).orElseThrow();
            assertEquals(opened.version(), now.version());
            assertEquals(opened.stage(), now.stage());
            assertEquals(rowChange.startsWith("title") ? "Other" : "Deal", now.title());
            assertEquals(1, deals.history(opened.id()).size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A store, its deal pipeline with seeded ids and the fixed clock, and the B2B pipeline defined in it.
     *
     * @param store the store
     * @param deals its deal pipeline
     * @param b2b   the B2B pipeline
     */
    private record On(JdbcCrmStore store, DealPipeline deals, Pipeline b2b) {

        static On of(DataSource ds, long seed) {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(seed)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
            return new On(store, deals, deals.definePipeline(Presets.b2b()));
        }

        /** A new deal of 1,000 EUR in the first stage, at version 1. */
        Deal open() {
            return deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
        }
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

    /** Asserts that a SET list is the whole row's: every column, not only the stage columns. */
    private static void assertWhole(String set, String what) {
        for (String column : OTHER_COLUMNS) {
            assertTrue(set.contains(" " + column + " = "), what + ": " + column + " not in " + set);
        }
    }

    /** A value other than the opened deal's for each field of a deal that a move does not change. */
    private static Map<String, Object> otherValues() {
        Map<String, Object> others = new LinkedHashMap<>();
        others.put("id", new DealId(new UUID(7, 1)));
        others.put("version", 2L);
        others.put("pipelineId", new PipelineId(new UUID(7, 2)));
        others.put("title", "Renamed");
        others.put("amount", Optional.of(Money.of("1000.01", "EUR")));
        others.put("expectedCloseDate", Optional.of(LocalDate.of(2027, 1, 29)));
        others.put("expectedMargin", Optional.of(Money.of("100.00", "EUR")));
        others.put("owner", Optional.of(UserId.of("bob")));
        others.put("contactId", Optional.of(new ContactId(new UUID(7, 3))));
        others.put("companyId", Optional.of(new CompanyId(new UUID(7, 4))));
        others.put("leadId", Optional.of(new LeadId(new UUID(7, 5))));
        others.put("source", "fair");
        others.put("customFields", CustomFields.empty().with("segment", new FieldValue.Text("smb")));
        others.put("documents", Map.of("offer", "approved"));
        others.put("approvals", Set.of("Agreement"));
        others.put("createdAt", AT.minusSeconds(60));
        return others;
    }

    /** The deal with one field (a record component) set to another value, through the canonical constructor. */
    private static Deal with(Deal deal, String field, Object value) throws ReflectiveOperationException {
        RecordComponent[] components = Deal.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(field) ? value : components[i].getAccessor().invoke(deal);
        }
        return Deal.class.getDeclaredConstructor(types).newInstance(args);
    }

    private static Object component(Deal deal, String field) throws ReflectiveOperationException {
        return Deal.class.getMethod(field).invoke(deal);
    }

    /** The store's move write of {@code moved} (at version 1) as the pipeline sends it, in a unit of its own. */
    private static Deal moveWrite(JdbcCrmStore store, Deal stored, Deal moved, int n) {
        StageHistoryEntry entry = new StageHistoryEntry(new UUID(24, n), moved.id(), moved.version() + 1,
                moved.pipelineId(), Optional.of("Need identified"), moved.stage(), ANNA.user(), AT, Duration.ZERO);
        return store.transactions().inTransaction(() -> store.deals().moveWithHistoryLast(stored, moved, entry,
                store.stageHistory()));
    }

    private static Deal moveWrite(JdbcCrmStore store, Deal stored, Deal moved) {
        return moveWrite(store, stored, moved, 0);
    }

    /** Another writer's change of the deal's row, the version kept: on a connection of its own, committed. */
    private static void changeRow(DataSource ds, String set, Deal deal) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE crm_deal SET " + set + " WHERE id = ?")) {
            ps.setObject(1, deal.id().value());
            assertEquals(1, ps.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The data source over {@code target}, running the action in {@code afterRead} once (then clearing it) after the
     * first statement that reads a deal by id has run.
     */
    private static DataSource afterDealRead(DataSource target, AtomicReference<Runnable> afterRead) {
        return StatementCounter.proxy(DataSource.class, target, (m, r, a) -> r instanceof Connection c
                ? StatementCounter.proxy(Connection.class, c, (cm, cr, ca) -> cr instanceof PreparedStatement ps
                        && DEAL_READ.matcher((String) ca[0]).find()
                        ? StatementCounter.proxy(PreparedStatement.class, ps, (sm, sr, sa) -> {
                            if (sm.getName().startsWith("execute")) {
                                Runnable action = afterRead.getAndSet(null);
                                if (action != null) {
                                    action.run();
                                }
                            }
                            return sr;
                        })
                        : cr)
                : r);
    }
}
