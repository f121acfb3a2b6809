package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statement texts a PostgreSQL move sends are built once per shape, not once per move: two moves of the same
 * kind send the very same text instance (which also lets pgjdbc find its parsed, server-prepared statement without
 * hashing kilobytes of text again), and a move of another shape its own text, with its own row counts.
 */
class MoveTextsTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
    private static final Actor ANNA = Actor.of("anna", "sales");

    @Test
    void twoMovesOfTheSameShape_onPostgres_sendTheSameText_andAnotherShapeItsOwn() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> sent = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.recording(ds, sent)).build();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(20)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal first = deals.open(OpenDeal.of(b2b.id(), "First", Money.of("1000.00", "EUR"), ANNA));
            Deal second = deals.open(OpenDeal.of(b2b.id(), "Second", Money.of("2000.00", "EUR"), ANNA));
            ContactId eve = crm.customers().createContact(NewContact.of("Eve", "Example", "eve@example.com")).id();
            Deal third = deals.open(OpenDeal.of(b2b.id(), "Third", Money.of("3000.00", "EUR"), ANNA)
                    .about(Optional.of(eve), Optional.empty()));

            String one = moveAndTakeItsText(deals, first, sent);
            String two = moveAndTakeItsText(deals, second, sent);
            // another shape: the deal is about a contact too, so its timeline entry has one about-row more
            String three = moveAndTakeItsText(deals, third, sent);

            // the timeline entry and outbox rows in front of the checked update, in its one statement, which is the
            // whole unit and runs auto-committed: no COMMIT after it (t22-pgmove)
            assertTrue(one.startsWith("WITH f0 AS (INSERT INTO crm_activity "), one);
            assertTrue(one.contains(", u AS (UPDATE crm_deal SET"), one);
            assertFalse(one.contains("COMMIT"), one);
            assertSame(one, two, "the second move of the same shape sends the first one's text");
            assertEquals(rowsOfAbout(one) + 1, rowsOfAbout(three), three);
            assertEquals(2, deals.history(second.id()).size());
            assertEquals(2, deals.history(third.id()).size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** The rows of the about-rows' insert in a move's text: its row's placeholders, once per row. */
    private static int rowsOfAbout(String sql) {
        String insert = "INSERT INTO crm_activity_about (record_type, record_id, occurred_at, activity_id, "
                + "activity_type, visibility, owner_id) VALUES ";
        int from = sql.indexOf(insert);
        assertTrue(from >= 0, sql);
        String row = "(?, ?, ?, ?, ?, ?, ?)";
        int rows = 0;
        for (int at = from + insert.length(); sql.startsWith(row, at); at += row.length() + ", ".length()) {
            rows++;
        }
        return rows;
    }

    /** A move of a held deal to the next stage, and the text of its one statement. */
    private static String moveAndTakeItsText(DealPipeline deals, Deal deal, List<String> sent) {
        sent.clear();
        StageChange change = deals.move(deal, MoveDeal.to(deal.id(), "Solution search", ANNA));
        assertInstanceOf(StageChange.StageChanged.class, change, change.toString());
        assertEquals(1, sent.size(), sent.toString());
        return sent.get(0);
    }

    /**
     * A write's savepoint commands name the unit's n-th write, so the texts sent with them are not kept: a unit of many
     * writes would otherwise fill the kept texts with one per name, and later shapes would no longer be kept.
     */
    @Test
    void textsWithSavepointCommands_areNotKept_aUnitOfManyWritesLeavesTheKeptTextsAsTheyWere() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            UUID lead = new UUID(20, 1);
            List<String> sent = new ArrayList<>();
            JdbcCrmStore capturing = JdbcCrmStore.builder(StatementCounter.recording(ds, sent)).build();
            JdbcTransactions units = (JdbcTransactions) capturing.transactions();
            capturing.transactions().run(() -> capturing.activities().append(entry(0, lead))); // its shapes kept
            int kept = units.textsKept(); // this store's own texts: no other test's shapes count
            capturing.transactions().run(() -> {
                for (int n = 1; n <= 40; n++) {
                    capturing.activities().append(entry(n, lead));
                }
            });

            assertTrue(sent.stream().filter(sql -> sql.contains("SAVEPOINT crm_write_40; ")).count() == 1, sent
                    .toString());
            assertEquals(kept, units.textsKept());
            assertEquals(41, store.activities().timeline(new RecordRef(RecordType.LEAD, lead),
                    TimelineFilter.everything(), PageRequest.first(50)).items().size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    private static Activity entry(int n, UUID lead) {
        return Activity.system(new ActivityId(new UUID(21, n)), "Lead assigned " + n, "round robin",
                Set.of(new RecordRef(RecordType.LEAD, lead)), AT.plusSeconds(n));
    }

    /** Texts of different shapes are different texts; the same parts give the same instance. */
    @Test
    void sqlTexts_keepOneTextPerKey_andBuildBeyondTheirBoundWithoutKeeping() {
        SqlTexts texts = new SqlTexts();
        String a = texts.text(List.of("a", 1), () -> new String("A1"));
        assertSame(a, texts.text(List.of("a", 1), () -> new String("A1")));
        assertNotSame(a, texts.text(List.of("a", 2), () -> new String("A2")));
        for (int i = 0; texts.size() < SqlTexts.MAX; i++) {
            texts.text(i, () -> "x");
        }
        String beyond = texts.text("beyond", () -> new String("B"));
        assertEquals("B", beyond);
        assertNotSame(beyond, texts.text("beyond", () -> new String("B")));
        assertEquals(SqlTexts.MAX, texts.size());
        assertSame(a, texts.text(List.of("a", 1), () -> new String("A1")));
    }
}
