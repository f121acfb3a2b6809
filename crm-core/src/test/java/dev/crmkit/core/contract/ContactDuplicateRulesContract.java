package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyEvent;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.customer.CompanyEdit;
import dev.crmkit.core.merge.CompanyMergeOutcome;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customer.ContactEdit;
import dev.crmkit.core.customer.CompanyOutcome;
import dev.crmkit.core.customer.ContactOutcome;
import dev.crmkit.core.customer.NewCompany;
import dev.crmkit.core.duplicate.CompanyCandidate;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.duplicate.ContactDuplicates;
import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.duplicate.DuplicateAlert;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateCheck;
import dev.crmkit.core.duplicate.DuplicateMatcher;
import dev.crmkit.core.duplicate.StoreRecords;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate rules on contacts created and edited by hand ({@link dev.crmkit.core.customer.CustomerBase}) against a
 * real store: allow changes nothing, block refuses naming ids and scores and leaves the store exactly as it was with
 * no event published, alert saves and shows the candidate to the owner; an edit is checked against other contacts
 * only, never itself or contacts merged into it. Companies created and edited by hand likewise, under rules for
 * companies. An adapter runs it by extending this class.
 */
public abstract class ContactDuplicateRulesContract {

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

    private static NewContact person(String first, String last, String email, String phone, Optional<UserId> owner) {
        return new NewContact(first, last, List.of(email), phone.isEmpty() ? List.of() : List.of(phone), "", owner,
                Map.of());
    }

    private static NewContact katherine() {
        return person("Katherine", "Smith", "katherine.smith@example.com", "030 901820", Optional.empty());
    }

    /** Kathy Smith: a nickname, another e-mail, a phone one digit apart: no exact match, a fuzzy one. */
    private static NewContact kathy() {
        return person("Kathy", "Smith", "kathy.smith@example.org", "030 901821", Optional.of(ANNA));
    }

    private Contact created(NewContact command) {
        return assertInstanceOf(ContactOutcome.Saved.class, crm.customers().createContactUnderRules(command)).saved();
    }

    // ------------------------------------------------------------------------------------------------- create

    @Test
    void create_default_allowsAFuzzyDuplicateAndRecordsNothing() {
        Contact first = created(katherine());
        Contact second = created(kathy());
        assertNotEquals(first.id(), second.id());
        assertEquals(List.of(), suspected(second.id()));
        assertEquals(List.of(), crm.tasks().openAbout(ref(second.id())));
    }

    @Test
    void create_block_refusesWithIdsScoresAndReasons_storeUnchanged_nothingPublished() {
        Contact first = created(katherine());
        crm = crm(DuplicateRules.allowAll().withRule(RecordType.CONTACT, DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();

        ContactOutcome outcome = crm.customers().createContactUnderRules(kathy());

        ContactOutcome.Blocked blocked = assertInstanceOf(ContactOutcome.Blocked.class, outcome);
        assertEquals(List.of(first.id()), ids(blocked.candidates()));
        DuplicateCandidate candidate = blocked.candidates().get(0);
        assertTrue(candidate.score() >= DuplicateScan.DEFAULT_THRESHOLD, "score " + candidate.score());
        assertFalse(candidate.reasons().isEmpty());
        assertTrue(blocked.reason().contains(first.id().toString()), blocked.reason());
        assertFalse(blocked.limitReached());
        assertEquals(Optional.empty(), outcome.contact());
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void createContact_underABlockRule_throwsRuleDuplicateNamingTheStoredContact_storeUnchanged() {
        Contact first = created(katherine());
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();

        ValidationException e = assertThrows(ValidationException.class, () -> crm.customers().createContact(kathy()));

        assertEquals("duplicate", e.violations().get(0).rule());
        assertEquals("name", e.violations().get(0).field());
        assertTrue(e.getMessage().contains(first.id().toString()), e.getMessage());
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void create_alert_savesAndShowsTheCandidateToTheOwner() {
        Contact first = created(katherine());
        crm = crm(DuplicateRules.allowAll().withRule(RecordType.CONTACT, DuplicateAction.ALERT));

        ContactOutcome.Alerted alerted = assertInstanceOf(ContactOutcome.Alerted.class,
                crm.customers().createContactUnderRules(kathy()));

        Contact second = alerted.saved();
        assertEquals(Optional.of(second), store.contacts().findById(second.id()));
        assertEquals(List.of(first.id()), ids(alerted.candidates()));
        List<Activity> alerts = suspected(second.id());
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).subject().contains(first.id().toString()), alerts.get(0).subject());
        assertEquals(alerts, suspected(first.id()));
        List<Task> tasks = crm.tasks().openAbout(ref(second.id()));
        assertEquals(1, tasks.size());
        assertEquals(ANNA, tasks.get(0).assignee());
        assertTrue(tasks.get(0).title().startsWith("Check suspected duplicate"), tasks.get(0).title());
    }

    @Test
    void create_ruleForAnotherRecordTypeOrChannelOnly_doesNotApplyByHand() {
        created(katherine());
        crm = crm(DuplicateRules.allowAll().withRule(RecordType.COMPANY, DuplicateAction.BLOCK)
                .withRule(RecordType.CONTACT, dev.crmkit.core.lead.Channel.CALL, DuplicateAction.BLOCK));
        assertInstanceOf(ContactOutcome.Saved.class, crm.customers().createContactUnderRules(kathy()));
    }

    @Test
    void create_unrelatedPersonPassesABlockRule() {
        created(katherine());
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));
        assertInstanceOf(ContactOutcome.Saved.class, crm.customers().createContactUnderRules(
                person("Max", "Smith", "max.smith@example.net", "040 555123", Optional.empty())));
    }

