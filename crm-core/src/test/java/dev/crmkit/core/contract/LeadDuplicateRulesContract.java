package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.duplicate.DuplicateAlert;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.duplicate.Field;
import dev.crmkit.core.duplicate.LeadCandidate;
import dev.crmkit.core.duplicate.SuspectedDuplicates;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate rules for leads at capture ({@link DuplicateRules#withRule(RecordType, DuplicateAction)} with
 * {@link RecordType#LEAD}, per channel) against a real store: allow changes nothing; block refuses naming the stored
 * open leads with scores and reasons, leaves the store exactly as it was and publishes nothing; alert saves the lead,
 * names the candidates in the outcome and on the timeline, and gives the owner a task; a rule for the channel beats
 * the rule for the type; the candidate limit is reported; exact e-mail and phone matches fold as before, a known
 * person's own lead and closed leads are never fuzzy candidates. An adapter runs it by extending this class.
 */
public abstract class LeadDuplicateRulesContract {

    protected static final Instant MONDAY_9_BERLIN = Instant.parse("2026-03-02T08:00:00Z");
    protected static final UserId ANNA = UserId.of("anna.sales");

    protected CrmStore store;
    protected TestClock clock;
    protected Crm crm;
    protected final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private long nextSeed = 1;

    /** An empty store of the adapter under test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        clock = TestClock.at(MONDAY_9_BERLIN, ZoneId.of("Europe/Berlin"));
        crm = crm(DuplicateRules.allowAll());
    }

    /** Another Crm over the same store, clock and event list, with these rules. */
    protected Crm crm(DuplicateRules rules) {
        return Crm.builder().store(store).clock(clock).ids(IdGenerator.seeded(nextSeed++)).defaultRegion("DE")
                .events(events::add).duplicateRules(rules).build();
    }

    private static DuplicateRules leads(DuplicateAction action) {
        return DuplicateRules.allowAll().withRule(RecordType.LEAD, action);
    }

    private static LeadSubmission katherine() {
        return LeadSubmission.from(Channel.WEB_FORM).name("Katherine", "Smith")
                .email("katherine.smith@example.com").phone("030 901820").company("Nordwind Logistik").build();
    }

    /** Kathy Smith: a nickname, another e-mail, a phone one digit apart: no exact match, a fuzzy one. */
    private static LeadSubmission.Builder kathy(Channel channel) {
        return LeadSubmission.from(channel).name("Kathy", "Smith").email("kathy.smith@example.org")
                .phone("030 901821").company("Nordwind Logistik");
    }

    private CaptureOutcome capture(LeadSubmission submission) {
        return crm.capture().capture(submission);
    }

    private Lead captured(LeadSubmission submission) {
        return capture(submission).lead().orElseThrow();
    }

    // -------------------------------------------------------------------------------------------------- allow

    @Test
    void allow_default_capturesAFuzzyDuplicateLeadAndRecordsNothing() {
        Lead first = captured(katherine());
        CaptureOutcome outcome = capture(kathy(Channel.WEB_FORM).owner(ANNA).build());

        Lead second = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, outcome).capturedLead();
        assertNotEquals(first.id(), second.id());
        assertEquals(SuspectedDuplicates.none(), outcome.suspected());
        assertEquals(List.of(), suspectedEntries(ref(second.id())));
        assertEquals(List.of(), duplicateTasks(second.id()));
    }

    // -------------------------------------------------------------------------------------------------- block

    @Test
    void block_refusesNamingTheStoredLeadWithScoreAndReasons_storeUnchanged_nothingPublished() {
        Lead first = captured(katherine());
        crm = crm(leads(DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();

        CaptureOutcome outcome = capture(kathy(Channel.WEB_FORM).owner(ANNA).build());

        CaptureOutcome.Blocked blocked = assertInstanceOf(CaptureOutcome.Blocked.class, outcome, outcome::toString);
        assertEquals(List.of(first.id()), leadIds(blocked.leadCandidates()));
        LeadCandidate candidate = blocked.leadCandidates().get(0);
        assertTrue(candidate.score() >= DuplicateScan.DEFAULT_THRESHOLD, "score " + candidate.score());
        assertTrue(candidate.score() <= 1.0, "score " + candidate.score());
        assertFalse(candidate.reasons().isEmpty());
        assertTrue(candidate.reasons().stream().anyMatch(r -> r.field() == Field.LAST_NAME),
                candidate.reasons()::toString);
        assertEquals(List.of(), blocked.candidates(), "the rule for contacts allows: no contact named");
        assertFalse(blocked.limitReached());
        assertTrue(blocked.reason().contains("lead " + first.id()), blocked.reason());
        assertEquals(new SuspectedDuplicates(List.of(), blocked.leadCandidates(), false), outcome.suspected());
        assertEquals(Optional.empty(), outcome.lead());
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void block_contactAndLeadRulesBoth_nameTheStoredContactAndTheStoredLead() {
        Lead first = captured(katherine());
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK).withRule(RecordType.LEAD, DuplicateAction.BLOCK));
        Snapshot before = snapshot();

        CaptureOutcome.Blocked blocked = assertInstanceOf(CaptureOutcome.Blocked.class,
                capture(kathy(Channel.CALL).build()));

        assertEquals(List.of(first.contactId()), blocked.candidates().stream().map(DuplicateCandidate::contactId)
                .toList());
        assertEquals(List.of(first.id()), leadIds(blocked.leadCandidates()));
        assertTrue(blocked.reason().contains("contact " + first.contactId()), blocked.reason());
        assertEquals(before, snapshot());
    }

    @Test
    void block_unrelatedPersonPasses_andExactEmailOrPhoneStillFoldsIntoTheOpenLead() {
        Lead first = captured(katherine());
        crm = crm(leads(DuplicateAction.BLOCK));

        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Max", "Meyer").email("max.meyer@example.net").phone("040 555123").build()));
        CaptureOutcome.DuplicateFolded byEmail = assertInstanceOf(CaptureOutcome.DuplicateFolded.class,
                capture(katherine()));
        assertEquals(first.id(), byEmail.existingLead().id());
        // Kathy's name and e-mail, Katherine's phone: the exact phone folds it, the fuzzy rule is not asked
        CaptureOutcome.DuplicateFolded byPhone = assertInstanceOf(CaptureOutcome.DuplicateFolded.class,
                capture(kathy(Channel.WEB_FORM).phone("030 901820").build()));
        assertEquals(first.id(), byPhone.existingLead().id());
        assertEquals(3, byPhone.existingLead().submissions());
    }

    @Test
    void block_aKnownPersonsOwnOpenLead_isNoCandidate_forTheirNewLead() {
        Lead first = captured(katherine());
        // Katherine's second address: the submission meets her contact exactly, but not her open lead (other e-mail)
        crm.customers().addEmail(first.contactId(), "k.smith@example.net", false);
        crm = crm(leads(DuplicateAction.BLOCK));

        CaptureOutcome outcome = capture(LeadSubmission.from(Channel.WEB_FORM).name("Katherine", "Smith")
                .email("k.smith@example.net").build());

        CaptureOutcome.NewLeadExistingContact saved = assertInstanceOf(CaptureOutcome.NewLeadExistingContact.class,
                outcome, outcome::toString);
        assertEquals(first.contactId(), saved.contact().id());
        assertEquals(SuspectedDuplicates.none(), saved.suspected());
    }

    @Test
    void block_closedLeadsAreNoCandidates() {
        Lead first = captured(katherine());
        crm.leads().changeStatus(first.id(), LeadStatus.DISQUALIFIED, "no budget", Optional.empty());
        crm = crm(leads(DuplicateAction.BLOCK));

        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, capture(kathy(Channel.WEB_FORM).build()));
    }

    // -------------------------------------------------------------------------------------------------- alert

    @Test
    void alert_savesTheLead_namesTheCandidateInTheOutcomeAndOnBothTimelines_andGivesTheOwnerATask() {
        Lead first = captured(katherine());
        crm = crm(leads(DuplicateAction.ALERT));

        CaptureOutcome outcome = capture(kathy(Channel.WEB_FORM).owner(ANNA).build());

        Lead second = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, outcome).capturedLead();
        assertEquals(Optional.of(second), store.leads().findById(second.id()));
        assertEquals(List.of(first.id()), leadIds(outcome.suspected().leads()));
        assertEquals(List.of(), outcome.suspected().contacts(), "the rule for contacts allows");
        assertFalse(outcome.suspected().limitReached());
        List<Activity> entries = suspectedEntries(ref(second.id()));
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).subject().contains(first.id().toString()), entries.get(0).subject());
        assertTrue(entries.get(0).about().contains(ref(first.id())));
        assertEquals(entries, suspectedEntries(ref(first.id())));
        List<Task> tasks = duplicateTasks(second.id());
        assertEquals(1, tasks.size());
        assertEquals(ANNA, tasks.get(0).assignee());
        assertTrue(events.stream().anyMatch(e -> e instanceof dev.crmkit.core.lead.LeadEvent.LeadCaptured c
                && c.leadId().equals(second.id())), "the lead was captured and published as usual");
    }

    @Test
    void alert_aKnownPersonsNewLead_namesOtherPeoplesOpenLeads() {
        Lead first = captured(katherine());
        Lead closed = captured(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smith")
                .email("kathy.smith@example.org").build());
        crm.leads().changeStatus(closed.id(), LeadStatus.DISQUALIFIED, "no budget", Optional.empty());
        crm = crm(leads(DuplicateAction.ALERT));

        CaptureOutcome outcome = capture(kathy(Channel.EMAIL).build());

        CaptureOutcome.NewLeadExistingContact saved = assertInstanceOf(CaptureOutcome.NewLeadExistingContact.class,
                outcome, outcome::toString);
        assertEquals(closed.contactId(), saved.contact().id());
        assertEquals(List.of(first.id()), leadIds(saved.suspected().leads()));
        assertEquals(1, suspectedEntries(ref(saved.capturedLead().id())).size());
    }

    @Test
    void alert_contactAndLeadRules_theOutcomeNamesBoth() {
        Lead first = captured(katherine());
        crm = crm(DuplicateRules.everywhere(DuplicateAction.ALERT).withRule(RecordType.LEAD, DuplicateAction.ALERT));

        CaptureOutcome.NewLeadNewContact saved = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                capture(kathy(Channel.WEB_FORM).owner(ANNA).build()));

        assertEquals(List.of(first.contactId()), saved.suspected().contacts().stream()
                .map(DuplicateCandidate::contactId).toList());
        assertEquals(List.of(first.id()), leadIds(saved.suspected().leads()));
    }

    // ------------------------------------------------------------------------------------------------ channel

    @Test
    void aRuleForTheChannel_beatsTheRuleForTheType_bothWays() {
        Lead first = captured(katherine());
        crm = crm(leads(DuplicateAction.BLOCK).withRule(RecordType.LEAD, Channel.CALL, DuplicateAction.ALLOW));
        assertInstanceOf(CaptureOutcome.Blocked.class, capture(kathy(Channel.WEB_FORM).build()));
        CaptureOutcome byCall = capture(kathy(Channel.CALL).build());
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, byCall);
        assertEquals(SuspectedDuplicates.none(), byCall.suspected());

        crm = crm(leads(DuplicateAction.ALLOW).withRule(RecordType.LEAD, Channel.EMAIL, DuplicateAction.BLOCK));
        CaptureOutcome.Blocked blocked = assertInstanceOf(CaptureOutcome.Blocked.class,
                capture(LeadSubmission.from(Channel.EMAIL).name("Kathrin", "Smyth").email("kathrin@example.net")
                        .phone("030 901829").company("Nordwind Logistik").build()));
        assertTrue(leadIds(blocked.leadCandidates()).contains(first.id()), blocked::reason);
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Kathrin", "Smyth").email("kathrin@example.net").phone("030 901829")
                .company("Nordwind Logistik").build()));
    }

    @Test
    void rulesForContactsOnly_doNotCheckLeads() {
        captured(katherine());
        crm = crm(DuplicateRules.allowAll().withRule(RecordType.CONTACT, DuplicateAction.ALERT)
                .withRule(RecordType.COMPANY, DuplicateAction.BLOCK));
        CaptureOutcome outcome = capture(kathy(Channel.WEB_FORM).build());
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, outcome);
        assertEquals(List.of(), outcome.suspected().leads());
        assertEquals(1, outcome.suspected().contacts().size());
    }

    // ------------------------------------------------------------------------------------------ candidate limit

    @Test
    void candidateLimit_metIsReported_onBlockAndOnAlert_storeUnchangedOnBlock() {
        for (String email : List.of("kathy1@example.org", "kathy2@example.org", "kathy3@example.org")) {
            captured(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smith").email(email).build());
        }
        crm = crm(leads(DuplicateAction.BLOCK).withThreshold(0.01).withCandidateLimit(2));
        Snapshot before = snapshot();

        CaptureOutcome.Blocked blocked = assertInstanceOf(CaptureOutcome.Blocked.class,
                capture(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smith").email("kathy9@example.org")
                        .build()));

        assertTrue(blocked.limitReached());
        assertEquals(2, blocked.leadCandidates().size());
        assertTrue(blocked.reason().contains("candidate limit reached"), blocked.reason());
        assertEquals(before, snapshot());

        crm = crm(leads(DuplicateAction.ALERT).withThreshold(0.01).withCandidateLimit(10));
        CaptureOutcome all = capture(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smith")
                .email("kathy10@example.org").build());
        assertFalse(all.suspected().limitReached());
        assertEquals(3, all.suspected().leads().size());
        crm = crm(leads(DuplicateAction.ALERT).withThreshold(0.99).withCandidateLimit(2));
        CaptureOutcome bounded = capture(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smith")
                .email("kathy11@example.org").build());
        assertTrue(bounded.suspected().limitReached(), "nothing alike enough, but the bound was met");
    }

    // ---------------------------------------------------------------------------------------------- the port

    @Test
    void findOpenByContacts_onlyOpenLeadsOfThoseContacts_bounded_mergedAwayLeftOut() {
        Lead a1 = captured(katherine());
        Lead a2 = captured(LeadSubmission.from(Channel.CALL).name("Katherine", "Smith")
                .email("katherine.smith@example.com").externalId("second-inquiry").build());
        assertEquals(a1.id(), a2.id(), "folded into the open lead");
        crm.leads().changeStatus(a1.id(), LeadStatus.DISQUALIFIED, "no budget", Optional.empty());
        Lead a3 = captured(katherine()); // her closed lead folds nothing: a new lead of the known contact
        Lead b1 = captured(kathy(Channel.WEB_FORM).build());
        Lead b2 = captured(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smith")
                .email("kathy.smith@example.org").externalId("b2").build());
        assertEquals(b1.id(), b2.id());
        Lead other = captured(LeadSubmission.from(Channel.WEB_FORM).name("Max", "Meyer").email("max@example.net")
                .build());

        assertEquals(List.of(a3.id()), ids(store.leads().findOpenByContacts(List.of(a1.contactId()), 10)));
        assertEquals(java.util.Set.of(a3.id(), b1.id()), java.util.Set.copyOf(ids(store.leads().findOpenByContacts(
                List.of(a1.contactId(), b1.contactId()), 10))));
        assertEquals(1, store.leads().findOpenByContacts(List.of(a1.contactId(), b1.contactId()), 1).size());
        assertEquals(List.of(), store.leads().findOpenByContacts(List.of(), 10));

        // a second open lead of Max, then merged into his first: the merged-away one is no longer found
        crm.customers().addEmail(other.contactId(), "max.meyer@example.org", false);
        Lead second = captured(LeadSubmission.from(Channel.WEB_FORM).name("Max", "Meyer")
                .email("max.meyer@example.org").build());
        assertNotEquals(other.id(), second.id());
        assertEquals(java.util.Set.of(other.id(), second.id()), java.util.Set.copyOf(ids(
                store.leads().findOpenByContacts(List.of(other.contactId()), 10))));
        crm.leadMerging().merge(List.of(other.id(), second.id()), Optional.of(other.id()));
        assertEquals(List.of(other.id()), ids(store.leads().findOpenByContacts(List.of(other.contactId()), 10)));
    }

    private static List<LeadId> ids(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<LeadId> leadIds(List<LeadCandidate> candidates) {
        return candidates.stream().map(LeadCandidate::leadId).toList();
    }

    private static RecordRef ref(LeadId id) {
        return new RecordRef(RecordType.LEAD, id.value());
    }

    private List<Activity> timeline(RecordRef record) {
        return Fixtures.all(page -> crm.timeline().of(record, TimelineFilter.everything(), page));
    }

    private List<Activity> suspectedEntries(RecordRef record) {
        return timeline(record).stream().filter(a -> a.subject().startsWith(DuplicateAlert.SUBJECT)).toList();
    }

    private List<Task> duplicateTasks(LeadId lead) {
        return crm.tasks().openAbout(ref(lead)).stream()
                .filter(t -> t.title().startsWith("Check suspected duplicate lead")).toList();
    }

    /** Everything a capture can change: every record with its version, every timeline, every open task. */
    protected Snapshot snapshot() {
        List<Contact> contacts = Fixtures.all(store.contacts()::findAll);
        List<Lead> leads = Fixtures.all(store.leads()::findAll);
        List<Company> companies = Fixtures.all(store.companies()::findAll);
        Map<RecordRef, List<Activity>> timelines = new HashMap<>();
        Map<RecordRef, List<Task>> openTasks = new HashMap<>();
        for (Contact c : contacts) {
            RecordRef ref = new RecordRef(RecordType.CONTACT, c.id().value());
            timelines.put(ref, timeline(ref));
            openTasks.put(ref, crm.tasks().openAbout(ref));
        }
        companies.forEach(c -> timelines.put(new RecordRef(RecordType.COMPANY, c.id().value()),
                timeline(new RecordRef(RecordType.COMPANY, c.id().value()))));
        for (Lead lead : leads) {
            timelines.put(ref(lead.id()), timeline(ref(lead.id())));
            openTasks.put(ref(lead.id()), crm.tasks().openAbout(ref(lead.id())));
        }
        return new Snapshot(store.contacts().count(), store.leads().count(), store.companies().count(), contacts,
                leads, companies, timelines, openTasks);
    }

    /**
     * What the store held at one moment.
     *
     * @param contacts     how many contacts
     * @param leads        how many leads
     * @param companies    how many companies
     * @param allContacts  every contact
     * @param allLeads     every lead
     * @param allCompanies every company
     * @param timelines    the timeline of every record
     * @param openTasks    the open tasks about every contact and lead
     */
    protected record Snapshot(long contacts, long leads, long companies, List<Contact> allContacts,
                              List<Lead> allLeads, List<Company> allCompanies,
                              Map<RecordRef, List<Activity>> timelines, Map<RecordRef, List<Task>> openTasks) {
    }
}
