package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract every {@link Contacts} store passes: contact points unique across contacts, optimistic versions, exact
 * read-back and creation-order paging. Extend it with a class that returns a fresh, empty store.
 */
public abstract class ContactsContract {

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private Contacts contacts;
    private Fixtures fx;

    @BeforeEach
    void createStore() {
        store = newStore();
        contacts = store.contacts();
        fx = new Fixtures();
    }

    @Test
    void lockById_ofAContactMergedAway_locksAndReturnsTheSurvivorLikeFindById() {
        Contact survivor = contacts.insertOrGet(fx.contact().createdAt(at(0)).build());
        Contact away = contacts.insertOrGet(fx.contact().createdAt(at(10)).build());
        Crm crm = Crm.builder().store(store).clock(Fixtures.CLOCK).ids(IdGenerator.seeded(7))
                .defaultRegion("DE").build();
        assertInstanceOf(MergeOutcome.Merged.class,
                crm.merging().merge(MergeContacts.into(survivor.id(), List.of(survivor.id(), away.id()))));
        Contact merged = contacts.findById(survivor.id()).orElseThrow();

        assertEquals(Optional.of(merged), contacts.findById(away.id()));
        assertEquals(Optional.of(merged), contacts.lockById(away.id()));
        assertEquals(Optional.of(merged), store.transactions().inTransaction(() -> contacts.lockById(away.id())));
    }

    @Test
    void lockById_storedAndMissing_answersLikeFindById() {
        Contact stored = contacts.insertOrGet(fx.contact().build());

        assertEquals(Optional.of(stored), contacts.lockById(stored.id()));
        assertEquals(Optional.empty(), contacts.lockById(fx.contact().build().id()));
    }

    @Test
    void insertOrGet_newContact_storesAtVersion1AndReturnsStoredCopy() {
        Contact candidate = fx.contact().build();

        Contact stored = contacts.insertOrGet(candidate);

        assertEquals(candidate.atVersion(1), stored);
        assertEquals(Optional.of(stored), contacts.findById(candidate.id()));
        assertEquals(1, contacts.count());
    }

    @Test
    void insertOrGet_emailHeldByAnother_returnsThatContactAndWritesNothing() {
        EmailAddress shared = fx.email();
        Contact existing = contacts.insertOrGet(fx.contact().emails(fx.email(), shared).build());

        Contact candidate = fx.contact().emails(fx.email(), shared).phones(fx.phone()).build();
        Contact result = contacts.insertOrGet(candidate);

        assertEquals(existing, result);
        assertEquals(1, contacts.count());
        assertEquals(Optional.empty(), contacts.findById(candidate.id()));
        assertEquals(Optional.empty(), contacts.findByEmail(candidate.emails().get(0)));
        assertEquals(Optional.empty(), contacts.findByPhone(candidate.phones().get(0)));
    }

    @Test
    void insertOrGet_phoneHeldByAnother_returnsThatContactAndWritesNothing() {
        PhoneNumber shared = fx.phone();
        Contact existing = contacts.insertOrGet(fx.contact().phones(fx.phone(), shared).build());

        Contact candidate = fx.contact().emails(fx.email(), fx.email()).phones(fx.phone(), shared).build();
        Contact result = contacts.insertOrGet(candidate);

        assertEquals(existing, result);
        assertEquals(1, contacts.count());
        assertEquals(Optional.empty(), contacts.findById(candidate.id()));
        assertEquals(Optional.empty(), contacts.findByEmail(candidate.emails().get(1)));
    }

    @Test
    void insertOrGet_noContactPoints_storesEveryCandidate() {
        contacts.insertOrGet(fx.contact().emails().phones().build());
        contacts.insertOrGet(fx.contact().emails().phones().build());

        assertEquals(2, contacts.count());
    }

    @Test
    void insertOrGet_versionNotZero_throwsAndWritesNothing() {
        Contact candidate = fx.contact().build().atVersion(1);

        assertThrows(IllegalArgumentException.class, () -> contacts.insertOrGet(candidate));
        assertEquals(0, contacts.count());
        assertEquals(Optional.empty(), contacts.findByEmail(candidate.emails().get(0)));
    }

    @Test
    void insertOrGet_idTaken_throwsAndWritesNothing() {
        Contact existing = contacts.insertOrGet(fx.contact().build());
        Contact sameId = fx.contact().id(existing.id()).build();

        assertThrows(IllegalArgumentException.class, () -> contacts.insertOrGet(sameId));
        assertEquals(1, contacts.count());
        assertEquals(Optional.of(existing), contacts.findById(existing.id()));
        assertEquals(Optional.empty(), contacts.findByEmail(sameId.emails().get(0)));
    }