    @Test
    void create_block_differentInitialSameSound_isACandidate_withAndWithoutANicknameLink() {
        Contact kathy = created(person("Kathy", "Smith", "kathy.smith@example.org", "030 901820", Optional.empty()));
        // Karsten and Carsten, Cindy and Sindy: no nickname link in the bundled list, only the sound of the initial
        Contact karsten = created(person("Karsten", "Meyer", "k.meyer@example.org", "040 3344556", Optional.empty()));
        Contact cindy = created(person("Cindy", "Baker", "cindy@example.org", "089 4455667", Optional.empty()));
        assertEquals(List.of(kathy.id()), soundsLike("Cathy", "Smith"));
        assertEquals(List.of(karsten.id()), soundsLike("Carsten", "Meyer"));
        assertEquals(List.of(cindy.id()), soundsLike("Sindy", "Baker"));
        assertEquals(List.of(), soundsLike("Marsten", "Meyer"));
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));
        Snapshot before = snapshot();

        ContactOutcome cathy = crm.customers().createContactUnderRules(
                person("Cathy", "Smith", "c.smith@example.net", "030 901821", Optional.empty()));
        ContactOutcome carsten = crm.customers().createContactUnderRules(
                person("Carsten", "Meyer", "carsten@example.net", "040 3344557", Optional.empty()));

        assertEquals(List.of(kathy.id()),
                ids(assertInstanceOf(ContactOutcome.Blocked.class, cathy, cathy::toString).candidates()));
        assertEquals(List.of(karsten.id()),
                ids(assertInstanceOf(ContactOutcome.Blocked.class, carsten, carsten::toString).candidates()));
        assertEquals(before, snapshot());
    }

    private List<ContactId> soundsLike(String first, String last) {
        return store.contacts().findBySoundOfName(PersonName.of(first, last), 10).stream().map(Contact::id).toList();
    }

    @Test
    void candidateLimit_boundsTheContactsRead_andTheOutcomeSaysItWasReached() {
        for (int i = 0; i < 3; i++) {
            created(person("Kathy", "Smith", "kathy" + i + "@example.org", "", Optional.empty()));
        }
        Contact probe = Contact.create(new ContactId(java.util.UUID.nameUUIDFromBytes(new byte[] {7})),
                PersonName.of("Kathy", "Smith"), List.of(), List.of(), MONDAY_9_BERLIN);
        ContactDuplicates duplicates = new ContactDuplicates(store.contacts(), "DE");
        DuplicateCheck bounded = duplicates.check(probe, 0.01, 2);
        assertEquals(2, bounded.read());
        assertTrue(bounded.limitReached());
        DuplicateCheck all = duplicates.check(probe, 0.01, 10);
        assertEquals(3, all.read());
        assertFalse(all.limitReached());
        assertEquals(3, all.candidates().size());

        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK).withThreshold(0.01).withCandidateLimit(2));
        Snapshot before = snapshot();
        ContactOutcome.Blocked blocked = assertInstanceOf(ContactOutcome.Blocked.class,
                crm.customers().createContactUnderRules(person("Kathy", "Smith", "kathy9@example.org", "",
                        Optional.empty())));
        assertTrue(blocked.limitReached());
        assertEquals(2, blocked.candidates().size());
        assertTrue(blocked.reason().contains("candidate limit reached"), blocked.reason());
        assertEquals(before, snapshot());
    }

    // --------------------------------------------------------------------------------------------------- edit

    /** Kathy Jones with a phone one digit from Katherine Smith's: not like her until she is renamed Smith. */
    private static NewContact kathyJones() {
        return person("Kathy", "Jones", "kathy.jones@example.org", "030 901821", Optional.of(ANNA));
    }

    @Test
    void edit_block_aRenameThatMakesTheContactMatchAnother_isRefused_storeUnchanged_nothingPublished() {
        Contact first = created(katherine());
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));
        Contact jones = assertInstanceOf(ContactOutcome.Saved.class,
                crm.customers().createContactUnderRules(kathyJones())).saved();
        Snapshot before = snapshot();
        events.clear();

        ContactOutcome outcome = crm.customers().editContact(jones.id(), ContactEdit.rename("Kathy", "Smith"));

        ContactOutcome.Blocked blocked = assertInstanceOf(ContactOutcome.Blocked.class, outcome, outcome::toString);
        assertEquals(List.of(first.id()), ids(blocked.candidates()));
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void edit_alert_aRenameThatMakesTheContactMatchAnother_isSavedAndShownToTheOwner() {
        Contact first = created(katherine());
        Contact jones = created(kathyJones());
        crm = crm(DuplicateRules.everywhere(DuplicateAction.ALERT));

        ContactOutcome.Alerted alerted = assertInstanceOf(ContactOutcome.Alerted.class,
                crm.customers().editContact(jones.id(), ContactEdit.rename("Kathy", "Smith")));

        assertEquals("Smith", alerted.saved().name().last());
        assertEquals(jones.version() + 1, alerted.saved().version());
        assertEquals(Optional.of(alerted.saved()), store.contacts().findById(jones.id()));
        assertEquals(List.of(first.id()), ids(alerted.candidates()));
        assertEquals(1, suspected(jones.id()).size());
        assertEquals(1, crm.tasks().openAbout(ref(jones.id())).size());
    }

    @Test
    void addEmail_thatMakesTheContactMatchAnother_isRefusedAsRuleDuplicate_storeUnchanged() {
        Contact first = created(katherine());
        Contact kathy = created(person("Kathy", "Smith", "kathy@home.example", "040 7654321", Optional.empty()));
        String email = "katherine.smith@example.org"; // her local part at another domain, as the primary e-mail
        DuplicateMatcher matcher = DuplicateMatcher.withDefaults().defaultRegion("DE");
        double before = matcher.score(StoreRecords.of(kathy), StoreRecords.of(first)).probability();
        double after = matcher.score(StoreRecords.of(kathy.withEmail(EmailAddress.parse(email), true,
                MONDAY_9_BERLIN)), StoreRecords.of(first)).probability();
        assertTrue(after > before, before + " -> " + after);
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK).withThreshold((before + after) / 2));
        Snapshot snapshot = snapshot();
        events.clear();

        ValidationException e = assertThrows(ValidationException.class,
                () -> crm.customers().addEmail(kathy.id(), email, true));

        assertEquals("duplicate", e.violations().get(0).rule());
        assertTrue(e.getMessage().contains(first.id().toString()), e.getMessage());
        assertEquals(snapshot, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void edit_isNeverCheckedAgainstItself_norRefusedForAMatchThatExistedBefore() {
        Contact first = created(katherine());
        Contact second = created(kathy()); // allowed then: the pair exists
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));

        ContactOutcome own = crm.customers().editContact(first.id(),
                ContactEdit.addEmail("k.smith@work.example").andPhone("030 555000"));
        ContactOutcome pair = crm.customers().editContact(second.id(), ContactEdit.addEmail("kathy@home.example"));

        assertEquals(2, assertInstanceOf(ContactOutcome.Saved.class, own, own::toString).saved().emails().size());
        assertEquals(2, assertInstanceOf(ContactOutcome.Saved.class, pair, pair::toString).saved().emails().size());
    }

    @Test
    void edit_isNeverCheckedAgainstContactsMergedIntoIt_andAMergedAwayIdEditsTheSurvivor() {
        Contact first = created(katherine());
        Contact second = created(kathy());
        assertInstanceOf(MergeOutcome.Merged.class,
                crm.merging().merge(MergeContacts.into(first.id(), List.of(first.id(), second.id()))));
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));

        ContactOutcome outcome = crm.customers().editContact(second.id(), ContactEdit.rename("Kathy", "Smith"));

        Contact saved = assertInstanceOf(ContactOutcome.Saved.class, outcome, outcome::toString).saved();
        assertEquals(first.id(), saved.id());
        assertEquals("Kathy", saved.name().first());
    }

    @Test
    void edit_thatChangesNothing_savesNothing() {
        Contact first = created(katherine());
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();
        ContactOutcome outcome = crm.customers().editContact(first.id(),
                ContactEdit.rename("Katherine", "Smith").andEmail(" Katherine.Smith@Example.com"));
        assertEquals(new ContactOutcome.Saved(first), outcome);
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void edit_badInput_listsEveryProblemByField_storeUnchanged() {
        Contact first = created(katherine());
        Contact other = created(person("Max", "Meyer", "max@example.net", "", Optional.empty()));
        Snapshot before = snapshot();
        ValidationException e = assertThrows(ValidationException.class, () -> crm.customers().editContact(
                other.id(), ContactEdit.addEmail("not an address").andEmail("katherine.smith@example.com")
                        .andPhone("no phone")));
        assertEquals(List.of("addEmails[0]", "addPhones[0]"),
                e.violations().stream().map(v -> v.field()).sorted().toList());
        ValidationException unique = assertThrows(ValidationException.class, () -> crm.customers().editContact(
                other.id(), ContactEdit.addEmail("katherine.smith@example.com")));
        assertEquals("unique", unique.violations().get(0).rule());
        assertTrue(unique.getMessage().contains(first.id().toString()), unique.getMessage());
        assertThrows(ValidationException.class, () -> crm.customers().editContact(
                new ContactId(java.util.UUID.nameUUIDFromBytes(new byte[] {1})), ContactEdit.rename("A", "B")));
        assertEquals(before, snapshot());
    }

    /**
     * Property (seeded): renaming a contact to a name that agrees with no stored contact, with an e-mail no one has,
     * never blocks, and every such edit is stored.
     */
    @Test
    void property_editingAContactToAgreeWithNothing_neverBlocks() {
        Random random = new Random(13);
        List<String> firsts = List.of("Anna", "Ben", "Kathy", "Katherine", "Cathy", "Lara", "Bill", "William");
        List<String> lasts = List.of("Smith", "Smyth", "Meyer", "Maier", "Neumann", "Baker");
        for (int i = 0; i < 12; i++) {
            created(person(firsts.get(random.nextInt(firsts.size())), lasts.get(random.nextInt(lasts.size())),
                    "p" + i + "@example.org", "030 " + (1_000_000 + random.nextInt(8_999_999)), Optional.empty()));
        }
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));
        List<String[]> unlike = new java.util.ArrayList<>(List.of(new String[] {"Xiomara", "Quenby"},
                new String[] {"Ulrich", "Vantongeren"}, new String[] {"Priya", "Okonkwo"},
                new String[] {"Eero", "Saarinen"}, new String[] {"Tadeusz", "Wrzesniewski"},
                new String[] {"Ngozi", "Abernathy"}, new String[] {"Yusuf", "Delacroix"},
                new String[] {"Ingrid", "Fairweather"}));
        java.util.Collections.shuffle(unlike, random);
        List<Contact> all = Fixtures.all(store.contacts()::findAll);
        for (int i = 0; i < unlike.size(); i++) {
            Contact target = all.get(random.nextInt(all.size()));
            String[] name = unlike.get(i);
            ContactOutcome outcome = crm.customers().editContact(target.id(), ContactEdit.rename(name[0], name[1])
                    .andEmail(name[0].toLowerCase(Locale.ROOT) + "." + i + "@nowhere.example"));
            Contact saved = assertInstanceOf(ContactOutcome.Saved.class, outcome, outcome::toString).saved();
            assertEquals(Optional.of(saved), store.contacts().findById(target.id()));
            assertEquals(name[1], saved.name().last());
        }
    }

    // ---------------------------------------------------------------------------------------------- companies

    private Company nordwind() {
        return assertInstanceOf(CompanyOutcome.Saved.class, crm.customers().createCompanyUnderRules(
                NewCompany.of("Nordwind Logistik GmbH", "nordwind-logistik.de"))).saved();
    }

    @Test
    void company_block_sameNameAnotherLegalForm_refusedNamingIt_storeUnchanged_nothingPublished() {
        Company first = nordwind();
        crm = crm(DuplicateRules.allowAll().withRule(RecordType.COMPANY, DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();

        CompanyOutcome outcome = crm.customers().createCompanyUnderRules(NewCompany.of("NORDWIND-Logistik AG", ""));

        CompanyOutcome.Blocked blocked = assertInstanceOf(CompanyOutcome.Blocked.class, outcome, outcome::toString);
        assertEquals(List.of(first.id()), blocked.candidates().stream().map(CompanyCandidate::companyId).toList());
        assertTrue(blocked.candidates().get(0).score() >= DuplicateScan.DEFAULT_THRESHOLD, blocked.reason());
        assertFalse(blocked.candidates().get(0).reasons().isEmpty());
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
        ValidationException e = assertThrows(ValidationException.class,
                () -> crm.customers().createCompany(NewCompany.of("Nordwind Logistik", "")));
        assertEquals("duplicate", e.violations().get(0).rule());
        assertTrue(e.getMessage().contains(first.id().toString()), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void company_alert_savesAndWritesTheEntryOnBothTimelines_otherNamesPass() {
        Company first = nordwind();
        crm = crm(DuplicateRules.allowAll().withRule(RecordType.COMPANY, DuplicateAction.ALERT));

        CompanyOutcome.Alerted alerted = assertInstanceOf(CompanyOutcome.Alerted.class,
                crm.customers().createCompanyUnderRules(NewCompany.of("Nordwind Logistik AG", "")));

        RecordRef second = new RecordRef(RecordType.COMPANY, alerted.saved().id().value());
        RecordRef firstRef = new RecordRef(RecordType.COMPANY, first.id().value());
        List<Activity> entries = timeline(second).stream()
                .filter(a -> a.subject().startsWith(DuplicateAlert.SUBJECT)).toList();
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).subject().contains(first.id().toString()), entries.get(0).subject());
        assertTrue(entries.get(0).about().contains(firstRef));
        assertInstanceOf(CompanyOutcome.Saved.class,
                crm.customers().createCompanyUnderRules(NewCompany.of("Acme Tools GmbH", "")));
    }

    @Test
    void company_contactRulesDoNotApplyToCompanies_default() {
        nordwind();
        crm = crm(DuplicateRules.everywhere(DuplicateAction.BLOCK));
        assertInstanceOf(CompanyOutcome.Saved.class,
                crm.customers().createCompanyUnderRules(NewCompany.of("Nordwind Logistik AG", "")));
    }

    // --------------------------------------------------------------------------------------------- company edits

    private Company company(String name, String domain) {
        return assertInstanceOf(CompanyOutcome.Saved.class,
                crm.customers().createCompanyUnderRules(NewCompany.of(name, domain))).saved();
    }

    private static DuplicateRules companyRule(DuplicateAction action) {
        return DuplicateRules.allowAll().withRule(RecordType.COMPANY, action);
    }

    private static List<CompanyId> companyIds(List<CompanyCandidate> candidates) {
        return candidates.stream().map(CompanyCandidate::companyId).toList();
    }

    private static RecordRef ref(CompanyId id) {
        return new RecordRef(RecordType.COMPANY, id.value());
    }

    private List<Activity> suspected(CompanyId id) {
        return timeline(ref(id)).stream().filter(a -> a.subject().startsWith(DuplicateAlert.SUBJECT)).toList();
    }

    @Test
    void companyEdit_block_aRenameThatMakesTheCompanyMatchAnother_isRefused_storeUnchanged_nothingPublished() {
        Company nordwind = company("Nordwind Logistik GmbH", "nordwind-logistik.de");
        Company acme = company("Acme Tools GmbH", "acme-tools.example");
        crm = crm(companyRule(DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();

        CompanyOutcome outcome = crm.customers().editCompany(acme.id(), CompanyEdit.rename("NORDWIND-Logistik AG"));

        CompanyOutcome.Blocked blocked = assertInstanceOf(CompanyOutcome.Blocked.class, outcome, outcome::toString);
        assertEquals(List.of(nordwind.id()), companyIds(blocked.candidates()));
        assertTrue(blocked.reason().contains(nordwind.id().toString()), blocked.reason());
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void companyEdit_alert_aRenameThatMakesTheCompanyMatchAnother_isSavedWithTheEntryOnBothTimelines() {
        Company nordwind = company("Nordwind Logistik GmbH", "nordwind-logistik.de");
        Company acme = company("Acme Tools GmbH", "");
        crm = crm(companyRule(DuplicateAction.ALERT));
        events.clear();

        CompanyOutcome.Alerted alerted = assertInstanceOf(CompanyOutcome.Alerted.class,
                crm.customers().editCompany(acme.id(), CompanyEdit.rename("Nordwind Logistik AG")));

        assertEquals("Nordwind Logistik AG", alerted.saved().name());
        assertEquals(acme.version() + 1, alerted.saved().version());
        assertEquals(Optional.of(alerted.saved()), store.companies().findById(acme.id()));
        assertEquals(List.of(nordwind.id()), companyIds(alerted.candidates()));
        List<Activity> entries = suspected(acme.id());
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).about().contains(ref(nordwind.id())), entries.get(0).toString());
        assertEquals(1, suspected(nordwind.id()).size());
        assertEquals(List.of(new CompanyEvent.CompanyChanged(acme.id(), acme.version() + 1, MONDAY_9_BERLIN)),
                events.stream().filter(e -> e instanceof CompanyEvent).toList());
        List<AuditEntry> audit = Fixtures.all(p -> store.auditTrail().forRecord(ref(acme.id()), p));
        assertTrue(audit.stream().anyMatch(a -> a.changes().stream().anyMatch(c -> c.field().equals("name")
                && c.after().equals(Optional.of("Nordwind Logistik AG")))), audit.toString());
    }

    @Test
    void companyEdit_allow_default_looksNothingUp_andSaves() {
        company("Nordwind Logistik GmbH", "");
        Company acme = company("Acme Tools GmbH", "");
        CompanyOutcome outcome = crm.customers().editCompany(acme.id(), CompanyEdit.rename("Nordwind Logistik"));
        assertEquals("Nordwind Logistik",
                assertInstanceOf(CompanyOutcome.Saved.class, outcome, outcome::toString).saved().name());
        assertEquals(List.of(), suspected(acme.id()));
    }

    @Test
    void companyEdit_isNeverCheckedAgainstItself_norRefusedForAMatchThatExistedBefore() {
        Company first = company("Nordwind Logistik GmbH", "nordwind-logistik.de");
        Company second = company("Nordwind Logistik AG", ""); // allowed then: the pair exists
        crm = crm(companyRule(DuplicateAction.BLOCK));

        CompanyOutcome own = crm.customers().editCompany(first.id(), CompanyEdit.rename("Nordwind Logistik SE")
                .andWebDomain("nordwind.example"));
        CompanyOutcome pair = crm.customers().editCompany(second.id(), CompanyEdit.webDomain("nordwind-ag.example"));

        assertEquals(Optional.of(WebDomain.parse("nordwind.example")),
                assertInstanceOf(CompanyOutcome.Saved.class, own, own::toString).saved().webDomain());
        assertEquals(Optional.of(WebDomain.parse("nordwind-ag.example")),
                assertInstanceOf(CompanyOutcome.Saved.class, pair, pair::toString).saved().webDomain());
    }

    @Test
    void companyEdit_isNeverCheckedAgainstCompaniesMergedIntoIt_andAMergedAwayIdEditsTheSurvivor() {
        Company first = company("Nordwind Logistik GmbH", "nordwind-logistik.de");
        Company second = company("Nordwind Logistik AG", "");
        assertInstanceOf(CompanyMergeOutcome.Merged.class,
                crm.companyMerging().merge(List.of(first.id(), second.id()), Optional.of(first.id())));
        crm = crm(companyRule(DuplicateAction.BLOCK));

        CompanyOutcome outcome = crm.customers().editCompany(second.id(), CompanyEdit.rename("Nordwind Logistik AG"));

        Company saved = assertInstanceOf(CompanyOutcome.Saved.class, outcome, outcome::toString).saved();
        assertEquals(first.id(), saved.id());
        assertEquals("Nordwind Logistik AG", saved.name());
    }

    @Test
    void companyEdit_thatChangesNothing_savesNothing() {
        Company first = company("Nordwind Logistik GmbH", "nordwind-logistik.de");
        crm = crm(companyRule(DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();
        CompanyOutcome outcome = crm.customers().editCompany(first.id(),
                CompanyEdit.rename(" Nordwind Logistik GmbH ").andWebDomain("https://nordwind-logistik.de/"));
        assertEquals(new CompanyOutcome.Saved(first), outcome);
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void companyEdit_badInput_listsEveryProblemByField_storeUnchanged() {
        Company first = company("Nordwind Logistik GmbH", "nordwind-logistik.de");
        Company other = company("Acme Tools GmbH", "");
        Snapshot before = snapshot();

        ValidationException e = assertThrows(ValidationException.class, () -> crm.customers().editCompany(
                other.id(), new CompanyEdit(Optional.of("  "), Optional.of("x".repeat(201)),
                        Optional.of("not a domain"))));
        assertEquals(List.of("legalName", "name", "webDomain"),
                e.violations().stream().map(v -> v.field()).distinct().sorted().toList());
        ValidationException unique = assertThrows(ValidationException.class,
                () -> crm.customers().editCompany(other.id(), CompanyEdit.webDomain("nordwind-logistik.de")));
        assertEquals("unique", unique.violations().get(0).rule());
        assertTrue(unique.getMessage().contains(first.id().toString()), unique.getMessage());
        ValidationException missing = assertThrows(ValidationException.class, () -> crm.customers().editCompany(
                new CompanyId(java.util.UUID.nameUUIDFromBytes(new byte[] {1})), CompanyEdit.rename("A")));
        assertEquals("companyId", missing.violations().get(0).field());
        assertEquals(before, snapshot());
    }

    @Test
    void companyEdit_removingTheWebDomain_freesIt() {
        Company first = company("Nordwind Logistik GmbH", "nordwind-logistik.de");
        Company saved = assertInstanceOf(CompanyOutcome.Saved.class,
                crm.customers().editCompany(first.id(), CompanyEdit.webDomain(""))).saved();
        assertEquals(Optional.empty(), saved.webDomain());
        assertEquals(Optional.empty(), store.companies().findByDomain(WebDomain.parse("nordwind-logistik.de")));
        assertEquals("Acme", company("Acme", "nordwind-logistik.de").name());
    }

    // ------------------------------------------------------------------------- company typos and acronyms

    /**
     * The rules below are at the default threshold ({@link #companyRule}): the default rules flag a company known by
     * its name alone when another is a typo or an acronym of it. The candidates' scores are at least that threshold.
     */
    private static List<CompanyId> flagged(List<CompanyCandidate> candidates) {
        candidates.forEach(c -> assertTrue(c.score() >= DuplicateScan.DEFAULT_THRESHOLD, c.toString()));
        return companyIds(candidates);
    }

    @Test
    void companyCreate_aTypoThatSoundsAlike_isFoundByTheStoresSoundKey_andBlocked() {
        Company acme = company("Acme Gmbh", "");
        assertEquals(List.of(acme.id()), store.companies().findBySoundOfName("Acmee GmbH", 10).stream()
                .map(Company::id).toList());
        crm = crm(companyRule(DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();

        CompanyOutcome outcome = crm.customers().createCompanyUnderRules(NewCompany.of("Acmee GmbH", ""));

        CompanyOutcome.Blocked blocked = assertInstanceOf(CompanyOutcome.Blocked.class, outcome, outcome::toString);
        assertEquals(List.of(acme.id()), flagged(blocked.candidates()));
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void companyCreate_anAcronymOfAStoredName_andTheNameOfAStoredAcronym_areFound() {
        Company ibm = company("International Business Machines Corp.", "");
        Company dhl = company("DHL", "");
        crm = crm(companyRule(DuplicateAction.ALERT));

        CompanyOutcome.Alerted short_ = assertInstanceOf(CompanyOutcome.Alerted.class,
                crm.customers().createCompanyUnderRules(NewCompany.of("IBM", "")));
        CompanyOutcome.Alerted long_ = assertInstanceOf(CompanyOutcome.Alerted.class,
                crm.customers().createCompanyUnderRules(NewCompany.of("Dalsey Hillblom Lynn", "")));

        assertEquals(List.of(ibm.id()), flagged(short_.candidates()));
        assertEquals(List.of(dhl.id()), flagged(long_.candidates()));
        assertInstanceOf(CompanyOutcome.Saved.class,
                crm.customers().createCompanyUnderRules(NewCompany.of("Zenith Optics", "")));
    }

    @Test
    void companyEdit_aRenameToATypoOfAnother_isFound_butNotToThatOfAMergedAwayCompany() {
        Company acme = company("Acme Gmbh", "");
        Company other = company("Zenith Optics", "");
        Company twin = company("Acme Tools", "");
        assertInstanceOf(CompanyMergeOutcome.Merged.class,
                crm.companyMerging().merge(List.of(acme.id(), twin.id()), Optional.of(acme.id())));
        Company third = company("Borealis", "");
        assertEquals(List.of(), store.companies().findBySoundOfName("Akme Tools", 10),
                "the merged-away twin is not looked up");
        crm = crm(companyRule(DuplicateAction.BLOCK));

        CompanyOutcome renamed = crm.customers().editCompany(other.id(), CompanyEdit.rename("Acmee GmbH"));
        CompanyOutcome unlike = crm.customers().editCompany(third.id(), CompanyEdit.rename("Akme Toolz"));

        assertEquals(List.of(acme.id()), flagged(assertInstanceOf(CompanyOutcome.Blocked.class, renamed,
                renamed::toString).candidates()));
        assertEquals("Akme Toolz", assertInstanceOf(CompanyOutcome.Saved.class, unlike, unlike::toString).saved()
                .name(), "the merged-away twin, whose name sounds alike, is not a candidate");
    }

    @Test
    void companyCreate_umlautsAndConnectorsWrittenOut_areFoundByTheStoresKeys_blockedAndAlerted() {
        Company mueller = company("Müller & Söhne KG", "");
        Company schmidt = company("Schmidt und Partner", "");
        Company meyer = company("Meyer & Söhne GmbH", "");
        // the acronym key "ms" reads Meyer too; the matcher leaves it below the threshold
        assertEquals(java.util.Set.of(mueller.id(), meyer.id()), store.companies()
                .findBySoundOfName("Mueller und Soehne", 10).stream().map(Company::id)
                .collect(java.util.stream.Collectors.toSet()));
        crm = crm(companyRule(DuplicateAction.BLOCK));
        Snapshot before = snapshot();
        events.clear();

        CompanyOutcome blocked = crm.customers().createCompanyUnderRules(NewCompany.of("Mueller und Soehne", ""));

        assertEquals(List.of(mueller.id()), flagged(assertInstanceOf(CompanyOutcome.Blocked.class, blocked,
                blocked::toString).candidates()));
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
        crm = crm(companyRule(DuplicateAction.ALERT));
        CompanyOutcome alerted = crm.customers().createCompanyUnderRules(NewCompany.of("Schmidt & Partner GmbH", ""));
        assertEquals(List.of(schmidt.id()), flagged(assertInstanceOf(CompanyOutcome.Alerted.class, alerted,
                alerted::toString).candidates()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<ContactId> ids(List<DuplicateCandidate> candidates) {
        return candidates.stream().map(DuplicateCandidate::contactId).toList();
    }

    private static RecordRef ref(ContactId id) {
        return new RecordRef(RecordType.CONTACT, id.value());
    }

    private List<Activity> timeline(RecordRef record) {
        return Fixtures.all(page -> crm.timeline().of(record, TimelineFilter.everything(), page));
    }

    private List<Activity> suspected(ContactId id) {
        return timeline(ref(id)).stream().filter(a -> a.subject().startsWith(DuplicateAlert.SUBJECT)).toList();
    }

    /** Everything a contact's creation or edit can change: every record, timeline, open task and audit entry. */
    protected Snapshot snapshot() {
        List<Contact> contacts = Fixtures.all(store.contacts()::findAll);
        Map<RecordRef, List<Activity>> timelines = new HashMap<>();
        Map<RecordRef, List<Task>> openTasks = new HashMap<>();
        Map<RecordRef, List<AuditEntry>> audit = new HashMap<>();
        for (Contact c : contacts) {
            timelines.put(ref(c.id()), timeline(ref(c.id())));
            openTasks.put(ref(c.id()), crm.tasks().openAbout(ref(c.id())));
            audit.put(ref(c.id()), Fixtures.all(page -> store.auditTrail().forRecord(ref(c.id()), page)));
        }
        List<Company> companies = Fixtures.all(store.companies()::findAll);
        for (Company c : companies) {
            RecordRef ref = new RecordRef(RecordType.COMPANY, c.id().value());
            timelines.put(ref, timeline(ref));
        }
        return new Snapshot(store.contacts().count(), contacts, companies,
                Fixtures.all(store.leads()::findAll), timelines, openTasks, audit);
    }

    /**
     * What the store held at one moment.
     *
     * @param contacts  how many contacts
     * @param all       every contact, with its version
     * @param companies every company
     * @param leads     every lead
     * @param timelines the timeline of every contact
     * @param openTasks the open tasks about every contact
     * @param audit     the audit entries of every contact
     */
    protected record Snapshot(long contacts, List<Contact> all, List<Company> companies, List<Lead> leads,
                              Map<RecordRef, List<Activity>> timelines, Map<RecordRef, List<Task>> openTasks,
                              Map<RecordRef, List<AuditEntry>> audit) {
    }
}
