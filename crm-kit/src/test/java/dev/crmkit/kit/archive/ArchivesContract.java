package dev.crmkit.kit.archive;

import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.pipeline.contract.PipelineFixtures;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.equipment.EquipmentStatus;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.reminder.ServiceReminder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link Archives} that every store passes: pages in key order however the page size cuts them,
 * restores that keep ids, versions and times, refusals that write nothing, and a restore log that rolls back with its
 * unit of work. Extend it with {@link #newStore()} returning an empty store.
 */
public abstract class ArchivesContract {

    private final Fixtures fx = new Fixtures(77L);
    private CrmkitStore store;

    /** An empty store. */
    protected abstract CrmkitStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void after_pagesEveryRecordInKeyOrder_whateverThePageSize() {
        List<Contact> stored = new ArrayList<>();
        for (UUID id : fx.idsDescending(7)) { // inserted against key order
            stored.add(store.contacts().insertOrGet(fx.contact().id(new ContactId(id))
                    .build()));
        }
        stored.sort(Comparator.comparing(c -> c.id().toString()));
        Archive<Contact> archive = store.archives().contacts();
        for (int size : List.of(1, 2, 3, 7, 8)) {
            List<Contact> read = new ArrayList<>();
            Optional<String> after = Optional.empty();
            while (true) {
                List<Contact> page = archive.after(after, size);
                read.addAll(page);
                if (page.size() < size) {
                    break;
                }
                after = Optional.of(archive.key(page.get(page.size() - 1)));
            }
            assertEquals(stored, read, "page size " + size);
        }
        assertThrows(IllegalArgumentException.class, () -> archive.after(Optional.empty(), 0));
    }

    @Test
    void restore_keepsIdVersionAndTimes() {
        Contact exported = fx.fullContact().atVersion(7);

        store.archives().contacts().restore(exported);

        assertEquals(Optional.of(exported), store.contacts().findById(exported.id()));
        assertTrue(store.archives().contacts().contains(exported.id().toString()));
        assertEquals(Optional.of(exported), store.contacts().findByEmail(exported.emails().get(0)),
                "the lookups are rebuilt as an insert builds them");
    }

    @Test
    void restore_refusesAStoredKey_andATakenUniqueKey_writingNothing() {
        Contact stored = store.contacts().insertOrGet(fx.contact().build());
        Contact sameEmail = fx.contact().emails(stored.emails().get(0)).build().atVersion(3);

        assertThrows(IllegalArgumentException.class, () -> store.archives().contacts().restore(stored.atVersion(5)));
        ValidationException taken = assertThrows(ValidationException.class,
                () -> store.archives().contacts().restore(sameEmail));

        assertEquals(Optional.of(stored), store.contacts().findById(stored.id()));
        assertFalse(store.archives().contacts().contains(sameEmail.id().toString()), taken.getMessage());
        assertEquals(1, store.contacts().count());
    }

    @Test
    void restore_ofPipelineRevisionsInKeyOrder_rebuildsThePipelineAtItsLastRevision() {
        Pipeline first = new PipelineFixtures().pipeline("Sales", Fixtures.at(0)).atVersion(1);
        Pipeline second = first.revisedTo(PipelineFixtures.everyRuleDefinition("Sales 2"), Fixtures.at(60))
                .atVersion(2);
        Archive<Pipeline> revisions = store.archives().pipelineRevisions();

        revisions.restore(first);
        revisions.restore(second);

        assertEquals(Optional.of(second), store.pipelines().findById(first.id()));
        assertEquals(Optional.of(first), store.pipelines().findRevision(first.id(), 1));
        assertEquals(List.of(first, second), revisions.after(Optional.empty(), 10));
        assertTrue(revisions.contains(revisions.key(first)));
    }

    @Test
    void serviceArchives_restoreKeepsIdAndVersion_andReminderMarksPageInPlanThenDayOrder() {
        ServiceArchives archives = store.serviceArchives();
        ContactId customer = new ContactId(new UUID(14, 9));
        Equipment equipment = new Equipment(new EquipmentId(new UUID(14, 1)), 4, customer, "AquaPure 3", "AP3-1",
                Site.at(new Address("", "Ring 5", "10115", "Berlin", "", "DE")), LocalDate.of(2026, 8, 31),
                Optional.empty(), Optional.empty(), EquipmentStatus.IN_SERVICE, Fixtures.at(0));
        archives.equipment().restore(equipment);
        assertEquals(Optional.of(equipment), store.installedEquipment().findById(equipment.id()));
        assertThrows(IllegalArgumentException.class, () -> archives.equipment().restore(equipment));

        ServicePlanId a = new ServicePlanId(new UUID(14, 2));
        ServicePlanId b = new ServicePlanId(new UUID(14, 3));
        ServiceReminder bFeb = mark(b, LocalDate.of(2027, 2, 28), customer);
        ServiceReminder aAug = mark(a, LocalDate.of(2027, 8, 31), customer);
        ServiceReminder aFeb = mark(a, LocalDate.of(2027, 2, 28), customer);
        for (ServiceReminder m : List.of(bFeb, aAug, aFeb)) {
            archives.reminders().restore(m);
        }
        Archive<ServiceReminder> reminders = archives.reminders();
        List<ServiceReminder> read = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (List<ServiceReminder> page = reminders.after(after, 1); !page.isEmpty();
             page = reminders.after(after, 1)) {
            read.addAll(page);
            after = Optional.of(reminders.key(page.get(0)));
        }
        assertEquals(List.of(aFeb, aAug, bFeb), read);
        assertEquals(a + "/2027-02-28", reminders.key(aFeb));
        assertTrue(reminders.contains(a + "/2027-08-31"));
        assertFalse(reminders.contains(a + "/2027-08-30"));
        assertThrows(IllegalArgumentException.class, () -> reminders.restore(aFeb));
        assertEquals(List.of(aFeb, aAug), store.serviceReminders().ofPlan(a));
    }

    private static ServiceReminder mark(ServicePlanId plan, LocalDate due, ContactId customer) {
        return new ServiceReminder(plan, due, 1, customer, customer, due.minusDays(14), Fixtures.at(60));
    }

    @Test
    void restoreAll_keepsIdsAndVersions_andRefusesABatchWithAStoredKey_writingNoneOfIt() {
        Contact stored = store.contacts().insertOrGet(fx.contact().build());
        List<Contact> batch = List.of(fx.contact().build().atVersion(4), fx.fullContact().atVersion(2));
        List<Contact> refused = List.of(fx.contact().build().atVersion(3), stored.atVersion(9));
        Archive<Contact> archive = store.archives().contacts();

        store.transactions().inTransaction(() -> {
            archive.restoreAll(batch);
            return null;
        });
        assertThrows(IllegalArgumentException.class, () -> store.transactions().inTransaction(() -> {
            archive.restoreAll(refused);
            return null;
        }));

        for (Contact c : batch) {
            assertEquals(Optional.of(c), store.contacts().findById(c.id()));
        }
        assertFalse(archive.contains(refused.get(0).id().toString()), "the refused batch wrote nothing");
        assertEquals(Optional.of(stored), store.contacts().findById(stored.id()));
        assertEquals(3, store.contacts().count());
    }

    @Test
    void shares_pageInKeyOrder_andRestoreAsTheyWere() {
        RecordRef contact = new RecordRef(RecordType.CONTACT, fx.nextId());
        RecordRef lead = new RecordRef(RecordType.LEAD, fx.nextId());
        List<Share> shares = new ArrayList<>();
        for (String user : List.of("b", "B", "a b", "\uFF21", "\uD83D\uDE00")) {
            shares.add(new Share(contact, Grantee.user(user), ShareLevel.READ));
        }
        shares.add(new Share(contact, Grantee.team("t"), ShareLevel.READ_WRITE));
        shares.add(new Share(lead, Grantee.user("b"), ShareLevel.READ));
        shares.forEach(store.shares()::grant);
        Archive<Share> archive = store.archives().shares();
        List<Share> sorted = new ArrayList<>(shares);
        sorted.sort((x, y) -> Archive.compareKeys(ShareKey.of(x), ShareKey.of(y)));

        List<Share> read = new ArrayList<>(archive.after(Optional.empty(), 3));
        read.addAll(archive.after(Optional.of(archive.key(read.get(2))), 10));
        List<Share> ofContact = store.shares().of(contact);
        CrmkitStore other = newStore(); // a JDBC contract store empties the shared database: an empty store again
        other.transactions().inTransaction(() -> {
            other.archives().shares().restoreAll(read);
            return null;
        });

        assertEquals(sorted, read);
        assertEquals(sorted, other.archives().shares().after(Optional.empty(), 10));
        assertEquals(ofContact, other.shares().of(contact));
        assertEquals(6, ofContact.size());
        assertTrue(other.archives().shares().contains(ShareKey.of(shares.get(0))));
        assertThrows(IllegalArgumentException.class, () -> other.archives().shares().restore(shares.get(0)));
    }

    @Test
    void restoreLog_advancesInTheUnitOfWork_andRollsBackWithIt() {
        RestoreLog log = store.archives().restoreLog();
        log.advance("export-a", "contacts", "0001");
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            log.advance("export-a", "contacts", "0002");
            log.advance("export-b", "leads", "0003");
            throw new IllegalStateException("rolled back");
        }));

        assertEquals(Optional.of("0001"), log.lastKey("export-a", "contacts"));
        assertTrue(log.begun("export-a"));
        assertFalse(log.begun("export-b"));
        assertEquals(Optional.empty(), log.lastKey("export-a", "leads"));
    }

    @Test
    void compareKeys_ordersByCodePoints() {
        assertTrue(Archive.compareKeys("B", "a") < 0, "binary, not case-insensitive");
        assertTrue(Archive.compareKeys("\uFF21", "\uD83D\uDE00") < 0, "U+FF21 before U+1F600, unlike UTF-16");
        assertTrue(Archive.compareKeys("a", "a\u0001") < 0);
        assertEquals(0, Archive.compareKeys("x\uD83D\uDE00", "x\uD83D\uDE00"));
    }
}
