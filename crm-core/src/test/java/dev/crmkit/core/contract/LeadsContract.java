package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.lead.Utm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static dev.crmkit.core.contract.Fixtures.ALICE;
import static dev.crmkit.core.contract.Fixtures.BOB;
import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.moved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract every {@link Leads} store passes: external ids belong to one lead at most, the open-lead lookups by
 * e-mail and phone find the most recently created open lead and follow status changes, versions are optimistic,
 * records read back exactly and the lists page in creation order. Extend it with a class that returns a fresh, empty
 * store.
 */
public abstract class LeadsContract {

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    private Leads leads;
    private Fixtures fx;

    @BeforeEach
    void createStore() {
        leads = newStore().leads();
        fx = new Fixtures();
    }

    /**
     * The open leads of several contacts come in the store's order across all of them (creation time, then the order
     * they were stored), so a candidate bound cuts the same leads on every store: the in-memory store went contact
     * by contact.
     */
    @Test
    void findOpenByContacts_ordersAcrossTheContactsByCreation_andTheLimitCutsTheSameLeads() {
        dev.crmkit.core.contact.ContactId a = new dev.crmkit.core.contact.ContactId(new UUID(5, 1));
        dev.crmkit.core.contact.ContactId b = new dev.crmkit.core.contact.ContactId(new UUID(5, 2));
        Lead a3 = leads.insertOrGet(fx.lead().contactId(a).createdAt(at(3)).updatedAt(at(3)).build());
        Lead b1 = leads.insertOrGet(fx.lead().contactId(b).createdAt(at(1)).updatedAt(at(1)).build());
        Lead a2 = leads.insertOrGet(fx.lead().contactId(a).createdAt(at(2)).updatedAt(at(2)).build());
        Lead b2 = leads.insertOrGet(fx.lead().contactId(b).createdAt(at(2)).updatedAt(at(2)).build());

        List<LeadId> all = leads.findOpenByContacts(List.of(a, b), 10).stream().map(Lead::id).toList();
        List<LeadId> two = leads.findOpenByContacts(List.of(a, b), 2).stream().map(Lead::id).toList();

        assertEquals(List.of(b1.id(), a2.id(), b2.id(), a3.id()), all, "by creation time, ties in stored order");
        assertEquals(List.of(b1.id(), a2.id()), two);
    }

    @Test
    void insertOrGet_newLead_storesAtVersion1AndReturnsStoredCopy() {
        Lead candidate = fx.lead().externalIds(fx.externalId()).build();

        Lead stored = leads.insertOrGet(candidate);

        assertEquals(candidate.atVersion(1), stored);
        assertEquals(Optional.of(stored), leads.findById(candidate.id()));
        assertEquals(1, leads.count());
    }

    @Test
    void insertOrGet_sourceDetailFingerprintsAndPhoneExtension_readBackAsStored() {
        String externalId = fx.externalId();
        Lead candidate = fx.lead()
                .source(new LeadSource(Channel.OTHER, Optional.of("trade fair 2026"), "", Utm.none(), ""))
                .externalIds(externalId).fingerprints(Map.of(externalId, "ab".repeat(32)))
                .phone(PhoneNumber.of("+4930901820;ext=12345678901234567890")).build();

        Lead stored = leads.insertOrGet(candidate);

        assertEquals(Optional.of(stored), leads.findById(candidate.id()));
        assertEquals(Optional.of(stored), leads.findByExternalId(externalId));
        assertEquals(Optional.of(stored), leads.findOpenByPhone(PhoneNumber.of("+4930901820;ext=12345678901234567890")));
        assertEquals(Optional.empty(), leads.findOpenByPhone(PhoneNumber.of("+4930901820")),
                "a number without the extension is another number");
    }

    @Test
    void insertOrGet_externalIdHeldByAnother_returnsThatLeadAndWritesNothing() {
        String first = fx.externalId();
        String second = fx.externalId();
        Lead existing = leads.insertOrGet(fx.lead().externalIds(first, second).build());
        Lead candidate = fx.lead().externalIds(fx.externalId(), second).build();

        Lead result = leads.insertOrGet(candidate);

        assertEquals(existing, result);
        assertEquals(1, leads.count());
        assertEquals(Optional.empty(), leads.findById(candidate.id()));
        assertEquals(Optional.empty(), leads.findByExternalId(candidate.externalIds().get(0)));
        assertEquals(Optional.empty(), leads.findOpenByEmail(candidate.email().orElseThrow()));
    }

