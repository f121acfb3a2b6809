package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.CompanyMergeOutcome;
import dev.crmkit.core.merge.LeadField;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.merge.LeadMerging;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.SurvivorRule;
import dev.crmkit.core.merge.UnmergeOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The contract of merging leads and undoing those merges on a real store: the survivor is the one named or the one the
 * rule picks, it keeps its values and takes the first filled value of the others and their external ids, every task
 * and timeline entry about a merged-away lead is re-pointed in one unit of work, merged-away ids resolve to the
 * survivor and leave lists, counts and the open-lead look-ups, refusals store nothing, and an unmerge puts every
 * record back exactly unless something changed since, which it names. An adapter runs it by extending this class.
 */
public abstract class LeadMergeContract {

    protected CrmStore store;
    protected LeadMerging merging;
    private dev.crmkit.core.merge.ContactMerging contactMerging;
    private dev.crmkit.core.merge.CompanyMerging companyMerging;
    protected TestClock clock;
    private Fixtures fx;

    /** An empty store of the adapter under test. */
    protected abstract CrmStore newStore();

    /** How many random groups the property tries; a slow database may ask for fewer. */
    protected int examples() {
        return 20;
    }

    @BeforeEach
    void setUpCrm() {
        start(newStore(), 11);
    }

    private void start(CrmStore fresh, long seed) {
        store = fresh;
        clock = TestClock.at(at(3600), ZoneId.of("UTC"));
        Crm crm = Crm.builder().store(store).clock(clock).ids(IdGenerator.seeded(seed)).defaultRegion("DE").build();
        merging = crm.leadMerging();
        contactMerging = crm.merging();
        companyMerging = crm.companyMerging();
        fx = new Fixtures(seed + 1_000_033L); // not the seed of the ids crmkit makes, or they would collide
    }

    /** A lead stored with {@code tasks} tasks and {@code entries} timeline entries about it. */
    private Lead lead(Fixtures.LeadBuilder builder, int tasks, int entries) {
        Lead l = store.leads().insertOrGet(builder.build());
        for (int i = 0; i < tasks; i++) {
            store.tasks().insert(fx.task().about(ref(l.id())).build());
        }
        for (int i = 0; i < entries; i++) {
            store.activities().append(fx.activity(ref(l.id())).occurredAt(at(60 + i)).build());
        }
        return l;
    }

    private Lead lead(String last, int createdSecond) {
        return lead(fx.lead().name(PersonName.of("Kim", last)).createdAt(at(createdSecond)), 1, 1);
    }

    private static RecordRef ref(LeadId id) {
        return new RecordRef(RecordType.LEAD, id.value());
    }

    private static LeadMerge merged(LeadMergeOutcome outcome) {
        return assertInstanceOf(LeadMergeOutcome.Merged.class, outcome).merge();
    }

    private List<Activity> timeline(LeadId id) {
        return readAll(p -> store.activities().timeline(ref(id), TimelineFilter.everything(), p), 50);
    }

    /**
     * Everything the ports tell about the leads and what refers to them, as text: the list, the count, each lead by
     * id, by its external ids and by its e-mail and phone among open leads, its open tasks and its timeline (without
     * crmkit's own system entries, such as the merge's).
     */
    private String state(List<LeadId> ids) {
        StringBuilder s = new StringBuilder();
        s.append("count=").append(store.leads().count()).append('\n');
        readAll(p -> store.leads().findAll(p), 7).forEach(l -> s.append("all ").append(l).append('\n'));
        for (LeadId id : ids) {
            Optional<Lead> l = store.leads().findById(id);
            s.append(id).append(" -> ").append(l).append('\n');
            l.ifPresent(found -> {
                found.externalIds().forEach(x -> s.append(" x ").append(store.leads().findByExternalId(x)
                        .map(Lead::id)));
                found.email().ifPresent(e -> s.append(" e ").append(store.leads().findOpenByEmail(e).map(Lead::id)));
                found.phone().ifPresent(p -> s.append(" p ").append(store.leads().findOpenByPhone(p).map(Lead::id)));
            });
            s.append("\n tasks ").append(store.tasks().openAbout(ref(id))).append('\n');
            timeline(id).stream().filter(x -> x.type() != ActivityType.SYSTEM)
                    .forEach(x -> s.append(" activity ").append(x).append('\n'));
        }
        return s.toString();
    }

