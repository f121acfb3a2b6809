package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.merge.CompanyField;
import dev.crmkit.core.merge.CompanyMerge;
import dev.crmkit.core.merge.CompanyMergeOutcome;
import dev.crmkit.core.merge.CompanyMerging;
import dev.crmkit.core.merge.SurvivorRule;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of merging companies and undoing those merges on a real store: the survivor takes the first filled
 * values, every contact affiliation, lead, task and timeline entry of a merged-away company is re-pointed in one unit
 * of work, merged-away ids resolve to the survivor, refusals store nothing, and an unmerge puts every record back
 * exactly unless something changed since, which it names. An adapter runs it by extending this class.
 */
public abstract class CompanyMergeContract {

    protected CrmStore store;
    protected CompanyMerging merging;
    protected TestClock clock;
    private Fixtures fx;

    /** An empty store of the adapter under test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        clock = TestClock.at(at(3600), ZoneId.of("UTC"));
        Crm crm = Crm.builder().store(store).clock(clock).ids(IdGenerator.seeded(11)).defaultRegion("DE").build();
        merging = crm.companyMerging();
        fx = new Fixtures(1_000_019L);
    }

    /** A company with one contact working there, one lead, one task and one timeline entry about it. */
    private Company company(String name, int createdSecond) {
        Company c = store.companies().insertOrGet(fx.company().name(name).createdAt(at(createdSecond)).build());
        store.contacts().insertOrGet(fx.contact().worksFor(c.id()).build());
        store.leads().insertOrGet(fx.lead().companyId(c.id()).build());
        store.tasks().insert(fx.task().about(ref(c.id())).build());
        store.activities().append(fx.activity(ref(c.id())).occurredAt(at(60)).build());
        return c;
    }

    private static RecordRef ref(CompanyId id) {
        return new RecordRef(RecordType.COMPANY, id.value());
    }

    private CompanyMerge merged(CompanyMergeOutcome outcome) {
        return assertInstanceOf(CompanyMergeOutcome.Merged.class, outcome).merge();
    }

    private List<Activity> timeline(CompanyId id) {
        return readAll(p -> store.activities().timeline(ref(id), TimelineFilter.everything(), p), 50);
    }

    /** Every company, contact, lead, task and timeline entry of the companies, leaving out the given entries. */
    private String state(List<CompanyId> ids, Set<ActivityId> leaveOut) {
        List<Object> all = new ArrayList<>();
        all.add(readAll(p -> store.companies().findAll(p), 50));
        all.add(readAll(p -> store.contacts().findAll(p), 50));
        all.add(readAll(p -> store.leads().findAll(p), 50));
        for (CompanyId id : ids) {
            all.add(store.companies().findById(id));
            all.add(store.tasks().openAbout(ref(id)));
            all.add(timeline(id).stream().filter(a -> !leaveOut.contains(a.id())).toList());
        }
        return all.toString();
    }