    @Test
    void insertOrGet_sameEmailWithoutExternalIds_storesEveryCandidate() {
        EmailAddress email = fx.email();
        leads.insertOrGet(fx.lead().email(email).build());
        leads.insertOrGet(fx.lead().email(email).build());

        assertEquals(2, leads.count());
    }

    @Test
    void insertOrGet_versionNotZero_throwsAndWritesNothing() {
        Lead candidate = fx.lead().externalIds(fx.externalId()).build().atVersion(1);

        assertThrows(IllegalArgumentException.class, () -> leads.insertOrGet(candidate));
        assertEquals(0, leads.count());
        assertEquals(Optional.empty(), leads.findByExternalId(candidate.externalIds().get(0)));
    }

    @Test
    void insertOrGet_idTaken_throwsAndWritesNothing() {
        Lead existing = leads.insertOrGet(fx.lead().build());
        Lead sameId = fx.lead().id(existing.id()).externalIds(fx.externalId()).build();

        assertThrows(IllegalArgumentException.class, () -> leads.insertOrGet(sameId));
        assertEquals(Optional.of(existing), leads.findById(existing.id()));
        assertEquals(Optional.empty(), leads.findByExternalId(sameId.externalIds().get(0)));
        assertEquals(Optional.empty(), leads.findOpenByEmail(sameId.email().orElseThrow()));
        assertEquals(1, leads.count());
    }

    @Test
    void findById_unknown_isEmpty() {
        leads.insertOrGet(fx.lead().build());

        assertEquals(Optional.empty(), leads.findById(new LeadId(fx.nextId())));
    }

    @Test
    void findByExternalId_anyOfItsIds_findsLead() {
        Lead stored = leads.insertOrGet(fx.lead().externalIds(fx.externalId(), fx.externalId(), "ad:'; --😀")
                .build());

        for (String externalId : stored.externalIds()) {
            assertEquals(Optional.of(stored), leads.findByExternalId(externalId), externalId);
        }
        assertEquals(Optional.empty(), leads.findByExternalId(fx.externalId()));
    }

    @Test
    void findByExternalId_idAddedByUpdate_findsLead() {
        Lead stored = leads.insertOrGet(fx.lead().externalIds(fx.externalId()).build());
        String repeat = fx.externalId();

        Lead folded = leads.update(stored.foldRepeat(Optional.of(repeat), "fp", PersonName.empty(), Optional.empty(),
                Optional.empty(), "", "", Optional.empty(), CustomFields.empty(), at(60)));

        assertEquals(Optional.of(folded), leads.findByExternalId(repeat));
        assertEquals(Optional.of(folded), leads.findByExternalId(stored.externalIds().get(0)));
        assertEquals(Map.of(repeat, "fp"), leads.findByExternalId(repeat).orElseThrow().fingerprints(),
                "the fingerprint of the submission is stored with its external id");
        assertEquals(2, folded.submissions());
    }

    @Test
    void findOpenByEmail_severalOpenLeads_returnsMostRecentlyCreated() {
        EmailAddress email = fx.email();
        leads.insertOrGet(fx.lead().email(email).createdAt(at(10)).build());
        Lead newest = leads.insertOrGet(fx.lead().email(email).createdAt(at(30)).status(LeadStatus.QUALIFIED)
                .build());
        leads.insertOrGet(fx.lead().email(email).createdAt(at(20)).status(LeadStatus.WORKING).build());
        leads.insertOrGet(fx.lead().createdAt(at(40)).build());

        assertEquals(Optional.of(newest), leads.findOpenByEmail(email));
    }

