package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.crmkit.core.contract.Fixtures.ALICE;
import static dev.crmkit.core.contract.Fixtures.BOB;
import static dev.crmkit.core.contract.Fixtures.Ping;
import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.completed;
import static dev.crmkit.core.contract.Fixtures.moved;
import static dev.crmkit.core.contract.Fixtures.ref;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of a store's units of work and of its event publisher ({@link CrmStore#events(DomainEvents)}).
 *
 * <p>The semantics pinned here:
 * <ul>
 *   <li>A unit of work is all or nothing across every port: if its work throws (any {@link Throwable}, a checked
 *       exception thrown sneakily included), every write is undone, every index is back where it was, and the very
 *       same exception propagates.</li>
 *   <li>Reads inside a unit of work see its own writes; other threads never see writes that are not committed.</li>
 *   <li>A call made while a unit of work runs on the same thread <em>joins</em> it; it is not a unit of its own and
 *       has no savepoint. So an exception that the outer work catches rolls nothing back: the writes made so far,
 *       the inner work's included, commit with the outer unit. Only an exception that propagates out of the
 *       outermost unit rolls back, and then it rolls back everything, the writes of inner calls that returned
 *       normally included.</li>
 *   <li>Events published inside a unit of work reach the subscriber after the outermost unit commits, in the order
 *       they were published, and never if it rolls back. Events published outside a unit are delivered at once.</li>
 *   <li>Concurrent units of work that read, change and write a record, retried on {@link StaleVersionException},
 *       lose no update.</li>
 * </ul>
 * Extend it with a class that returns a fresh, empty store.
 */
public abstract class TransactionsContract {

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private Transactions tx;
    private Fixtures fx;

    @BeforeEach
    void createStore() {
        store = newStore();
        tx = store.transactions();
        fx = new Fixtures();
    }

    @Test
    void inTransaction_workReturns_commitsAndReturnsItsResult() {
        Contact candidate = fx.contact().build();

        Contact result = tx.inTransaction(() -> store.contacts().insertOrGet(candidate));

        assertEquals(candidate.atVersion(1), result);
        assertEquals(Optional.of(result), store.contacts().findById(candidate.id()));
    }

    @Test
    void inTransaction_readsInsideTheUnit_seeItsOwnWrites() {
        Lead lead = store.leads().insertOrGet(fx.lead().build());
        EmailAddress email = lead.email().orElseThrow();

        tx.run(() -> {
            Contact c = store.contacts().insertOrGet(fx.contact().emails(email).build());
            assertEquals(Optional.of(c), store.contacts().findByEmail(email));
            store.leads().update(moved(lead, LeadStatus.DISQUALIFIED));
            assertEquals(Optional.empty(), store.leads().findOpenByEmail(email));
        });
    }

