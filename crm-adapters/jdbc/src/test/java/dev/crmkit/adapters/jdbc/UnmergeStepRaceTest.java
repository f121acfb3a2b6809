package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.UnmergeOutcome;
import dev.crmkit.core.privacy.ErasureOutcome;
import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two unmerges on two nodes that both step a third merge record in force (review A, M1). Lead merge C re-points deals
 * d1 and d2; contact merge A re-points d1, contact merge B d2. Node 0 undoes A and, after it has scanned the merges in
 * force and before it writes C's record, node 1 undoes B to its commit. Each undo steps its deal in C's record; neither
 * step may be lost, so the undo of C goes through afterwards. The same with an erasure (it steps the lead merges
 * that re-pointed an erased deal) and an unmerge.
 */
class UnmergeStepRaceTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private final List<DataSource> opened = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        opened.forEach(OutboxRelayTest::release);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void twoUnmergesSteppingOneLeadMergeAtOnce_bothStepsKept_theLeadMergeUndoes(TestDatabase db) throws Exception {
        Scene s = new Scene(db, Paused::locksOrWritesALeadMerge, 20_000);
        ContactMerge a = contactMerge(s.node0, contact(s.store0, "c9"), s.c1);
        ContactMerge b = contactMerge(s.node0, contact(s.store0, "c8"), s.c2);
        s.other.add(() -> s.otherOutcome.add(s.node1.merging().unmerge(b.id())));

        s.paused.arm();
        UnmergeOutcome undoA = s.node0.merging().unmerge(a.id());
        s.paused.finish();

        assertInstanceOf(UnmergeOutcome.Unmerged.class, undoA, undoA::toString);
        s.assertOtherUnmergedAndTheLeadMergeUndoes();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void anErasureAndAnUnmergeSteppingOneLeadMergeAtOnce_bothStepsKept_theLeadMergeUndoes(TestDatabase db)
            throws Exception {
        // the erasure stops between its read of the lead merge and its write; the unmerge waits for its lock if it
        // holds one (the fix), else it commits first
        Scene s = new Scene(db, Paused::writesALeadMerge, 3_000);
        ContactMerge a = contactMerge(s.node0, contact(s.store0, "c9"), s.c1);
        s.other.add(() -> s.otherOutcome.add(s.node1.merging().unmerge(a.id())));

        s.paused.arm();
        ErasureOutcome erased = s.node0.personalData().erase(PersonKey.parse(
                s.store0.contacts().findById(s.c2).orElseThrow().emails().get(0).value(), "DE"), "request");
        s.paused.finish();

        assertInstanceOf(ErasureOutcome.Erased.class, erased, erased::toString);
        s.assertOtherUnmergedAndTheLeadMergeUndoes();
    }

    /**
     * Two nodes over a new database; one person's leads l0 and l1, deals d1 (contact c1) and d2 (contact c2) of l1,
     * and lead merge C of l1 into l0, which re-points both deals.
     */
    private final class Scene {

        final DataSource target;
        final List<Runnable> other = new ArrayList<>();
        final List<Object> otherOutcome = new CopyOnWriteArrayList<>();
        final Paused paused;
        final JdbcCrmStore store0;
        final Crm node0;
        final Crm node1;
        final LeadId l1;
        final ContactId c1;
        final ContactId c2;
        final DealId d1;
        final DealId d2;
        final LeadMerge c;

        Scene(TestDatabase db, java.util.function.Predicate<String> pauseAt, long waitMillis) {
            target = db.isolated();
            opened.add(target);
            paused = new Paused(() -> other.get(0).run(), pauseAt, waitMillis);
            store0 = JdbcCrmStore.builder(paused.dataSource(target)).build();
            node0 = crm(store0);
            node1 = crm(JdbcCrmStore.builder(target).build());
            ContactId person = contact(store0, "person");
            LeadId l0 = lead(store0, person);
            l1 = lead(store0, person);
            c1 = contact(store0, "c1");
            c2 = contact(store0, "c2");
            d1 = deal(store0, c1, l1);
            d2 = deal(store0, c2, l1);
            c = assertInstanceOf(LeadMergeOutcome.Merged.class, node0.leadMerging()
                    .merge(List.of(l0, l1), Optional.of(l0))).merge();
            assertEquals(java.util.Set.of(d1.value(), d2.value()), c.repointed().stream().filter(r -> r.kind()
                    == dev.crmkit.core.merge.Repointed.Kind.DEAL).map(r -> r.id()).collect(Collectors.toSet()));
        }