    @Test
    void findOpenByEmail_convertedOrDisqualified_isNotFound() {
        EmailAddress email = fx.email();
        leads.insertOrGet(fx.lead().email(email).status(LeadStatus.CONVERTED).createdAt(at(10)).build());
        leads.insertOrGet(fx.lead().email(email).status(LeadStatus.DISQUALIFIED).createdAt(at(20)).build());

        assertEquals(Optional.empty(), leads.findOpenByEmail(email));
        assertEquals(Optional.empty(), leads.findOpenByEmail(fx.email()));
    }

    @Test
    void findOpenByEmail_newerOneClosed_returnsOlderOpenOne() {
        EmailAddress email = fx.email();
        Lead older = leads.insertOrGet(fx.lead().email(email).createdAt(at(10)).build());
        leads.insertOrGet(fx.lead().email(email).status(LeadStatus.DISQUALIFIED).createdAt(at(20)).build());

        assertEquals(Optional.of(older), leads.findOpenByEmail(email));
    }

    @Test
    void findOpenByEmail_afterStatusChanges_followsTheIndex() {
        EmailAddress email = fx.email();
        Lead older = leads.insertOrGet(fx.lead().email(email).createdAt(at(10)).build());
        Lead newer = leads.insertOrGet(fx.lead().email(email).createdAt(at(20)).build());

        Lead disqualified = leads.update(moved(newer, LeadStatus.DISQUALIFIED));
        assertEquals(Optional.of(older), leads.findOpenByEmail(email));

        Lead reopened = leads.update(moved(disqualified, LeadStatus.WORKING));
        assertEquals(Optional.of(reopened), leads.findOpenByEmail(email));

        leads.update(moved(moved(reopened, LeadStatus.QUALIFIED), LeadStatus.CONVERTED));
        leads.update(moved(older, LeadStatus.DISQUALIFIED));
        assertEquals(Optional.empty(), leads.findOpenByEmail(email));
    }

    @Test
    void findOpenByPhone_severalOpenLeads_returnsMostRecentlyCreatedOpenOne() {
        PhoneNumber phone = fx.phone();
        leads.insertOrGet(fx.lead().noEmail().phone(phone).createdAt(at(10)).build());
        Lead newestOpen = leads.insertOrGet(fx.lead().phone(phone).createdAt(at(20)).build());
        leads.insertOrGet(fx.lead().phone(phone).status(LeadStatus.CONVERTED).createdAt(at(30)).build());

        assertEquals(Optional.of(newestOpen), leads.findOpenByPhone(phone));
        assertEquals(Optional.empty(), leads.findOpenByPhone(fx.phone()));
    }

    @Test
    void findOpenByPhone_afterStatusChanges_followsTheIndex() {
        PhoneNumber phone = fx.phone();
        Lead older = leads.insertOrGet(fx.lead().phone(phone).createdAt(at(10)).build());
        Lead newer = leads.insertOrGet(fx.lead().noEmail().phone(phone).createdAt(at(20)).build());

        leads.update(moved(newer, LeadStatus.DISQUALIFIED));
        assertEquals(Optional.of(older), leads.findOpenByPhone(phone));

        leads.update(moved(older, LeadStatus.DISQUALIFIED));
        assertEquals(Optional.empty(), leads.findOpenByPhone(phone));
    }

    @Test
    void findOpenByEmail_sameCreationTime_isTheLastInserted() {
        EmailAddress email = fx.email();
        List<Lead> stored = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stored.add(leads.insertOrGet(fx.lead().email(email).createdAt(at(10)).build()));
        }

