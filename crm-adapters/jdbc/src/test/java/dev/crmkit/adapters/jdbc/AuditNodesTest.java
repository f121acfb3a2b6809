package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.access.Origin;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two application nodes (two {@link JdbcCrmStore}s over one database, each with its own pool and its own {@link Crm}
 * acting as a user of its own) change the same contacts from four threads each, retrying on conflicts, and roll back
 * every third change on purpose: the audit trail holds exactly one entry per committed change, with its node's actor
 * and the one e-mail it added, and none for a change that rolled back, whether by conflict or on purpose.
 */
class AuditNodesTest {

    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 4;
    private static final int CHANGES_PER_THREAD = 12;
    private static final int CONTACTS = 8;

    private DataSource[] nodes = new DataSource[0];

    @AfterEach
    void closeNodes() {
        TestDatabase.close(nodes);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void concurrentChangesOnTwoNodes_oneEntryPerCommittedChange(TestDatabase db) throws Exception {
        nodes = db.nodes(NODES);
        List<JdbcCrmStore> stores = new ArrayList<>();
        List<Crm> crms = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            JdbcCrmStore store = JdbcCrmStore.builder(nodes[n]).build();
            stores.add(store);
            crms.add(Crm.builder().store(store).clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"),
                            ZoneOffset.UTC)).ids(IdGenerator.seeded(100 + n)).defaultRegion("DE")
                    .actor(CurrentActor.fixed(Actor.user("node" + n), Origin.API)).build());
        }
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(crms.get(0).customers().createContact(NewContact.of("C", "" + i, "c" + i + "@example.com")));
        }
        Map<String, Integer> committed = new ConcurrentHashMap<>();
        AtomicInteger rolledBack = new AtomicInteger();

        Nodes.runOnEveryThread(NODES, THREADS_PER_NODE, (node, thread) -> {
            for (int i = 0; i < CHANGES_PER_THREAD; i++) {
                Contact target = contacts.get((node * THREADS_PER_NODE + thread + i) % CONTACTS);
                String email = "n" + node + "t" + thread + "i" + i + "@example.com";
                boolean fail = i % 3 == 2;
                try {
                    stores.get(node).transactions().inTransactionRetrying(100, () -> {
                        crms.get(node).customers().addEmail(target.id(), email, false);
                        if (fail) {
                            throw new IllegalStateException("the host's own step failed");
                        }
                        return null;
                    });
                    committed.put(email, node);
                } catch (IllegalStateException expected) {
                    rolledBack.incrementAndGet();
                }
            }
        });

        JdbcCrmStore reader = stores.get(1);
        Set<String> audited = new HashSet<>();
        int entries = 0;
        for (Contact c : contacts) {
            List<AuditEntry> changes = reader.auditTrail().forRecord(new RecordRef(RecordType.CONTACT,
                    c.id().value()), PageRequest.first(1000)).items().stream()
                    .filter(e -> e.action() == AuditAction.CHANGE).toList();
            Contact last = reader.contacts().findById(c.id()).orElseThrow();
            assertEquals(last.version() - 1, changes.size(), "one entry per committed version of " + c.id());
            for (AuditEntry e : changes) {
                FieldChange fc = e.changes().get(0);
                List<String> before = List.of(fc.before().orElseThrow().split(", "));
                List<String> after = new ArrayList<>(List.of(fc.after().orElseThrow().split(", ")));
                after.removeAll(before);
                assertEquals(1, after.size(), "each entry adds one e-mail: " + fc);
                assertTrue(audited.add(after.get(0)), "an e-mail is audited once: " + after.get(0));
                assertEquals(Actor.user("node" + committed.get(after.get(0))), e.actor(), "the committing node");
                entries++;
            }
        }
        int total = NODES * THREADS_PER_NODE * CHANGES_PER_THREAD;
        assertEquals(total, committed.size() + rolledBack.get());
        assertEquals(committed.keySet(), audited, "exactly the committed changes are audited");
        assertEquals(committed.size(), entries);
        for (int n = 0; n < NODES; n++) {
            int node = n;
            long byNode = committed.values().stream().filter(v -> v == node).count();
            assertEquals(byNode, reader.auditTrail().byActor(Actor.user("node" + n), PageRequest.first(1000))
                    .items().stream().filter(e -> e.action() == AuditAction.CHANGE).count());
        }
    }
}