    @Test
    void insertOrGet_concurrentCandidatesWithOneEmail_storeOneContact() throws Exception {
        EmailAddress shared = fx.email();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Contact>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Contact candidate = fx.contact().emails(shared).build();
                Callable<Contact> insert = () -> {
                    start.await();
                    return contacts.insertOrGet(candidate);
                };
                results.add(pool.submit(insert));
            }
            start.countDown();
            Set<ContactId> returned = new HashSet<>();
            for (Future<Contact> f : results) {
                returned.add(f.get(10, TimeUnit.SECONDS).id());
            }
            assertEquals(1, returned.size(), "every caller gets the one stored contact");
            assertEquals(1, contacts.count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findById_unknown_isEmpty() {
        contacts.insertOrGet(fx.contact().build());

        assertEquals(Optional.empty(), contacts.findById(new ContactId(fx.nextId())));
    }

    @Test
    void findByEmail_anyOfItsEmails_findsContact() {
        Contact stored = contacts.insertOrGet(fx.contact().emails(fx.email(), fx.email(), fx.email()).build());

        for (EmailAddress email : stored.emails()) {
            assertEquals(Optional.of(stored), contacts.findByEmail(email), email.value());
        }
        assertEquals(Optional.empty(), contacts.findByEmail(fx.email()));
    }

    @Test
    void findByPhone_anyOfItsPhones_findsContact() {
        Contact stored = contacts.insertOrGet(fx.contact().phones(fx.phone(), fx.phone(), fx.phone()).build());

        for (PhoneNumber phone : stored.phones()) {
            assertEquals(Optional.of(stored), contacts.findByPhone(phone), phone.e164());
        }
        assertEquals(Optional.empty(), contacts.findByPhone(fx.phone()));
    }

    @Test
    void update_changedContact_bumpsVersionAndReadsBack() {
        Contact stored = contacts.insertOrGet(fx.contact().build());

        Contact renamed = contacts.update(stored.withName(PersonName.of("Janet", "Doe-Smith"), at(60)));
        Contact owned = contacts.update(renamed.withOwner(Optional.of(Fixtures.BOB), at(120)));

        assertEquals(2, renamed.version());
        assertEquals(3, owned.version());
        assertEquals(stored.withName(PersonName.of("Janet", "Doe-Smith"), at(60))
                .withOwner(Optional.of(Fixtures.BOB), at(120)).atVersion(3), owned);
        assertEquals(Optional.of(owned), contacts.findById(stored.id()));
        assertEquals(1, contacts.count());
    }

    @Test
    void update_staleVersion_throwsAndChangesNothing() {
        Contact v1 = contacts.insertOrGet(fx.contact().build());
        Contact v2 = contacts.update(v1.withName(PersonName.of("Janet", "Doe"), at(60)));
        EmailAddress added = fx.email();

        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> contacts.update(v1.withEmail(added, true, at(120))));

        assertEquals(1, e.expectedVersion());
        assertEquals(v1.id().toString(), e.recordId());
        assertEquals(Optional.of(v2), contacts.findById(v1.id()));
        assertEquals(Optional.empty(), contacts.findByEmail(added));
    }

    @Test
    void update_unknownId_throwsNoSuchElement() {
        Contact never = fx.contact().build().atVersion(1);

        assertThrows(NoSuchElementException.class, () -> contacts.update(never));
        assertEquals(0, contacts.count());
        assertEquals(Optional.empty(), contacts.findByEmail(never.emails().get(0)));
    }

    @Test
    void update_emailOfAnotherContact_throwsUniqueAndChangesNothing() {
        Contact other = contacts.insertOrGet(fx.contact().emails(fx.email(), fx.email()).build());
        Contact mine = contacts.insertOrGet(fx.contact().build());

        ValidationException e = assertThrows(ValidationException.class,
                () -> contacts.update(mine.withEmail(other.emails().get(1), false, at(60))));

        Fixtures.assertRule(e, "unique");
        assertEquals(Optional.of(mine), contacts.findById(mine.id()));
        assertEquals(Optional.of(other), contacts.findByEmail(other.emails().get(1)));
    }

