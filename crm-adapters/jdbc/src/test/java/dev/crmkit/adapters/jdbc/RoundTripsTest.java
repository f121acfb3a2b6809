package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.ContactEvent.ContactChanged;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
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
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Stage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    private static final String TICKET_AHEAD = "set_config('synchronous_commit', 'off', true)";
    /** The start of the checked owner write of a lead read with its ticket ahead. */
    private static final String CHECKED_OWNER = "WITH u AS (UPDATE crm_lead x SET version = x.version + 1, "
            + "owner_id = ?, updated_at = ? WHERE x.id = ? AND x.version = ?";
    private static final Pattern LEADING = Pattern.compile("(RELEASE SAVEPOINT \\w+; )?SAVEPOINT \\w+; (.+)",
            Pattern.DOTALL);

    @Test
    void twoTimelineEntriesInOneUnit_onPostgres_waitThreeTimes() {
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

            // before: per entry a savepoint, the activity, its two about-rows, the release; then the commit (9); then
            // each savepoint on its own (5); now each entry's savepoint commands go with its statement (3)
            assertEquals(List.of("SAVEPOINT+insert activity with about-rows",
                    "RELEASE SAVEPOINT+SAVEPOINT+insert activity with about-rows", "commit"), trips);
            assertEquals(2, store.activities().timeline(new RecordRef(RecordType.CONTACT, contact),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * The rotation ticket taken ahead ({@link JdbcCrmStore.Builder#rotationTicketsAhead()}): the ticket in
     * auto-commit before the unit, with the lead as read there; the unit then knows the owner and sends its owner
     * write, checked by version (no claim row), with the timeline entry, the outbox and the COMMIT: one round trip.
     */
    @Test
    void anAssignmentWithTicketsAhead_onPostgres_waitsTwice_ticketAheadWithLead_thenOwnerEntryOutboxCommit() {
        // before (t18): the ticket alone, then the read, claim and owner under a savepoint, then the entry with the
        // outbox and the COMMIT (3); now the lead comes with the ticket and the unit is one round trip (2)
        assertEquals(List.of("auto-commit: ticket ahead if the lead is to be assigned",
                "checked owner by version+insert activity with about-rows and outbox+COMMIT"),
                tripsOfOneAssignment(JdbcCrmStore.Builder::rotationTicketsAhead, false));
    }

    /**
     * A store's default, the ticket from the rotation's sequence
     * ({@link JdbcCrmStore.Builder#rotationTicketsFromSequence()}), once the rotation has its sequence: the read,
     * claim, {@code nextval} and owner write with the savepoint, then the entry, the outbox and the COMMIT; two round
     * trips as with tickets ahead, but one transaction.
     */
    @Test
    void anAssignmentByDefault_onPostgres_waitsTwice_readClaimSequenceTicketAndOwner_thenEntryOutboxCommit() {
        assertEquals(List.of("SAVEPOINT+read, claim, ticket from sequence and owner",
                "insert activity with about-rows and outbox+COMMIT"), tripsOfOneAssignment(b -> b, true));
    }

    /**
     * The round trips of assigning one lead round robin on a fresh PostgreSQL database, on a store {@code configure}
     * builds (after a first lead assigned when {@code rotationUsedBefore}); checks the owner write, the outbox and the
     * timeline entry.
     */
    private static List<String> tripsOfOneAssignment(UnaryOperator<JdbcCrmStore.Builder> configure,
                                                     boolean rotationUsedBefore) {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            Crm crm = Crm.builder()
                    .store(configure.apply(JdbcCrmStore.builder(counting(ds, trips))).build())
                    .ids(IdGenerator.seeded(17))
                    .clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE")
                    .build();
            LeadAssignment assignment = crm.assignment(Policies.roundRobin(Routing.everyoneTo(
                    Team.of("sales", "ana", "ben")), user -> false), 42);
            Fixtures fixtures = new Fixtures();
            if (rotationUsedBefore) {
                Lead before = crm.store().leads().insertOrGet(fixtures.lead().build());
                assertTrue(assignment.assign(before.id()) instanceof AssignmentOutcome.Assigned);
                clearOutbox(ds);
            }
            Lead lead = crm.store().leads().insertOrGet(fixtures.lead().build());
            trips.clear();

            AssignmentOutcome outcome = assignment.assign(lead.id());

            List<String> counted = List.copyOf(trips);
            System.out.println("[RoundTripsTest] assignment unit: " + counted.size() + " " + counted);
            assertEquals(List.of("dev.crmkit.core.lead.LeadEvent$LeadOwnerChanged",
                    "dev.crmkit.core.assignment.AssignmentEvent$LeadAssigned",
                    "dev.crmkit.core.activity.ActivityEvent$ActivityLogged"), outboxTypes(ds));
            assertTrue(outcome instanceof AssignmentOutcome.Assigned, outcome.toString());
            Lead stored = crm.store().leads().findById(lead.id()).orElseThrow();
            assertEquals(((AssignmentOutcome.Assigned) outcome).lead(), stored);
            assertEquals(lead.version() + 1, stored.version());
            assertEquals(1, crm.store().activities().timeline(new RecordRef(RecordType.LEAD, lead.id().value()),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
            return counted;
        } finally {
            TestDatabase.close(ds);
        }
    }

    @Test
    void aStrictRoundRobinAssignment_onPostgres_waitsTwice_readClaimTicketAndOwnerInOne_entryOutboxWithTheCommit() {
        // before: the lead, then under savepoints the claim, the ticket, the lead's row, its external ids and
        // name keys (4 statements), the timeline entry, the outbox and the commit (14); then the claim, ticket
        // and owner in one statement, each savepoint in a round trip of its own (7); then each savepoint with
        // the write's statement, and the timeline entry with the unit's three events for the outbox (4); now the
        // entry, deferred, goes with the COMMIT (which releases the claim's savepoint): 3; now the rotation of a
        // routing without rules is known before the read, so the read goes with the claim, ticket and owner: 2
        assertEquals(List.of("SAVEPOINT+read, claim, ticket and owner",
                "insert activity with about-rows and outbox+COMMIT"),
                tripsOfOneAssignment(JdbcCrmStore.Builder::strictRotation, false));
    }

    @Test
    void aDealMove_onPostgres_waitsTwice_theDealReadThenEveryWriteWithTheCommit() {
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
            // writes (10); stop 27: the revision from the cache (9); then the deal's UPDATE, its stage history and
            // reached stage in one statement (t17-moves2, 7); the savepoints go in front of the statements and the
            // events published before the timeline entry go with it (t17-assign2); the move's own event, published
            // after its entry, waited for the commit (5); published before its entry, it went with the entry (4);
            // then the entry, deferred, went with the COMMIT (t17-trips, 3); now the deal's checked update goes in
            // front of it, in the same round trip (t17-move2, 2); now the entry and the outbox rows go into the
            // checked update as common table expressions: one statement before the COMMIT instead of two (t22-pgmove)
            assertEquals(List.of("SELECT deal with its pipeline's version",
                    "checked update deal, stage history and reach with activity, about-rows and outbox+COMMIT"), trips);
            // the outbox order is the delivery order: the move's event, then its timeline entry's
            List<String> outbox = outboxTypes(ds);
            assertEquals(List.of("dev.crmkit.pipeline.deal.DealEvent$DealMoved",
                    "dev.crmkit.core.activity.ActivityEvent$ActivityLogged"),
                    outbox.subList(outbox.size() - 2, outbox.size()));
            assertInstanceOf(StageChange.StageChanged.class, change, change.toString());
            assertEquals("Solution search", deals.deal(deal.id()).orElseThrow().stage());
            assertEquals(2, deals.history(deal.id()).size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A move of a deal its caller holds (as a board does): no read of the deal, the pipeline's revision from the
     * cache, and the checked update, which also checks the pipeline's version, goes with the entry, the outbox and the
     * COMMIT: one round trip, as the bare {@code UPDATE ... WHERE id = ? AND version = ?} of a client that knows the
     * version. A pipeline revised since (by another node) is refused with that trip, and the move reads and decides
     * again; a deal changed since is refused as stale, nothing written.
     */
    @Test
    void aMoveOfAHeldDeal_onPostgres_waitsOnce() throws SQLException {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(19)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal deal = deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            Deal other = deals.open(OpenDeal.of(b2b.id(), "Other", Money.of("1000.00", "EUR"), ANNA));
            trips.clear();

            StageChange change = deals.move(deal, MoveDeal.to(deal.id(), "Solution search", ANNA));

            System.out.println("[RoundTripsTest] move of a held deal: " + trips.size() + " " + trips);
            // before t22-pgmove: BEGIN, the checked update, the entry with the outbox rows and COMMIT; now the one
            // statement that is the whole unit, auto-committed: no BEGIN, no COMMIT
            assertEquals(List.of("checked update deal at pipeline version, stage history and reach with activity, "
                    + "about-rows and outbox, auto-commit"), trips);
            Deal moved = assertInstanceOf(StageChange.StageChanged.class, change, change.toString()).deal();
            assertEquals(moved, deals.deal(deal.id()).orElseThrow());
            assertEquals(2, deals.history(deal.id()).size());

            // the deal changed since: refused with its one trip, which committed nothing (no transaction is left to
            // roll back), the deal read for the refusal outside the unit
            trips.clear();
            StageChange stale = deals.move(deal, MoveDeal.to(deal.id(), "Solution search", ANNA));
            assertEquals("stale-version", assertInstanceOf(StageChange.StageChangeRejected.class, stale).reasons()
                    .get(0).rule());
            assertEquals(List.of("checked update deal at pipeline version, stage history and reach with activity, "
                    + "about-rows and outbox, auto-commit"), trips);
            assertEquals(moved, deals.deal(deal.id()).orElseThrow());

            // another node revises the pipeline: the held move is refused by the pipeline's check and runs by id
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO crm_pipeline_revision (pipeline_id, version, definition, created_at, "
                        + "updated_at) SELECT pipeline_id, version + 1, definition, created_at, updated_at FROM "
                        + "crm_pipeline_revision WHERE pipeline_id = '" + b2b.id().value() + "'");
                s.executeUpdate("UPDATE crm_pipeline SET version = version + 1 WHERE id = '" + b2b.id().value()
                        + "'");
            }
            trips.clear();
            StageChange afterRevision = deals.move(other, MoveDeal.to(other.id(), "Solution search", ANNA));
            assertInstanceOf(StageChange.StageChanged.class, afterRevision, afterRevision.toString());
            assertEquals(List.of("checked update deal at pipeline version, stage history and reach with activity, "
                    + "about-rows and outbox, auto-commit", "SELECT deal with its pipeline's version",
                    "SELECT pipeline revision",
                    "checked update deal, stage history and reach with activity, about-rows and outbox+COMMIT"), trips);
            assertEquals(2, deals.history(other.id()).size());
            // and the next held move takes the new revision: one trip again
            trips.clear();
            Deal otherMoved = ((StageChange.StageChanged) afterRevision).deal();
            assertInstanceOf(StageChange.StageChanged.class,
                    deals.move(otherMoved, MoveDeal.to(other.id(), "Options evaluated", ANNA)));
            assertEquals(1, trips.size(), trips.toString());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A held move its rules refuse writes nothing, so nothing checks the revision the store took from its cache: it is
     * decided again by id, on the revision read with the deal. Here another node dropped the rule since: the move
     * goes through.
     */
    @Test
    void aHeldMoveRefusedUnderACachedRevision_isDecidedAgainOnTheCurrentOne() throws SQLException {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(20)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                    .defaultRegion("DE").build();
            DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal deal = deals.open(new OpenDeal(b2b.id(), "Deal", Optional.of("Solution search"),
                    Optional.of(Money.of("1000.00", "EUR")), Optional.empty(), Optional.of(ANNA.user()),
                    Optional.empty(), Optional.empty(), "", ANNA));
            // another node: revision 2 drops every rule of "Options evaluated" (amount-positive), then the deal's
            // amount goes to zero there too
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO crm_pipeline_revision (pipeline_id, version, definition, created_at, "
                        + "updated_at) SELECT pipeline_id, version + 1, CAST(replace(CAST(definition AS text), "
                        + "'amount-positive', 'no-skipping') AS json), created_at, updated_at FROM "
                        + "crm_pipeline_revision WHERE pipeline_id = '" + b2b.id().value() + "'");
                s.executeUpdate("UPDATE crm_pipeline SET version = version + 1 WHERE id = '" + b2b.id().value()
                        + "'");
            }
            Deal zero = deals.changeTerms(deal.id(), Optional.of(Money.of("0.00", "EUR")), Optional.empty(),
                    Optional.empty());
            trips.clear();

            StageChange change = deals.move(zero, MoveDeal.to(deal.id(), "Options evaluated", ANNA));

            assertEquals("Options evaluated", assertInstanceOf(StageChange.StageChanged.class, change,
                    change.toString()).deal().stage());
            assertEquals(List.of("SELECT deal with its pipeline's version", "SELECT pipeline revision",
                    "checked update deal, stage history and reach with activity, about-rows and outbox+COMMIT"), trips);
        } finally {
            TestDatabase.close(ds);
        }
    }

    @Test
    void eventsWrittenWithAnEntry_thatIsRefusedOrRolledBack_areWrittenByTheCommit_eachOnce() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            JdbcTransactions tx = (JdbcTransactions) store.transactions();
            List<DomainEvent> delivered = new ArrayList<>();
            DomainEvents events = store.events(delivered::add);
            UUID lead = new UUID(10, 1);
            UUID contact = new UUID(10, 2);
            List<DomainEvent> e = List.of(changed(1), changed(2), changed(3), changed(4), changed(5), changed(6));

            store.transactions().run(() -> {
                events.publish(e.get(0));
                store.activities().appendAndPublishLast(entry(1, lead, contact), e.get(1), events); // deferred
                events.publish(e.get(2)); // e0-e2 go with the deferred entry, sent before the next write
                assertThrows(IllegalArgumentException.class, () -> tx.write(c -> {
                    // inside a write: not deferred, refused at once, 99 not published
                    store.activities().appendAndPublish(entry(1, lead, contact), changed(99), events);
                    return null;
                }));
                assertThrows(IllegalStateException.class, () -> tx.write(c -> {
                    events.publish(e.get(3));
                    store.activities().appendAndPublish(entry(2, lead, contact), e.get(4), events); // e3-e4 with it
                    throw new IllegalStateException("the outer write fails"); // and rolled back with it
                }));
                store.activities().appendAndPublish(entry(3, lead, contact), e.get(5),
                        DomainEvents.discarding()); // not the store's publisher: at once, an event of its own
            });

            // as before: what was published is delivered and in the outbox, each once, in order (a rolled back write
            // does not take back the events published before its failure); the refused entry's event never
            assertEquals(e.subList(0, 5), delivered);
            assertEquals(e.subList(0, 5).stream().map(DomainEvent::aggregateId).toList(), outbox(ds, "aggregate_id"));
            assertEquals(List.of("insert activity with about-rows and outbox", // the deferred entry, before the write
                    "execute SAVEPOINT", "SAVEPOINT+insert activity with about-rows and outbox",
                    "ROLLBACK TO SAVEPOINT crm_write_2", // refused
                    "ROLLBACK TO SAVEPOINT crm_write_1",
                    "execute SAVEPOINT", "SAVEPOINT+insert activity with about-rows and outbox",
                    "ROLLBACK TO SAVEPOINT crm_write_3", // rolled back with the outer write
                    "SAVEPOINT+insert activity with about-rows",
                    "INSERT INTO crm_outbox (aggregate_id, event_type, occurred_a", "commit"), trips);
            assertEquals(2, store.activities().timeline(new RecordRef(RecordType.LEAD, lead),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A move that loses the race for its deal between its read and its write, sent with the COMMIT: the database skips
     * the entry, the outbox rows and the COMMIT after the deal's checked update, the unit rolls back, and the move says
     * the deal was changed by someone else; nothing of it is written or delivered.
     */
    @Test
    void aDealMoveThatLostTheRace_isRefusedAsStale_andLeavesNothing() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            Runnable[] beforeNextInstant = {null};
            Clock clock = new Clock() { // the move asks the time after it read the deal: another node changes it then
                @Override
                public Instant instant() {
                    Runnable hook = beforeNextInstant[0];
                    beforeNextInstant[0] = null;
                    if (hook != null) {
                        hook.run();
                    }
                    return AT;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    throw new UnsupportedOperationException();
                }
            };
            List<DomainEvent> delivered = new ArrayList<>();
            Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(18)).clock(clock).defaultRegion("DE")
                    .events(delivered::add).build();
            DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
            Pipeline b2b = deals.definePipeline(Presets.b2b());
            Deal deal = deals.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            List<String> outboxBefore = outboxTypes(ds);
            delivered.clear();
            beforeNextInstant[0] = () -> {
                try (Connection other = ds.getConnection(); Statement s = other.createStatement()) {
                    s.executeUpdate("UPDATE crm_deal SET version = version + 1, title = 'Changed elsewhere' WHERE id = '"
                            + deal.id().value() + "'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            trips.clear();

            StageChange change = deals.move(MoveDeal.to(deal.id(), "Solution search", ANNA));

            StageChange.StageChangeRejected rejected = assertInstanceOf(StageChange.StageChangeRejected.class, change);
            assertEquals("stale-version", rejected.reasons().get(0).rule(), rejected.toString());
            assertEquals(List.of("SELECT deal with its pipeline's version",
                    "checked update deal, stage history and reach with activity, about-rows and outbox+COMMIT",
                    "rollback"), trips.subList(0, 3));
            Deal stored = deals.deal(deal.id()).orElseThrow();
            assertEquals(deal.stage(), stored.stage());
            assertEquals("Changed elsewhere", stored.title());
            assertEquals(deal.version() + 1, stored.version());
            assertEquals(1, deals.history(deal.id()).size());
            assertEquals(1, crm.store().activities().timeline(new RecordRef(RecordType.DEAL, deal.id().value()),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size()); // "Deal opened" only
            assertEquals(outboxBefore, outboxTypes(ds));
            assertEquals(List.of(), delivered);
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * The deal's checked update, queued by {@code updateWithHistoryLast}, refused with the commit it went with (a
     * stale version, a deal not stored, a taken entry): thrown as {@code updateWithHistory} throws it, and the unit
     * rolls back whole: the entry queued after it is not stored, no event is delivered or in the outbox. The entry goes
     * into the update's statement, and the unit is that one statement, auto-committed: a refused update (stale, a
     * deal not stored, a taken history entry, a pipeline moved on) whose entry's id is taken too is still refused so
     * (the entry's insert never ran), and a current update whose entry's id is taken fails as the entry's own insert
     * fails, the update not written either.
     */
    @Test
    void aCheckedDealUpdateRefusedWithTheCommit_isThrownAsTheImmediateWriteThrowsIt_andLeavesNothing() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            DealPipeline pipeline = pipeline(store, 19);
            Pipeline b2b = pipeline.definePipeline(Presets.b2b());
            Deal read = pipeline.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            Deal changed = store.deals().update(read.withProbabilityOverride(Optional.of(40), AT)); // now version 2
            StageHistoryEntry stored = pipeline.history(read.id()).get(0);
            List<String> outboxBefore = outboxTypes(ds);
            List<DomainEvent> delivered = new ArrayList<>();
            DomainEvents events = store.events(delivered::add);
            UUID lead = new UUID(20, 1);
            trips.clear();

            StaleVersionException stale = assertThrows(StaleVersionException.class, () -> moveLast(store, read,
                    new UUID(21, 1), events, entry(1, lead, lead)));
            assertEquals(read.id().toString(), stale.recordId());
            assertEquals(List.of("checked update deal, stage history and reach with activity, about-rows and outbox, "
                    + "auto-commit"), trips);
            UUID elsewhere = new UUID(20, 2);
            store.activities().append(entry(4, elsewhere, elsewhere));
            assertEquals(read.id().toString(), assertThrows(StaleVersionException.class, () -> moveLast(store, read,
                    new UUID(21, 3), events, entry(4, lead, lead))).recordId());
            assertEquals("activity " + new ActivityId(new UUID(9, 4)) + " is already stored",
                    assertThrows(IllegalArgumentException.class, () -> moveLast(store, changed, new UUID(21, 4),
                            events, entry(4, lead, lead))).getMessage());
            Deal missing = Deal.open(new DealId(new UUID(21, 9)), b2b.id(), "Missing",
                    b2b.definition().firstOpenStage(), AT);
            assertEquals("there is no deal " + missing.id(), assertThrows(java.util.NoSuchElementException.class,
                    () -> moveLast(store, missing, new UUID(21, 2), events, entry(2, lead, lead))).getMessage());
            assertEquals("stage history entry " + stored.id() + " is already stored",
                    assertThrows(IllegalArgumentException.class, () -> moveLast(store, changed, stored.id(), events,
                            entry(3, lead, lead))).getMessage());
            // every refusal wins over the taken id of the entry folded into the statement (PostgreSQL runs the
            // unread inserts after the main query, which raised the refusal: an observed order, pinned here; review
            // 1 of stop 12, M1)
            assertEquals("there is no deal " + missing.id(), assertThrows(java.util.NoSuchElementException.class,
                    () -> moveLast(store, missing, new UUID(21, 5), events, entry(4, lead, lead))).getMessage());
            assertEquals("stage history entry " + stored.id() + " is already stored",
                    assertThrows(IllegalArgumentException.class, () -> moveLast(store, changed, stored.id(), events,
                            entry(4, lead, lead))).getMessage());
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) { // another node revises it
                s.executeUpdate("INSERT INTO crm_pipeline_revision (pipeline_id, version, definition, created_at, "
                        + "updated_at) SELECT pipeline_id, version + 1, definition, created_at, updated_at FROM "
                        + "crm_pipeline_revision WHERE pipeline_id = '" + b2b.id().value() + "'");
                s.executeUpdate("UPDATE crm_pipeline SET version = version + 1 WHERE id = '" + b2b.id().value()
                        + "'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            trips.clear();
            StaleVersionException movedOn = assertThrows(StaleVersionException.class,
                    () -> store.transactions().run(() -> {
                        store.pipelines().findByIdCheckedByDealWrite(b2b.id()); // its cached revision, unread
                        store.deals().updateWithHistoryLast(changed.remappedTo(Presets.b2b().stage("Solution search")
                                .orElseThrow(), AT), entryOf(changed, new UUID(21, 6)), store.stageHistory());
                        events.publish(changed(1));
                        store.activities().appendAndPublishLast(entry(4, lead, lead), changed(2), events);
                    }));
            assertEquals("pipeline", movedOn.recordType());
            assertEquals(List.of("checked update deal at pipeline version, stage history and reach with activity, "
                    + "about-rows and outbox, auto-commit"), trips);

            assertEquals(changed, store.deals().findById(read.id()).orElseThrow());
            assertEquals(List.of(stored), pipeline.history(read.id()));
            assertEquals(List.of(), store.activities().timeline(new RecordRef(RecordType.LEAD, lead),
                    TimelineFilter.everything(), PageRequest.first(10)).items());
            assertEquals(outboxBefore, outboxTypes(ds));
            assertEquals(List.of(), delivered);
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * The deal's checked update, queued, is sent by the unit's next read, which sees it (read-your-writes), alone in
     * its round trip: the read's own statement follows it.
     */
    @Test
    void aCheckedDealUpdate_isSentBeforeTheUnitsNextRead_whichSeesIt() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            DealPipeline pipeline = pipeline(store, 22);
            Pipeline b2b = pipeline.definePipeline(Presets.b2b());
            Deal read = pipeline.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            trips.clear();

            Deal seen = store.transactions().inTransaction(() -> {
                Deal moved = store.deals().updateWithHistoryLast(read.remappedTo(b2b.definition().stage(
                        "Solution search").orElseThrow(), AT), entryOf(read, new UUID(23, 1)), store.stageHistory());
                assertEquals(read.version() + 1, moved.version());
                return store.deals().findById(read.id()).orElseThrow();
            });

            assertEquals("Solution search", seen.stage());
            assertEquals(read.version() + 1, seen.version());
            assertEquals(List.of("checked update deal, stage history and reach", "SELECT deal with its pipeline's version",
                    "commit"), trips);
            assertEquals(2, pipeline.history(read.id()).size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A deferred write that sends no statement would leave the checked deal update queued in front of it unsent: the
     * unit refuses to commit and rolls back rather than report a move that never reached the database (review of
     * stop 30, finding 2).
     */
    @Test
    void aDeferredWriteThatSendsNothing_doesNotLoseTheCheckedUpdateQueuedBeforeIt() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            DealPipeline pipeline = pipeline(store, 24);
            Pipeline b2b = pipeline.definePipeline(Presets.b2b());
            Deal read = pipeline.open(OpenDeal.of(b2b.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
            DomainEvents events = store.events(e -> { });

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> store.transactions().run(() -> {
                        store.deals().updateWithHistoryLast(read.remappedTo(b2b.definition().stage(
                                "Solution search").orElseThrow(), AT), entryOf(read, new UUID(25, 1)),
                                store.stageHistory());
                        store.jdbc().tx.writeLaterAndPublish((c, leading) -> null, changed(1), events);
                    }));

            assertEquals(true, refused.getMessage().contains("checked write(s) queued in front of it"),
                    refused.getMessage());
            Deal stored = store.deals().findById(read.id()).orElseThrow();
            assertEquals(read.stage(), stored.stage());
            assertEquals(read.version(), stored.version());
            assertEquals(1, pipeline.history(read.id()).size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** The deal pipeline on the store, with a fixed clock and seeded ids. */
    static DealPipeline pipeline(JdbcCrmStore store, int seed) {
        Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(seed)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                .defaultRegion("DE").build();
        return DealPipeline.builder().crm(crm).store(store).build();
    }

    /** The deal moved to "Solution search" by a checked update queued, then an entry queued after it, in one unit. */
    private static void moveLast(JdbcCrmStore store, Deal deal, UUID entryId, DomainEvents events, Activity entry) {
        Stage target = Presets.b2b().stage("Solution search").orElseThrow();
        store.transactions().run(() -> {
            store.deals().updateWithHistoryLast(deal.remappedTo(target, AT), entryOf(deal, entryId),
                    store.stageHistory());
            events.publish(changed(1));
            store.activities().appendAndPublishLast(entry, changed(2), events);
        });
    }

    private static StageHistoryEntry entryOf(Deal deal, UUID id) {
        return new StageHistoryEntry(id, deal.id(), deal.version() + 1, deal.pipelineId(), Optional.of(deal.stage()),
                "Solution search", new UserId("anna"), AT, java.time.Duration.ZERO);
    }

    /**
     * A deferred timeline entry whose insert fails with the COMMIT it went with (its id is taken): the caller gets the
     * error the insert would have raised at once, and the whole unit is rolled back, its events never delivered.
     */
    @Test
    void aDeferredEntryThatFailsWithTheCommit_rollsBackTheWholeUnit_andDeliversNothing() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            List<DomainEvent> delivered = new ArrayList<>();
            DomainEvents events = store.events(delivered::add);
            UUID lead = new UUID(13, 1);
            UUID contact = new UUID(13, 2);
            store.activities().append(entry(1, lead, contact));
            trips.clear();

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> store.transactions().run(() -> {
                        events.publish(changed(1));
                        store.activities().append(entry(2, lead, contact)); // written, then rolled back
                        store.activities().appendAndPublishLast(entry(1, lead, contact), changed(2), events);
                    }));

            assertEquals("activity " + new ActivityId(new UUID(9, 1)) + " is already stored", refused.getMessage());
            assertEquals(List.of("SAVEPOINT+insert activity with about-rows",
                    "insert activity with about-rows and outbox+COMMIT", "rollback"), trips);
            assertNothingOfTheUnit(ds, store, delivered, lead);
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A deferred timeline entry whose insert fails when the unit's next statement (a read) sends it: the read gets the
     * error; a caller that catches it and goes on is refused every later statement and the commit, and nothing of
     * the unit is written or delivered.
     */
    @Test
    void aDeferredEntryThatFailsBeforeTheNextStatement_endsTheUnit_evenWhenTheCallerGoesOn() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            List<DomainEvent> delivered = new ArrayList<>();
            DomainEvents events = store.events(delivered::add);
            UUID lead = new UUID(14, 1);
            UUID contact = new UUID(14, 2);
            store.activities().append(entry(1, lead, contact));

            IllegalStateException ended = assertThrows(IllegalStateException.class,
                    () -> store.transactions().run(() -> {
                        store.activities().append(entry(2, lead, contact));
                        store.activities().appendAndPublishLast(entry(1, lead, contact), changed(1), events);
                        assertThrows(IllegalArgumentException.class,
                                () -> store.activities().findById(new ActivityId(new UUID(9, 2))));
                        store.activities().append(entry(3, lead, contact)); // refused: the unit cannot go on
                    }));

            assertTrue(ended.getMessage().startsWith("the unit of work cannot go on: a write it deferred failed"),
                    ended.getMessage());
            assertInstanceOf(IllegalArgumentException.class, ended.getCause());
            assertNothingOfTheUnit(ds, store, delivered, lead);
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * Review of t17-trips, finding 1: {@code appendAndPublish} (a host's own entry, with an id it chose) is never
     * deferred, so its refusal is thrown by the call itself and a caller that catches it goes on and commits the rest
     * of its unit; only {@code appendAndPublishLast} (crmkit's own entries, ids just generated) may be deferred.
     */
    @Test
    void anEntryRefusedByAppendAndPublish_isThrownByTheCallItself_andTheUnitGoesOnToCommit() {
        assertRefusedByTheCallItself(JdbcCrmStore::builder, 15,
                (store, entry, event, events) -> store.activities().appendAndPublish(entry, event, events));
    }

    /**
     * Review of t17-trips, finding 5: a store that joins host transactions never defers, even in a unit that owns its
     * transaction, since the host's own SQL may share the connection and would not see a queued entry.
     */
    @Test
    void aStoreThatJoinsHostTransactions_neverDefersAnEntry() {
        assertRefusedByTheCallItself(ds -> JdbcCrmStore.builder(ds).joinHostTransactions(), 16,
                (store, entry, event, events) -> store.activities().appendAndPublishLast(entry, event, events));
    }

    /**
     * Review of t17-trips, finding 4: a write that opens a unit of its own counts as a write, so an entry its work
     * appends is not deferred and the work's own statements on the connection see it.
     */
    @Test
    void anEntryAppendedInsideAWriteOfItsOwnUnit_isSeenByTheWritesNextStatement() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            JdbcTransactions tx = (JdbcTransactions) store.transactions();
            List<DomainEvent> delivered = new ArrayList<>();
            DomainEvents events = store.events(delivered::add);
            Activity entry = entry(1, new UUID(17, 1), new UUID(17, 2));

            long seen = tx.write(c -> {
                store.activities().appendAndPublishLast(entry, changed(1), events);
                try (var ps = c.prepareStatement("SELECT count(*) FROM crm_activity WHERE id = ?")) {
                    ps.setObject(1, entry.id().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });

            assertEquals(1, seen);
            assertEquals(List.of(changed(1)), delivered);
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** How a test appends an entry and publishes its event. */
    @FunctionalInterface
    private interface Appending {
        void append(JdbcCrmStore store, Activity entry, DomainEvent event, DomainEvents events);
    }

    /** A taken id refused by the appending call itself (not queued); the unit goes on and commits the next entry. */
    private static void assertRefusedByTheCallItself(Function<DataSource, JdbcCrmStore.Builder> builder,
            int seed, Appending appending) {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            JdbcCrmStore store = builder.apply(ds).build();
            List<DomainEvent> delivered = new ArrayList<>();
            DomainEvents events = store.events(delivered::add);
            UUID lead = new UUID(seed, 1);
            UUID contact = new UUID(seed, 2);
            store.activities().append(entry(1, lead, contact));

            store.transactions().run(() -> {
                assertThrows(IllegalArgumentException.class, // at once: not queued for the commit
                        () -> appending.append(store, entry(1, lead, contact), changed(1), events));
                appending.append(store, entry(2, lead, contact), changed(2), events);
            });

            assertEquals(List.of(changed(2)), delivered);
            assertEquals(2, store.activities().timeline(new RecordRef(RecordType.LEAD, lead),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
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

    @Test
    void aOneStatementWriteThatFailsOrSendsNothing_beforeItsSavepointWasSent_leavesTheUnitAsItWas() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            JdbcTransactions tx = (JdbcTransactions) store.transactions();
            UUID lead = new UUID(10, 1);
            UUID contact = new UUID(10, 2);

            store.transactions().run(() -> {
                store.activities().append(entry(1, lead, contact));
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> tx.writeInOne((c, leading) -> {
                            throw new IllegalStateException("refused before any statement");
                        }));
                assertEquals("refused before any statement", refused.getMessage());
                assertEquals("nothing", tx.writeInOne((c, leading) -> "nothing"));
                store.activities().append(entry(2, lead, contact)); // releases entry 1's savepoint, as it would have
            });

            // no rollback to a savepoint that was never set (it would abort the unit): the unit commits both entries
            assertEquals(List.of("SAVEPOINT+insert activity with about-rows",
                    "RELEASE SAVEPOINT+SAVEPOINT+insert activity with about-rows", "commit"), trips);
            assertEquals(2, store.activities().timeline(new RecordRef(RecordType.LEAD, lead),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A one-statement write whose statement the driver never got, because binding a value failed after the work took
     * the statement with its savepoint commands in front ({@link JdbcTransactions.Leading#execute}): nothing is rolled
     * back (a ROLLBACK TO a savepoint the database never set would abort the PostgreSQL transaction), and a later
     * write in the unit commits.
     */
    @Test
    void aOneStatementWriteWhoseBindFails_leavesTheUnitUsable_aLaterWriteCommits() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            JdbcTransactions tx = (JdbcTransactions) store.transactions();
            UUID lead = new UUID(12, 1);
            UUID contact = new UUID(12, 2);

            store.transactions().run(() -> {
                store.activities().append(entry(1, lead, contact));
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> tx.writeInOne((c, leading) -> {
                            store.jdbc().insertAsOne(c, leading, List.of("INSERT INTO crm_outbox (aggregate_id, "
                                    + "event_type, occurred_at, payload) VALUES (?, ?, ?, CAST(? AS jsonb))"),
                                    List.of(List.<Object[]>of(new Object[] {null, "Refused", AT, "{}"})));
                            return null;
                        }));
                assertTrue(refused.getMessage().startsWith("cannot bind a null"), refused.getMessage());
                store.activities().append(entry(2, lead, contact));
            });

            assertEquals(List.of("SAVEPOINT+insert activity with about-rows",
                    "RELEASE SAVEPOINT+SAVEPOINT+insert activity with about-rows", "commit"), trips);
            assertEquals(2, store.activities().timeline(new RecordRef(RecordType.LEAD, lead),
                    TimelineFilter.everything(), PageRequest.first(10)).items().size());
            assertEquals(List.of(), outboxTypes(ds));
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** Nothing of a rolled back unit: no event delivered or in the outbox, only the entry stored before it. */
    private static void assertNothingOfTheUnit(DataSource ds, JdbcCrmStore store, List<DomainEvent> delivered,
                                               UUID lead) {
        assertEquals(List.of(), delivered);
        assertEquals(List.of(), outboxTypes(ds));
        assertEquals(List.of(new ActivityId(new UUID(9, 1))), store.activities().timeline(new RecordRef(RecordType.LEAD,
                lead), TimelineFilter.everything(), PageRequest.first(10)).items().stream().map(Activity::id).toList());
    }

    private static ContactChanged changed(int n) {
        return new ContactChanged(new ContactId(new UUID(11, n)), n, AT.plusSeconds(n));
    }

    /** Deletes the outbox's rows, so that the next unit's are the only ones. */
    private static void clearOutbox(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM crm_outbox");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> outboxTypes(DataSource ds) {
        return outbox(ds, "event_type");
    }

    private static List<String> outbox(DataSource ds, String column) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM crm_outbox ORDER BY seq")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
                            || name.equals("setSavepoint") || name.equals("releaseSavepoint"))
                            && !((name.equals("commit") || name.equals("rollback")) && idle(target))) {
                        // pgjdbc's commit() and rollback() send nothing when the server reported no transaction
                        trips.add(name);
                    }
                    Object result = call(target, method, args);
                    String sql = args != null && args.length > 0 && args[0] instanceof String t ? t : null;
                    // a rotation ticket taken ahead of a unit, in auto-commit, counts as the unit's round trip
                    if (result instanceof Statement s && (inUnit[0] || sql != null && sql.contains(TICKET_AHEAD))) {
                        return statement(s, sql, trips, inUnit[0] ? inUnit : null);
                    }
                    return result;
                });
    }

    /**
     * The statement, noting its executions; one prepared in a unit of work ({@code inUnit} not null) but executed in
     * auto-commit (the unit's one statement, which commits itself) is noted with ", auto-commit".
     */
    private static Object statement(Statement target, String preparedSql, List<String> trips, boolean[] inUnit) {
        Class<?> type = target instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
                : Statement.class;
        return Proxy.newProxyInstance(RoundTripsTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        String sql = preparedSql != null ? preparedSql : (String) args[0];
                        trips.add(describe(sql) + (inUnit != null && !inUnit[0] ? ", auto-commit" : ""));
                    }
                    return call(target, method, args);
                });
    }

    /** Whether the server reported the connection outside a transaction (then pgjdbc's commit sends nothing). */
    private static boolean idle(Connection c) throws SQLException {
        return c.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
                == org.postgresql.core.TransactionState.IDLE;
    }

    private static String describe(String sql) {
        if (sql.endsWith("; COMMIT")) { // a deferred write sent with the unit's commit
            return describe(sql.substring(0, sql.length() - "; COMMIT".length())) + "+COMMIT";
        }
        int dealUpdate = sql.indexOf(", u AS (UPDATE crm_deal SET");
        if (sql.startsWith("WITH f0 AS (INSERT INTO crm_activity ") && dealUpdate > 0) {
            // a timeline entry's inserts folded into the checked deal update in front of them: one statement
            return describe("WITH " + sql.substring(dealUpdate + ", ".length())) + " with activity, about-rows"
                    + (sql.substring(0, dealUpdate).contains("INSERT INTO crm_outbox ") ? " and outbox" : "");
        }
        int checkedEnd = sql.indexOf(" END AS integer)");
        if ((sql.startsWith("WITH u AS (UPDATE crm_deal SET") || sql.startsWith(CHECKED_OWNER)) && checkedEnd > 0) {
            // a checked write, queued
            String rest = sql.substring(checkedEnd + " END AS integer)".length());
            return "checked " + describe(sql.substring(0, checkedEnd)) + (rest.isEmpty() ? ""
                    : "+" + describe(rest.substring("; ".length())));
        }
        Matcher leading = LEADING.matcher(sql);
        if (leading.matches()) { // a write's savepoint commands sent in front of its statement
            return (leading.group(1) != null ? "RELEASE SAVEPOINT+" : "") + "SAVEPOINT+" + describe(leading.group(2));
        }
        if (sql.startsWith("RELEASE SAVEPOINT")) {
            return sql.contains("; SAVEPOINT") ? "execute RELEASE SAVEPOINT+SAVEPOINT" : "execute RELEASE SAVEPOINT";
        }
        if (sql.startsWith("SAVEPOINT")) {
            return "execute SAVEPOINT";
        }
        if (sql.contains(TICKET_AHEAD)) {
            return "auto-commit: ticket ahead if the lead is to be assigned";
        }
        if (sql.startsWith("WITH l AS (SELECT * FROM crm_lead WHERE id = ?")
                && sql.contains("INSERT INTO crm_assignment_claim")) {
            return sql.contains("INSERT INTO crm_assignment_rotation") ? "read, claim, ticket and owner"
                    : sql.contains("nextval(") ? "read, claim, ticket from sequence and owner"
                    : "read, claim and owner";
        }
        if (sql.startsWith(CHECKED_OWNER)) {
            return "owner by version";
        }
        if (sql.startsWith("WITH c AS (INSERT INTO crm_assignment_claim")) {
            return "claim, ticket and owner";
        }
        if (sql.startsWith("SELECT d.*, p.version AS crm_pipeline_version FROM crm_deal d")) {
            return "SELECT deal with its pipeline's version";
        }
        if (sql.startsWith("SELECT * FROM crm_pipeline_revision WHERE pipeline_id = ? AND version = ?")) {
            return "SELECT pipeline revision";
        }
        if (sql.startsWith("SELECT r.* FROM crm_pipeline p JOIN crm_pipeline_revision r")) {
            return "SELECT current pipeline revision";
        }
        if (sql.startsWith("WITH u AS (UPDATE crm_deal SET") && sql.contains("INSERT INTO crm_stage_history")
                && sql.contains("INSERT INTO crm_deal_stage_reach")) {
            return sql.contains("AND EXISTS (SELECT 1 FROM crm_pipeline WHERE id = ? AND version = ?) RETURNING id")
                    ? "update deal at pipeline version, stage history and reach" : "update deal, stage history and reach";
        }
        if (sql.contains("stage_history") && sql.contains("stage_reach")) {
            return "stage history with reach";
        }
        if (sql.startsWith("SELECT * FROM crm_lead WHERE id = ?")) {
            return "SELECT * FROM {lead} WHERE id = ? ...";
        }
        if (sql.contains("INSERT INTO crm_activity ") && sql.contains("INSERT INTO crm_activity_about")) {
            return "insert activity with about-rows" + (sql.contains("INSERT INTO crm_outbox ") ? " and outbox" : "");
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