    @Test
    void merge_twoLeads_survivorTakesFilledValuesAndExternalIdsAndEveryRelatedRecordPointsAtIt() {
        EmailAddress awayEmail = EmailAddress.parse("kim.other@example.org");
        Lead a = lead(fx.lead().name(PersonName.of("Kim", "Doe")).noEmail().phone(PhoneNumber.of("+49301234567"))
                .externalIds("form-1").createdAt(at(0)), 1, 1);
        Lead b = lead(fx.lead().name(PersonName.of("Kim", "Doe")).email(awayEmail).companyName("Acme")
                .owner(UserId.of("bob")).externalIds("form-2").createdAt(at(10)), 2, 1);

        LeadMerge merge = merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));

        Lead survivor = store.leads().findById(a.id()).orElseThrow();
        assertAll(
                () -> assertEquals(a.phone(), survivor.phone()),
                () -> assertEquals(Optional.of(awayEmail), survivor.email()),
                () -> assertEquals("Acme", survivor.companyName()),
                () -> assertEquals(Optional.of(UserId.of("bob")), survivor.owner()),
                () -> assertEquals(a.request(), survivor.request()),
                () -> assertEquals(a.contactId(), survivor.contactId()),
                () -> assertEquals(List.of("form-1", "form-2"), survivor.externalIds()),
                () -> assertEquals(2, survivor.submissions()),
                () -> assertEquals(a.version() + 1, survivor.version()),
                () -> assertEquals(Optional.of(survivor), store.leads().findById(b.id())),
                () -> assertEquals(Optional.of(survivor), store.leads().findByExternalId("form-2")),
                () -> assertEquals(Optional.of(survivor.id()), store.leads().findOpenByEmail(awayEmail)
                        .map(Lead::id)),
                () -> assertEquals(1, store.leads().count()),
                () -> assertEquals(List.of(survivor), readAll(p -> store.leads().findAll(p), 10)),
                () -> assertEquals(3, store.tasks().openAbout(ref(a.id())).size()),
                () -> assertEquals(List.of(), store.tasks().openAbout(ref(b.id()))),
                () -> assertEquals(List.of(), timeline(b.id())),
                () -> assertEquals(3, timeline(a.id()).size()),
                () -> assertEquals(merge.activityId(), timeline(a.id()).get(0).id()),
                () -> assertEquals(List.of(b.id()), merge.mergedIds()),
                () -> assertEquals(List.of(b), merge.mergedAway()),
                () -> assertEquals(a, merge.survivorBefore()),
                // b's two tasks and its timeline entry
                () -> assertEquals(3, merge.repointed().size()),
                () -> assertEquals(Optional.of(merge), merging.find(merge.id())));
    }

    /** A lead merged away gives up its open e-mail: a new submission from it finds the survivor, not the old lead. */
    @Test
    void merge_mergedAwayLeadIsNoLongerTheOpenLeadOfItsEmail() {
        EmailAddress shared = EmailAddress.parse("same@example.org");
        Lead older = lead(fx.lead().email(shared).createdAt(at(0)), 0, 0);
        Lead newer = lead(fx.lead().email(shared).createdAt(at(5)), 0, 0);
        assertEquals(Optional.of(newer.id()), store.leads().findOpenByEmail(shared).map(Lead::id));

        merged(merging.merge(List.of(older.id(), newer.id()), Optional.of(older.id())));

        assertEquals(Optional.of(older.id()), store.leads().findOpenByEmail(shared).map(Lead::id));
    }

    @Test
    void merge_noSurvivorNamed_ruleDecides() {
        Lead older = lead("Older", 0);
        Lead fuller = lead(fx.lead().name(PersonName.of("Kim", "Fuller")).companyName("Acme")
                .owner(UserId.of("ann")).createdAt(at(5)), 1, 1);
        Lead third = lead("Third", 9);

        LeadMerge complete = merged(merging.merge(List.of(third.id(), older.id(), fuller.id()), Optional.empty()));
        assertEquals(fuller.id(), complete.survivor());
        assertInstanceOf(LeadMergeOutcome.Unmerged.class, merging.unmerge(complete.id()));
        LeadMerge oldest = merged(merging.merge(List.of(third.id(), fuller.id(), older.id()), Optional.empty(),
                SurvivorRule.OLDEST));
        assertEquals(older.id(), oldest.survivor());
    }

    @Test
    void merge_badRequests_refusedNamingFieldAndRuleAndStoreNothing() {
        Lead a = lead("Ann", 0);
        Lead b = lead("Bea", 1);
        Lead outsider = lead("Cid", 2);
        LeadId unknown = new LeadId(UUID.nameUUIDFromBytes(new byte[] {1}));
        List<LeadId> ids = List.of(a.id(), b.id(), outsider.id());
        String before = state(ids);

        assertRefused(merging.merge(List.of(a.id()), Optional.empty()), "leads", "min-size");
        assertRefused(merging.merge(List.of(a.id(), a.id(), b.id()), Optional.empty()), "leads", "unique");
        assertRefused(merging.merge(List.of(a.id(), unknown), Optional.empty()), "leads", "exists");
        assertRefused(merging.merge(List.of(a.id(), b.id()), Optional.of(outsider.id())), "survivor", "member");
        assertRefused(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id()), SurvivorRule.MOST_COMPLETE,
                Map.of(LeadField.NAME, b.id(), LeadField.EMAIL, outsider.id())), "choices.email", "member");
        assertEquals(before, state(ids));

        merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        assertRefused(merging.merge(List.of(outsider.id(), b.id()), Optional.empty()), "leads", "not-merged");
    }

    @Test
    void merge_fieldsChosenFromTheMergedAwayLead_winOverTheSurvivorsValues_andUnmergeRestoresBoth() {
        EmailAddress awayEmail = EmailAddress.parse("kim.away@example.org");
        Lead a = lead(fx.lead().name(PersonName.of("Kim", "Doe")).email(EmailAddress.parse("kim@example.org"))
                .companyName("Acme").owner(UserId.of("ann")).request("a brochure").externalIds("form-a")
                .createdAt(at(0)), 1, 1);
        Lead b = lead(fx.lead().name(PersonName.of("Kimberly", "Doe")).email(awayEmail).companyName("ACME GmbH")
                .owner(UserId.of("bob")).request("a demo").externalIds("form-b").createdAt(at(10)), 1, 1);
        List<LeadId> ids = List.of(a.id(), b.id());
        String before = state(ids);

        LeadMerge merge = merged(merging.merge(ids, Optional.of(a.id()), SurvivorRule.MOST_COMPLETE,
                Map.of(LeadField.NAME, b.id(), LeadField.EMAIL, b.id(), LeadField.OWNER, b.id())));

        Lead survivor = store.leads().findById(a.id()).orElseThrow();
        assertAll(
                () -> assertEquals(b.name(), survivor.name()),
                () -> assertEquals(Optional.of(awayEmail), survivor.email()),
                () -> assertEquals(Optional.of(UserId.of("bob")), survivor.owner()),
                // not chosen: the survivor's own
                () -> assertEquals("Acme", survivor.companyName()),
                () -> assertEquals("a brochure", survivor.request()),
                () -> assertEquals(Optional.of(survivor.id()), store.leads().findOpenByEmail(awayEmail)
                        .map(Lead::id)),
                () -> assertEquals(List.of("form-a", "form-b"), survivor.externalIds()));

        assertInstanceOf(LeadMergeOutcome.Unmerged.class, merging.unmerge(merge.id()));
        Restored.assertRestored(before, state(ids), Restored.written(merge), clock.instant());
        Restored.assertRestored(List.of(a, b), ids.stream().map(i -> store.leads().findById(i).orElseThrow())
                .toList(), ids, clock.instant());
    }

    private static void assertRefused(LeadMergeOutcome outcome, String field, String rule) {
        List<Violation> reasons = assertInstanceOf(LeadMergeOutcome.Refused.class, outcome).reasons();
        assertTrue(reasons.stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule)),
                () -> "expected " + field + "/" + rule + " among " + reasons);
    }

    @Test
    void unmerge_nothingChangedSince_restoresEveryRecordExactly() {
        Lead a = lead(fx.lead().externalIds("x-a").createdAt(at(0)), 1, 2);
        Lead b = lead(fx.lead().externalIds("x-b", "x-b2").companyName("Acme").createdAt(at(1)), 2, 1);
        Lead c = lead("Cid", 2);
        store.activities().append(fx.activity(ref(b.id()), ref(c.id())).occurredAt(at(90)).build());
        List<LeadId> ids = List.of(a.id(), b.id(), c.id());
        String before = state(ids);

        // the merge and its undo come later: an undo is a change made at its instant, time does not go back
        clock.advance(Duration.ofMinutes(5));
        LeadMerge merge = merged(merging.merge(ids, Optional.of(b.id())));
        clock.advance(Duration.ofMinutes(5));
        LeadMergeOutcome.Unmerged unmerged = assertInstanceOf(LeadMergeOutcome.Unmerged.class,
                merging.unmerge(merge.id()));

        Restored.assertRestored(before, state(ids), Restored.written(merge), clock.instant());
        Restored.assertRestored(List.of(a, b, c), ids.stream().map(i -> store.leads().findById(i).orElseThrow())
                .toList(), ids, clock.instant());
        assertEquals(Optional.of(clock.instant()), merging.find(merge.id()).orElseThrow().undoneAt());
        assertEquals(Optional.of(clock.instant()), unmerged.merge().undoneAt());
        assertRefused(merging.unmerge(merge.id()), "merge", "undoable");
    }

    /**
     * An undo whose clock is behind the leads' time of the last change ({@code crm --as-of} in the past, a node's
     * skew) keeps that time: it writes the later of its instant and the stored time, so time never goes back (review
     * A-L2).
     */
    @Test
    void unmerge_atAnInstantBeforeTheLeadsLastChange_leavesTheirTimeNotEarlier() {
        Lead a = lead(fx.lead().externalIds("x-a").createdAt(at(7200)), 1, 1);
        Lead b = lead(fx.lead().externalIds("x-b").companyName("Acme").createdAt(at(7260)), 1, 1);
        List<LeadId> ids = List.of(a.id(), b.id());
        String before = state(ids);
        LeadMerge merge = merged(merging.merge(ids, Optional.of(a.id())));
        Map<LeadId, Instant> stored = new HashMap<>();
        ids.forEach(id -> store.leads().findById(id).ifPresent(l -> stored.put(id, l.updatedAt())));

        clock.set(at(600)); // the undo's instant before the leads were last changed, and before the merge
        assertInstanceOf(LeadMergeOutcome.Unmerged.class, merging.unmerge(merge.id()));

        for (Lead was : List.of(a, b)) {
            Instant now = store.leads().findById(was.id()).orElseThrow().updatedAt();
            assertFalse(now.isBefore(was.updatedAt()), () -> "lead " + was.id() + " last changed at "
                    + was.updatedAt() + " before the merge, " + now + " after its undo at " + at(600));
            assertFalse(now.isBefore(stored.getOrDefault(was.id(), was.updatedAt())), () -> "lead " + was.id()
                    + " last changed at " + stored.get(was.id()) + " before the undo, " + now + " after it");
        }
        Restored.assertRestored(before, state(ids), Restored.written(merge), at(600));
    }

    @Test
    void unmerge_somethingChangedSince_refusedNamingItAndChangesNothing() {
        Lead a = lead("Ann", 0);
        Lead b = lead("Bea", 1);
        LeadMerge merge = merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        dev.crmkit.core.task.Task moved = store.tasks().openAbout(ref(a.id())).stream()
                .filter(t -> merge.repointed().stream().anyMatch(r -> r.id().equals(t.id().value())))
                .findFirst().orElseThrow();
        store.tasks().update(Fixtures.rescheduled(moved, at(9000)));
        store.leads().update(store.leads().findById(a.id()).orElseThrow().withOwner(Optional.of(UserId.of("eve")),
                at(4000)));
        String before = state(List.of(a.id(), b.id()));

        List<Violation> reasons = assertInstanceOf(LeadMergeOutcome.Refused.class,
                merging.unmerge(merge.id())).reasons();

        assertTrue(reasons.stream().anyMatch(v -> v.message().contains("task " + moved.id())), reasons::toString);
        assertTrue(reasons.stream().anyMatch(v -> v.message().contains("lead " + a.id() + " changed")),
                reasons::toString);
        assertEquals(before, state(List.of(a.id(), b.id())));
        assertEquals(Optional.empty(), merging.find(merge.id()).orElseThrow().undoneAt());
        assertRefused(merging.unmerge(new MergeId(UUID.nameUUIDFromBytes(new byte[] {2}))), "merge", "undoable");
    }

    @Test
    void merge_chain_mergedIdsFollowTheLastSurvivorAndUnmergeFollowsBack() {
        Lead a = lead("Ann", 0);
        Lead b = lead("Bea", 1);
        Lead c = lead("Cid", 2);
        LeadMerge first = merged(merging.merge(List.of(a.id(), b.id()), Optional.of(a.id())));
        LeadMerge second = merged(merging.merge(List.of(c.id(), a.id()), Optional.of(c.id())));

        assertEquals(c.id(), store.leads().findById(b.id()).orElseThrow().id());
        List<Violation> blocked = assertInstanceOf(LeadMergeOutcome.Refused.class, merging.unmerge(first.id()))
                .reasons();
        assertTrue(blocked.stream().anyMatch(v -> v.message().contains("was merged into " + c.id())),
                blocked::toString);
        assertInstanceOf(LeadMergeOutcome.Unmerged.class, merging.unmerge(second.id()));
        assertEquals(a.id(), store.leads().findById(b.id()).orElseThrow().id());
        assertEquals(2, store.leads().count());
    }

    /**
     * An undo writes every record it puts back at a new version, never an old one: a copy of the survivor, of the
     * merged-away lead or of a re-pointed task read before the merge, and one read during it, is refused as stale
     * afterwards, and the refused write changes nothing.
     */
    @Test
    void unmerge_copiesReadBeforeOrDuringTheMerge_areStaleAfterIt_andWriteNothing() {
        Lead a = lead("Ann", 0);
        Lead b = lead("Bea", 1);
        dev.crmkit.core.task.Task bTask = store.tasks().openAbout(ref(b.id())).get(0);
        List<LeadId> ids = List.of(a.id(), b.id());
        LeadMerge merge = merged(merging.merge(ids, Optional.of(a.id())));
        Lead survivorDuring = store.leads().findById(a.id()).orElseThrow();
        dev.crmkit.core.task.Task taskDuring = store.tasks().findById(bTask.id()).orElseThrow();

        assertInstanceOf(LeadMergeOutcome.Unmerged.class, merging.unmerge(merge.id()));

        String after = state(ids);
        for (Lead copy : List.of(a, b, survivorDuring)) {
            assertThrows(StaleVersionException.class, () -> store.leads().update(copy.withOwner(
                    Optional.of(UserId.of("eve")), at(7000))), copy::toString);
        }
        for (dev.crmkit.core.task.Task copy : List.of(bTask, taskDuring)) {
            assertThrows(StaleVersionException.class, () -> store.tasks().update(Fixtures.rescheduled(copy,
                    at(7000))), copy::toString);
        }
        assertEquals(after, state(ids));
    }

    /**
     * A chain across kinds undone newest-first: leads A and B (person Y) merged into B, then Y merged into X, which
     * re-points B; undoing the contact merge puts B back at a new version, and the lead merge, which recorded B at
     * the version the contact merge found, takes it: both undo, and everything is as it was, no version lower.
     */
    @Test
    void unmerge_aLeadMergeThenAContactMergeOfItsSurvivorsPerson_undoNewestFirst() {
        Contact x = store.contacts().insertOrGet(fx.contact().build());
        Contact y = store.contacts().insertOrGet(fx.contact().build());
        Lead a = lead(fx.lead().contactId(y.id()).createdAt(at(0)), 1, 1);
        Lead b = lead(fx.lead().contactId(y.id()).createdAt(at(1)), 1, 1);
        List<LeadId> ids = List.of(a.id(), b.id());
        String before = state(ids);
        LeadMerge leadMerge = merged(merging.merge(ids, Optional.of(b.id())));
        dev.crmkit.core.merge.ContactMerge contactMerge = assertInstanceOf(MergeOutcome.Merged.class,
                contactMerging.merge(MergeContacts.into(x.id(), List.of(x.id(), y.id())))).merge();
        assertEquals(x.id(), store.leads().findById(b.id()).orElseThrow().contactId(), "the survivor re-pointed");

        assertInstanceOf(UnmergeOutcome.Unmerged.class, contactMerging.unmerge(contactMerge.id()));
        LeadMergeOutcome outcome = merging.unmerge(leadMerge.id());

        assertInstanceOf(LeadMergeOutcome.Unmerged.class, outcome, outcome::toString);
        Restored.assertRestored(before, state(ids), Restored.written(leadMerge), clock.instant());
        Restored.assertRestored(List.of(a, b), ids.stream().map(i -> store.leads().findById(i).orElseThrow())
                .toList(), ids, clock.instant());
    }

    /**
     * A merged-away lead stays as its lead merge left it while its person is merged: lead A (person X) merged into B,
     * then X merged into Y, then the lead merge undone (A exactly as before, still X's), then the contact merge undone
     * (X back); every store ends where it began.
     */
    @Test
    void unmerge_afterTheMergedAwayLeadsPersonWasMerged_bothMergesUndoAndRestoreEverything() {
        Contact x = store.contacts().insertOrGet(fx.contact().build());
        Contact y = store.contacts().insertOrGet(fx.contact().build());
        Lead a = lead(fx.lead().contactId(x.id()).createdAt(at(0)), 1, 1);
        Lead b = lead(fx.lead().contactId(y.id()).createdAt(at(1)), 1, 1);
        List<LeadId> ids = List.of(a.id(), b.id());
        String before = state(ids);
        LeadMerge leadMerge = merged(merging.merge(ids, Optional.of(b.id())));
        dev.crmkit.core.merge.ContactMerge contactMerge = assertInstanceOf(MergeOutcome.Merged.class,
                contactMerging.merge(MergeContacts.into(y.id(), List.of(y.id(), x.id())))).merge();

        assertInstanceOf(LeadMergeOutcome.Unmerged.class, merging.unmerge(leadMerge.id()));
        Restored.assertRestored(a, store.leads().findById(a.id()).orElseThrow(), List.of(a.id()), clock.instant());
        assertInstanceOf(UnmergeOutcome.Unmerged.class, contactMerging.unmerge(contactMerge.id()));
        Restored.assertRestored(before, state(ids), Restored.written(leadMerge), clock.instant());
        Restored.assertRestored(x, store.contacts().findById(x.id()).orElseThrow(), List.of(x.id()), clock.instant());
    }

    /** As above with companies: lead A (company K) merged into B, K merged into L, then both merges undone. */
    @Test
    void unmerge_afterTheMergedAwayLeadsCompanyWasMerged_bothMergesUndoAndRestoreEverything() {
        Company k = store.companies().insertOrGet(fx.company().name("Kappa").build());
        Company l = store.companies().insertOrGet(fx.company().name("Lambda").build());
        Lead a = lead(fx.lead().companyId(k.id()).createdAt(at(0)), 1, 1);
        Lead b = lead(fx.lead().companyId(l.id()).createdAt(at(1)), 1, 1);
        List<LeadId> ids = List.of(a.id(), b.id());
        String before = state(ids);
        LeadMerge leadMerge = merged(merging.merge(ids, Optional.of(b.id())));
        dev.crmkit.core.merge.CompanyMerge companyMerge = assertInstanceOf(CompanyMergeOutcome.Merged.class,
                companyMerging.merge(List.of(l.id(), k.id()), Optional.of(l.id()))).merge();

        assertInstanceOf(LeadMergeOutcome.Unmerged.class, merging.unmerge(leadMerge.id()));
        Restored.assertRestored(a, store.leads().findById(a.id()).orElseThrow(), List.of(a.id()), clock.instant());
        assertInstanceOf(CompanyMergeOutcome.Unmerged.class, companyMerging.unmerge(companyMerge.id()));
        Restored.assertRestored(before, state(ids), Restored.written(leadMerge), clock.instant());
        Restored.assertRestored(k, store.companies().findById(k.id()).orElseThrow(), List.of(k.id()), clock.instant());
    }

    /**
     * Properties over seeded random groups of leads with random numbers of tasks and timeline entries: a merge keeps
     * the number of related records (all of them now the survivor's), and unmerge restores the store exactly.
     */
    @Test
    void mergeThenUnmerge_randomGroups_keepsRelatedRecordCountsAndRestoresExactly() {
        qt().withFixedSeed(51L).withExamples(examples())
                .forAll(lists().of(integers().between(0, 3)).ofSizeBetween(2, 4), integers().between(0, 1000))
                .checkAssert((counts, seed) -> {
                    start(newStore(), seed);
                    List<LeadId> ids = new ArrayList<>();
                    int total = 0;
                    for (int i = 0; i < counts.size(); i++) {
                        int n = counts.get(i);
                        Lead l = lead(fx.lead().externalIds("ext-" + i).createdAt(at(i)), n, (n + i) % 3);
                        total += n + (n + i) % 3;
                        ids.add(l.id());
                    }
                    String before = state(ids);
                    LeadId survivor = ids.get(seed % ids.size());

                    LeadMerge merge = merged(merging.merge(ids, Optional.of(survivor)));

                    int related = store.tasks().openAbout(ref(survivor)).size()
                            + (int) timeline(survivor).stream().filter(x -> x.type() != ActivityType.SYSTEM).count();
                    assertEquals(total, related, "related records of " + counts);
                    assertEquals(1, store.leads().count());
                    assertInstanceOf(LeadMergeOutcome.Unmerged.class, merging.unmerge(merge.id()));
                    Restored.assertRestored(before, state(ids), Restored.written(merge), clock.instant());
                });
    }
}