        assertEquals(Optional.of(stored.get(stored.size() - 1)), leads.findOpenByEmail(email));
    }

    @Test
    void update_changedLead_bumpsVersionAndReadsBack() {
        Lead stored = leads.insertOrGet(fx.lead().build());

        Lead working = leads.update(moved(stored, LeadStatus.WORKING));
        Lead owned = leads.update(working.withOwner(Optional.of(ALICE), at(60)));

        assertEquals(2, working.version());
        assertEquals(3, owned.version());
        assertEquals(moved(stored, LeadStatus.WORKING).withOwner(Optional.of(ALICE), at(60)).atVersion(3), owned);
        assertEquals(Optional.of(owned), leads.findById(stored.id()));
    }

    @Test
    void update_staleVersion_throwsAndChangesNothing() {
        Lead v1 = leads.insertOrGet(fx.lead().build());
        Lead v2 = leads.update(v1.withOwner(Optional.of(ALICE), at(60)));

        assertThrows(StaleVersionException.class, () -> leads.update(moved(v1, LeadStatus.DISQUALIFIED)));

        assertEquals(Optional.of(v2), leads.findById(v1.id()));
        assertEquals(Optional.of(v2), leads.findOpenByEmail(v1.email().orElseThrow()));
        assertEquals(List.of(), leads.findByStatus(LeadStatus.DISQUALIFIED, PageRequest.first(5)).items());
    }

    @Test
    void update_unknownId_throwsNoSuchElement() {
        Lead never = fx.lead().build().atVersion(1);

        assertThrows(NoSuchElementException.class, () -> leads.update(never));
        assertEquals(0, leads.count());
        assertEquals(Optional.empty(), leads.findOpenByEmail(never.email().orElseThrow()));
    }

    @Test
    void update_externalIdOfAnotherLead_throwsUniqueAndChangesNothing() {
        Lead other = leads.insertOrGet(fx.lead().externalIds(fx.externalId()).build());
        Lead mine = leads.insertOrGet(fx.lead().build());
        String taken = other.externalIds().get(0);

        ValidationException e = assertThrows(ValidationException.class, () -> leads.update(
                mine.foldRepeat(Optional.of(taken), "fp", PersonName.empty(), Optional.empty(), Optional.empty(), "",
                        "", Optional.empty(), CustomFields.empty(), at(60))));

        Fixtures.assertRule(e, "unique");
        assertEquals(Optional.of(mine), leads.findById(mine.id()));
        assertEquals(Optional.of(other), leads.findByExternalId(taken));
    }

    @Test
    void readBack_everyField_equalsWhatWasStored() {
        Lead full = fx.lead()
                .companyId(new CompanyId(fx.nextId()))
                .source(new LeadSource(Channel.SOCIAL_CAMPAIGN, "Spring 🌸 \"sale\"",
                        new Utm("facebook", "cpc", "spring'; DROP TABLE leads; --", "crm", "ad-1"),
                        "https://example.com/?q=ä&x='1'"))
                .externalIds(fx.externalId(), "fb:123456789012345")
                .request(Fixtures.TRICKY_TEXT + "\nWe need 20 seats.\r\n\tThanks")
                .name(PersonName.of("Zoë 😀", "O'Brien"))
                .phone(fx.phone())
                .companyName("Müller \"&\" Söhne GmbH")
                .owner(BOB)
                .status(LeadStatus.DISQUALIFIED)
                .submissions(3)
                .customFields(Fixtures.everyFieldValue())
                .updatedAt(at(77))
                .build();

        assertEquals(full.atVersion(1), leads.insertOrGet(full));

        assertEquals(Optional.of(full.atVersion(1)), leads.findById(full.id()));
        assertEquals(Optional.of(full.atVersion(1)), leads.findByExternalId("fb:123456789012345"));
        assertEquals(List.of(full.atVersion(1)), leads.findByOwner(BOB, PageRequest.first(5)).items());
    }

    @Test
    void readBack_emptyOptionals_equalWhatWasStored() {
        Lead bare = fx.lead().request("").name(PersonName.empty()).build();

        leads.insertOrGet(bare);

        assertEquals(Optional.of(bare.atVersion(1)), leads.findById(bare.id()));
    }

    @Test
    void sameCreationTime_listsInInsertionOrderNotIdOrder() {
        List<Lead> stored = new ArrayList<>();
        for (UUID id : fx.idsDescending(6)) {
            stored.add(leads.insertOrGet(fx.lead().id(new LeadId(id)).owner(BOB).createdAt(at(5)).build()));
        }

        assertEquals(stored, Fixtures.readAll(leads::findAll, 4));
        assertEquals(stored, Fixtures.readAll(p -> leads.findByStatus(LeadStatus.NEW, p), 4));
        assertEquals(stored, Fixtures.readAll(p -> leads.findByOwner(BOB, p), 4));
    }

    @Test
    void findAll_pages_walkEveryLeadOnceInCreationOrder() {
        List<Lead> expected = insertShuffled(14, UnaryOperator.identity());

        for (int size : Fixtures.pageSizes(expected.size())) {
            assertEquals(expected, Fixtures.readAll(leads::findAll, size), "page size " + size);
        }
    }

    @Test
    void findByStatus_pages_onlyThatStatusInCreationOrder() {
        List<Lead> working = insertShuffled(11, b -> b.status(LeadStatus.WORKING));
        insertShuffled(5, b -> b.status(LeadStatus.NEW));

        for (int size : Fixtures.pageSizes(working.size())) {
            assertEquals(working, Fixtures.readAll(p -> leads.findByStatus(LeadStatus.WORKING, p), size),
                    "page size " + size);
        }
        assertEquals(List.of(), leads.findByStatus(LeadStatus.CONVERTED, PageRequest.first(3)).items());
    }

    @Test
    void findByStatus_afterStatusChange_followsTheChange() {
        Lead lead = leads.insertOrGet(fx.lead().build());

        Lead qualified = leads.update(moved(lead, LeadStatus.QUALIFIED));

        assertEquals(List.of(), leads.findByStatus(LeadStatus.NEW, PageRequest.first(3)).items());
        assertEquals(List.of(qualified), leads.findByStatus(LeadStatus.QUALIFIED, PageRequest.first(3)).items());
    }

    @Test
    void findByOwner_pages_onlyThatOwnerInCreationOrder() {
        List<Lead> alices = insertShuffled(10, b -> b.owner(ALICE));
        insertShuffled(4, b -> b.owner(BOB));
        insertShuffled(3, UnaryOperator.identity());

        for (int size : Fixtures.pageSizes(alices.size())) {
            assertEquals(alices, Fixtures.readAll(p -> leads.findByOwner(ALICE, p), size), "page size " + size);
        }
        assertEquals(List.of(), leads.findByOwner(UserId.of("carol"), PageRequest.first(3)).items());
    }

    @Test
    void findByOwner_afterOwnerChange_followsTheChange() {
        Lead lead = leads.insertOrGet(fx.lead().owner(ALICE).build());

        Lead bobs = leads.update(lead.withOwner(Optional.of(BOB), at(60)));

        assertEquals(List.of(), leads.findByOwner(ALICE, PageRequest.first(3)).items());
        assertEquals(List.of(bobs), leads.findByOwner(BOB, PageRequest.first(3)).items());
    }

    @Test
    void paging_invalidCursor_throws() {
        insertShuffled(3, b -> b.owner(ALICE));
        PageRequest invalid = PageRequest.after("garbage", 2);

        assertThrows(IllegalArgumentException.class, () -> leads.findAll(invalid));
        assertThrows(IllegalArgumentException.class, () -> leads.findByStatus(LeadStatus.NEW, invalid));
        assertThrows(IllegalArgumentException.class, () -> leads.findByOwner(ALICE, invalid));
        assertThrows(IllegalArgumentException.class, () -> leads.findByStatus(LeadStatus.CONVERTED, invalid),
                "also for a status no lead has");
        assertThrows(IllegalArgumentException.class, () -> leads.findByOwner(BOB, invalid),
                "also for an owner without leads");
    }

    @Test
    void count_afterUpdates_countsEachOnce() {
        Lead a = leads.insertOrGet(fx.lead().build());
        leads.insertOrGet(fx.lead().build());
        leads.update(moved(a, LeadStatus.WORKING));

        assertEquals(2, leads.count());
    }

    /**
     * Inserts {@code n} leads in shuffled order, created at three distinct times so that both the time and the id
     * decide the order, and returns the stored leads in creation order.
     */
    private List<Lead> insertShuffled(int n, UnaryOperator<Fixtures.LeadBuilder> shape) {
        List<Lead> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            candidates.add(shape.apply(fx.lead().createdAt(at(i % 3))).build());
        }
        Collections.shuffle(candidates, new Random(n));
        List<Lead> stored = candidates.stream().map(leads::insertOrGet).collect(Collectors.toList());
        stored.sort(byCreation());
        return stored;
    }

    private static Comparator<Lead> byCreation() {
        return Fixtures.byTime(Lead::createdAt);
    }
}
