package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
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
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.crmkit.core.contract.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Changes of contacts through {@link dev.crmkit.core.customer.CustomerBase} write the audit trail in their own unit of
 * work: who (the {@link CurrentActor}), when (the clock), through what, which fields with old and new values; a change
 * that fails or whose unit rolls back leaves no entry. Extend it with a class that returns a fresh, empty store.
 */
public abstract class AuditedChangesContract {

    private CrmStore store;
    private Crm crm;
    private TestClock clock;

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
        clock = TestClock.at(T0, java.time.ZoneOffset.UTC);
        crm = Crm.builder().store(store).clock(clock).ids(IdGenerator.seeded(15)).defaultRegion("DE")
                .actor(CurrentActor.fixed(Actor.user("ann"), Origin.API)).build();
    }

    private List<AuditEntry> entries(Contact contact) {
        return store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, contact.id().value()),
                PageRequest.first(100)).items();
    }

    @Test
    void createAndChange_areAudited_withOldAndNewValues() {
        Contact created = crm.customers().createContact(NewContact.of("Jane", "Doe", "jane@example.com"));
        clock.advance(Duration.ofMinutes(5));
        crm.customers().addEmail(created.id(), "jd@example.org", false);
        crm.customers().setCustomFields(created.id(), Map.of());

        List<AuditEntry> entries = entries(created);
        assertEquals(List.of(AuditAction.CREATE, AuditAction.CHANGE), entries.stream().map(AuditEntry::action)
                .toList(), "a change that changes nothing is not recorded");
        AuditEntry change = entries.get(1);
        assertEquals(Actor.user("ann"), change.actor());
        assertEquals(Origin.API, change.origin());
        assertEquals(T0.plus(Duration.ofMinutes(5)), change.at());
        assertEquals(List.of(new FieldChange("emails", Optional.of("jane@example.com"),
                Optional.of("jane@example.com, jd@example.org"))), change.changes());
        assertEquals(entries, store.auditTrail().byActor(Actor.user("ann"), PageRequest.first(100)).items());
    }

    @Test
    void aChangeWhoseUnitRollsBack_leavesNoEntry() {
        Contact created = crm.customers().createContact(NewContact.of("Jane", "Doe", "jane@example.com"));
        assertThrows(IllegalStateException.class, () -> store.transactions().run(() -> {
            crm.customers().addPhone(created.id(), "+49 30 1234567", true);
            throw new IllegalStateException("the host's own step failed");
        }));
        assertEquals(List.of(AuditAction.CREATE), entries(created).stream().map(AuditEntry::action).toList());
        assertEquals(created, crm.customers().contact(created.id()).orElseThrow());
    }

    @Test
    void aRefusedChange_leavesNoEntry() {
        Contact jane = crm.customers().createContact(NewContact.of("Jane", "Doe", "jane@example.com"));
        crm.customers().createContact(NewContact.of("John", "Doe", "john@example.com"));
        assertThrows(ValidationException.class, () -> crm.customers().addEmail(jane.id(), "john@example.com", false));
        assertEquals(1, entries(jane).size());
    }
}