        /** The other node's unmerge went through, and so does the undo of C afterwards: both deals back on l1. */
        void assertOtherUnmergedAndTheLeadMergeUndoes() {
            assertEquals(1, otherOutcome.size());
            assertInstanceOf(UnmergeOutcome.Unmerged.class, otherOutcome.get(0), otherOutcome::toString);
            LeadMergeOutcome undoC = node1.leadMerging().unmerge(c.id());
            assertInstanceOf(LeadMergeOutcome.Unmerged.class, undoC, undoC::toString);
            JdbcCrmStore reader = JdbcCrmStore.builder(target).build();
            for (DealId d : List.of(d1, d2)) {
                assertEquals(Optional.of(l1), reader.deals().findById(d).orElseThrow().leadId(), d::toString);
            }
        }
    }

    /**
     * Node 0's connections, which run the other node's whole unit once, on its own thread, right before node 0's unmerge
     * first reads under lock or writes a lead merge record (after its scan of the merges in force).
     */
    private static final class Paused {

        private final Runnable other;
        private final java.util.function.Predicate<String> at;
        private final long waitMillis;
        private final AtomicBoolean armed = new AtomicBoolean();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private Thread running;
        private Thread pausing;

        /**
         * @param other      the other node's unit
         * @param at         the statement before whose preparation it runs
         * @param waitMillis how long node 0 waits for it (it may wait for a lock node 0 holds)
         */
        Paused(Runnable other, java.util.function.Predicate<String> at, long waitMillis) {
            this.other = other;
            this.at = at;
            this.waitMillis = waitMillis;
        }

        void arm() {
            pausing = Thread.currentThread();
            armed.set(true);
        }

        DataSource dataSource(DataSource real) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (p, m, args) -> {
                        Object out = forward(m, real, args);
                        return out instanceof Connection c ? connection(c) : out;
                    });
        }

        private Connection connection(Connection real) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, m, args) -> {
                        if (m.getName().equals("prepareStatement") && args[0] instanceof String sql
                                && Thread.currentThread() == pausing && at.test(sql)
                                && armed.getAndSet(false)) {
                            running = new Thread(() -> {
                                try {
                                    other.run();
                                } catch (Throwable e) {
                                    failures.add(e);
                                }
                            });
                            running.start();
                            running.join(waitMillis);
                        }
                        return forward(m, real, args);
                    });
        }

        static boolean locksOrWritesALeadMerge(String sql) {
            return sql.contains("lead_merge") && !sql.contains("undone_at = ?")
                    && (sql.startsWith("UPDATE") || sql.contains("FOR UPDATE"));
        }

        static boolean writesALeadMerge(String sql) {
            return sql.contains("lead_merge") && sql.startsWith("UPDATE") && !sql.contains("undone_at = ?");
        }

        private static Object forward(java.lang.reflect.Method m, Object real, Object[] args) throws Throwable {
            try {
                return m.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        void finish() throws InterruptedException {
            assertTrue(running != null, "the other node's unmerge never ran");
            running.join(30_000);
            assertEquals(List.of(), failures);
        }
    }

    private static ContactMerge contactMerge(Crm crm, ContactId survivor, ContactId gone) {
        return assertInstanceOf(MergeOutcome.Merged.class, crm.merging().merge(MergeContacts.into(survivor,
                List.of(survivor, gone)))).merge();
    }

    private static ContactId contact(JdbcCrmStore store, String name) {
        ContactId id = new ContactId(UUID.randomUUID());
        store.contacts().insertOrGet(Contact.create(id, PersonName.of("Kim", name), List.of(EmailAddress.parse(
                name + "." + id.value() + "@example.org")), List.of(), T0));
        return id;
    }

    private static LeadId lead(JdbcCrmStore store, ContactId person) {
        LeadId id = new LeadId(UUID.randomUUID());
        store.leads().insertOrGet(Lead.builder(id, person, LeadSource.of(Channel.WEB_FORM), PersonName.of("Kim",
                "Person"), T0).reachableAt(Optional.of(EmailAddress.parse("lead." + id.value() + "@example.org")),
                Optional.empty()).build());
        return id;
    }

    private static DealId deal(JdbcCrmStore store, ContactId contact, LeadId lead) {
        DealId id = new DealId(UUID.randomUUID());
        store.deals().insert(Deal.builder(id, new PipelineId(UUID.randomUUID()), "Seats", "New", T0).parties(
                Optional.empty(), Optional.of(contact), Optional.empty(), Optional.of(lead)).build());
        return id;
    }

    private static Crm crm(JdbcCrmStore store) {
        return Crm.builder().store(store).ids(IdGenerator.random()).defaultRegion("DE")
                .clock(Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC))
                .suppressionSalt("unmerge-step-race".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    }
}
