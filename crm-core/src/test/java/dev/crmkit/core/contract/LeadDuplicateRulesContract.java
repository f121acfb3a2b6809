package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.LeadEdit;
import dev.crmkit.core.customer.LeadOutcome;
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

    // ------------------------------------------------------------------------------------ the lead's own name

    @Test
    void block_aLeadWhoseContactWasRenamed_isStillFoundByTheLeadsOwnName() {
        Lead first = captured(katherine());
        crm.customers().editContact(first.contactId(), dev.crmkit.core.customer.ContactEdit.rename("Maria", "Jones"));
        crm = crm(leads(DuplicateAction.BLOCK));
        Snapshot before = snapshot();

        CaptureOutcome outcome = capture(kathy(Channel.WEB_FORM).build());

        CaptureOutcome.Blocked blocked = assertInstanceOf(CaptureOutcome.Blocked.class, outcome, outcome::toString);
        assertEquals(List.of(first.id()), leadIds(blocked.leadCandidates()));
        assertTrue(blocked.leadCandidates().get(0).reasons().stream().anyMatch(r -> r.field() == Field.LAST_NAME));
        assertEquals(before, snapshot());
    }

    @Test
    void alert_aLeadFoundBothWays_isNamedOnce() {
        Lead first = captured(katherine());
        crm = crm(leads(DuplicateAction.ALERT));

        CaptureOutcome outcome = capture(kathy(Channel.WEB_FORM).build());

        assertEquals(List.of(first.id()), leadIds(outcome.suspected().leads()));
    }

    @Test
    void findOpenBySoundOfName_openListedLeadsByTheirOwnName_swappedAndTypo_bounded_inStoredOrder() {
        Lead first = captured(katherine());
        crm.customers().editContact(first.contactId(), dev.crmkit.core.customer.ContactEdit.rename("Maria", "Jones"));
        Lead second = captured(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smyth")
                .email("kathy.smyth@example.org").build());
        Lead closed = captured(LeadSubmission.from(Channel.WEB_FORM).name("Katie", "Smith")
                .email("katie@example.org").build());
        crm.leads().changeStatus(closed.id(), LeadStatus.DISQUALIFIED, "no budget", Optional.empty());
        captured(LeadSubmission.from(Channel.WEB_FORM).name("Max", "Meyer").email("max@example.net").build());

        assertEquals(List.of(first.id(), second.id()), ids(store.leads().findOpenBySoundOfName(
                dev.crmkit.core.contact.PersonName.of("Kate", "Smith"), 10)));
        assertEquals(List.of(first.id(), second.id()), ids(store.leads().findOpenBySoundOfName(
                dev.crmkit.core.contact.PersonName.of("Smith", "Katherine"), 10)), "the swapped name");
        assertEquals(List.of(first.id()), ids(store.leads().findOpenBySoundOfName(
                dev.crmkit.core.contact.PersonName.of("Kate", "Smith"), 1)));
        assertEquals(List.of(), store.leads().findOpenBySoundOfName(
                dev.crmkit.core.contact.PersonName.of("Maria", "Jones"), 10), "the contact's name, not the lead's");
        assertEquals(List.of(), store.leads().findOpenBySoundOfName(
                dev.crmkit.core.contact.PersonName.of("", "Smith"), 10), "a part name has no key");

        // a second open lead of the second person, merged into her first: the merged-away one is no longer found
        crm.customers().addEmail(second.contactId(), "k.smyth@example.net", false);
        Lead again = captured(LeadSubmission.from(Channel.WEB_FORM).name("Cathy", "Smythe")
                .email("k.smyth@example.net").build());
        assertTrue(ids(store.leads().findOpenBySoundOfName(dev.crmkit.core.contact.PersonName.of("Kathy", "Smyth"),
                10)).contains(again.id()), "found by the alike initial");
        crm.leadMerging().merge(List.of(second.id(), again.id()), Optional.of(second.id()));
        assertEquals(List.of(first.id(), second.id()), ids(store.leads().findOpenBySoundOfName(
                dev.crmkit.core.contact.PersonName.of("Kathy", "Smyth"), 10)));
    }

    // ----------------------------------------------------------------------------------------- captureOnce

    @Test
    void captureOnce_replay_returnsTheSameFindings_asTheFirstCall_andWritesNothingMore() {
        Lead first = captured(katherine());
        Lead other = captured(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smith")
                .email("k.smith@example.net").phone("030 901822").company("Nordwind Logistik").build());
        crm = crm(DuplicateRules.everywhere(DuplicateAction.ALERT).withRule(RecordType.LEAD, DuplicateAction.ALERT));
        LeadSubmission kathy = kathy(Channel.WEB_FORM).owner(ANNA).build();

        CaptureOutcome once = crm.capture().captureOnce(kathy);
        assertEquals(java.util.Set.of(first.id(), other.id()), java.util.Set.copyOf(leadIds(once.suspected()
                .leads())));
        assertFalse(once.suspected().contacts().isEmpty());
        Snapshot before = snapshot();

        CaptureOutcome again = crm.capture().captureOnce(kathy);

        assertEquals(once, again, "the same lead, contact and findings, scores and reasons included");
        assertEquals(before, snapshot());
        // a lead captured since is not a finding of the first call
        crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Katharina", "Smith")
                .email("katharina@example.net").build());
        assertEquals(once.suspected(), crm.capture().captureOnce(kathy).suspected());
    }

    @Test
    void captureOnce_replay_ofAKnownPersonsNewLead_andOfNothingFound_keepsItsFindings() {
        Lead first = captured(katherine());
        Lead closed = captured(LeadSubmission.from(Channel.WEB_FORM).name("Kathy", "Smith")
                .email("kathy.smith@example.org").build());
        crm.leads().changeStatus(closed.id(), LeadStatus.DISQUALIFIED, "no budget", Optional.empty());
        crm = crm(leads(DuplicateAction.ALERT).withCandidateLimit(1));
        LeadSubmission known = kathy(Channel.EMAIL).build();

        CaptureOutcome once = crm.capture().captureOnce(known);
        assertInstanceOf(CaptureOutcome.NewLeadExistingContact.class, once, once::toString);
        assertEquals(List.of(first.id()), leadIds(once.suspected().leads()));
        assertTrue(once.suspected().limitReached());
        assertEquals(once, crm.capture().captureOnce(known));

        LeadSubmission nobody = LeadSubmission.from(Channel.WEB_FORM).name("Max", "Meyer").email("max@example.net")
                .build();
        CaptureOutcome alone = crm.capture().captureOnce(nobody);
        assertEquals(SuspectedDuplicates.none(), alone.suspected());
        assertEquals(alone, crm.capture().captureOnce(nobody));
    }

    // ------------------------------------------------------------------------------------------------- edit

    /** Max Meyer's lead, edited into Kathy Smith: no exact match with Katherine's lead, a fuzzy one. */
    private static final LeadEdit INTO_KATHY = LeadEdit.rename("Kathy", "Smith").andEmail("kathy.smith@example.org")
            .andPhone("030 901821").andCompanyName("Nordwind Logistik");

    private Lead max() {
        return captured(LeadSubmission.from(Channel.WEB_FORM).name("Max", "Meyer").email("max.meyer@example.net")
                .phone("040 555123").owner(ANNA).build());
    }

    @Test
    void edit_block_refusesNamingTheStoredLeadWithScoreAndReasons_storeUnchanged_nothingPublished() {
        Lead first = captured(katherine());
        Lead max = max();
        crm = crm(leads(DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();

        LeadOutcome outcome = crm.leadEditing().edit(max.id(), INTO_KATHY);

        LeadOutcome.Blocked blocked = assertInstanceOf(LeadOutcome.Blocked.class, outcome, outcome::toString);
        assertEquals(List.of(first.id()), leadIds(blocked.candidates()));
        assertTrue(blocked.candidates().get(0).score() >= DuplicateScan.DEFAULT_THRESHOLD);
        assertTrue(blocked.candidates().get(0).reasons().stream().anyMatch(r -> r.field() == Field.LAST_NAME));
        assertTrue(blocked.reason().contains("lead " + first.id()), blocked.reason());
        assertEquals(Optional.empty(), outcome.lead());
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
        assertTrue(auditOf(max.id()).isEmpty());
    }

    @Test
    void edit_alert_savesTheEdit_namesTheCandidate_onTheTimelineWithATask_auditsAndPublishes() {
        Lead first = captured(katherine());
        Lead max = max();
        crm = crm(leads(DuplicateAction.ALERT));
        events.clear();

        LeadOutcome outcome = crm.leadEditing().edit(max.id(), INTO_KATHY);

        LeadOutcome.Alerted alerted = assertInstanceOf(LeadOutcome.Alerted.class, outcome, outcome::toString);
        assertEquals(List.of(first.id()), leadIds(alerted.candidates()));
        Lead stored = store.leads().findById(max.id()).orElseThrow();
        assertEquals(stored, alerted.saved());
        assertEquals(max.version() + 1, stored.version());
        assertEquals(dev.crmkit.core.contact.PersonName.of("Kathy", "Smith"), stored.name());
        assertEquals("Nordwind Logistik", stored.companyName());
        assertEquals("kathy.smith@example.org", stored.email().orElseThrow().value());
        assertTrue(ids(store.leads().findOpenBySoundOfName(stored.name(), 10)).contains(max.id()),
                "found by its new name");
        assertEquals(List.of(), ids(store.leads().findOpenBySoundOfName(
                dev.crmkit.core.contact.PersonName.of("Max", "Meyer"), 10)), "no longer by its old one");
        List<Activity> entries = suspectedEntries(ref(max.id()));
        assertEquals(1, entries.size());
        assertEquals(entries, suspectedEntries(ref(first.id())));
        assertEquals(1, duplicateTasks(max.id()).size());
        assertEquals(ANNA, duplicateTasks(max.id()).get(0).assignee());
        assertTrue(timeline(ref(max.id())).stream().anyMatch(a -> a.subject().equals(
                "Lead edited: firstName, lastName, email, phone, companyName")), () -> timeline(ref(max.id()))
                .toString());
        List<dev.crmkit.core.audit.AuditEntry> audit = auditOf(max.id());
        assertEquals(1, audit.size());
        assertEquals(List.of("firstName", "lastName", "email", "phone", "companyName"), audit.get(0).changes()
                .stream().map(dev.crmkit.core.audit.FieldChange::field).toList());
        assertEquals(Optional.of("Max"), audit.get(0).changes().get(0).before());
        assertEquals(List.of(new dev.crmkit.core.lead.LeadEvent.LeadEdited(max.id(), stored.version(),
                List.of("firstName", "lastName", "email", "phone", "companyName"), clock.instant())),
                events.stream().filter(e -> e instanceof dev.crmkit.core.lead.LeadEvent).toList());
    }

    @Test
    void edit_aLeadThatAlreadyLookedAlike_isNotRefusedForIt_andAnEditChangingNothingSavesNothing() {
        captured(katherine());
        Lead kathy = captured(kathy(Channel.WEB_FORM).build()); // captured while the rules allowed it
        crm = crm(leads(DuplicateAction.BLOCK));

        LeadOutcome moved = crm.leadEditing().edit(kathy.id(), LeadEdit.nothing().andCompanyName("Nordwind GmbH"));
        Lead saved = assertInstanceOf(LeadOutcome.Saved.class, moved, moved::toString).saved();
        assertEquals("Nordwind GmbH", saved.companyName());

        Snapshot before = snapshot();
        LeadOutcome same = crm.leadEditing().edit(kathy.id(), LeadEdit.rename("Kathy", "Smith"));
        assertEquals(new LeadOutcome.Saved(saved), same);
        assertEquals(before, snapshot());
    }

    @Test
    void edit_allow_savesWithoutLookingUp() {
        captured(katherine());
        Lead max = max();
        LeadOutcome outcome = crm.leadEditing().edit(max.id(), INTO_KATHY);
        assertInstanceOf(LeadOutcome.Saved.class, outcome, outcome::toString);
        assertEquals(List.of(), suspectedEntries(ref(max.id())));
    }

    @Test
    void edit_badInput_isRefusedNamingFieldAndRule_andChangesNothing() {
        Lead max = max();
        crm = crm(leads(DuplicateAction.BLOCK));
        Snapshot before = snapshot();

        assertRefused("email", "format", () -> crm.leadEditing().edit(max.id(), LeadEdit.nothing()
                .andEmail("not an address")));
        assertRefused("email", "required", () -> crm.leadEditing().edit(max.id(), LeadEdit.nothing()
                .andEmail("").andPhone("")));
        assertRefused("leadId", "exists", () -> crm.leadEditing().edit(new LeadId(java.util.UUID.randomUUID()),
                LeadEdit.rename("A", "B")));
        assertRefused("firstName", "size", () -> crm.leadEditing().edit(max.id(),
                LeadEdit.rename("x".repeat(201), "B")));
        assertEquals(before, snapshot());
        // the e-mail alone may go: the phone is left
        Lead phoneOnly = crm.leadEditing().edit(max.id(), LeadEdit.nothing().andEmail("")).lead().orElseThrow();
        assertEquals(Optional.empty(), phoneOnly.email());
    }

    @Test
    void edit_throughAView_needsEdit_andRefusesAFieldTheRoleMayOnlyRead() {
        Lead first = captured(katherine());
        Lead own = captured(LeadSubmission.from(Channel.WEB_FORM).name("Max", "Meyer").email("max.meyer@example.net")
                .owner(UserId.of("ben")).build());
        store.transactions().run(() -> {
            store.accessDirectory().save(dev.crmkit.core.access.Role.builder("rep", "Rep")
                    .scope(RecordType.LEAD, dev.crmkit.core.access.Scope.OWN,
                            dev.crmkit.core.access.Permission.VIEW, dev.crmkit.core.access.Permission.EDIT)
                    .field(RecordType.LEAD, "email", dev.crmkit.core.access.FieldAccess.READ).build());
            store.accessDirectory().save(new dev.crmkit.core.access.User(UserId.of("ben"), "Ben", Optional.empty(),
                    Optional.empty(), dev.crmkit.core.access.RoleId.of("rep")));
        });
        crm = crm(leads(DuplicateAction.BLOCK));
        dev.crmkit.core.ScopedCrm ben = crm.as(dev.crmkit.core.access.Actor.user("ben"));
        Snapshot before = snapshot();

        dev.crmkit.core.access.Guarded<LeadOutcome> email = ben.editLead(own.id(),
                LeadEdit.nothing().andEmail("ben@example.org"));
        assertFalse(email.allowed());
        assertTrue(email.decision().explain().contains("lead.email"), email.decision().explain());
        dev.crmkit.core.access.Guarded<LeadOutcome> other = ben.editLead(first.id(), LeadEdit.rename("A", "B"));
        assertFalse(other.allowed(), "not his lead");
        dev.crmkit.core.access.Guarded<LeadOutcome> blocked = ben.editLead(own.id(), LeadEdit.rename("Kathy",
                "Smith").andCompanyName("Nordwind Logistik"));
        assertTrue(blocked.allowed(), blocked.toString());
        LeadOutcome.Blocked refused = assertInstanceOf(LeadOutcome.Blocked.class, blocked.value().orElseThrow());
        assertEquals(List.of(first.id()), leadIds(refused.candidates()));
        assertEquals(List.of(), refused.candidates().get(0).reasons(), "a lead ben may not view: id and score only");
        assertEquals(before, snapshot());

        dev.crmkit.core.access.Guarded<LeadOutcome> renamed = ben.editLead(own.id(), LeadEdit.rename("Maximilian",
                "Meyer"));
        assertEquals("Maximilian", renamed.value().orElseThrow().lead().orElseThrow().name().first());
    }

    @Test
    void edit_throughAView_leavesOutTheReasonsQuotingALeadFieldTheRoleHides_onAlertAndBlock() {
        Lead first = captured(katherine());
        Lead own = captured(LeadSubmission.from(Channel.WEB_FORM).name("Max", "Meyer").email("max.meyer@example.net")
                .company("Nordwind Logistik").owner(UserId.of("ben")).build());
        store.transactions().run(() -> {
            store.accessDirectory().save(dev.crmkit.core.access.Role.builder("rep", "Rep")
                    .everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                    .field(RecordType.LEAD, "companyName", dev.crmkit.core.access.FieldAccess.HIDDEN).build());
            store.accessDirectory().save(new dev.crmkit.core.access.User(UserId.of("ben"), "Ben", Optional.empty(),
                    Optional.empty(), dev.crmkit.core.access.RoleId.of("rep")));
        });
        // someone who sees the company name is shown the reason on it (a block: nothing is saved)
        crm = crm(leads(DuplicateAction.BLOCK));
        LeadOutcome system = crm.as(dev.crmkit.core.access.Actor.system("test")).editLead(own.id(),
                LeadEdit.rename("Kathy", "Smith")).value().orElseThrow();
        assertTrue(assertInstanceOf(LeadOutcome.Blocked.class, system, system::toString).candidates().get(0)
                .reasons().stream().anyMatch(r -> r.field() == Field.COMPANY_NAME), system::toString);
        for (DuplicateAction action : List.of(DuplicateAction.BLOCK, DuplicateAction.ALERT)) {
            crm = crm(leads(action));
            LeadOutcome outcome = crm.as(dev.crmkit.core.access.Actor.user("ben")).editLead(own.id(),
                    LeadEdit.rename("Kathy", "Smith")).value().orElseThrow();
            List<dev.crmkit.core.duplicate.LeadCandidate> candidates = outcome instanceof LeadOutcome.Alerted a
                    ? a.candidates() : assertInstanceOf(LeadOutcome.Blocked.class, outcome, outcome::toString)
                    .candidates();
            assertEquals(List.of(first.id()), leadIds(candidates), action.toString());
            List<dev.crmkit.core.duplicate.Reason> reasons = candidates.get(0).reasons();
            assertTrue(reasons.stream().anyMatch(r -> r.field() == Field.LAST_NAME), action + ": " + reasons);
            assertTrue(reasons.stream().noneMatch(r -> r.field() == Field.COMPANY_NAME), action + ": " + reasons);
            assertFalse(reasons.toString().toLowerCase(java.util.Locale.ROOT).contains("nordwind"),
                    action + ": " + reasons);
        }
    }

    private static void assertRefused(String field, String rule, org.junit.jupiter.api.function.Executable call) {
        dev.crmkit.core.kernel.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.crmkit.core.kernel.ValidationException.class, call);
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule)),
                e.violations()::toString);
    }

    private List<dev.crmkit.core.audit.AuditEntry> auditOf(LeadId lead) {
        return store.auditTrail().forRecord(ref(lead), dev.crmkit.core.kernel.PageRequest.first(50)).items();
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
