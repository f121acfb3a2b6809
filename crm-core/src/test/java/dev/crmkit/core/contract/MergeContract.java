package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.merge.ContactField;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.ContactMerging;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeEvent;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.SurvivorRule;
import dev.crmkit.core.merge.UnmergeOutcome;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.crmkit.core.contract.Fixtures.T0;
import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The contract of merging contacts and undoing merges on a real store: the survivor takes the union of the contact
 * points and the chosen values, every lead, task, timeline entry and earlier alias of a merged-away contact is
 * re-pointed in one unit of work, merged-away ids resolve to the survivor, refusals store nothing, and an unmerge puts
 * every record back exactly as it was unless something changed since, which it names. An adapter runs it by
 * extending this class and returning an empty store from {@link #newStore()}.
 */
public abstract class MergeContract {

    protected CrmStore store;
    protected Crm crm;
    protected ContactMerging merging;
    protected TestClock clock;
    protected final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private Fixtures fx;

    /** An empty store of the adapter under test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        start(newStore(), 7);
    }

    private void start(CrmStore fresh, long seed) {
        store = fresh;
        clock = TestClock.at(at(3600), ZoneId.of("UTC"));
        crm = Crm.builder().store(store).clock(clock).ids(IdGenerator.seeded(seed)).defaultRegion("DE")
                .events(events::add).build();
        merging = crm.merging();
        fx = new Fixtures(seed + 1_000_003L); // not the seed of the ids crmkit makes, or they would collide
        events.clear();
    }

    /** A contact stored with one lead, one task and one timeline entry about it. */
    private Contact person(String first, String last, int createdSecond) {
        Contact c = store.contacts().insertOrGet(fx.contact().name(PersonName.of(first, last))
                .createdAt(at(createdSecond)).build());
        related(c, 1, 1, 1);
        return c;
    }

    private void related(Contact c, int leads, int tasks, int activities) {
        for (int i = 0; i < leads; i++) {
            store.leads().insertOrGet(fx.lead().contactId(c.id()).build());
        }
        for (int i = 0; i < tasks; i++) {
            store.tasks().insert(fx.task().about(ref(c)).build());
        }
        for (int i = 0; i < activities; i++) {
            store.activities().append(fx.activity(ref(c)).occurredAt(at(60 + i)).build());
        }
    }

    private ContactMerge merged(MergeOutcome outcome) {
        return assertInstanceOf(MergeOutcome.Merged.class, outcome).merge();
    }

    private List<Activity> timeline(ContactId id) {
        return readAll(p -> store.activities().timeline(new RecordRef(dev.crmkit.core.kernel.RecordType.CONTACT,
                id.value()), TimelineFilter.everything(), p), 50);
    }

    private List<Lead> leadsOf(ContactId id) {
        return readAll(p -> store.leads().findAll(p), 100).stream().filter(l -> l.contactId().equals(id)).toList();
    }

    @Test
    void merge_twoContacts_survivorUnitesContactPointsAndEveryRelatedRecordPointsAtIt() {
        Contact a = person("Katherine", "Smith", 0);
        Contact b = person("Kathy", "Smyth", 10);
        Task bTask = store.tasks().openAbout(ref(b)).get(0);

        ContactMerge merge = merged(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), b.id()))));

        Contact survivor = store.contacts().findById(a.id()).orElseThrow();
        assertAll(
                () -> assertEquals(List.of(a.emails().get(0), b.emails().get(0)), survivor.emails()),
                () -> assertEquals(List.of(a.phones().get(0), b.phones().get(0)), survivor.phones()),
                () -> assertEquals(PersonName.of("Katherine", "Smith"), survivor.name()),
                () -> assertEquals(a.version() + 1, survivor.version()),
                () -> assertEquals(Optional.of(survivor), store.contacts().findById(b.id())),
                () -> assertEquals(Optional.of(survivor), store.contacts().lockById(b.id())),
                () -> assertEquals(Optional.of(survivor), store.contacts().findByEmail(b.emails().get(0))),
                () -> assertEquals(Optional.of(survivor), store.contacts().findByPhone(b.phones().get(0))),
                () -> assertEquals(1, store.contacts().count()),
                () -> assertEquals(List.of(survivor), readAll(p -> store.contacts().findAll(p), 10)),
                () -> assertEquals(2, leadsOf(a.id()).size()),
                () -> assertEquals(List.of(), leadsOf(b.id())),
                () -> assertEquals(2, store.tasks().openAbout(ref(a)).size()),
                () -> assertEquals(List.of(), store.tasks().openAbout(ref(b))),
                () -> assertEquals(Optional.of(ref(a)), store.tasks().findById(bTask.id()).orElseThrow().relatedTo()),
                () -> assertEquals(List.of(), timeline(b.id())),
                () -> assertEquals(3, timeline(a.id()).size()),
                () -> assertEquals(merge.activityId(), timeline(a.id()).get(0).id()),
                () -> assertEquals(List.of(b.id()), merge.mergedIds()),
                () -> assertEquals(3, merge.repointed().size()),
                () -> assertEquals(Optional.of(merge), merging.find(merge.id())),
                () -> assertEquals(List.of(new MergeEvent.ContactsMerged(merge.id(), a.id(), List.of(b.id()), 3,
                        clock.instant())), events.stream().filter(e -> e instanceof MergeEvent).toList()));
    }

    @Test
    void merge_noSurvivorNamed_ruleChooses() {
        Contact older = store.contacts().insertOrGet(fx.contact().createdAt(at(0)).build());
        Contact fuller = store.contacts().insertOrGet(fx.contact().createdAt(at(5)).language(Locale.GERMAN)
                .birthday(java.time.LocalDate.of(1980, 5, 17)).build());
        Contact third = store.contacts().insertOrGet(fx.contact().createdAt(at(9)).build());
        store.activities().append(fx.activity(ref(third)).occurredAt(at(3000)).build());
        store.activities().append(fx.activity(ref(older)).occurredAt(at(100)).build());

        // the most recent activity first: the entries each merge and unmerge write count as activity too
        SurvivorRule[] rules = {SurvivorRule.MOST_RECENT_ACTIVITY, SurvivorRule.OLDEST, SurvivorRule.MOST_COMPLETE};
        Contact[] expected = {third, older, fuller};
        List<ContactId> ids = List.of(third.id(), fuller.id(), older.id());
        for (int i = 0; i < rules.length; i++) {
            ContactMerge merge = merged(merging.merge(MergeContacts.of(ids, rules[i])));
            assertEquals(expected[i].id(), merge.survivor(), rules[i].name());
            assertInstanceOf(UnmergeOutcome.Unmerged.class, merging.unmerge(merge.id()));
        }
    }

    @Test
    void merge_fieldChosenFromAnotherContact_survivesElseSurvivorsElseFirstFilled() {
        Contact a = store.contacts().insertOrGet(fx.contact().name(PersonName.of("K", "Smith")).build());
        Contact b = store.contacts().insertOrGet(fx.contact().name(PersonName.of("Katherine", "Smith"))
                .language(Locale.FRENCH).consent(MarketingConsent.granted(T0, "web form")).build());

        merged(merging.merge(new MergeContacts(List.of(a.id(), b.id()), Optional.of(a.id()),
                SurvivorRule.OLDEST, Map.of(ContactField.NAME, b.id()))));

        Contact survivor = store.contacts().findById(a.id()).orElseThrow();
        assertEquals(PersonName.of("Katherine", "Smith"), survivor.name());
        assertEquals(Optional.of(Locale.FRENCH), survivor.language());
        assertEquals(MarketingConsent.granted(T0, "web form"), survivor.consent());
    }

    @Test
    void merge_affiliations_survivorListedForBothCompaniesAndMergedAwayForNone() {
        Company acme = store.companies().insertOrGet(fx.company().build());
        Company beta = store.companies().insertOrGet(fx.company().build());
        Contact a = store.contacts().insertOrGet(fx.contact().worksFor(acme.id()).build());
        Contact b = store.contacts().insertOrGet(fx.contact().worksFor(acme.id(), beta.id()).build());

        merged(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), b.id()))));

        Contact survivor = store.contacts().findById(a.id()).orElseThrow();
        assertEquals(List.of(survivor), store.contacts().findByCompany(beta.id(), PageRequest.first(10)).items());
        assertEquals(List.of(survivor), store.contacts().findByCompany(acme.id(), PageRequest.first(10)).items());
    }

    @Test
    void merge_badRequests_refusedNamingFieldAndRuleAndStoreNothing() {
        Contact a = person("Ann", "A", 0);
        Contact b = person("Bea", "B", 1);
        Contact outsider = person("Cid", "C", 2);
        ContactId unknown = new ContactId(UUID.nameUUIDFromBytes(new byte[] {1}));
        String before = state(List.of(a.id(), b.id(), outsider.id()));

        assertRefused(merging.merge(MergeContacts.into(a.id(), List.of(a.id()))), "contacts", "min-size");
        assertRefused(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), a.id(), b.id()))), "contacts",
                "unique");
        assertRefused(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), unknown))), "contacts", "exists");
        assertRefused(merging.merge(MergeContacts.into(outsider.id(), List.of(a.id(), b.id()))), "survivor",
                "member");
        assertRefused(merging.merge(new MergeContacts(List.of(a.id(), b.id()), Optional.empty(),
                SurvivorRule.OLDEST, Map.of(ContactField.OWNER, outsider.id()))), "choices.owner", "member");

        assertEquals(before, state(List.of(a.id(), b.id(), outsider.id())));
        assertEquals(List.of(), events.stream().filter(e -> e instanceof MergeEvent).toList());
        merged(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), b.id()))));
        assertRefused(merging.merge(MergeContacts.into(outsider.id(), List.of(outsider.id(), b.id()))), "contacts",
                "not-merged");
    }

    private static void assertRefused(MergeOutcome outcome, String field, String rule) {
        List<Violation> reasons = assertInstanceOf(MergeOutcome.Refused.class, outcome).reasons();
        assertTrue(reasons.stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule)),
                () -> "expected " + field + "/" + rule + " among " + reasons);
    }

    @Test
    void unmerge_nothingChangedSince_restoresEveryRecordExactly() {
        Contact a = person("Ann", "A", 0);
        Contact b = person("Bea", "B", 1);
        Contact c = person("Cid", "C", 2);
        store.activities().append(fx.activity(ref(b), ref(c)).occurredAt(at(90)).build());
        List<ContactId> ids = List.of(a.id(), b.id(), c.id());
        String before = state(ids);

        // the merge and its undo come later: an undo is a change made at its instant, time does not go back
        clock.advance(Duration.ofMinutes(5));
        ContactMerge merge = merged(merging.merge(MergeContacts.into(b.id(), ids)));
        clock.advance(Duration.ofMinutes(5));
        UnmergeOutcome outcome = merging.unmerge(merge.id());

        UnmergeOutcome.Unmerged unmerged = assertInstanceOf(UnmergeOutcome.Unmerged.class, outcome);
        assertEquals(List.of(a.id(), c.id()), unmerged.restored());
        Restored.assertRestored(before, state(ids), Restored.written(merge), clock.instant());
        assertEquals(Optional.of(clock.instant()), merging.find(merge.id()).orElseThrow().undoneAt());
        assertEquals(new MergeEvent.ContactsUnmerged(merge.id(), b.id(), List.of(a.id(), c.id()), clock.instant()),
                events.get(events.size() - 1));
    }

    @Test
    void unmerge_relatedRecordChangedSince_refusedNamingItAndChangesNothing() {
        Contact a = person("Ann", "A", 0);
        Contact b = person("Bea", "B", 1);
        ContactMerge merge = merged(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), b.id()))));
        Lead moved = leadsOf(a.id()).stream().filter(l -> merge.repointed().stream()
                .anyMatch(r -> r.id().equals(l.id().value()))).findFirst().orElseThrow();
        store.leads().update(moved.withOwner(Optional.of(Fixtures.BOB), at(4000)));
        String after = state(List.of(a.id(), b.id()));

        UnmergeOutcome outcome = merging.unmerge(merge.id());

        List<String> conflicts = assertInstanceOf(UnmergeOutcome.Refused.class, outcome).conflicts();
        assertEquals(List.of("lead " + moved.id() + " changed since the merge (version 2 then, 3 now)"), conflicts);
        assertEquals(after, state(List.of(a.id(), b.id())));
        assertEquals(Optional.empty(), merging.find(merge.id()).orElseThrow().undoneAt());
    }

    @Test
    void unmerge_survivorChangedSinceOrAlreadyUndoneOrUnknown_refused() {
        Contact a = person("Ann", "A", 0);
        Contact b = person("Bea", "B", 1);
        ContactMerge merge = merged(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), b.id()))));
        Contact survivor = store.contacts().findById(a.id()).orElseThrow();
        store.contacts().update(survivor.withName(PersonName.of("Anna", "A"), at(5000)));

        assertEquals(List.of("contact " + a.id() + " changed since the merge (version 2 then, 3 now)"),
                assertInstanceOf(UnmergeOutcome.Refused.class, merging.unmerge(merge.id())).conflicts());
        MergeId unknown = new MergeId(UUID.nameUUIDFromBytes(new byte[] {2}));
        assertEquals(List.of("there is no merge " + unknown),
                assertInstanceOf(UnmergeOutcome.Refused.class, merging.unmerge(unknown)).conflicts());
    }

    @Test
    void unmerge_twice_secondRefused() {
        Contact a = person("Ann", "A", 0);
        Contact b = person("Bea", "B", 1);
        ContactMerge merge = merged(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), b.id()))));
        assertInstanceOf(UnmergeOutcome.Unmerged.class, merging.unmerge(merge.id()));

        List<String> conflicts = assertInstanceOf(UnmergeOutcome.Refused.class, merging.unmerge(merge.id()))
                .conflicts();

        assertEquals(List.of("merge " + merge.id() + " was undone at " + clock.instant()), conflicts);
    }

    @Test
    void merge_ofAnEarlierSurvivor_carriesItsAliasesAlongAndUnmergeBringsThemBack() {
        Contact a = person("Ann", "A", 0);
        Contact b = person("Bea", "B", 1);
        Contact c = person("Cid", "C", 2);
        ContactMerge first = merged(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), b.id()))));

        ContactMerge second = merged(merging.merge(MergeContacts.into(c.id(), List.of(c.id(), a.id()))));

        assertEquals(c.id(), store.contacts().findById(b.id()).orElseThrow().id());
        assertTrue(second.repointed().stream().anyMatch(r -> r.kind() == Repointed.Kind.ALIAS
                && r.id().equals(b.id().value())));
        assertEquals(3, leadsOf(c.id()).size());
        List<String> blocked = assertInstanceOf(UnmergeOutcome.Refused.class, merging.unmerge(first.id()))
                .conflicts();
        assertTrue(blocked.get(0).contains("was merged into " + c.id()), blocked.toString());
        assertInstanceOf(UnmergeOutcome.Unmerged.class, merging.unmerge(second.id()));
        assertEquals(a.id(), store.contacts().findById(b.id()).orElseThrow().id());
        assertEquals(2, leadsOf(a.id()).size());
    }

    /**
     * An undo writes every record it puts back at a new version, never an old one: a copy of the survivor, of the
     * merged-away contact or of a re-pointed lead read before the merge, and one read during it, is refused as stale
     * afterwards, and the refused write changes nothing.
     */
    @Test
    void unmerge_copiesReadBeforeOrDuringTheMerge_areStaleAfterIt_andWriteNothing() {
        Contact a = person("Ann", "A", 0);
        Contact b = person("Bea", "B", 1);
        Lead bLead = leadsOf(b.id()).get(0);
        Task bTask = store.tasks().openAbout(ref(b)).get(0);
        ContactMerge merge = merged(merging.merge(MergeContacts.into(a.id(), List.of(a.id(), b.id()))));
        Contact survivorDuring = store.contacts().findById(a.id()).orElseThrow();
        Lead leadDuring = store.leads().findById(bLead.id()).orElseThrow();
        Task taskDuring = store.tasks().findById(bTask.id()).orElseThrow();

        assertInstanceOf(UnmergeOutcome.Unmerged.class, merging.unmerge(merge.id()));

        String after = state(List.of(a.id(), b.id()));
        for (Contact copy : List.of(a, b, survivorDuring)) {
            assertThrows(StaleVersionException.class, () -> store.contacts().update(copy.withName(
                    PersonName.of("Stale", "Copy"), at(7000))), copy::toString);
        }
        for (Lead copy : List.of(bLead, leadDuring)) {
            assertThrows(StaleVersionException.class, () -> store.leads().update(copy.withOwner(
                    Optional.of(Fixtures.BOB), at(7000))), copy::toString);
        }
        for (Task copy : List.of(bTask, taskDuring)) {
            assertThrows(StaleVersionException.class, () -> store.tasks().update(Fixtures.rescheduled(copy,
                    at(7000))), copy::toString);
        }
        assertEquals(after, state(List.of(a.id(), b.id())));
    }

    /**
     * A chain undone newest-first: 1 and 2 merged into 0, then 0 into 3; undoing the second puts 0 back at a new
     * version, and the first merge, which recorded 0 (and the records it re-pointed to 0) at the versions the second
     * found, takes the new ones, so it can be undone too and everything is as it was, no version lower.
     */
    @Test
    void unmerge_aChainNewestFirst_undoesBoth_andRestoresEverythingAVersionUp() {
        Contact c0 = person("Ann", "A", 0);
        Contact c1 = person("Bea", "B", 1);
        Contact c2 = person("Cid", "C", 2);
        Contact c3 = person("Dan", "D", 3);
        List<ContactId> ids = List.of(c0.id(), c1.id(), c2.id(), c3.id());
        String before = state(ids);
        ContactMerge first = merged(merging.merge(MergeContacts.into(c0.id(), List.of(c0.id(), c1.id(),
                c2.id()))));
        ContactMerge second = merged(merging.merge(MergeContacts.into(c3.id(), List.of(c3.id(), c0.id()))));

        assertInstanceOf(UnmergeOutcome.Unmerged.class, merging.unmerge(second.id()));
        UnmergeOutcome outcome = merging.unmerge(first.id());

        assertInstanceOf(UnmergeOutcome.Unmerged.class, outcome, outcome::toString);
        Restored.assertRestored(before, state(ids), Restored.written(first, second), clock.instant());
    }

    /**
     * Properties over seeded random groups of contacts with random numbers of leads, tasks and timeline entries: a
     * merge keeps the number of related records (all of them now the survivor's), and unmerge restores the store
     * exactly.
     */
    @Test
    void mergeThenUnmerge_randomGroups_keepsRelatedRecordCountsAndRestoresExactly() {
        qt().withFixedSeed(13L).withExamples(examples())
                .forAll(lists().of(integers().between(0, 3)).ofSizeBetween(2, 4), integers().between(0, 1000))
                .checkAssert((counts, seed) -> {
                    start(newStore(), seed);
                    List<ContactId> ids = new ArrayList<>();
                    int total = 0;
                    for (int i = 0; i < counts.size(); i++) {
                        Contact c = store.contacts().insertOrGet(fx.contact().createdAt(at(i)).build());
                        int n = counts.get(i);
                        related(c, n, (n + i) % 3, (n * 2 + i) % 4);
                        total += n + (n + i) % 3 + (n * 2 + i) % 4;
                        ids.add(c.id());
                    }
                    String before = state(ids);
                    ContactId survivor = ids.get(seed % ids.size());

                    ContactMerge merge = merged(merging.merge(MergeContacts.into(survivor, ids)));

                    int related = leadsOf(survivor).size() + store.tasks().openAbout(ref(survivor)).size()
                            + (int) timeline(survivor).stream().filter(x -> x.type() != ActivityType.SYSTEM).count();
                    assertEquals(total, related, "related records of " + counts);
                    assertInstanceOf(UnmergeOutcome.Unmerged.class, merging.unmerge(merge.id()));
                    Restored.assertRestored(before, state(ids), Restored.written(merge), clock.instant());
                });
    }

    /** How many random groups the property tries; a slow database may ask for fewer. */
    protected int examples() {
        return 25;
    }

    private static RecordRef ref(Contact contact) {
        return ref(contact.id());
    }

    private static RecordRef ref(ContactId id) {
        return new RecordRef(dev.crmkit.core.kernel.RecordType.CONTACT, id.value());
    }

    /**
     * Everything the ports tell about the contacts and what refers to them, as text: each contact by id, e-mail and
     * phone, the contact list and count, every lead, the open tasks and the timeline (without crmkit's own system
     * entries, such as the merge's) of each contact.
     */
    private String state(List<ContactId> ids) {
        StringBuilder s = new StringBuilder();
        s.append("count=").append(store.contacts().count()).append('\n');
        readAll(p -> store.contacts().findAll(p), 7).forEach(c -> s.append("all ").append(c).append('\n'));
        readAll(p -> store.leads().findAll(p), 7).forEach(l -> s.append("lead ").append(l).append('\n'));
        for (ContactId id : ids) {
            Optional<Contact> c = store.contacts().findById(id);
            s.append(id).append(" -> ").append(c).append('\n');
            c.ifPresent(found -> {
                found.emails().forEach(e -> s.append(" e ").append(store.contacts().findByEmail(e).map(Contact::id)));
                found.phones().forEach(p -> s.append(" p ").append(store.contacts().findByPhone(p).map(Contact::id)));
            });
            s.append("\n tasks ").append(store.tasks().openAbout(ref(id))).append('\n');
            timeline(id).stream().filter(x -> x.type() != ActivityType.SYSTEM)
                    .forEach(x -> s.append(" activity ").append(x).append('\n'));
        }
        return s.toString();
    }
}
