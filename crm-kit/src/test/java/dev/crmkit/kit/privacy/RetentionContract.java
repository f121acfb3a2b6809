package dev.crmkit.kit.privacy;

import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.sequence.Sequence;
import dev.crmkit.campaigns.sequence.SequenceStep;
import dev.crmkit.campaigns.trigger.HostEvent;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UnmergeOutcome;
import dev.crmkit.core.privacy.ConsentChannel;
import dev.crmkit.core.privacy.Anonymized;
import dev.crmkit.core.privacy.RetentionPolicy;
import dev.crmkit.core.privacy.RetentionRun;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.kit.Crmkit;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.CommitmentId;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.equipment.EquipmentStatus;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.request.Priority;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.request.Sla;
import dev.crmkit.service.schedule.PlanTerms;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitId;
import dev.crmkit.service.visit.VisitStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.crmkit.kit.privacy.PersonalDataContract.all;
import static dev.crmkit.kit.privacy.PersonalDataContract.assertAllIn;
import static dev.crmkit.kit.privacy.PersonalDataContract.assertNoneIn;
import static dev.crmkit.kit.privacy.PersonalDataContract.countBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of the retention job on a {@link CrmkitStore}: a generated population of people who never converted
 * (old, disqualified), people the rule must keep (converted, with a deal, resubmitted or talked to recently), closed
 * and open tasks, old and recent timeline entries and audit entries; the job anonymizes or deletes exactly what the
 * policy reaches, leaves no value of the anonymized people in the store ({@link #dump}), keeps the anonymous counts,
 * audits each change without values, is idempotent, has a dry run that changes nothing, and run by two nodes at the
 * same time changes and counts each record once. Subclasses give a fresh store, a second node on it and its dump.
 */
public abstract class RetentionContract {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    /** Recent activity: within three years of {@link #AS_OF}. */
    private static final Instant RECENT = Instant.parse("2029-11-20T10:00:00Z");
    private static final Instant AS_OF = Instant.parse("2030-06-01T00:00:00Z");
    private static final byte[] SALT = "a secret salt of the test, 32 b".getBytes(StandardCharsets.UTF_8);
    private static final UserId REP = UserId.of("rep-anna");
    private static final int OLD = 9;
    private static final RetentionPolicy POLICY = RetentionPolicy.none().withNeverConvertedLeads(Period.ofYears(3))
            .withClosedTasks(Period.ofYears(3)).withTimeline(Period.ofYears(3)).withAuditTrail(Period.ofYears(3));

    private CrmkitStore store;
    private Crmkit then;
    private Crmkit recent;
    private final List<ContactId> old = new ArrayList<>();
    private final List<Lead> oldLeads = new ArrayList<>();
    private final List<String> oldValues = new ArrayList<>();
    private final List<String> keptValues = new ArrayList<>();
    private final List<TaskId> oldClosedTasks = new ArrayList<>();
    private final List<TaskId> keptTasks = new ArrayList<>();
    /** The participants of an old private timeline item: its match keys (V54) name them as well. */
    private final List<String> privateParticipants = List.of("rep-privy", "privy.partner@example.org");
    /** People the lead rule alone would reach who are customers elsewhere: why they stay, by family name. */
    private final Map<String, String> customersElsewhere = new TreeMap<>();

    /** A fresh, empty store. */
    protected abstract CrmkitStore newStore();

    /** Another node on the same data (a second pool on the same database; the same store in memory). */
    protected abstract CrmkitStore secondNode(CrmkitStore store);

    /** Every text the store holds, in every table (or every object, for a store in memory), as one string. */
    protected abstract String dump(CrmkitStore store);

    private Crmkit kit(CrmkitStore on, Instant at, long seed) {
        return Crmkit.builder().store(on).defaultRegion("DE").clock(Clock.fixed(at, ZoneOffset.UTC))
                .ids(IdGenerator.seeded(seed)).suppressionSalt(SALT).build();
    }

    @BeforeEach
    void populate() {
        store = newStore();
        then = kit(store, T0, 57L);
        recent = kit(store, RECENT, 58L);
        for (int i = 0; i < OLD; i++) {
            String family = "Oldname" + (char) ('a' + i) + "ski";
            Lead lead = captured(then, "Vera", family, "vera." + family.toLowerCase(Locale.ROOT) + "@example.org",
                    "asks about " + family + " heating");
            old.add(lead.contactId());
            oldLeads.add(lead);
            oldValues.addAll(List.of(family, "vera." + family.toLowerCase(Locale.ROOT) + "@example.org",
                    "asks about " + family + " heating"));
            if (i % 3 == 1) {
                then.crm().leads().changeStatus(lead.id(), LeadStatus.DISQUALIFIED, "no budget", Optional.of(REP));
            }
            if (i % 3 == 2) {
                then.crm().timeline().log(LogActivity.note(REP, "Rang " + family, "talked about " + family,
                        new RecordRef(RecordType.CONTACT, lead.contactId().value())));
            }
        }
        Lead converted = captured(then, "Keeper", "Converted", "keeper.converted@example.com", "wants a boiler");
        then.crm().leads().changeStatus(converted.id(), LeadStatus.QUALIFIED, "", Optional.of(REP));
        then.crm().leads().changeStatus(converted.id(), LeadStatus.CONVERTED, "", Optional.of(REP));
        Lead withDeal = captured(then, "Keeper", "Dealmaker", "keeper.dealmaker@example.com", "wants two boilers");
        Money money = Money.of(new BigDecimal("900.00"), Currency.getInstance("EUR"));
        store.deals().insert(Deal.builder(new DealId(then.crm().ids().next()), new PipelineId(new UUID(7, 7)),
                "Boilers", "New", T0).parties(Optional.of(REP), Optional.of(withDeal.contactId()), Optional.empty(),
                Optional.of(withDeal.id())).terms(Optional.of(money), Optional.empty(), Optional.empty())
                .source("web").build());
        captured(then, "Keeper", "Returner", "keeper.returner@example.com", "first request");
        captured(recent, "Keeper", "Returner", "keeper.returner@example.com", "second request");
        Lead talked = captured(then, "Keeper", "Talkative", "keeper.talkative@example.com", "wants a quote");
        recent.crm().timeline().log(LogActivity.note(REP, "Met Keeper", "still interested",
                new RecordRef(RecordType.CONTACT, talked.contactId().value())));
        captured(recent, "Keeper", "Newcomer", "keeper.newcomer@example.com", "new this year");
        then.crm().customers().addEmail(withDeal.contactId(), "keeper.dealmaker@example.net", false);
        recent.crm().customers().addEmail(talked.contactId(), "keeper.talkative@example.net", false);
        then.crm().timeline().log(new LogActivity(ActivityType.MEETING, "Private visit", "a private word",
                Direction.OUTBOUND, Optional.of(T0.plusSeconds(7200)), privateParticipants,
                Set.of(new RecordRef(RecordType.CONTACT, talked.contactId().value())), Optional.of(REP),
                Visibility.PRIVATE));
        keptValues.addAll(List.of("Converted", "Dealmaker", "Returner", "Talkative", "Newcomer",
                "keeper.converted@example.com", "keeper.dealmaker@example.com", "keeper.returner@example.com",
                "keeper.talkative@example.com", "keeper.newcomer@example.com", "still interested"));

        customersElsewhere();

        for (int i = 0; i < 4; i++) {
            Task t = then.crm().tasks().create(NewTask.of("Old chore " + i, T0.plusSeconds(3600), REP,
                    Optional.empty()));
            if (i % 2 == 0) {
                then.crm().tasks().complete(t.id());
            } else {
                then.crm().tasks().cancel(t.id());
            }
            oldClosedTasks.add(t.id());
        }
        keptTasks.add(then.crm().tasks().create(NewTask.of("Old but open", T0.plusSeconds(3600), REP,
                Optional.empty())).id());
        Task recentDone = recent.crm().tasks().create(NewTask.of("Recent chore", RECENT.plusSeconds(60), REP,
                Optional.empty()));
        recent.crm().tasks().complete(recentDone.id());
        keptTasks.add(recentDone.id());
        Task promised = then.crm().tasks().create(NewTask.of("Promised visit", T0.plusSeconds(60), REP,
                Optional.empty()));
        then.crm().tasks().complete(promised.id());
        store.commitments().insert(new Commitment(new CommitmentId(then.crm().ids().next()), 0, talked.contactId(),
                "visit", LocalDate.of(2026, 6, 1), REP, T0, Optional.of(promised.id())));
        keptTasks.add(promised.id());
    }

    /**
     * One person per sign of a customer outside leads, deals and the timeline; each captured long ago, never
     * converted, and otherwise quiet, so only that sign keeps them.
     */
    private void customersElsewhere() {
        Address site = new Address("home", "Birkenweg 3", "94481", "Grafenau", "", "DE");
        ContactId equipped = quiet("Equipmentowner", "equipment in service");
        store.installedEquipment().insert(equipment(equipped, site, EquipmentStatus.IN_SERVICE));
        ContactId planned = quiet("Planholder", "an active service plan");
        EquipmentId removed = equipment(planned, site, EquipmentStatus.REMOVED).id();
        store.installedEquipment().insert(equipment(planned, site, EquipmentStatus.REMOVED));
        store.servicePlans().insert(new ServicePlan(new ServicePlanId(then.crm().ids().next()), 0, planned,
                removed, PlanTerms.every(LocalDate.of(2026, 1, 5), Period.ofYears(1)), Optional.empty(),
                Money.of(new BigDecimal("80.00"), Currency.getInstance("EUR")), List.of(), true, T0));
        ContactId requested = quiet("Requester", "a service request resolved recently");
        store.serviceRequests().insert(new ServiceRequest(new ServiceRequestId(then.crm().ids().next()), 0,
                requested, Optional.empty(), "phone", Priority.NORMAL, "boiler noise", new Sla(Duration.ofHours(4),
                Duration.ofDays(2)), T0, Optional.of(T0.plusSeconds(600)), Optional.of(RECENT)));
        ContactId visited = quiet("Visitee", "a visit since the cutoff");
        store.visits().insert(new Visit(new VisitId(then.crm().ids().next()), 0, REP, visited, Optional.empty(),
                Optional.empty(), Optional.empty(), RECENT, RECENT.plusSeconds(3600), VisitStatus.SCHEDULED,
                Optional.empty(), T0));
        ContactId promised = quiet("Promisee", "an open commitment");
        store.commitments().insert(new Commitment(new CommitmentId(then.crm().ids().next()), 0, promised,
                "call back", LocalDate.of(2026, 6, 1), REP, T0, Optional.empty()));
        ContactId consenting = quiet("Consenter", "a consent change since the cutoff");
        recent.crm().consents().record(consenting, ConsentChannel.EMAIL, false, "unsubscribe link");
        Lead tasked = captured(then, "Vera", "Taskholder", "vera.taskholder@example.org", "asks about Taskholder");
        customersElsewhere.put("Taskholder", "an open task about the lead");
        then.crm().tasks().create(NewTask.of("Call Vera back", T0.plusSeconds(3600), REP,
                Optional.of(new RecordRef(RecordType.LEAD, tasked.id().value()))));
        ContactId chored = quiet("Choree", "a task about the contact created since the cutoff");
        Task recentChore = recent.crm().tasks().create(NewTask.of("Send Vera the brochure", RECENT.plusSeconds(60),
                REP, Optional.of(new RecordRef(RecordType.CONTACT, chored.value()))));
        recent.crm().tasks().complete(recentChore.id());
        ContactId evented = quiet("Eventful", "a host campaign event since the cutoff");
        store.campaignStores().events().record("order-" + evented, new HostEvent(evented.toString(), "purchase",
                RECENT, "order 4711"));
        ContactId enrolled = quiet("Enrollee", "an active campaign enrollment");
        store.campaignStores().enrollments().enroll(new Sequence("nurture", List.of(new SequenceStep.Send(
                "nurture-1", MessageKind.MARKETING)), Set.of(), false), enrolled.toString(), T0);
    }

    private ContactId quiet(String family, String why) {
        customersElsewhere.put(family, why);
        return captured(then, "Vera", family, "vera." + family.toLowerCase(Locale.ROOT) + "@example.org",
                "asks about " + family).contactId();
    }

    private Equipment equipment(ContactId customer, Address site, EquipmentStatus status) {
        return new Equipment(new EquipmentId(new UUID(customer.value().getMostSignificantBits(), 1)), 0, customer,
                "Boiler", "SN-9", new Site(site, Optional.of(customer)), LocalDate.of(2026, 1, 5), Optional.empty(),
                Optional.empty(), status, T0);
    }

    private static Lead captured(Crmkit kit, String first, String last, String email, String request) {
        CaptureOutcome outcome = kit.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM).name(first, last)
                .email(email).request(request).build());
        return outcome.lead().orElseThrow(() -> new AssertionError(outcome.toString()));
    }

    /** The anonymous figures metrics rest on (tasks left out: the task rule deletes). */
    private Map<String, Object> counts() {
        Map<String, Object> out = new TreeMap<>();
        out.put("contacts", store.contacts().count());
        out.put("leads", store.leads().count());
        out.put("leadsPerChannel", countBy(all(store.archives().leads()), l -> l.source().channel().name()));
        out.put("leadsPerStatus", countBy(all(store.archives().leads()), l -> l.status().name()));
        out.put("activitiesPerType", countBy(all(store.archives().activities()), a -> a.type().name()));
        out.put("deals", (long) all(store.archives().deals()).size());
        return out;
    }

    /**
     * The dump's lines in text order: what a store holds, not the order an in-memory store's maps happen to walk
     * (a row taken out and put back on rollback comes last there).
     */
    private static List<String> lines(String dump) {
        return dump.lines().sorted().toList();
    }

    private RetentionRun run(RetentionPolicy policy) {
        return kit(store, AS_OF, 59L).crm().retention(policy).run(AS_OF);
    }

    private List<AuditEntry> retentionEntries(ContactId contact) {
        return store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, contact.value()),
                PageRequest.first(100)).items().stream().filter(e -> e.action() == AuditAction.ERASE
                && e.note().contains("retention")).toList();
    }

    @Test
    void beforeTheRun_theDumpHoldsEveryValue_soTheChecksBelowCanFail() {
        String dump = dump(store);
        assertAllIn(dump, oldValues);
        assertAllIn(dump, keptValues);
        assertAllIn(dump, privateParticipants);
    }

    @Test
    void neverConvertedPeople_areAnonymized_byTheErasuresCode_andOnlyThey() {
        Map<String, Object> before = counts();
        long suppressed = store.suppressionList().count();
        RetentionRun result = run(RetentionPolicy.none().withNeverConvertedLeads(Period.ofYears(3)));
        assertEquals(Map.of("contact", (long) OLD, "lead", (long) OLD), result.counts());
        assertFalse(result.dryRun());
        String dump = dump(store);
        assertNoneIn(dump, oldValues);
        assertAllIn(dump, keptValues);
        assertEquals(before, counts(), "anonymous rows stay, so the counts add up");
        for (ContactId c : old) {
            List<AuditEntry> entries = retentionEntries(c);
            assertEquals(1, entries.size(), "one retention entry for " + c);
            assertTrue(entries.get(0).changes().isEmpty());
            assertNoneIn(entries.toString(), oldValues);
        }
        assertEquals(suppressed, store.suppressionList().count(), "retention suppresses nobody");
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, recent.crm().capture().capture(LeadSubmission
                .from(Channel.WEB_FORM).name("Vera", "Oldnameaski").email("vera.oldnameaski@example.org").build()),
                "someone anonymized by retention may come back as a new lead");
    }

    @Test
    void peopleWhoAreCustomersElsewhere_areKept_whateverTheirLeads() {
        assertEquals(10, customersElsewhere.size());
        assertAllIn(dump(store), List.copyOf(customersElsewhere.keySet()));
        RetentionRun result = run(RetentionPolicy.none().withNeverConvertedLeads(Period.ofYears(3)));
        String dump = dump(store);
        customersElsewhere.forEach((family, why) -> assertTrue(dump.contains(family), family + " has " + why
                + ": kept"));
        assertEquals(Map.of("contact", (long) OLD, "lead", (long) OLD), result.counts());
        assertNoneIn(dump, oldValues);
    }

    /**
     * A merged-away lead is no longer its person's lead on any store (the in-memory store removes it, the database
     * keeps its row with contact and status): a person whose only lead was merged into another person's lead has no
     * lead left and stays; a person whose converted lead was merged away and who has an old open lead left never
     * converted as far as their own leads go, and is anonymized.
     */
    @Test
    void mergedAwayLeads_areNoLongerTheirPersons_onEveryStore() {
        Lead survivor = captured(then, "Keeper", "Survivor", "keeper.survivor@example.com", "wants a heat pump");
        recent.crm().timeline().log(LogActivity.note(REP, "Met Survivor", "still keen",
                new RecordRef(RecordType.CONTACT, survivor.contactId().value())));
        Lead only = captured(then, "Vera", "Mergedaway", "vera.mergedaway@example.org", "asks about a heat pump");
        merge(survivor, only);
        Lead converted = captured(then, "Vera", "Convertedaway", "vera.convertedaway@example.org", "wants a boiler");
        then.crm().leads().changeStatus(converted.id(), LeadStatus.QUALIFIED, "", Optional.of(REP));
        then.crm().leads().changeStatus(converted.id(), LeadStatus.CONVERTED, "", Optional.of(REP));
        Lead left = captured(then, "Vera", "Convertedaway", "vera.convertedaway@example.org", "asks again");
        assertEquals(converted.contactId(), left.contactId());
        merge(survivor, converted);

        RetentionRun result = run(RetentionPolicy.none().withNeverConvertedLeads(Period.ofYears(3)));
        assertEquals(List.of(), retentionEntries(only.contactId()), "no lead of their own left: kept");
        assertEquals(1, retentionEntries(converted.contactId()).size(), "their only own lead never converted");
        assertEquals(List.of(), retentionEntries(survivor.contactId()));
        assertEquals(OLD + 1, result.count("contact"), result.toString());
    }

    private void merge(Lead survivor, Lead mergedAway) {
        assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Merged.class, then.crm().leadMerging().merge(
                List.of(survivor.id(), mergedAway.id()), Optional.of(survivor.id())));
    }

    @Test
    void closedTasks_olderThanThePeriod_areDeleted_openRecentAndCommittedOnesStay() {
        RetentionRun result = run(RetentionPolicy.none().withClosedTasks(Period.ofYears(3)));
        assertEquals(Map.of("task", (long) oldClosedTasks.size()), result.counts());
        List<TaskId> left = all(store.archives().tasks()).stream().map(Task::id).toList();
        oldClosedTasks.forEach(t -> assertFalse(left.contains(t), "deleted: " + t));
        keptTasks.forEach(t -> assertTrue(left.contains(t), "kept: " + t));
        long audited = all(store.archives().auditTrail()).stream().filter(e -> e.action() == AuditAction.ERASE
                && e.note().startsWith("retention: task ")).count();
        assertEquals(oldClosedTasks.size(), audited, "each deletion audited");
    }

    /** A closed task a contact merge in force re-pointed stays: unmerge puts it back, so it must still be there. */
    @Test
    void closedTasks_thatAMergeInForceRepointed_stay_soTheMergeCanBeUndone() {
        Lead away = captured(then, "Keeper", "Duplicate", "keeper.duplicate@example.com", "asks twice");
        Lead into = captured(then, "Keeper", "Original", "keeper.original@example.com", "asks once");
        Task chore = then.crm().tasks().create(NewTask.of("Call the duplicate", T0.plusSeconds(3600), REP,
                Optional.of(new RecordRef(RecordType.CONTACT, away.contactId().value()))));
        then.crm().tasks().complete(chore.id());
        MergeOutcome.Merged merged = assertInstanceOf(MergeOutcome.Merged.class, then.crm().merging().merge(
                MergeContacts.into(into.contactId(), List.of(into.contactId(), away.contactId()))));
        assertTrue(merged.merge().repointed().stream().anyMatch(r -> r.kind() == Repointed.Kind.TASK
                && r.id().equals(chore.id().value())), merged.merge().repointed().toString());

        RetentionRun result = run(RetentionPolicy.none().withClosedTasks(Period.ofYears(3)));
        assertEquals(Map.of("task", (long) oldClosedTasks.size()), result.counts());
        assertTrue(store.tasks().findById(chore.id()).isPresent(), "re-pointed by a merge in force: kept");
        assertInstanceOf(UnmergeOutcome.Unmerged.class, then.crm().merging().unmerge(merged.merge().id()));
        assertEquals(Map.of("task", 1L), kit(store, AS_OF, 62L).crm().retention(RetentionPolicy.none()
                .withClosedTasks(Period.ofYears(3))).run(AS_OF).counts(),
                "once the merge is undone the task is an old closed task like any other");
    }

    @Test
    void timeline_olderThanThePeriod_losesItsTexts_keepsItsCounts() {
        Map<String, Object> before = counts();
        RetentionRun result = run(RetentionPolicy.none().withTimeline(Period.ofYears(3)));
        assertTrue(result.count("activity") >= OLD / 3, result.toString());
        assertEquals(before, counts());
        String dump = dump(store);
        assertFalse(dump.contains("talked about Oldname"), "old notes blanked");
        assertNoneIn(dump, privateParticipants);
        assertTrue(dump.contains("still interested"), "recent note kept");
        assertEquals(0, run(RetentionPolicy.none().withTimeline(Period.ofYears(3))).count("activity"),
                "an entry is anonymized once");
    }

    /**
     * An old entry whose subject and body are already blank but that still names who took part holds personal text:
     * its participants go too, on every store (the database's rule once looked at the subject and body only and left
     * them, the in-memory one compares with the anonymized entry).
     */
    @Test
    void timeline_anOldEntryWithOnlyParticipantsLeft_losesThemToo() {
        Lead lead = oldLeads.get(0);
        then.crm().timeline().log(new LogActivity(ActivityType.CALL, Anonymized.ERASED, "", Direction.OUTBOUND,
                Optional.of(T0.plusSeconds(60)), List.of("guest.caller@example.org"),
                Set.of(new RecordRef(RecordType.LEAD, lead.id().value())), Optional.of(REP), Visibility.PUBLIC));
        assertTrue(dump(store).contains("guest.caller@example.org"));
        RetentionRun first = run(RetentionPolicy.none().withTimeline(Period.ofYears(3)));
        assertFalse(dump(store).contains("guest.caller@example.org"), "participants blanked: " + first);
        assertEquals(0, run(RetentionPolicy.none().withTimeline(Period.ofYears(3))).count("activity"),
                "once blank, an entry is not counted again");
    }

    @Test
    void auditTrail_olderThanThePeriod_isRemoved() {
        long old = all(store.archives().auditTrail()).stream().filter(e -> e.at().isBefore(RetentionPolicy
                .cutoff(AS_OF, Period.ofYears(3)))).count();
        assertTrue(old > 0);
        RetentionRun result = run(RetentionPolicy.none().withAuditTrail(Period.ofYears(3)));
        assertEquals(Map.of("audit_entry", old), result.counts());
        List<AuditEntry> left = all(store.archives().auditTrail());
        assertTrue(left.stream().allMatch(e -> !e.at().isBefore(RetentionPolicy.cutoff(AS_OF, Period.ofYears(3)))),
                left.toString());
    }

    @Test
    void aSecondRun_changesNothing() {
        RetentionRun first = run(POLICY);
        assertTrue(first.total() > 0);
        String dump = dump(store);
        RetentionRun second = run(POLICY);
        assertEquals(0, second.total(), second.toString());
        assertEquals(lines(dump), lines(dump(store)));
    }

    @Test
    void dryRun_countsWhatTheRunWillDo_andChangesNothing() {
        String before = dump(store);
        RetentionRun dry = kit(store, AS_OF, 59L).crm().retention(POLICY).dryRun(AS_OF);
        assertTrue(dry.dryRun());
        assertEquals(lines(before), lines(dump(store)), "nothing kept, not even a claim or an audit entry");
        RetentionRun real = run(POLICY);
        assertEquals(dry.counts(), real.counts());
    }

    /**
     * A dry run is read only: while another node holds, in a unit of work it keeps open, the rows of every person the
     * run would anonymize (their contact and their leads) and of every closed task it would delete, the dry run still
     * finishes and counts them (a dry run that ran the job's claiming path waited for the first contact's row), and
     * every table is as it was.
     */
    @Test
    void dryRun_takesNoLock_whileAnotherNodeHoldsTheRowsItCounts() throws Exception {
        CrmkitStore other = secondNode(store);
        org.junit.jupiter.api.Assumptions.assumeTrue(other != store,
                "the in-memory store runs one unit of work at a time: it has no row locks to take");
        RetentionPolicy rule = RetentionPolicy.none().withNeverConvertedLeads(Period.ofYears(3))
                .withClosedTasks(Period.ofYears(3));
        List<TaskId> closed = other.retentionStore().closedTasks(RetentionPolicy.cutoff(AS_OF, Period.ofYears(3)),
                Optional.empty(), 1000);
        assertFalse(closed.isEmpty());
        String before = dump(store);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> holder = pool.submit(() -> other.transactions().inTransaction(() -> {
                for (ContactId person : old) {
                    other.contacts().lockById(person);
                    other.retentionStore().lockLeads(person);
                }
                closed.forEach(other.tasks()::lockById);
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(held.await(20, TimeUnit.SECONDS));
            Future<RetentionRun> dry = pool.submit(() -> kit(store, AS_OF, 59L).crm().retention(rule)
                    .dryRun(AS_OF));
            RetentionRun counted = dry.get(30, TimeUnit.SECONDS); // waits for no row the other node holds
            assertEquals((long) old.size(), counted.count("contact"), counted.toString());
            assertEquals((long) closed.size(), counted.count("task"), counted.toString());
            assertEquals(lines(before), lines(dump(store)), "nothing written, not a claim, not an audit entry");
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);
            assertEquals(counted.counts(), run(rule).counts(), "the dry run counted what the run does");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void twoNodesAtOnce_changeAndCountEachRecordOnce() throws Exception {
        RetentionRun expected = kit(store, AS_OF, 59L).crm().retention(POLICY).dryRun(AS_OF);
        List<CrmkitStore> nodes = List.of(store, secondNode(store));
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<RetentionRun>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Crmkit node = kit(nodes.get(t % 2), AS_OF, 60L + t);
                runs.add(pool.submit(() -> {
                    start.await();
                    return node.crm().retention(POLICY).run(AS_OF);
                }));
            }
            Map<String, Long> sum = new TreeMap<>();
            for (Future<RetentionRun> f : runs) {
                f.get().counts().forEach((k, v) -> sum.merge(k, v, Long::sum));
            }
            Map<String, Long> want = new TreeMap<>(expected.counts());
            assertEquals(want.get("contact"), sum.get("contact"));
            assertEquals(want.get("lead"), sum.get("lead"));
            assertEquals(want.get("task"), sum.get("task"));
            assertEquals(want.get("activity"), sum.get("activity"));
            assertEquals(want.get("audit_entry"), sum.get("audit_entry"));
        } finally {
            pool.shutdownNow();
        }
        for (ContactId c : old) {
            assertEquals(1, retentionEntries(c).size(), "anonymized and audited once: " + c);
        }
        assertNoneIn(dump(store), oldValues);
    }

    /**
     * The re-check of a person runs with their leads held ({@code RetentionStore.lockLeads}): a status change or
     * conversion of one of their leads on another node, which takes no contact lock, waits until retention's unit of
     * work ends instead of slipping in between the re-check and the anonymization.
     */
    @Test
    void whileRetentionHoldsAPersonsLeads_aStatusChangeOnAnotherNodeWaits() throws Exception {
        Lead lead = oldLeads.get(0);
        Crmkit other = kit(secondNode(store), AS_OF, 61L);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> holder = pool.submit(() -> store.transactions().inTransaction(() -> {
                store.retentionStore().lockLeads(lead.contactId());
                held.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(held.await(20, TimeUnit.SECONDS));
            Future<?> change = pool.submit(() -> other.crm().leads().changeStatus(lead.id(), LeadStatus.QUALIFIED,
                    "", Optional.of(REP)));
            assertThrows(TimeoutException.class, () -> change.get(700, TimeUnit.MILLISECONDS),
                    "the status change waits for the held lead");
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);
            change.get(20, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertEquals(LeadStatus.QUALIFIED, store.leads().findById(lead.id()).orElseThrow().status());
    }

    @Test
    void aPolicyWithANonPositivePeriod_isRefusedNamingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetentionPolicy.none().withClosedTasks(Period.ofDays(-1)));
        assertTrue(e.getMessage().startsWith("closedTasks"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.none().withTimeline(Period.ZERO));
    }
}
