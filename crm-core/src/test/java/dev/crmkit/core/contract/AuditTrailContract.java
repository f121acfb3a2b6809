package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Origin;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditRetention;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.crmkit.core.contract.Fixtures.TRICKY_TEXT;
import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link AuditTrail}: an entry reads back exactly (actor, origin, time, action, record, field changes
 * with absent sides, note); lists per record and per actor hold exactly their entries, oldest first and in append
 * order at equal times, over every page size; an append in a unit that rolls back is gone; retention removes exactly
 * the entries older than the cutoff. Extend it with a class that returns a fresh, empty store.
 */
public abstract class AuditTrailContract {

    private AuditTrail trail;
    private Transactions tx;
    private long ids;

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUp() {
        CrmStore store = newStore();
        trail = store.auditTrail();
        tx = store.transactions();
    }

    private AuditEntry entry(Actor actor, long second, RecordRef record, FieldChange... changes) {
        return new AuditEntry(new UUID(7, ++ids), actor, Origin.API, at(second), AuditAction.CHANGE,
                Optional.of(record), List.of(changes), "");
    }

    private static RecordRef contact(long n) {
        return new RecordRef(RecordType.CONTACT, new UUID(1, n));
    }

    @Test
    void append_readsBackExactly() {
        AuditEntry entry = new AuditEntry(new UUID(3, 3), Actor.system("import"), Origin.IMPORT, at(5).plusNanos(1000),
                AuditAction.MERGE, Optional.of(contact(1)), List.of(
                new FieldChange("emails", Optional.empty(), Optional.of("a@example.com")),
                new FieldChange("firstName", Optional.of(TRICKY_TEXT), Optional.empty()),
                FieldChange.of("customFields.note", "x".repeat(3000), "y")), TRICKY_TEXT);
        AuditEntry bare = new AuditEntry(new UUID(3, 4), Actor.user("ann"), Origin.JOB, at(6), AuditAction.EXPORT,
                Optional.empty(), List.of(), "");
        trail.append(entry);
        trail.append(bare);
        assertEquals(List.of(entry), trail.forRecord(contact(1), PageRequest.first(10)).items());
        assertEquals(List.of(bare), trail.byActor(Actor.user("ann"), PageRequest.first(10)).items());
        assertEquals(List.of(), trail.byActor(Actor.system("ann"), PageRequest.first(10)).items(),
                "a system process named like a user is another actor");
    }

    @Test
    void lists_holdExactlyTheirEntries_inOrder_overEveryPageSize() {
        List<AuditEntry> ofRecord = new ArrayList<>();
        List<AuditEntry> ofAnn = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Actor actor = i % 3 == 0 ? Actor.user("bob") : Actor.user("ann");
            RecordRef record = i % 2 == 0 ? contact(1) : contact(2);
            AuditEntry e = entry(actor, 100 - i / 4, record, FieldChange.of("n", "" + i, "" + (i + 1)));
            trail.append(e);
            if (record.equals(contact(1))) {
                ofRecord.add(e);
            }
            if (actor.equals(Actor.user("ann"))) {
                ofAnn.add(e);
            }
        }
        java.util.Comparator<AuditEntry> byTime = java.util.Comparator.comparing(AuditEntry::at);
        ofRecord.sort(byTime); // stable: equal times keep their append order
        ofAnn.sort(byTime);
        for (int size : Fixtures.pageSizes(ofRecord.size())) {
            assertEquals(ofRecord, Fixtures.readAll(p -> trail.forRecord(contact(1), p), size), "size " + size);
        }
        for (int size : Fixtures.pageSizes(ofAnn.size())) {
            assertEquals(ofAnn, Fixtures.readAll(p -> trail.byActor(Actor.user("ann"), p), size), "size " + size);
        }
    }

    @Test
    void append_anIdTwice_isRefused_andKeepsTheFirst() {
        AuditEntry first = entry(Actor.user("ann"), 1, contact(1));
        trail.append(first);
        AuditEntry again = new AuditEntry(first.id(), Actor.user("bob"), Origin.API, at(2), AuditAction.CHANGE,
                Optional.of(contact(1)), List.of(), "");
        assertThrows(RuntimeException.class, () -> trail.append(again));
        assertEquals(List.of(first), trail.forRecord(contact(1), PageRequest.first(10)).items());
    }

    @Test
    void append_inAUnitThatRollsBack_isGone() {
        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            trail.append(entry(Actor.user("ann"), 1, contact(1)));
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of(), trail.forRecord(contact(1), PageRequest.first(10)).items());
    }

    @Test
    void retention_removesExactlyTheOlderEntries() {
        AuditEntry old = entry(Actor.user("ann"), 0, contact(1));
        AuditEntry edge = entry(Actor.user("ann"), 3600, contact(1));
        AuditEntry young = entry(Actor.user("ann"), 7200, contact(1));
        List.of(old, edge, young).forEach(trail::append);
        TestClock clock = TestClock.at(at(7200), java.time.ZoneOffset.UTC);
        AuditRetention retention = AuditRetention.keep(Duration.ofHours(1), clock);
        assertEquals(1, retention.run(trail));
        assertEquals(List.of(edge, young), trail.forRecord(contact(1), PageRequest.first(10)).items());
        assertEquals(0, retention.run(trail), "running it again removes nothing more");
    }

    @Test
    void pages_refuseAForeignCursor() {
        assertThrows(IllegalArgumentException.class,
                () -> trail.forRecord(contact(1), PageRequest.after("not-a-cursor", 5)));
        assertTrue(trail.keeps());
    }
}