    @Test
    void inTransaction_workThrows_leavesEveryPortExactlyAsBefore() {
        World w = populate();
        Map<String, Object> before = snapshot(w);
        IllegalStateException boom = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            changeEverything(w);
            assertEquals(Optional.of(w.olderLead()), store.leads().findOpenByEmail(w.leadEmail()),
                    "inside the unit the newer lead is disqualified");
            throw boom;
        }));

        assertSame(boom, thrown);
        assertUnchanged(before, snapshot(w));
        assertEquals(Optional.of(w.newerLead()), store.leads().findOpenByEmail(w.leadEmail()),
                "the disqualified lead is open at its old version again");
        assertEquals(Optional.of(w.contact()), store.contacts().findByEmail(w.contact().emails().get(0)));
        assertEquals(Optional.of(w.company()), store.companies().findByDomain(w.company().webDomain().orElseThrow()));
        assertEquals(w.schema(), store.customFieldSchemas().schemaFor(RecordType.CONTACT));
    }

    @Test
    void inTransaction_checkedExceptionThrownSneakily_rollsBackAndPropagates() {
        World w = populate();
        Map<String, Object> before = snapshot(w);
        IOException disk = new IOException("disk full");

        IOException thrown = assertThrows(IOException.class, () -> tx.run(() -> {
            changeEverything(w);
            throw Fixtures.<RuntimeException>sneakyThrow(disk);
        }));

        assertSame(disk, thrown);
        assertUnchanged(before, snapshot(w));
    }

    @Test
    void inTransaction_errorThrown_rollsBackAndPropagates() {
        World w = populate();
        Map<String, Object> before = snapshot(w);

        assertThrows(AssertionError.class, () -> tx.run(() -> {
            changeEverything(w);
            throw new AssertionError("bug");
        }));

        assertUnchanged(before, snapshot(w));
    }

    @Test
    void inTransaction_afterRollback_storeTakesNewUnits() {
        Contact rolledBack = fx.contact().build();
        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            store.contacts().insertOrGet(rolledBack);
            throw new IllegalStateException("boom");
        }));

        Contact candidate = fx.contact().emails(rolledBack.emails().get(0)).build();
        Contact stored = tx.inTransaction(() -> store.contacts().insertOrGet(candidate));

        assertEquals(candidate.atVersion(1), stored);
        assertEquals(1, store.contacts().count());
    }

    @Test
    void inTransaction_nestedUnitReturnedThenOuterThrows_rollsBackBoth() {
        Contact outer = fx.contact().build();
        Contact inner = fx.contact().build();

        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            store.contacts().insertOrGet(outer);
            tx.run(() -> store.contacts().insertOrGet(inner));
            throw new IllegalStateException("outer fails after the inner unit returned");
        }));

        assertEquals(0, store.contacts().count());
        assertEquals(Optional.empty(), store.contacts().findById(inner.id()));
    }

    @Test
    void inTransaction_nestedFailureCaughtByOuter_joinedWritesCommit() {
        Contact outerBefore = fx.contact().build();
        Contact inner = fx.contact().build();
        Contact outerAfter = fx.contact().build();

        tx.run(() -> {
            store.contacts().insertOrGet(outerBefore);
            try {
                tx.run(() -> {
                    store.contacts().insertOrGet(inner);
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException caught) {
                // handled: the outer unit goes on
            }
            store.contacts().insertOrGet(outerAfter);
        });

        assertEquals(3, store.contacts().count(), "a joined call has no savepoint: its writes commit with the outer");
        assertEquals(Optional.of(inner.atVersion(1)), store.contacts().findById(inner.id()));
    }

    @Test
    void inTransaction_nestedFailureRethrown_rollsBackEverything() {
        Contact outer = fx.contact().build();
        Contact inner = fx.contact().build();

        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            store.contacts().insertOrGet(outer);
            try {
                tx.run(() -> {
                    store.contacts().insertOrGet(inner);
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException caught) {
                throw new IllegalStateException("outer gives up", caught);
            }
        }));

        assertEquals(0, store.contacts().count());
    }

    @Test
    void inTransaction_refusedWriteCaughtInsideUnit_unitGoesOnAndCommits() {
        Contact stored = store.contacts().insertOrGet(fx.contact().build());
        Contact changed = store.contacts().update(stored.withOwner(Optional.of(ALICE), at(1)));
        Contact other = fx.contact().build();

        tx.run(() -> {
            assertThrows(StaleVersionException.class,
                    () -> store.contacts().update(stored.withOwner(Optional.of(BOB), at(2))));
            store.contacts().insertOrGet(other);
        });

        assertEquals(Optional.of(changed), store.contacts().findById(stored.id()));
        assertEquals(Optional.of(other.atVersion(1)), store.contacts().findById(other.id()));
    }

    @Test
    void inTransaction_uncommittedWrites_areNotVisibleToOtherThreads() throws Exception {
        Contact candidate = fx.contact().build();
        EmailAddress email = candidate.emails().get(0);
        CompletableFuture<Optional<Contact>> seen = new CompletableFuture<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            assertThrows(IllegalStateException.class, () -> tx.run(() -> {
                store.contacts().insertOrGet(candidate);
                reader.submit(() -> seen.complete(store.contacts().findByEmail(email)));
                awaitBriefly(seen);
                throw new IllegalStateException("roll back");
            }));

            assertEquals(Optional.empty(), seen.get(10, TimeUnit.SECONDS));
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void events_publishedInsideUnit_deliveredAfterCommitInOrder() {
        List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());
        DomainEvents events = store.events(received::add);
        List<Ping> pings = List.of(Ping.of("a"), Ping.of("b"), Ping.of("c"), Ping.of("a"));

        tx.run(() -> {
            events.publish(pings.get(0));
            store.contacts().insertOrGet(fx.contact().build());
            events.publishAll(pings.subList(1, 4));
            assertEquals(List.of(), received, "nothing leaves before the commit");
        });

        assertEquals(pings, received);
    }

    @Test
    void events_publishedInsideUnitThatThrows_neverDelivered() {
        List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());
        DomainEvents events = store.events(received::add);

        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            events.publish(Ping.of("lost"));
            throw new IllegalStateException("boom");
        }));
        tx.run(() -> events.publish(Ping.of("kept")));

        assertEquals(List.of(Ping.of("kept")), received);
    }

    @Test
    void events_publishedOutsideUnit_deliveredAtOnce() {
        List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());
        DomainEvents events = store.events(received::add);

        events.publish(Ping.of("first"));
        assertEquals(List.of(Ping.of("first")), received);
        events.publish(Ping.of("second"));
        assertEquals(List.of(Ping.of("first"), Ping.of("second")), received);
    }

    @Test
    void events_publishedInNestedUnit_deliveredOnlyAfterOutermostCommit() {
        List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());
        DomainEvents events = store.events(received::add);

        tx.run(() -> {
            events.publish(Ping.of("outer-1"));
            tx.run(() -> events.publish(Ping.of("inner")));
            assertEquals(List.of(), received, "the inner unit's return is no commit");
            events.publish(Ping.of("outer-2"));
        });

        assertEquals(List.of(Ping.of("outer-1"), Ping.of("inner"), Ping.of("outer-2")), received);
    }

    @Test
    void events_twoPublishersInOneUnit_keepThePublishingOrder() {
        List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());
        DomainEvents first = store.events(received::add);
        DomainEvents second = store.events(received::add);

        tx.run(() -> {
            first.publish(Ping.of("1"));
            second.publish(Ping.of("2"));
            first.publish(Ping.of("3"));
        });

        assertEquals(List.of(Ping.of("1"), Ping.of("2"), Ping.of("3")), received);
    }

    @Test
    void inTransaction_concurrentReadModifyWriteWithRetry_losesNoUpdate() throws Exception {
        Contact counter = store.contacts().insertOrGet(fx.contact().build());
        int threads = 8;
        int incrementsPerThread = 25;

        runConcurrently(threads, () -> {
            for (int i = 0; i < incrementsPerThread; i++) {
                retryOnStale(() -> tx.run(() -> increment(store.contacts().findById(counter.id()).orElseThrow())));
            }
        });

        Contact last = store.contacts().findById(counter.id()).orElseThrow();
        assertEquals(1 + threads * incrementsPerThread, last.version());
        assertEquals(threads * incrementsPerThread, valueOf(last));
    }

    @Test
    void update_concurrentReadModifyWriteOutsideUnitsWithRetry_losesNoUpdate() throws Exception {
        Contact counter = store.contacts().insertOrGet(fx.contact().build());
        int threads = 8;
        int incrementsPerThread = 25;

        runConcurrently(threads, () -> {
            for (int i = 0; i < incrementsPerThread; i++) {
                retryOnStale(() -> increment(store.contacts().findById(counter.id()).orElseThrow()));
            }
        });

        Contact last = store.contacts().findById(counter.id()).orElseThrow();
        assertEquals(1 + threads * incrementsPerThread, last.version());
        assertEquals(threads * incrementsPerThread, valueOf(last));
    }

    /** Stored records touching every port, committed before a test's unit of work runs. */
    private record World(Contact contact, Company company, EmailAddress leadEmail, Lead olderLead, Lead newerLead,
                         Activity activity, Task task, CustomFieldSchema schema, List<EmailAddress> newEmails,
                         List<String> newExternalIds) {
    }

    private World populate() {
        Contact contact = store.contacts().insertOrGet(fx.contact().build());
        Company company = store.companies().insertOrGet(fx.company().name("Acme").build());
        EmailAddress leadEmail = fx.email();
        Lead older = store.leads().insertOrGet(fx.lead().email(leadEmail).contactId(contact.id()).createdAt(at(10))
                .build());
        Lead newer = store.leads().insertOrGet(fx.lead().email(leadEmail).contactId(contact.id()).createdAt(at(20))
                .externalIds(fx.externalId()).owner(ALICE).build());
        Activity activity = fx.activity(ref(contact), ref(newer)).build();
        store.activities().append(activity);
        Task task = store.tasks().insert(fx.task().about(ref(newer)).build());
        CustomFieldSchema schema = CustomFieldSchema.of(RecordType.CONTACT,
                FieldDefinition.optional("shoe_size", FieldType.NUMBER));
        store.customFieldSchemas().save(schema);
        return new World(contact, company, leadEmail, older, newer, activity, task, schema,
                List.of(fx.email(), fx.email()), List.of(fx.externalId()));
    }

    /** Inside a unit of work: a write through every port, each moving an index. */
    private void changeEverything(World w) {
        store.contacts().insertOrGet(fx.contact().emails(w.newEmails().get(0)).build());
        store.contacts().update(w.contact().withEmail(w.newEmails().get(1), true, at(30)));
        store.companies().update(w.company().withWebDomain(Optional.of(fx.domain()), at(30)));
        store.companies().insertOrGet(fx.company().name("Acme GmbH").webDomain(w.company().webDomain().orElseThrow())
                .createdAt(at(-10)).build());
        store.leads().update(moved(w.newerLead(), LeadStatus.DISQUALIFIED).withOwner(Optional.of(BOB), at(30)));
        store.leads().insertOrGet(fx.lead().email(w.leadEmail()).externalIds(w.newExternalIds().get(0))
                .createdAt(at(5)).build());
        store.activities().append(fx.activity(ref(w.contact())).occurredAt(at(40)).build());
        store.tasks().update(completed(w.task(), at(30)));
        store.tasks().insert(fx.task().about(ref(w.newerLead())).due(at(1)).build());
        store.customFieldSchemas().save(Fixtures.schemaWithEveryFieldType(RecordType.CONTACT));
        store.customFieldSchemas().save(Fixtures.schemaWithEveryFieldType(RecordType.LEAD));
    }

    /** What every port answers about the world, by question: equal snapshots mean nothing observable changed. */
    private Map<String, Object> snapshot(World w) {
        List<EmailAddress> emails = new ArrayList<>(w.contact().emails());
        emails.addAll(w.newEmails());
        List<String> externalIds = new ArrayList<>(w.newerLead().externalIds());
        externalIds.addAll(w.newExternalIds());
        int all = PageRequest.MAX_SIZE;
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("contacts.count", store.contacts().count());
        answers.put("contacts.findAll", Fixtures.readAll(store.contacts()::findAll, all));
        answers.put("contacts.findByEmail", emails.stream().map(store.contacts()::findByEmail).toList());
        answers.put("companies.count", store.companies().count());
        answers.put("companies.findAll", Fixtures.readAll(store.companies()::findAll, all));
        answers.put("companies.findByName", store.companies().findByName("acme"));
        answers.put("companies.findByDomain", store.companies().findByDomain(w.company().webDomain().orElseThrow()));
        answers.put("leads.count", store.leads().count());
        answers.put("leads.findAll", Fixtures.readAll(store.leads()::findAll, all));
        for (LeadStatus status : LeadStatus.values()) {
            answers.put("leads.findByStatus(" + status + ")",
                    Fixtures.readAll(p -> store.leads().findByStatus(status, p), all));
        }
        answers.put("leads.findByOwner(alice)", Fixtures.readAll(p -> store.leads().findByOwner(ALICE, p), all));
        answers.put("leads.findByOwner(bob)", Fixtures.readAll(p -> store.leads().findByOwner(BOB, p), all));
        answers.put("leads.findOpenByEmail", store.leads().findOpenByEmail(w.leadEmail()));
        answers.put("leads.findByExternalId", externalIds.stream().map(store.leads()::findByExternalId).toList());
        answers.put("activities.timeline(contact)", Fixtures.readAll(p -> store.activities().timeline(
                ref(w.contact()), TimelineFilter.everything(), p), all));
        answers.put("activities.timeline(lead)", Fixtures.readAll(p -> store.activities().timeline(
                ref(w.newerLead()), TimelineFilter.everything(), p), all));
        answers.put("tasks.findById", store.tasks().findById(w.task().id()));
        answers.put("tasks.openDueBefore(alice)", store.tasks().openDueBefore(ALICE, at(1_000_000), 1000));
        answers.put("tasks.openAbout(lead)", store.tasks().openAbout(ref(w.newerLead())));
        for (RecordType type : RecordType.values()) {
            answers.put("customFieldSchemas.schemaFor(" + type + ")", store.customFieldSchemas().schemaFor(type));
        }
        return answers;
    }

    /** Asserts that every port answers as it did, naming each question whose answer changed. */
    private static void assertUnchanged(Map<String, Object> before, Map<String, Object> after) {
        assertEquals(before.keySet(), after.keySet());
        assertAll(before.keySet().stream().map(question ->
                () -> assertEquals(before.get(question), after.get(question), question)));
    }

    /** Stores the contact with its counter custom field one higher. */
    private void increment(Contact c) {
        store.contacts().update(c.withCustomFields(c.customFields().with("counter",
                new FieldValue.Number(BigDecimal.valueOf(valueOf(c) + 1))), at(1)));
    }

    private static int valueOf(Contact c) {
        return c.customFields().get("counter").map(v -> ((FieldValue.Number) v).value().intValueExact()).orElse(0);
    }

    private static void retryOnStale(Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (StaleVersionException e) {
                if (attempt == 10_000) {
                    throw e;
                }
            }
        }
    }

    private static void runConcurrently(int threads, Runnable work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    work.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                // a hang guard, not a speed bound: on a two-core machine at load 46 (two test JVMs of the JDBC
                // module among eight engineers' builds) the 200 contended increments on PostgreSQL outlasted 30 s
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    /** Gives another thread a moment to answer; a store that blocks that thread until the commit is fine too. */
    private static void awaitBriefly(CompletableFuture<?> answer) {
        try {
            answer.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException blocked) {
            // the reader waits for this unit of work: no dirty read possible
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