    @Test
    void update_phoneOfAnotherContact_throwsUniqueAndChangesNothing() {
        Contact other = contacts.insertOrGet(fx.contact().phones(fx.phone(), fx.phone()).build());
        Contact mine = contacts.insertOrGet(fx.contact().build());
        EmailAddress alsoAdded = fx.email();

        ValidationException e = assertThrows(ValidationException.class, () -> contacts.update(
                mine.withEmail(alsoAdded, false, at(60)).withPhone(other.phones().get(1), true, at(60))));

        Fixtures.assertRule(e, "unique");
        assertEquals(Optional.of(mine), contacts.findById(mine.id()));
        assertEquals(Optional.of(other), contacts.findByPhone(other.phones().get(1)));
        assertEquals(Optional.empty(), contacts.findByEmail(alsoAdded));
    }

    @Test
    void update_removedEmail_isFreedForAnotherContact() {
        EmailAddress kept = fx.email();
        EmailAddress dropped = fx.email();
        Contact stored = contacts.insertOrGet(fx.contact().emails(kept, dropped).build());

        Contact updated = contacts.update(withEmails(stored, kept));
        Contact newcomer = fx.contact().emails(dropped).build();
        Contact result = contacts.insertOrGet(newcomer);

        assertEquals(newcomer.atVersion(1), result);
        assertEquals(Optional.of(result), contacts.findByEmail(dropped));
        assertEquals(Optional.of(updated), contacts.findByEmail(kept));
        assertEquals(2, contacts.count());
    }

    @Test
    void update_addedContactPoints_areFound() {
        Contact stored = contacts.insertOrGet(fx.contact().build());
        EmailAddress email = fx.email();
        PhoneNumber phone = fx.phone();

        Contact updated = contacts.update(stored.withEmail(email, true, at(60)).withPhone(phone, false, at(60)));

        assertEquals(Optional.of(updated), contacts.findByEmail(email));
        assertEquals(Optional.of(updated), contacts.findByPhone(phone));
        assertEquals(Optional.of(updated), contacts.findByEmail(stored.emails().get(0)));
    }

    @Test
    void readBack_everyField_equalsWhatWasStored() {
        Contact full = fx.fullContact();

        Contact stored = contacts.insertOrGet(full);

        assertEquals(full.atVersion(1), stored);
        assertEquals(Optional.of(full.atVersion(1)), contacts.findById(full.id()));
        assertEquals(Optional.of(full.atVersion(1)), contacts.findByPhone(full.phones().get(1)));
        assertEquals(List.of(full.atVersion(1)), contacts.findAll(PageRequest.first(10)).items());
    }

    @Test
    void readBack_everyFieldAfterUpdate_equalsWhatWasStored() {
        Contact stored = contacts.insertOrGet(fx.contact().build());
        Contact full = fx.fullContact();
        Contact changed = new Contact(stored.id(), stored.version(), full.name(), full.emails(), full.phones(),
                full.addresses(), full.language(), full.birthday(), full.consent(), full.affiliations(),
                full.customFields(), full.owner(), stored.createdAt(), at(99));

        Contact updated = contacts.update(changed);

        assertEquals(changed.atVersion(2), updated);
        assertEquals(Optional.of(changed.atVersion(2)), contacts.findById(stored.id()));
    }

    @Test
    void readBack_emptyOptionalsAndLists_equalWhatWasStored() {
        Contact bare = fx.contact().name(PersonName.empty()).emails().phones().build();

        contacts.insertOrGet(bare);

        assertEquals(Optional.of(bare.atVersion(1)), contacts.findById(bare.id()));
    }

    @Test
    void findAll_pages_walkEveryContactOnceInCreationOrder() {
        List<Contact> expected = insertShuffled(13, List.of());

        for (int size : Fixtures.pageSizes(expected.size())) {
            List<Contact> walked = Fixtures.readAll(contacts::findAll, size);
            assertEquals(expected, walked, "page size " + size);
        }
    }

    @Test
    void sameCreationTime_listsInInsertionOrderNotIdOrder() {
        CompanyId acme = new CompanyId(fx.nextId());
        List<Contact> stored = new ArrayList<>();
        for (UUID id : fx.idsDescending(6)) {
            stored.add(contacts.insertOrGet(fx.contact().id(new ContactId(id)).worksFor(acme).createdAt(at(5))
                    .build()));
        }
        Contact first = contacts.update(stored.get(0).withOwner(Optional.of(Fixtures.BOB), at(6)));
        stored.set(0, first);

        assertEquals(stored, Fixtures.readAll(contacts::findAll, 4));
        assertEquals(stored, Fixtures.readAll(p -> contacts.findByCompany(acme, p), 4),
                "an update rewrites the affiliations but keeps the contact's place");
    }

