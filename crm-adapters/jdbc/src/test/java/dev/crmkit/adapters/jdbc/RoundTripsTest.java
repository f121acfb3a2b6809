package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.Crm;
import dev.crmkit.core.assignment.AssignmentOutcome;
import dev.crmkit.core.assignment.LeadAssignment;
import dev.crmkit.core.assignment.Policies;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.PageRequest;
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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How often a unit of work waits for PostgreSQL, counted on the client: every statement executed, savepoint set or
 * released, rollback and commit is one round trip of pgjdbc (a statement of several commands sent at once is one).
 * Not timed. A timeline entry is its activity, its about-rows and its participant keys in one statement, and a
 * write's savepoint is released together with the next write's savepoint, or by the commit.
 */
class RoundTripsTest {

    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");
    private static final Actor ANNA = Actor.of("anna", "sales");

    @Test
    void twoTimelineEntriesInOneUnit_onPostgres_waitFiveTimes() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            UUID lead = new UUID(7, 1);
            UUID contact = new UUID(7, 2);

            store.transactions().run(() -> {
                store.activities().append(entry(1, lead, contact));
                store.activities().append(entry(2, lead, contact));
            });

            // before: per entry a savepoint, the activity, its two about-rows, the release; then the commit (9)
            assertEquals(List.of("execute SAVEPOINT", "insert activity with about-rows",
                    "execute RELEASE SAVEPOINT+SAVEPOINT", "insert activity with about-rows", "commit"), trips);
            assertEquals(2, store.activities().timeline(new RecordRef(RecordType.CONTACT, contact),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    @Test
    void anAssignmentByRoundRobin_onPostgres_claimsTakesTheTicketAndWritesTheOwnerInOneStatement() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            Crm crm = Crm.builder()
                    .store(JdbcCrmStore.builder(counting(ds, trips)).build())
                    .ids(IdGenerator.seeded(17))
                    .clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE")
                    .build();
            Lead lead = crm.store().leads().insertOrGet(new Fixtures().lead().build());
            LeadAssignment assignment = crm.assignment(Policies.roundRobin(Routing.everyoneTo(
                    Team.of("sales", "ana", "ben")), user -> false), 42);
            trips.clear();

            AssignmentOutcome outcome = assignment.assign(lead.id());

            System.out.println("[RoundTripsTest] assignment unit: " + trips.size() + " " + trips);
            // before: the lead, then under savepoints the claim, the ticket, the lead's row, its external ids and
            // name keys (4 statements), the timeline entry, the outbox and the commit (14)
            assertEquals(List.of("SELECT * FROM {lead} WHERE id = ? ...", "execute SAVEPOINT",
                    "claim, ticket and owner", "execute RELEASE SAVEPOINT+SAVEPOINT", "insert activity with about-rows",
                    "INSERT INTO crm_outbox (aggregate_id, event_type, occurred_a", "commit"), trips);
            assertTrue(outcome instanceof AssignmentOutcome.Assigned, outcome.toString());
            Lead stored = crm.store().leads().findById(lead.id()).orElseThrow();
            assertEquals(((AssignmentOutcome.Assigned) outcome).lead(), stored);
            assertEquals(lead.version() + 1, stored.version());
            assertEquals(1, crm.store().activities().timeline(new RecordRef(RecordType.LEAD, lead.id().value()),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    @Test
    void aDealMove_onPostgres_readsItsPipelinesVersionWithTheDeal_andWritesDealHistoryAndReachInOneStatement() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(17)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal deal = deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            trips.clear();

            StageChange change = deals.move(MoveDeal.to(deal.id(), "Solution search", ANNA));

            System.out.println("[RoundTripsTest] deal move: " + trips.size() + " " + trips);
            // stop 26: the deal, then the pipeline's current revision (its row joined to the revision's), then the
            // writes (10); stop 27: the revision from the cache (9): the deal's UPDATE and the stage history with
            // the reached stage under savepoints of their own; now both under one savepoint, in one statement (7)
            assertEquals(List.of("SELECT deal with its pipeline's version", "execute SAVEPOINT",
                    "update deal, stage history and reach", "execute RELEASE SAVEPOINT+SAVEPOINT",
                    "insert activity with about-rows", "INSERT INTO crm_outbox (aggregate_id, event_type, occurred_a",
                    "commit"), trips);
            assertInstanceOf(StageChange.StageChanged.class, change, change.toString());
            assertEquals("Solution search", deals.deal(deal.id()).orElseThrow().stage());
            assertEquals(2, deals.history(deal.id()).size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    @Test
    void aWriteThatFails_isRolledBackToItsSavepoint_andTheUnitGoesOn() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            UUID lead = new UUID(8, 1);
            UUID contact = new UUID(8, 2);

            store.transactions().run(() -> {
                store.activities().append(entry(1, lead, contact));
                try {
                    store.activities().append(entry(1, lead, contact)); // the same id: refused
                } catch (IllegalArgumentException expected) {
                    // the unit goes on
                }
                store.activities().append(entry(2, lead, contact));
            });

            assertEquals(2, store.activities().timeline(new RecordRef(RecordType.LEAD, lead),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    private static Activity entry(int n, UUID lead, UUID contact) {
        return Activity.system(new ActivityId(new UUID(9, n)), "Lead assigned " + n, "round robin",
                Set.of(new RecordRef(RecordType.LEAD, lead), new RecordRef(RecordType.CONTACT, contact)),
                AT.plusSeconds(n));
    }

    /** The data source, noting each round trip its connections make inside units of work (after BEGIN). */
    private static DataSource counting(DataSource target, List<String> trips) {
        return (DataSource) Proxy.newProxyInstance(RoundTripsTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = call(target, method, args);
                    return result instanceof Connection c ? connection(c, trips) : result;
                });
    }

    private static Connection connection(Connection target, List<String> trips) {
        boolean[] inUnit = {false};
        return (Connection) Proxy.newProxyInstance(RoundTripsTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("setAutoCommit")) {
                        inUnit[0] = Boolean.FALSE.equals(args[0]);
                    } else if (inUnit[0] && (name.equals("commit") || name.equals("rollback")
                            || name.equals("setSavepoint") || name.equals("releaseSavepoint"))) {
                        trips.add(name);
                    }
                    Object result = call(target, method, args);
                    if (result instanceof Statement s && inUnit[0]) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String t ? t : null;
                        return statement(s, sql, trips);
                    }
                    return result;
                });
    }

    private static Object statement(Statement target, String preparedSql, List<String> trips) {
        Class<?> type = target instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
                : Statement.class;
        return Proxy.newProxyInstance(RoundTripsTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        String sql = preparedSql != null ? preparedSql : (String) args[0];
                        trips.add(describe(sql));
                    }
                    return call(target, method, args);
                });
    }

    private static String describe(String sql) {
        if (sql.startsWith("RELEASE SAVEPOINT")) {
            return sql.contains("; SAVEPOINT") ? "execute RELEASE SAVEPOINT+SAVEPOINT" : "execute RELEASE SAVEPOINT";
        }
        if (sql.startsWith("SAVEPOINT")) {
            return "execute SAVEPOINT";
        }
        if (sql.startsWith("WITH c AS (INSERT INTO crm_assignment_claim")) {
            return "claim, ticket and owner";
        }
        if (sql.startsWith("SELECT d.*, p.version AS crm_pipeline_version FROM crm_deal d")) {
            return "SELECT deal with its pipeline's version";
        }
        if (sql.startsWith("SELECT r.* FROM crm_pipeline p JOIN crm_pipeline_revision r")) {
            return "SELECT current pipeline revision";
        }
        if (sql.startsWith("WITH u AS (UPDATE crm_deal SET") && sql.contains("INSERT INTO crm_stage_history")
                && sql.contains("INSERT INTO crm_deal_stage_reach")) {
            return "update deal, stage history and reach";
        }
        if (sql.contains("stage_history") && sql.contains("stage_reach")) {
            return "stage history with reach";
        }
        if (sql.startsWith("SELECT * FROM crm_lead WHERE id = ?")) {
            return "SELECT * FROM {lead} WHERE id = ? ...";
        }
        if (sql.contains("INSERT INTO crm_activity ") && sql.contains("INSERT INTO crm_activity_about")) {
            return "insert activity with about-rows";
        }
        return sql.length() > 60 ? sql.substring(0, 60) : sql;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