    @Test
    void merge_twoCompanies_survivorTakesFilledValuesAndEveryRelatedRecordPointsAtIt() {
        Company a = company("Acme", 0);
        Company b = store.companies().update(company("ACME GmbH", 10).withProfile("Machinery", CompanySize.MEDIUM,
                at(20)));
        Contact both = store.contacts().insertOrGet(fx.contact().worksFor(a.id(), b.id()).build());

        CompanyMerge merge = merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));

        Company survivor = store.companies().findById(a.id()).orElseThrow();
        assertAll(
                () -> assertEquals("Acme", survivor.name()),
                () -> assertEquals("Machinery", survivor.industry()),
                () -> assertEquals(CompanySize.MEDIUM, survivor.size()),
                () -> assertEquals(a.webDomain(), survivor.webDomain()),
                () -> assertEquals(a.version() + 1, survivor.version()),
                () -> assertEquals(Optional.of(survivor), store.companies().findById(b.id())),
                () -> assertEquals(Optional.empty(), store.companies().findByDomain(b.webDomain().orElseThrow())),
                () -> assertEquals(1, store.companies().count()),
                () -> assertEquals(List.of(survivor), readAll(p -> store.companies().findAll(p), 10)),
                () -> assertEquals(3, readAll(p -> store.contacts().findAll(p), 10).stream()
                        .filter(c -> c.affiliations().stream().anyMatch(x -> x.companyId().equals(a.id()))).count()),
                () -> assertTrue(readAll(p -> store.contacts().findAll(p), 10).stream()
                        .noneMatch(c -> c.affiliations().stream().anyMatch(x -> x.companyId().equals(b.id())))),
                () -> assertEquals(1, store.contacts().findById(both.id()).orElseThrow().affiliations().size()),
                () -> assertEquals(2, readAll(p -> store.leads().findAll(p), 10).stream()
                        .filter(l -> l.companyId().equals(Optional.of(a.id()))).count()),
                () -> assertEquals(2, store.tasks().openAbout(ref(a.id())).size()),
                () -> assertEquals(List.of(), store.tasks().openAbout(ref(b.id()))),
                () -> assertEquals(List.of(), timeline(b.id())),
                () -> assertEquals(3, timeline(a.id()).size()),
                () -> assertEquals(merge.activityId(), timeline(a.id()).get(0).id()),
                () -> assertEquals(List.of(b.id()), merge.mergedIds()),
                // the contact of b, the contact of both, b's lead, task and timeline entry
                () -> assertEquals(5, merge.repointed().size()),
                () -> assertEquals(Optional.of(merge), merging.find(merge.id())));
    }

    /** "Older" (created first), "Fuller" (with a profile: the most complete) and a third company, in that order. */
    private List<Company> olderFullerAnd(String third) {
        Company older = company("Older", 0);
        Company fuller = store.companies().update(company("Fuller", 5).withProfile("Retail", CompanySize.SMALL,
                at(6)));
        return List.of(older, fuller, company(third, 9));
    }

    @Test
    void merge_noSurvivorNamed_mostCompleteThenOldest() {
        List<Company> three = olderFullerAnd("Third");
        Company older = three.get(0);
        Company fuller = three.get(1);
        Company third = three.get(2);

        CompanyMerge merge = merged(merging.merge(List.of(third.id(), older.id(), fuller.id()), Optional.empty()));
        assertEquals(fuller.id(), merge.survivor());
        assertInstanceOf(CompanyMergeOutcome.Unmerged.class, merging.unmerge(merge.id()));
        CompanyMerge tie = merged(merging.merge(List.of(third.id(), older.id()), Optional.empty()));
        assertEquals(older.id(), tie.survivor());
    }

    @Test
    void merge_survivorRules_oldest_andMostRecentActivity_pickTheirSurvivor() {
        List<Company> three = olderFullerAnd("Busy");
        Company older = three.get(0);
        Company fuller = three.get(1);
        Company busy = three.get(2);
        store.activities().append(fx.activity(ref(busy.id())).occurredAt(at(120)).build());
        List<CompanyId> listed = List.of(fuller.id(), busy.id(), older.id());

        // first: a merge and its undo leave entries on the survivor's timeline
        CompanyMerge byActivity = merged(merging.merge(listed, Optional.empty(), SurvivorRule.MOST_RECENT_ACTIVITY));
        assertEquals(busy.id(), byActivity.survivor());
        assertInstanceOf(CompanyMergeOutcome.Unmerged.class, merging.unmerge(byActivity.id()));
        CompanyMerge byAge = merged(merging.merge(listed, Optional.empty(), SurvivorRule.OLDEST));
        assertEquals(older.id(), byAge.survivor());
        assertInstanceOf(CompanyMergeOutcome.Unmerged.class, merging.unmerge(byAge.id()));
        assertEquals(fuller.id(), merged(merging.merge(listed, Optional.empty(), SurvivorRule.MOST_COMPLETE))
                .survivor());
    }

    @Test
    void merge_badRequests_refusedNamingFieldAndRuleAndStoreNothing() {
        Company a = company("Ann", 0);
        Company b = company("Bea", 1);
        Company outsider = company("Cid", 2);
        CompanyId unknown = new CompanyId(UUID.nameUUIDFromBytes(new byte[] {1}));
        List<CompanyId> ids = List.of(a.id(), b.id(), outsider.id());
        String before = state(ids, Set.of());

        assertRefused(merging.merge(List.of(a.id()), Optional.empty()), "companies", "min-size");
        assertRefused(merging.merge(List.of(a.id(), a.id(), b.id()), Optional.empty()), "companies", "unique");
        assertRefused(merging.merge(List.of(a.id(), unknown), Optional.empty()), "companies", "exists");
        assertRefused(merging.merge(List.of(a.id(), b.id()), Optional.of(outsider.id())), "survivor", "member");
        assertRefused(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id()), SurvivorRule.MOST_COMPLETE,
                Map.of(CompanyField.NAME, b.id(), CompanyField.TAX_NUMBER, outsider.id())), "choices.tax_number",
                "member");
        assertEquals(before, state(ids, Set.of()));

        merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        assertRefused(merging.merge(List.of(outsider.id(), b.id()), Optional.empty()), "companies", "not-merged");
    }

    @Test
    void merge_fieldsChosenFromTheMergedAwayCompany_winOverTheSurvivorsValues_andUnmergeRestoresBoth() {
        Company a = store.companies().update(company("Acme", 0).withProfile("Retail", CompanySize.SMALL, at(1)));
        Company b = store.companies().update(company("ACME GmbH", 10).withProfile("Machinery", CompanySize.MEDIUM,
                at(20)));
        List<CompanyId> ids = List.of(a.id(), b.id());
        String before = state(ids, Set.of());

        CompanyMerge merge = merged(merging.merge(ids, Optional.of(a.id()), SurvivorRule.MOST_COMPLETE,
                Map.of(CompanyField.NAME, b.id(), CompanyField.INDUSTRY, b.id(), CompanyField.WEB_DOMAIN, b.id())));

        Company survivor = store.companies().findById(a.id()).orElseThrow();
        assertAll(
                () -> assertEquals("ACME GmbH", survivor.name()),
                () -> assertEquals("Machinery", survivor.industry()),
                () -> assertEquals(b.webDomain(), survivor.webDomain()),
                // not chosen: the survivor's own
                () -> assertEquals(CompanySize.SMALL, survivor.size()),
                () -> assertEquals(Optional.of(survivor), store.companies().findByDomain(b.webDomain().orElseThrow())),
                () -> assertEquals(Optional.of(survivor), store.companies().findById(b.id())));

        CompanyMergeOutcome.Unmerged unmerged = assertInstanceOf(CompanyMergeOutcome.Unmerged.class,
                merging.unmerge(merge.id()));
        Restored.assertRestored(before, state(ids, Set.of(merge.activityId(), unmerged.activityId())),
                Restored.written(merge), clock.instant());
        Restored.assertRestored(List.of(a, b), ids.stream().map(i -> store.companies().findById(i).orElseThrow())
                .toList(), ids, clock.instant());
        assertEquals(Optional.of(a.id()), store.companies().findByDomain(a.webDomain().orElseThrow())
                .map(Company::id));
    }

    /**
     * An undo writes every record it puts back at a new version, never an old one: a copy of the survivor, of a
     * merged-away company, of a re-affiliated contact (one of them re-pointed from both merged-away companies) or of
     * a re-pointed lead, read before the merge or during it, is refused as stale afterwards, and the refused write
     * changes nothing.
     */
    @Test
    void unmerge_copiesReadBeforeOrDuringTheMerge_areStaleAfterIt_andWriteNothing() {
        Company a = company("Ann", 0);
        Company b = company("Bea", 1);
        Company c = company("Cid", 2);
        Contact both = store.contacts().insertOrGet(fx.contact().worksFor(b.id(), c.id()).build());
        Lead bLead = readAll(p -> store.leads().findAll(p), 50).stream()
                .filter(l -> l.companyId().equals(Optional.of(b.id()))).findFirst().orElseThrow();
        List<CompanyId> ids = List.of(a.id(), b.id(), c.id());
        CompanyMerge merge = merged(merging.merge(ids, Optional.of(a.id())));
        Company survivorDuring = store.companies().findById(a.id()).orElseThrow();
        Contact bothDuring = store.contacts().findById(both.id()).orElseThrow();
        Lead leadDuring = store.leads().findById(bLead.id()).orElseThrow();

        CompanyMergeOutcome.Unmerged unmerged = assertInstanceOf(CompanyMergeOutcome.Unmerged.class,
                merging.unmerge(merge.id()));

        String after = state(ids, Set.of(merge.activityId(), unmerged.activityId()));
        for (Company copy : List.of(a, b, c, survivorDuring)) {
            assertThrows(StaleVersionException.class, () -> store.companies().update(copy.withName("Stale",
                    at(7000))), copy::toString);
        }
        for (Contact copy : List.of(both, bothDuring)) {
            assertThrows(StaleVersionException.class, () -> store.contacts().update(copy.withName(
                    dev.crmkit.core.contact.PersonName.of("Stale", "Copy"), at(7000))), copy::toString);
        }
        for (Lead copy : List.of(bLead, leadDuring)) {
            assertThrows(StaleVersionException.class, () -> store.leads().update(copy.withOwner(
                    Optional.of(Fixtures.BOB), at(7000))), copy::toString);
        }
        assertEquals(after, state(ids, Set.of(merge.activityId(), unmerged.activityId())));
        Restored.assertRestored(both, store.contacts().findById(both.id()).orElseThrow(), List.of(both.id()),
                clock.instant());
    }

    private static void assertRefused(CompanyMergeOutcome outcome, String field, String rule) {
        List<Violation> reasons = assertInstanceOf(CompanyMergeOutcome.Refused.class, outcome).reasons();
        assertTrue(reasons.stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule)),
                () -> "expected " + field + "/" + rule + " among " + reasons);
    }

    @Test
    void unmerge_nothingChangedSince_restoresEveryRecordExactly() {
        Company a = company("Ann", 0);
        Company b = company("Bea", 1);
        Company c = company("Cid", 2);
        store.contacts().insertOrGet(fx.contact().worksFor(b.id(), c.id()).build());
        store.contacts().insertOrGet(fx.contact().worksFor(a.id(), c.id()).build());
        store.activities().append(fx.activity(ref(b.id()), ref(c.id())).occurredAt(at(90)).build());
        List<CompanyId> ids = List.of(a.id(), b.id(), c.id());
        String before = state(ids, Set.of());

        // the merge and its undo come later: an undo is a change made at its instant, time does not go back
        clock.advance(Duration.ofMinutes(5));
        CompanyMerge merge = merged(merging.merge(ids, Optional.of(b.id())));
        clock.advance(Duration.ofMinutes(5));
        CompanyMergeOutcome.Unmerged unmerged = assertInstanceOf(CompanyMergeOutcome.Unmerged.class,
                merging.unmerge(merge.id()));

        Restored.assertRestored(before, state(ids, Set.of(merge.activityId(), unmerged.activityId())),
                Restored.written(merge), clock.instant());
        assertEquals(Optional.of(clock.instant()), merging.find(merge.id()).orElseThrow().undoneAt());
        assertRefused(merging.unmerge(merge.id()), "merge", "undoable");
    }

    /**
     * A contact in the merge's snapshot that the merge did not re-point (un-affiliated by another writer between the
     * merge's read of the snapshot and its re-pointing; or a record restored from older data): the undo goes through
     * and leaves that contact as it is.
     */
    @Test
    @SuppressWarnings("unchecked")
    void unmerge_aSnapshotContactTheMergeDidNotRepoint_undoesTheRest_andLeavesItAsItIs() {
        Company a = company("Ann", 0);
        Company b = company("Bea", 1);
        Contact unaffiliated = store.contacts().insertOrGet(fx.contact().build());
        dev.crmkit.core.merge.CompanyMerges real = store.companyMerges();
        dev.crmkit.core.merge.CompanyMerges racing = proxy(dev.crmkit.core.merge.CompanyMerges.class, real,
                (m, args) -> {
                    Object out = m.invoke(real, args);
                    if (!m.getName().equals("affiliatedWith")) {
                        return out;
                    }
                    List<Contact> read = new ArrayList<>((List<Contact>) out);
                    read.add(unaffiliated); // affiliated when read, un-affiliated before the re-pointing
                    return read;
                });
        CrmStore racingStore = proxy(CrmStore.class, store, (m, args) -> m.getName().equals("companyMerges")
                ? racing : m.invoke(store, args));
        CompanyMerge merge = merged(Crm.builder().store(racingStore).clock(clock).ids(IdGenerator.seeded(12))
                .defaultRegion("DE").build().companyMerging().merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        assertTrue(merge.contactsBefore().contains(unaffiliated), merge::toString);
        Contact afterMerge = store.contacts().findById(unaffiliated.id()).orElseThrow();

        CompanyMergeOutcome undone = merging.unmerge(merge.id());

        assertInstanceOf(CompanyMergeOutcome.Unmerged.class, undone, undone::toString);
        assertEquals(afterMerge, store.contacts().findById(unaffiliated.id()).orElseThrow());
        assertTrue(store.companies().findById(b.id()).orElseThrow().id().equals(b.id()), "b is back");
    }

    /** A call a proxy forwards. */
    private interface Call {
        Object on(java.lang.reflect.Method m, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> port, T real, Call call) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (p, m, args) -> {
                    try {
                        return call.on(m, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void unmerge_somethingChangedSince_refusedNamingItAndChangesNothing() {
        Company a = company("Ann", 0);
        Company b = company("Bea", 1);
        CompanyMerge merge = merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        Lead moved = readAll(p -> store.leads().findAll(p), 10).stream()
                .filter(l -> merge.repointed().stream().anyMatch(r -> r.id().equals(l.id().value())))
                .findFirst().orElseThrow();
        store.leads().update(moved.withCompany(Optional.empty(), at(4000)));
        store.companies().update(store.companies().findById(a.id()).orElseThrow().withProfile("Bank",
                CompanySize.LARGE, at(4000)));
        String before = state(List.of(a.id(), b.id()), Set.of());

        List<Violation> reasons = assertInstanceOf(CompanyMergeOutcome.Refused.class,
                merging.unmerge(merge.id())).reasons();

        assertTrue(reasons.stream().anyMatch(v -> v.message().contains("lead " + moved.id())), reasons::toString);
        assertTrue(reasons.stream().anyMatch(v -> v.message().contains("company " + a.id() + " changed")),
                reasons::toString);
        assertEquals(before, state(List.of(a.id(), b.id()), Set.of()));
        assertEquals(Optional.empty(), merging.find(merge.id()).orElseThrow().undoneAt());
        assertRefused(merging.unmerge(new dev.crmkit.core.merge.MergeId(UUID.nameUUIDFromBytes(new byte[] {2}))),
                "merge", "undoable");
    }

    @Test
    void merge_chain_mergedIdsFollowTheLastSurvivorAndUnmergeFollowsBack() {
        Company a = company("Ann", 0);
        Company b = company("Bea", 1);
        Company c = company("Cid", 2);
        merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        CompanyMerge second = merged(merging.merge(List.of(c.id(), a.id()), Optional.of(c.id())));

        assertEquals(c.id(), store.companies().findById(b.id()).orElseThrow().id());
        assertInstanceOf(CompanyMergeOutcome.Unmerged.class, merging.unmerge(second.id()));
        assertEquals(a.id(), store.companies().findById(b.id()).orElseThrow().id());
        assertEquals(2, store.companies().count());
    }

    @Test
    void unmerge_ofEarlierMergeWhileSurvivorMergedAgain_refused() {
        Company a = company("Ann", 0);
        Company b = company("Bea", 1);
        Company c = company("Cid", 2);
        CompanyMerge first = merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        merged(merging.merge(List.of(c.id(), a.id()), Optional.of(c.id())));

        List<Violation> reasons = assertInstanceOf(CompanyMergeOutcome.Refused.class,
                merging.unmerge(first.id())).reasons();
        assertTrue(reasons.stream().anyMatch(v -> v.message().contains("was merged into " + c.id())),
                reasons::toString);
    }

    /** The domain of a merged-away company is free for another company after the merge. */
    @Test
    void merge_mergedAwayDomainIsFree() {
        Company a = company("Ann", 0);
        Company b = company("Bea", 1);
        merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        WebDomain freed = b.webDomain().orElseThrow();
        Company newcomer = store.companies().insertOrGet(fx.company().webDomain(freed).build());
        assertEquals(Optional.of(newcomer), store.companies().findByDomain(freed));
    }
}