    @Test
    void findAll_emptyStore_isOneEmptyLastPage() {
        assertEquals(List.of(), contacts.findAll(PageRequest.first(5)).items());
        assertEquals(Optional.empty(), contacts.findAll(PageRequest.first(5)).next());
    }

    @Test
    void findAll_invalidCursor_throws() {
        insertShuffled(3, List.of());

        assertThrows(IllegalArgumentException.class,
                () -> contacts.findAll(PageRequest.after("not a cursor", 2)));
    }

    @Test
    void findByCompany_pages_onlyAffiliatedContactsInCreationOrder() {
        CompanyId acme = new CompanyId(fx.nextId());
        CompanyId other = new CompanyId(fx.nextId());
        List<Contact> atAcme = insertShuffled(11, List.of(acme));
        List<Contact> atOther = insertShuffled(4, List.of(other));
        List<Contact> atBoth = insertShuffled(3, List.of(acme, other));
        List<Contact> expected = new ArrayList<>(atAcme);
        expected.addAll(atBoth);
        expected.sort(byCreation());

        for (int size : Fixtures.pageSizes(expected.size())) {
            assertEquals(expected, Fixtures.readAll(p -> contacts.findByCompany(acme, p), size), "page size " + size);
        }
        List<Contact> expectedOther = new ArrayList<>(atOther);
        expectedOther.addAll(atBoth);
        expectedOther.sort(byCreation());
        assertEquals(expectedOther, Fixtures.readAll(p -> contacts.findByCompany(other, p), 2));
        assertEquals(List.of(), contacts.findByCompany(new CompanyId(fx.nextId()), PageRequest.first(5)).items());
    }

    @Test
    void findByCompany_afterAffiliationChange_followsTheChange() {
        CompanyId before = new CompanyId(fx.nextId());
        CompanyId after = new CompanyId(fx.nextId());
        Contact stored = contacts.insertOrGet(fx.contact().worksFor(before).build());
        Contact moved = new Contact(stored.id(), stored.version(), stored.name(), stored.emails(), stored.phones(),
                stored.addresses(), stored.language(), stored.birthday(), stored.consent(),
                List.of(Affiliation.of(after, CompanyRole.PAYER)),
                stored.customFields(), stored.owner(), stored.createdAt(), at(60));

        Contact updated = contacts.update(moved);

        assertEquals(List.of(), contacts.findByCompany(before, PageRequest.first(5)).items());
        assertEquals(List.of(updated), contacts.findByCompany(after, PageRequest.first(5)).items());
    }

    @Test
    void findByCompany_invalidCursor_throws() {
        CompanyId acme = new CompanyId(fx.nextId());
        insertShuffled(3, List.of(acme));

        assertThrows(IllegalArgumentException.class,
                () -> contacts.findByCompany(acme, PageRequest.after("not a cursor", 2)));
        assertThrows(IllegalArgumentException.class, () -> contacts.findByCompany(new CompanyId(fx.nextId()),
                PageRequest.after("not a cursor", 2)), "also for a company without contacts");
    }

    @Test
    void count_storedContacts_countsEachOnce() {
        insertShuffled(7, List.of());
        contacts.update(contacts.findAll(PageRequest.first(1)).items().get(0).withOwner(Optional.of(Fixtures.ALICE),
                at(1)));

        assertEquals(7, contacts.count());
    }

    /**
     * Inserts {@code n} contacts in shuffled order, created at three distinct times so that both the time and the id
     * decide the order, and returns the stored contacts in creation order.
     */
    private List<Contact> insertShuffled(int n, List<CompanyId> companies) {
        List<Contact> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            candidates.add(fx.contact().createdAt(at(i % 3)).worksFor(companies.toArray(CompanyId[]::new)).build());
        }
        Collections.shuffle(candidates, new Random(n));
        List<Contact> stored = candidates.stream().map(contacts::insertOrGet).collect(Collectors.toList());
        stored.sort(byCreation());
        return stored;
    }

    private static Comparator<Contact> byCreation() {
        return Fixtures.byTime(Contact::createdAt);
    }

    private static Contact withEmails(Contact c, EmailAddress... emails) {
        return new Contact(c.id(), c.version(), c.name(), List.of(emails), c.phones(), c.addresses(), c.language(),
                c.birthday(), c.consent(), c.affiliations(), c.customFields(), c.owner(), c.createdAt(), at(60));
    }
}
