package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityEvent;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome.AlreadyCaptured;
import dev.crmkit.core.capture.CaptureOutcome.DuplicateFolded;
import dev.crmkit.core.capture.CaptureOutcome.NewLeadExistingContact;
import dev.crmkit.core.capture.CaptureOutcome.NewLeadNewContact;
import dev.crmkit.core.capture.CaptureOutcome.Rejected;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyEvent;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactEvent;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.LeadStatusChange;
import dev.crmkit.core.task.Agenda;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskChange;
import dev.crmkit.core.task.TaskEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The behaviour of lead capture against a real store: normalization, de-duplication, companies, follow-up tasks,
 * rejections that leave the store as it was, and de-duplication under concurrent capture. An adapter runs it by
 * extending this class and returning an empty store from {@link #newStore()}.
 */
public abstract class LeadCaptureContract {

    /** Monday 2 March 2026, 09:00 in Berlin. */
    protected static final Instant MONDAY_9_BERLIN = Instant.parse("2026-03-02T08:00:00Z");
    protected static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    protected static final UserId ANNA = UserId.of("anna.sales");
    protected static final UserId BEN = UserId.of("ben.sales");

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
        clock = TestClock.at(MONDAY_9_BERLIN, BERLIN);
        crm = crm(b -> b);
    }

    /** Another Crm over the same store, clock and event list, with its own id sequence and extra settings. */
    protected Crm crm(UnaryOperator<Crm.Builder> settings) {
        return settings.apply(Crm.builder()
                .store(store)
                .clock(clock)
                .ids(IdGenerator.seeded(nextSeed++))
                .defaultRegion("DE")
                .events(events::add)).build();
    }

    // ---------------------------------------------------------------------------------------------- a new person

    @Test
    void capture_newPerson_createsLeadAndContactWithNormalizedValues() {
        CaptureOutcome outcome = capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("  Jane ", "  Doe\t")
                .email("  Jane.Doe@GMAIL.com ")
                .phone("030 1234567")
                .request("  Quote for 3 trucks  ")
                .build());

        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, outcome, outcome::toString);
        Contact contact = created.contact();
        Lead lead = created.capturedLead();
        assertAll(
                () -> assertEquals("Jane", contact.name().first()),
                () -> assertEquals("Doe", contact.name().last()),
                () -> assertEquals(List.of(new EmailAddress("jane.doe@gmail.com")), contact.emails()),
                () -> assertEquals(List.of(PhoneNumber.of("+49301234567")), contact.phones()),
                () -> assertEquals(1, contact.version()),
                () -> assertEquals(LeadStatus.NEW, lead.status()),
                () -> assertEquals(contact.id(), lead.contactId()),
                () -> assertEquals(1, lead.submissions()),
                () -> assertEquals(Channel.WEB_FORM, lead.source().channel()),
                () -> assertEquals("Quote for 3 trucks", lead.request()),
                () -> assertEquals(Optional.of(new EmailAddress("jane.doe@gmail.com")), lead.email()),
                () -> assertEquals(Optional.of(PhoneNumber.of("+49301234567")), lead.phone()),
                () -> assertEquals(MONDAY_9_BERLIN, lead.createdAt()),
                () -> assertEquals(Optional.of(contact), store.contacts().findById(contact.id())),
                () -> assertEquals(Optional.of(lead), store.leads().findById(lead.id())),
                () -> assertEquals(1, store.contacts().count()),
                () -> assertEquals(1, store.leads().count()));
    }

    @Test
    void capture_newPerson_publishesLeadCapturedContactCreatedAndActivityLogged() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.LANDING_PAGE).build()));
        ContactId contactId = created.contact().id();
        RecordRef leadRef = ref(created.capturedLead());

        LeadEvent.LeadCaptured captured = single(LeadEvent.LeadCaptured.class);
        ContactEvent.ContactCreated contactCreated = single(ContactEvent.ContactCreated.class);
        ActivityEvent.ActivityLogged logged = single(ActivityEvent.ActivityLogged.class);
        assertAll(
                () -> assertEquals(created.capturedLead().id(), captured.leadId()),
                () -> assertEquals(contactId, captured.contactId()),
                () -> assertTrue(captured.contactCreated()),
                () -> assertEquals(Channel.LANDING_PAGE, captured.channel()),
                () -> assertEquals(MONDAY_9_BERLIN, captured.occurredAt()),
                () -> assertEquals(contactId, contactCreated.contactId()),
                () -> assertTrue(contactCreated.automatic(), "lead capture creates contacts automatically"),
                () -> assertTrue(logged.about().contains(leadRef)),
                () -> assertTrue(logged.about().contains(ref(contactId))),
                () -> assertEquals(Set.of(LeadEvent.LeadCaptured.class, ContactEvent.ContactCreated.class,
                        ActivityEvent.ActivityLogged.class), eventTypes(),
                        "a new person without company or owner publishes exactly these events"));
    }

    @Test
    void capture_newPerson_recordsTheCaptureOnTheTimelinesOfLeadAndContact() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).request("Quote for 3 trucks").build()));

        List<Activity> ofContact = timeline(ref(created.contact().id()));
        List<Activity> ofLead = timeline(ref(created.capturedLead()));
        assertEquals(List.of("Lead captured via web form"), subjects(ofContact));
        assertEquals(ofContact, ofLead);
        assertTrue(ofContact.get(0).body().contains("Quote for 3 trucks"), ofContact.get(0).body());
    }

    // ------------------------------------------------------------------------------------------------ repeats

    @Test
    void capture_sameEmailOtherSpellingWhileLeadOpen_foldsIntoTheOpenLead() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).email("jane.doe@gmail.com").build()));
        clock.advance(Duration.ofHours(2));

        CaptureOutcome outcome = capture(LeadSubmission.from(Channel.CHAT).email("  JANE.Doe@Gmail.COM ").build());

        DuplicateFolded folded = assertInstanceOf(DuplicateFolded.class, outcome, outcome::toString);
        assertAll(
                () -> assertEquals(first.capturedLead().id(), folded.existingLead().id()),
                () -> assertEquals(first.contact().id(), folded.contact().id()),
                () -> assertEquals(2, folded.existingLead().submissions()),
                () -> assertEquals(2, store.leads().findById(first.capturedLead().id()).orElseThrow().submissions()),
                () -> assertEquals(1, store.contacts().count()),
                () -> assertEquals(1, store.leads().count()));
    }

    @Test
    void capture_repeat_fillsEmptyFieldsAndKeepsExistingValues() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission
                .from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@gmail.com")
                .request("Quote for 3 trucks").build()));
        clock.advance(Duration.ofHours(1));

        DuplicateFolded folded = assertInstanceOf(DuplicateFolded.class, capture(LeadSubmission.from(Channel.CHAT)
                .name("Janet", "Doe-Smith").email("Jane.Doe@gmail.com").phone("+49 30 1234567")
                .company("Nordwind Logistik").request("Please call me back").language("de").build()));

        Lead lead = store.leads().findById(first.capturedLead().id()).orElseThrow();
        Contact contact = store.contacts().findById(first.contact().id()).orElseThrow();
        assertAll(
                () -> assertEquals(lead, folded.existingLead()),
                () -> assertEquals("Jane Doe", lead.name().full(), "the name first given stays"),
                () -> assertEquals("Quote for 3 trucks", lead.request(), "the request first given stays"),
                () -> assertEquals(Optional.of(PhoneNumber.of("+49301234567")), lead.phone(), "an empty phone fills"),
                () -> assertEquals("Nordwind Logistik", lead.companyName(), "an empty company name fills"),
                () -> assertEquals(Channel.WEB_FORM, lead.source().channel(), "the source is the first channel"),
                () -> assertEquals("Jane Doe", contact.name().full(), "the contact's name stays"),
                () -> assertEquals(List.of(new EmailAddress("jane.doe@gmail.com")), contact.emails()),
                () -> assertEquals(List.of(PhoneNumber.of("+49301234567")), contact.phones(),
                        "the contact gains the phone it had none of"),
                () -> assertEquals(Optional.of(Locale.GERMAN), contact.language(), "the contact gains a language"),
                () -> assertEquals(folded.contact(), contact));
    }

    @Test
    void capture_repeat_recordsRepeatSubmissionOnTheTimelineNewestFirst() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class, capture(jane(Channel.WEB_FORM).build()));
        clock.advance(Duration.ofMinutes(30));
        events.clear();

        capture(jane(Channel.CHAT).request("Are you open on Saturdays?").build());

        List<Activity> entries = timeline(ref(first.contact().id()));
        assertEquals(List.of("Repeat submission via chat (2 in all)", "Lead captured via web form"), subjects(entries));
        assertTrue(entries.get(0).body().contains("Are you open on Saturdays?"), entries.get(0).body());
        assertEquals(entries, timeline(ref(first.capturedLead())));
        LeadEvent.DuplicateSubmissionFolded event = single(LeadEvent.DuplicateSubmissionFolded.class);
        assertEquals(first.capturedLead().id(), event.leadId());
        assertEquals(Channel.CHAT, event.channel());
        assertEquals(2, event.submissions());
        assertEquals(List.of(), eventsOf(LeadEvent.LeadCaptured.class), "a repeat captures no new lead");
        assertEquals(List.of(), eventsOf(ContactEvent.ContactCreated.class), "a repeat creates no contact");
    }

    @Test
    void capture_samePhoneOnly_foldsIntoTheOpenLead() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission
                .from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@gmail.com").phone("030 1234567").build()));
        clock.advance(Duration.ofMinutes(5));

        CaptureOutcome byPhone = capture(LeadSubmission.from(Channel.CALL).phone("+49 (0)30 123 45 67").build());
        clock.advance(Duration.ofMinutes(5));
        CaptureOutcome otherEmailSamePhone = capture(LeadSubmission.from(Channel.EMAIL)
                .email("jane@nordwind-logistik.de").phone("0049 30 1234567").build());

        DuplicateFolded second = assertInstanceOf(DuplicateFolded.class, byPhone, byPhone::toString);
        DuplicateFolded third = assertInstanceOf(DuplicateFolded.class, otherEmailSamePhone,
                otherEmailSamePhone::toString);
        assertEquals(first.capturedLead().id(), second.existingLead().id());
        assertEquals(first.capturedLead().id(), third.existingLead().id());
        assertEquals(3, third.existingLead().submissions());
        assertEquals(1, store.contacts().count());
        assertEquals(1, store.leads().count());
    }

    @Test
    void capture_knownContactWithoutOpenLead_createsNewLeadForTheExistingContact() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class, capture(jane(Channel.WEB_FORM).build()));
        clock.advance(Duration.ofDays(1));
        assertInstanceOf(LeadStatusChange.Changed.class, crm.leads().changeStatus(first.capturedLead().id(),
                LeadStatus.DISQUALIFIED, "no budget this year", Optional.of(ANNA)));
        clock.advance(Duration.ofDays(30));
        events.clear();

        CaptureOutcome outcome = capture(jane(Channel.REFERRAL).email("JANE.DOE@gmail.com").build());

        NewLeadExistingContact again = assertInstanceOf(NewLeadExistingContact.class, outcome, outcome::toString);
        assertAll(
                () -> assertEquals(first.contact().id(), again.contact().id()),
                () -> assertNotEquals(first.capturedLead().id(), again.capturedLead().id()),
                () -> assertEquals(LeadStatus.NEW, again.capturedLead().status()),
                () -> assertEquals(Channel.REFERRAL, again.capturedLead().source().channel()),
                () -> assertEquals(1, again.capturedLead().submissions()),
                () -> assertEquals(LeadStatus.DISQUALIFIED,
                        store.leads().findById(first.capturedLead().id()).orElseThrow().status()),
                () -> assertEquals(1, store.contacts().count()),
                () -> assertEquals(2, store.leads().count()),
                () -> assertFalse(single(LeadEvent.LeadCaptured.class).contactCreated()),
                () -> assertEquals(List.of(), eventsOf(ContactEvent.ContactCreated.class)));
    }

    // --------------------------------------------------------------------------------------------- idempotency

    @Test
    void capture_sameSubmissionTwiceUnderItsExternalId_isAlreadyCapturedAndChangesNothing() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).externalId("form-4711").owner(ANNA).company("Nordwind").build()));
        clock.advance(Duration.ofMinutes(1));
        Snapshot before = snapshot();
        events.clear();

        CaptureOutcome replay = capture(LeadSubmission.from(Channel.WEB_FORM).name(" Jane", "Doe ")
                .email(" Jane.Doe@GMAIL.com").externalId("  form-4711 ").owner(ANNA).company(" Nordwind ").build());

        AlreadyCaptured already = assertInstanceOf(AlreadyCaptured.class, replay, replay::toString);
        assertEquals(first.capturedLead().id(), already.existingLead().id());
        assertEquals(before, snapshot(), "a replayed submission changes nothing: counts, records, versions");
        assertEquals(List.of(), events, "a replayed submission publishes nothing");
    }

    @Test
    void capture_repeatsOwnExternalIdReplayed_isAlreadyCaptured() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).externalId("form-1").build()));
        clock.advance(Duration.ofHours(1));
        DuplicateFolded repeat = assertInstanceOf(DuplicateFolded.class,
                capture(jane(Channel.CHAT).externalId("chat-7").build()));
        assertEquals(List.of("form-1", "chat-7"), repeat.existingLead().externalIds());
        clock.advance(Duration.ofHours(1));
        Snapshot before = snapshot();
        events.clear();

        CaptureOutcome replay = capture(jane(Channel.CHAT).externalId("chat-7").build());

        AlreadyCaptured already = assertInstanceOf(AlreadyCaptured.class, replay, replay::toString);
        assertEquals(first.capturedLead().id(), already.existingLead().id());
        assertEquals(2, store.leads().findById(first.capturedLead().id()).orElseThrow().submissions());
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    // ----------------------------------------------------------------------------------------------- companies

    @Test
    void capture_nonPublicEmailDomain_createsCompanyNamedAfterTheDomain() {
        CaptureOutcome outcome = capture(LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe")
                .email("Jane.Doe@Nordwind-Logistik.de").build());

        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, outcome, outcome::toString);
        Company company = created.company().orElseThrow(() -> new AssertionError("no company from the domain"));
        assertAll(
                () -> assertEquals("Nordwind-logistik", company.name()),
                () -> assertEquals(Optional.of(WebDomain.parse("nordwind-logistik.de")), company.webDomain()),
                () -> assertEquals(Optional.of(company), store.companies().findById(company.id())),
                () -> assertEquals(Optional.of(company.id()), created.capturedLead().companyId()),
                () -> assertEquals(1, store.companies().count()),
                () -> assertTrue(single(CompanyEvent.CompanyCreated.class).automatic()));
    }

    @Test
    void capture_colleagueFromTheSameDomain_findsTheCompanyByDomain() {
        NewLeadNewContact jane = assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission
                .from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@nordwind-logistik.de").build()));
        clock.advance(Duration.ofDays(2));
        events.clear();

        NewLeadNewContact bob = assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission
                .from(Channel.EMAIL).name("Bob", "Stein").email("B.Stein@NORDWIND-LOGISTIK.DE").build()));

        CompanyId companyId = jane.company().orElseThrow().id();
        assertEquals(Optional.of(companyId), bob.company().map(Company::id));
        assertEquals(Optional.of(companyId), bob.capturedLead().companyId());
        assertEquals(1, store.companies().count());
        assertEquals(List.of(), eventsOf(CompanyEvent.CompanyCreated.class));
        assertEquals(List.of(jane.contact().id(), bob.contact().id()),
                crm.customers().contactsOf(companyId, PageRequest.first(10)).items().stream().map(Contact::id)
                        .toList());
    }

    @Test
    void capture_companyName_createsCompanyFoundAgainByItsNameKey() {
        NewLeadNewContact jane = assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission
                .from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@gmail.com").company("  ACME   GmbH ")
                .build()));
        clock.advance(Duration.ofHours(3));

        NewLeadNewContact bob = assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission
                .from(Channel.WEB_FORM).name("Bob", "Stein").email("bob.stein@web.de").company("Acme").build()));

        Company company = jane.company().orElseThrow(() -> new AssertionError("no company from the name"));
        assertEquals("ACME GmbH", company.name());
        assertEquals(Optional.empty(), company.webDomain(), "a free mail domain is no company's domain");
        assertEquals(Optional.of(company.id()), bob.company().map(Company::id));
        assertEquals(1, store.companies().count());
    }

    @Test
    void capture_publicEmailWithoutCompanyName_createsNoCompany() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(LeadSubmission.from(Channel.WEB_FORM).email("jane.doe@GMAIL.com").build()));

        assertEquals(Optional.empty(), created.company());
        assertEquals(Optional.empty(), created.capturedLead().companyId());
        assertEquals(List.of(), created.contact().affiliations());
        assertEquals(0, store.companies().count());
    }

    @Test
    void capture_withCompany_affiliatesTheContactAsEmployee() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission
                .from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@nordwind-logistik.de").build()));

        CompanyId companyId = created.company().orElseThrow().id();
        Contact stored = store.contacts().findById(created.contact().id()).orElseThrow();
        assertEquals(stored, created.contact());
        assertEquals(Optional.of(Set.of(CompanyRole.EMPLOYEE)),
                stored.affiliationWith(companyId).map(a -> a.roles()));
        ContactEvent.ContactAffiliated affiliated = single(ContactEvent.ContactAffiliated.class);
        assertEquals(companyId, affiliated.companyId());
        assertEquals(Set.of(CompanyRole.EMPLOYEE), affiliated.roles());
    }

    @Test
    void capture_repeatNamingACompany_linksTheOpenLeadAndContactToIt() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission
                .from(Channel.CHAT).name("Jane", "Doe").email("jane.doe@gmail.com").build()));
        assertEquals(Optional.empty(), first.capturedLead().companyId());
        clock.advance(Duration.ofHours(1));

        DuplicateFolded repeat = assertInstanceOf(DuplicateFolded.class, capture(LeadSubmission
                .from(Channel.WEB_FORM).email(" JANE.DOE@gmail.com").company("Nordwind Logistik GmbH").build()));

        Company company = store.companies().findByName("Nordwind Logistik").orElseThrow(
                () -> new AssertionError("the repeat's company was not created"));
        assertEquals(Optional.of(company.id()), repeat.existingLead().companyId());
        assertEquals(Optional.of(repeat.existingLead()), store.leads().findById(first.capturedLead().id()));
        assertEquals(Optional.of(Set.of(CompanyRole.EMPLOYEE)),
                store.contacts().findById(first.contact().id()).orElseThrow().affiliationWith(company.id())
                        .map(a -> a.roles()));
        assertEquals(1, store.contacts().count());
    }

    // ---------------------------------------------------------------------------------------------- rejections

    @Test
    void capture_invalidEmail_isRejectedNamingEmailAndFormat() {
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(jane(Channel.WEB_FORM).email("jane.doe@").phone("").build());
        assertViolations(rejected, "email/format");
    }

    @Test
    void capture_unparseablePhone_isRejectedNamingPhoneAndFormat() {
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(LeadSubmission.from(Channel.CALL).phone("12-ab").build());
        assertViolations(rejected, "phone/format");
    }

    @Test
    void capture_invalidEmailAndInvalidPhone_listsBothViolations() {
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(LeadSubmission.from(Channel.WEB_FORM).name("Eve", "Bad")
                .email("a b@c.de").phone("+49 30 1").build());
        assertViolations(rejected, "email/format", "phone/format");
        assertTrue(rejected.reason().contains("email") && rejected.reason().contains("phone"), rejected.reason());
    }

    @Test
    void capture_neitherEmailNorPhone_isRejected() {
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(LeadSubmission.from(Channel.WEB_FORM).name("Eve", "Bad")
                .email("   ").phone("\t").company("Nordwind").build());
        assertViolations(rejected, "email/email-or-phone-required");
    }

    @Test
    void capture_overlongName_isRejectedNamingTheField() {
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(LeadSubmission.from(Channel.WEB_FORM)
                .name("J".repeat(201), "Doe").email("jane.doe@gmail.com").build());
        assertEquals(1, rejected.violations().size(), rejected.reason());
        Violation v = rejected.violations().get(0);
        assertEquals("firstName", v.field());
        assertTrue(Set.of("size", "max-length").contains(v.rule()), v.toString());
    }

    /** Every violation, also when one of them is found by the edge validation of the submission's sizes. */
    @Test
    void capture_overlongNameWithInvalidEmailAndPhone_listsEveryViolation() {
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(LeadSubmission.from(Channel.WEB_FORM)
                .name("J".repeat(201), "Doe").email("jane.doe@").phone("12-ab").build());
        Map<String, String> ruleByField = rejected.violations().stream()
                .collect(Collectors.toMap(Violation::field, Violation::rule, (a, b) -> a + "," + b, TreeMap::new));
        assertEquals(Set.of("firstName", "email", "phone"), ruleByField.keySet(), rejected.reason());
        assertEquals("format", ruleByField.get("email"));
        assertEquals("format", ruleByField.get("phone"));
    }

    @Test
    void capture_invalidLanguageTag_isRejected() {
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(jane(Channel.WEB_FORM).language("deutsch!").build());
        assertViolations(rejected, "language/pattern");
    }

    /** The channel is an enum: an unknown channel cannot reach capture, it fails where text becomes a channel. */
    @Test
    void capture_unknownChannel_cannotBeExpressed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Channel.parse("fax"));
        assertTrue(e.getMessage().contains("web form"), e.getMessage());
        assertEquals(Channel.WEB_FORM, Channel.parse(" Web-Form "));
        assertThrows(NullPointerException.class, () -> LeadSubmission.from(null));
    }

    @Test
    void capture_unknownCustomFieldKey_isRejected() {
        defineLeadFields();
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(jane(Channel.WEB_FORM).customField("shoe_size", "42")
                .build());
        assertViolations(rejected, "customFields.shoe_size/unknown-field");
    }

    @Test
    void capture_badCustomValues_areRejectedWithEveryFieldAndRule() {
        defineLeadFields();
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(jane(Channel.WEB_FORM)
                .customField("budget", "abc").customField("fleet_size", "twelve").customField("shoe_size", "42")
                .email("jane@").build());
        assertViolations(rejected, "customFields.budget/type", "customFields.fleet_size/type",
                "customFields.shoe_size/unknown-field", "email/format");
    }

    @Test
    void capture_overlongCustomValue_namesTheCustomField() {
        defineLeadFields();
        knownPerson();
        Rejected rejected = assertRejectedChangingNothing(jane(Channel.WEB_FORM)
                .customField("notes", "x".repeat(10_001)).build());
        assertEquals(List.of("customFields.notes"), rejected.violations().stream().map(Violation::field).toList(),
                rejected.reason());
    }

    @Test
    void capture_validCustomValues_areStoredOnTheLead() {
        defineLeadFields();
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, capture(jane(Channel.WEB_FORM)
                .customField("budget", "EUR 25000.00").customField("fleet_size", "12").build()));

        Lead lead = store.leads().findById(created.capturedLead().id()).orElseThrow();
        assertEquals(Optional.of(new FieldValue.Amount(Money.of("25000.00", "EUR"))),
                lead.customFields().get("budget"));
        assertEquals(Optional.of(new FieldValue.Number(new BigDecimal("12"))),
                lead.customFields().get("fleet_size"));
    }

    // ------------------------------------------------------------------------------------------ follow-up tasks

    @Test
    void capture_withOwner_createsFollowUpTaskDueWithinTheSettings() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).owner(ANNA).build()));

        List<Task> open = crm.tasks().openAbout(ref(created.capturedLead()));
        assertEquals(1, open.size(), open::toString);
        Task task = open.get(0);
        assertAll(
                () -> assertEquals(ANNA, task.assignee()),
                () -> assertEquals(MONDAY_9_BERLIN.plus(Duration.ofHours(24)), task.due()),
                () -> assertTrue(task.title().contains("Jane Doe"), task.title()),
                () -> assertEquals(Optional.of(ref(created.capturedLead())), task.relatedTo()),
                () -> assertEquals(Optional.of(ANNA), created.capturedLead().owner()),
                () -> assertEquals(Optional.of(ANNA), created.contact().owner()),
                () -> assertEquals(task.id(), single(TaskEvent.TaskCreated.class).taskId()));
        Agenda agenda = crm.tasks().agenda(ANNA, BERLIN);
        assertEquals(List.of(task.id()), agenda.tomorrow().stream().map(Task::id).toList());
    }

    @Test
    void capture_withoutOwner_createsNoFollowUpTask() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, capture(jane(Channel.WEB_FORM).build()));

        assertEquals(List.of(), crm.tasks().openAbout(ref(created.capturedLead())));
        assertEquals(List.of(), eventsOf(TaskEvent.TaskCreated.class));
    }

    @Test
    void capture_followUpWithinZero_createsNoFollowUpTask() {
        Crm noFollowUps = crm(b -> b.followUpWithin(Duration.ZERO));

        CaptureOutcome outcome = noFollowUps.capture().capture(jane(Channel.WEB_FORM).owner(ANNA).build());

        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, outcome, outcome::toString);
        assertEquals(List.of(), crm.tasks().openAbout(ref(created.capturedLead())));
        assertEquals(List.of(), eventsOf(TaskEvent.TaskCreated.class));
        assertEquals(new Agenda(List.of(), List.of(), List.of(), List.of()), crm.tasks().agenda(ANNA, BERLIN));
    }

    @Test
    void capture_repeatWhileFollowUpIsOpen_createsNoSecondTask() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).owner(ANNA).build()));
        clock.advance(Duration.ofHours(3));
        events.clear();

        assertInstanceOf(DuplicateFolded.class, capture(jane(Channel.CHAT).owner(ANNA).build()));

        assertEquals(1, crm.tasks().openAbout(ref(created.capturedLead())).size());
        assertEquals(List.of(), eventsOf(TaskEvent.TaskCreated.class));
        Agenda agenda = crm.tasks().agenda(ANNA, BERLIN);
        assertEquals(1, agenda.today().size() + agenda.tomorrow().size() + agenda.thisWeek().size(), agenda::toString);
    }

    @Test
    void capture_repeatAfterFollowUpWasDone_createsAnotherFollowUp() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).owner(ANNA).build()));
        Task first = crm.tasks().openAbout(ref(created.capturedLead())).get(0);
        clock.advance(Duration.ofHours(3));
        assertInstanceOf(TaskChange.Changed.class, crm.tasks().complete(first.id()));
        clock.advance(Duration.ofDays(2));

        assertInstanceOf(DuplicateFolded.class, capture(jane(Channel.CHAT).build()));

        List<Task> open = crm.tasks().openAbout(ref(created.capturedLead()));
        assertEquals(1, open.size(), open::toString);
        assertNotEquals(first.id(), open.get(0).id());
        assertEquals(clock.instant().plus(Duration.ofHours(24)), open.get(0).due());
    }

    @Test
    void capture_repeatGivesAnOwnerToAnUnownedLead_createsFollowUpForThatOwner() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, capture(jane(Channel.WEB_FORM).build()));
        clock.advance(Duration.ofHours(1));

        DuplicateFolded folded = assertInstanceOf(DuplicateFolded.class,
                capture(jane(Channel.CALL).owner(BEN).build()));

        assertEquals(Optional.of(BEN), folded.existingLead().owner());
        List<Task> open = crm.tasks().openAbout(ref(created.capturedLead()));
        assertEquals(List.of(BEN), open.stream().map(Task::assignee).toList());
    }

    // ---------------------------------------------------------------------------------- consent and language

    @Test
    void capture_marketingConsentTicked_grantsConsentWithTimeAndChannel() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.LANDING_PAGE).marketingConsent(true).build()));

        MarketingConsent consent = store.contacts().findById(created.contact().id()).orElseThrow().consent();
        assertEquals(MarketingConsent.Status.GRANTED, consent.status());
        assertEquals(Optional.of(MONDAY_9_BERLIN), consent.since());
        assertEquals("landing page", consent.source());
    }

    @Test
    void capture_marketingConsentNotTicked_leavesConsentUnknown() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).marketingConsent(false).build()));

        assertEquals(MarketingConsent.unknown(),
                store.contacts().findById(created.contact().id()).orElseThrow().consent());
    }

    @Test
    void capture_language_setsTheContactsLanguage() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).language("pt-BR").build()));

        assertEquals(Optional.of(Locale.forLanguageTag("pt-BR")),
                store.contacts().findById(created.contact().id()).orElseThrow().language());
    }

    @Test
    void capture_repeatWithOtherLanguage_keepsTheLanguageFirstGiven() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(jane(Channel.WEB_FORM).language("de").build()));
        clock.advance(Duration.ofHours(1));

        capture(jane(Channel.CHAT).language("en").build());

        assertEquals(Optional.of(Locale.GERMAN),
                store.contacts().findById(created.contact().id()).orElseThrow().language());
    }

    // ----------------------------------------------------------------------------------------------- properties

    @Test
    void capture_samePersonTwiceInAnySpelling_neverCreatesTwoContacts() {
        AtomicInteger people = new AtomicInteger(100_000);
        qt().withExamples(200).forAll(
                        longs().all(),
                        arbitrary().enumValues(Channel.class),
                        arbitrary().enumValues(Channel.class),
                        integers().between(0, 2))
                .checkAssert((spellingSeed, firstChannel, secondChannel, carries) -> {
                    Person person = Person.number(people.incrementAndGet());
                    Random spelling = new Random(spellingSeed);
                    LeadSubmission first = person.spelled(firstChannel, spelling, true, true);
                    LeadSubmission second = person.spelled(secondChannel, spelling, carries != 1, carries != 0);
                    long contactsBefore = store.contacts().count();

                    CaptureOutcome a = capture(first);
                    CaptureOutcome b = capture(second);

                    String story = first + "\nthen " + second + "\ngave " + a + "\nthen " + b;
                    NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, a, story);
                    DuplicateFolded folded = assertInstanceOf(DuplicateFolded.class, b, story);
                    assertEquals(contactsBefore + 1, store.contacts().count(), story);
                    assertEquals(created.contact().id(), folded.contact().id(), story);
                    assertEquals(created.capturedLead().id(), folded.existingLead().id(), story);
                    assertEquals(2, folded.existingLead().submissions(), story);
                    assertEquals(Optional.of(created.contact().id()),
                            store.contacts().findByPhone(person.phone()).map(Contact::id), story);
                });
    }

    @Test
    void capture_invalidInput_neverChangesStoredData() {
        Contact known = knownPerson();
        Gen<String> badEmails = arbitrary().pick(List.of("a@", "@b.c", "a b@c.de", "jane@example", "jane@@gmail.com",
                        "jane..doe@gmail.com", ".jane@gmail.com", "jane.@gmail.com", "jane(at)gmail.com",
                        "jane@exa_mple.com", "jane@gmail..com", "jane@-gmail.com", "mailto:", "@", "jane doe"))
                .mix(lists().of(arbitrary().pick(List.of('a', 'Z', '0', '@', '.', ' ', '-', '_', '"', ',', ';')))
                        .ofSizeBetween(1, 12).map(LeadCaptureContract::join))
                .assuming(s -> !s.isBlank() && EmailAddress.tryParse(s).isEmpty());
        Gen<String> junkPhones = lists().of(arbitrary().pick(List.of('0', '1', '3', '4', '9', '+', '-', '(', ')', ' ',
                        '/', '#', '*', 'a', 'x', '.')))
                .ofSizeBetween(1, 20).map(LeadCaptureContract::join)
                .assuming(s -> !s.isBlank() && PhoneNumber.tryParse(s, "DE").isEmpty());
        Gen<String> blanks = arbitrary().pick(List.of("", " ", "\t", "  \t "));
        Gen<BadContactPoints> bad = integers().between(0, 4).zip(badEmails, junkPhones, blanks,
                (kind, email, phone, blank) -> switch (kind) {
                    case 0 -> new BadContactPoints(email, blank, List.of("email/format"));
                    case 1 -> new BadContactPoints(email, "+49 30 1234567", List.of("email/format"));
                    case 2 -> new BadContactPoints(" Jane.Doe@gmail.com", phone, List.of("phone/format"));
                    case 3 -> new BadContactPoints(email, phone, List.of("email/format", "phone/format"));
                    default -> new BadContactPoints(blank, blank, List.of("email/email-or-phone-required"));
                });
        Snapshot before = snapshot();
        events.clear();

        qt().withExamples(200).forAll(bad, arbitrary().enumValues(Channel.class),
                        arbitrary().pick(List.of("", "form-1", "new-submission")), arbitrary().pick(List.of(true, false)))
                .checkAssert((points, channel, externalId, owned) -> {
                    LeadSubmission submission = LeadSubmission.from(channel).name("Eve", "Bad")
                            .email(points.email()).phone(points.phone()).externalId(externalId)
                            .owner(owned ? BEN : null).company("Evil Corp").build();

                    CaptureOutcome outcome = capture(submission);

                    Rejected rejected = assertInstanceOf(Rejected.class, outcome, () -> submission + " gave " + outcome);
                    assertEquals(points.expected(), fieldRules(rejected), submission::toString);
                    assertEquals(before, snapshot(), () -> submission + " changed the store");
                    assertEquals(known.version(), store.contacts().findById(known.id()).orElseThrow().version());
                    assertEquals(List.of(), events, () -> submission + " published events");
                });
    }

    // ---------------------------------------------------------------------------------------------- concurrency

    @Test
    void capture_eightThreadsCapturingTheSamePeople_createOneContactPerPersonAndCountEverySubmission()
            throws Exception {
        int threads = 8;
        // 200 people, 4 per company domain: 1,600 captures; the calls below show that threads did race on a person
        int peopleCount = 200;
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < peopleCount; i++) {
            people.add(Person.buyer(i));
        }
        AtomicIntegerArray made = new AtomicIntegerArray(peopleCount);
        AtomicIntegerArray alreadyCaptured = new AtomicIntegerArray(peopleCount);
        List<List<long[]>> calls = new ArrayList<>();
        for (int i = 0; i < peopleCount; i++) {
            calls.add(new CopyOnWriteArrayList<>());
        }
        List<String> problems = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(4711L + t);
                int thread = t;
                done.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < peopleCount; i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, random);
                    start.await();
                    for (int i : order) {
                        Person p = people.get(i);
                        // a submission id always carries the same content (in any spelling): a reused id with
                        // other content would be a conflict, not a replay
                        boolean withId = random.nextBoolean();
                        int id = random.nextInt(3);
                        Channel[] channels = Channel.values();
                        LeadSubmission.Builder b = LeadSubmission.from(withId ? channels[(i + id) % channels.length]
                                        : channels[random.nextInt(channels.length)])
                                .name(p.first(), p.last())
                                .email(spellEmail(p.email(), random));
                        if (withId ? id != 1 : random.nextBoolean()) {
                            b.phone(spellPhone(p.area(), p.subscriber(), random));
                        }
                        if (withId) {
                            b.externalId("person-" + i + "-" + id);
                        }
                        made.incrementAndGet(i);
                        long started = System.nanoTime();
                        CaptureOutcome outcome = crm.capture().capture(b.build());
                        calls.get(i).add(new long[] {started, System.nanoTime(), thread});
                        if (outcome instanceof AlreadyCaptured) {
                            alreadyCaptured.incrementAndGet(i);
                        } else if (outcome instanceof Rejected r) {
                            problems.add(p.email() + " rejected: " + r.reason());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(), problems);
        long raced = calls.stream().filter(RacedCalls::twoRacersAtOnce).count();
        assertTrue(raced > 0, "captures of one person by two threads overlapped in time (the race under test)");
        assertEquals(peopleCount, store.contacts().count(), "one contact per person");
        Map<ContactId, Integer> submissionsByContact = new HashMap<>();
        for (Lead lead : Fixtures.all(store.leads()::findAll)) {
            submissionsByContact.merge(lead.contactId(), lead.submissions(), Integer::sum);
        }
        List<String> unaccounted = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < peopleCount; i++) {
            Person p = people.get(i);
            Optional<Contact> contact = store.contacts().findByEmail(new EmailAddress(p.email()));
            int folded = contact.map(c -> submissionsByContact.getOrDefault(c.id(), 0)).orElse(0);
            total += made.get(i);
            if (contact.isEmpty() || folded + alreadyCaptured.get(i) != made.get(i)) {
                unaccounted.add(p.email() + ": made " + made.get(i) + ", in leads " + folded + ", already captured "
                        + alreadyCaptured.get(i));
            }
        }
        assertEquals(threads * peopleCount, total);
        int replays = 0;
        for (int i = 0; i < peopleCount; i++) {
            replays += alreadyCaptured.get(i);
        }
        assertTrue(replays > 0, "the seeded run replays some external ids, so AlreadyCaptured is exercised");
        assertEquals(List.of(), unaccounted, "every submission is in a lead or recognized as already captured");
        assertEquals(peopleCount, store.leads().count(), "one open lead per person");
        assertEquals(50, store.companies().count(), "one company per web domain");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Captures with the suite's Crm. */
    // ---------------------------------------------------------------------------------------------- duplicate rules

    private static LeadSubmission katherine() {
        return LeadSubmission.from(Channel.WEB_FORM).name("Katherine", "Smith")
                .email("katherine.smith@example.com").phone("030 901820").build();
    }

    /** Kathy Smith: a nickname, another e-mail, a phone one digit apart: no exact match, a fuzzy one. */
    private static LeadSubmission.Builder kathy(Channel channel) {
        return LeadSubmission.from(channel).name("Kathy", "Smith").email("kathy.smith@example.org")
                .phone("030 901821");
    }

    private static List<Activity> suspectedEntries(List<Activity> timeline) {
        return timeline.stream().filter(a -> a.subject().startsWith("Suspected duplicate of ")).toList();
    }

    @Test
    void duplicateRules_default_allowsAFuzzyDuplicateAndRecordsNothing() {
        Contact first = assertInstanceOf(NewLeadNewContact.class, capture(katherine())).contact();
        Contact second = assertInstanceOf(NewLeadNewContact.class, capture(kathy(Channel.WEB_FORM).build()))
                .contact();
        assertNotEquals(first.id(), second.id());
        assertEquals(List.of(), suspectedEntries(timeline(ref(second.id()))));
    }

    @Test
    void duplicateRules_block_refusesWithIdsAndScores_andStoresNothing() {
        Contact first = assertInstanceOf(NewLeadNewContact.class, capture(katherine())).contact();
        crm = crm(b -> b.duplicateRules(DuplicateRules.everywhere(DuplicateAction.BLOCK)));
        Snapshot before = snapshot();
        events.clear();

        CaptureOutcome outcome = capture(kathy(Channel.WEB_FORM).owner(ANNA).build());

        CaptureOutcome.Blocked blocked = assertInstanceOf(CaptureOutcome.Blocked.class, outcome);
        assertEquals(1, blocked.candidates().size());
        DuplicateCandidate candidate = blocked.candidates().get(0);
        assertEquals(first.id(), candidate.contactId());
        assertTrue(candidate.score() >= DuplicateScan.DEFAULT_THRESHOLD, "score " + candidate.score());
        assertFalse(candidate.reasons().isEmpty());
        assertTrue(blocked.reason().contains(first.id().toString()), blocked.reason());
        assertEquals(Optional.empty(), outcome.lead());
        assertEquals(before, snapshot());
        assertEquals(List.of(), events);
    }

    @Test
    void duplicateRules_block_exactEmailStillFoldsFirst_andAnUnrelatedPersonPasses() {
        Contact first = assertInstanceOf(NewLeadNewContact.class, capture(katherine())).contact();
        crm = crm(b -> b.duplicateRules(DuplicateRules.everywhere(DuplicateAction.BLOCK)));
        DuplicateFolded folded = assertInstanceOf(DuplicateFolded.class, capture(katherine()));
        assertEquals(first.id(), folded.contact().id());
        assertInstanceOf(NewLeadNewContact.class, capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Max", "Smith").email("max.smith@example.net").phone("040 555123").build()));
    }

    @Test
    void duplicateRules_perChannel_blockOnlyWhereConfigured() {
        capture(katherine());
        crm = crm(b -> b.duplicateRules(DuplicateRules.allowAll().withChannel(Channel.CALL, DuplicateAction.BLOCK)));
        assertInstanceOf(CaptureOutcome.Blocked.class, capture(kathy(Channel.CALL).build()));
        assertInstanceOf(NewLeadNewContact.class, capture(kathy(Channel.WEB_FORM).build()));
    }

    @Test
    void duplicateRules_alert_savesAndShowsTheCandidateToTheOwner() {
        Contact first = assertInstanceOf(NewLeadNewContact.class, capture(katherine())).contact();
        crm = crm(b -> b.duplicateRules(DuplicateRules.everywhere(DuplicateAction.ALERT)));

        Contact second = assertInstanceOf(NewLeadNewContact.class,
                capture(kathy(Channel.WEB_FORM).owner(ANNA).build())).contact();

        List<Activity> alerts = suspectedEntries(timeline(ref(second.id())));
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).subject().contains(first.id().toString()), alerts.get(0).subject());
        assertTrue(alerts.get(0).about().contains(ref(first.id())));
        assertEquals(alerts, suspectedEntries(timeline(ref(first.id()))));
        List<Task> tasks = crm.tasks().openAbout(ref(second.id()));
        assertEquals(1, tasks.size());
        assertEquals(ANNA, tasks.get(0).assignee());
        assertTrue(tasks.get(0).title().startsWith("Check suspected duplicate"), tasks.get(0).title());
    }

    @Test
    void findByNameParts_isBoundedCaseInsensitiveAndByEitherPart() {
        for (String first : List.of("Ann", "Bea", "Cid")) {
            capture(LeadSubmission.from(Channel.WEB_FORM).name(first, "Meyer")
                    .email(first.toLowerCase(Locale.ROOT) + "@example.org").build());
        }
        capture(LeadSubmission.from(Channel.WEB_FORM).name("Ann", "Other").email("other@example.org").build());
        assertEquals(2, store.contacts().findByNameParts(PersonName.of("Zoe", "MEYER"), 2).size());
        assertEquals(3, store.contacts().findByNameParts(PersonName.of("Zoe", "meyer"), 10).size());
        assertEquals(Set.of("Meyer", "Other"), store.contacts().findByNameParts(PersonName.of("ann", ""), 10)
                .stream().map(c -> c.name().last()).collect(Collectors.toSet()));
        assertEquals(List.of(), store.contacts().findByNameParts(PersonName.of("Zoe", "Nobody"), 10));
    }

    @Test
    void findBySoundOfName_typosInBothNames_swappedNames_nicknames_butNotAPartName() {
        capture(katherine());
        capture(LeadSubmission.from(Channel.WEB_FORM).name("William", "Baker").email("w.baker@example.org").build());
        capture(LeadSubmission.from(Channel.WEB_FORM).name("Ann", "Meyer").email("ann@example.org").build());

        assertEquals(List.of("Katherine"), firstNames(PersonName.of("Kathrin", "Smyth")));
        assertEquals(List.of("Katherine"), firstNames(PersonName.of("Smith", "Katherine")));
        assertEquals(List.of("William"), firstNames(PersonName.of("Bill", "Bakker")));
        assertEquals(List.of(), firstNames(PersonName.of("Zoe", "Nobody")));
        assertEquals(List.of(), firstNames(PersonName.of("Ann", "")));
        // the exact name parts miss the first three
        assertEquals(List.of(), store.contacts().findByNameParts(PersonName.of("Kathrin", "Smyth"), 10));
    }

    @Test
    void duplicateRules_block_typosInBothNames_foundByTheNameKeys_refusedNamingTheStoredContact() {
        Contact first = assertInstanceOf(NewLeadNewContact.class, capture(katherine())).contact();
        crm = crm(b -> b.duplicateRules(DuplicateRules.everywhere(DuplicateAction.BLOCK)));
        Snapshot before = snapshot();

        CaptureOutcome outcome = capture(kathrineSmyth());

        CaptureOutcome.Blocked blocked = assertInstanceOf(CaptureOutcome.Blocked.class, outcome);
        assertEquals(List.of(first.id()), blocked.candidates().stream().map(DuplicateCandidate::contactId).toList());
        assertTrue(blocked.candidates().get(0).score() >= DuplicateScan.DEFAULT_THRESHOLD, blocked.reason());
        assertTrue(blocked.reason().contains(first.id().toString()), blocked.reason());
        assertEquals(before, snapshot());
    }

    @Test
    void duplicateRules_alert_typosInBothNames_savedAndShownAsSuspected() {
        Contact first = assertInstanceOf(NewLeadNewContact.class, capture(katherine())).contact();
        crm = crm(b -> b.duplicateRules(DuplicateRules.everywhere(DuplicateAction.ALERT)));

        Contact second = assertInstanceOf(NewLeadNewContact.class, capture(kathrineSmyth())).contact();

        assertNotEquals(first.id(), second.id());
        List<Activity> alerts = suspectedEntries(timeline(ref(second.id())));
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).subject().contains(first.id().toString()), alerts.get(0).subject());
    }

    /** Katherine Smith typed with a typo in both names, another e-mail, a phone one digit apart. */
    private static LeadSubmission kathrineSmyth() {
        return LeadSubmission.from(Channel.WEB_FORM).name("Kathrine", "Smyth").email("k.smyth@example.org")
                .phone("030 901821").build();
    }

    private List<String> firstNames(PersonName name) {
        return store.contacts().findBySoundOfName(name, 10).stream().map(c -> c.name().first()).toList();
    }

    protected CaptureOutcome capture(LeadSubmission submission) {
        return crm.capture().capture(submission);
    }

    /** Jane Doe, with an e-mail at a free mail provider and no phone. */
    protected static LeadSubmission.Builder jane(Channel channel) {
        return LeadSubmission.from(channel).name("Jane", "Doe").email("jane.doe@gmail.com");
    }

    /** A known person with a lead, a company, an owner and a follow-up task: what rejections must not touch. */
    protected Contact knownPerson() {
        CaptureOutcome outcome = capture(LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe")
                .email("jane.doe@gmail.com").phone("030 1234567").company("Nordwind Logistik").owner(ANNA)
                .externalId("form-1").build());
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class, outcome, outcome::toString);
        clock.advance(Duration.ofMinutes(10));
        events.clear();
        return created.contact();
    }

    /** Lead fields: a budget (money), a fleet size (number) and notes (text). */
    protected void defineLeadFields() {
        crm.customers().defineCustomFields(CustomFieldSchema.of(RecordType.LEAD,
                FieldDefinition.optional("budget", FieldType.MONEY),
                FieldDefinition.optional("fleet_size", FieldType.NUMBER),
                FieldDefinition.optional("notes", FieldType.TEXT)));
        events.clear();
    }

    /** Captures, expects a rejection, and checks that the store and the events are as they were. */
    protected Rejected assertRejectedChangingNothing(LeadSubmission submission) {
        Snapshot before = snapshot();
        events.clear();
        CaptureOutcome outcome = capture(submission);
        Rejected rejected = assertInstanceOf(Rejected.class, outcome, () -> submission + " gave " + outcome);
        assertEquals(before, snapshot(), "a rejected submission leaves the store as it was");
        assertEquals(List.of(), events, "a rejected submission publishes nothing");
        return rejected;
    }

    /** Asserts the violations, as {@code field/rule}, in any order. */
    protected static void assertViolations(Rejected rejected, String... fieldRules) {
        assertEquals(Arrays.stream(fieldRules).sorted().toList(), fieldRules(rejected), rejected.reason());
    }

    private static List<String> fieldRules(Rejected rejected) {
        return rejected.violations().stream().map(v -> v.field() + "/" + v.rule()).sorted().toList();
    }

    /** The timeline of a record, newest first, all of it. */
    protected List<Activity> timeline(RecordRef record) {
        return Fixtures.all(page -> crm.timeline().of(record, TimelineFilter.everything(), page));
    }

    protected static List<String> subjects(List<Activity> activities) {
        return activities.stream().map(Activity::subject).toList();
    }

    protected static RecordRef ref(Lead lead) {
        return new RecordRef(RecordType.LEAD, lead.id().value());
    }

    protected static RecordRef ref(ContactId contact) {
        return new RecordRef(RecordType.CONTACT, contact.value());
    }

    protected static RecordRef ref(CompanyId company) {
        return new RecordRef(RecordType.COMPANY, company.value());
    }

    /** The published events of a type. */
    protected <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one published event of a type. */
    protected <E extends DomainEvent> E single(Class<E> type) {
        List<E> found = eventsOf(type);
        assertEquals(1, found.size(), () -> "expected one " + type.getSimpleName() + " in " + events);
        return found.get(0);
    }

    protected Set<Class<?>> eventTypes() {
        return events.stream().map(Object::getClass).collect(Collectors.toSet());
    }

    /**
     * Everything a capture can change: counts, every record (with its version), every timeline and the open tasks
     * of every lead.
     */
    protected Snapshot snapshot() {
        List<Contact> contacts = Fixtures.all(store.contacts()::findAll);
        List<Lead> leads = Fixtures.all(store.leads()::findAll);
        List<Company> companies = Fixtures.all(store.companies()::findAll);
        Map<RecordRef, List<Activity>> timelines = new HashMap<>();
        Map<RecordRef, List<Task>> openTasks = new HashMap<>();
        contacts.forEach(c -> timelines.put(ref(c.id()), timeline(ref(c.id()))));
        companies.forEach(c -> timelines.put(ref(c.id()), timeline(ref(c.id()))));
        for (Lead lead : leads) {
            timelines.put(ref(lead), timeline(ref(lead)));
            openTasks.put(ref(lead), crm.tasks().openAbout(ref(lead)));
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
     * @param openTasks    the open tasks of every lead
     */
    protected record Snapshot(long contacts, long leads, long companies, List<Contact> allContacts,
                              List<Lead> allLeads, List<Company> allCompanies,
                              Map<RecordRef, List<Activity>> timelines, Map<RecordRef, List<Task>> openTasks) {
    }

    private record BadContactPoints(String email, String phone, List<String> expected) {
        @Override
        public String toString() {
            return "email '" + email + "', phone '" + phone + "'";
        }
    }

    /**
     * A person with canonical contact points, who can be spelled in many ways that normalize to them.
     *
     * @param first      given name
     * @param last       family name
     * @param email      the normalized e-mail
     * @param area       the German area code without the leading 0 ({@code 30}, {@code 151})
     * @param subscriber the subscriber number
     */
    protected record Person(String first, String last, String email, String area, String subscriber) {

        private static final List<String> DOMAINS = List.of("gmail.com", "web.de", "nordwind-logistik.de",
                "acme-tools.com");

        /** Person number {@code n}, with a phone unique to {@code n}. */
        static Person number(int n) {
            return new Person("Pat", "Number" + n, "pat.number" + n + "@" + DOMAINS.get(n % DOMAINS.size()),
                    n % 2 == 0 ? "30" : "151", String.valueOf(20_000_000 + n));
        }

        /** Buyer {@code i} of 1,000, at one of 50 companies. */
        static Person buyer(int i) {
            return new Person("Buyer", "No" + i, "buyer" + i + "@firma" + (i % 50) + ".de", "151",
                    String.valueOf(30_000_000 + i));
        }

        PhoneNumber phone() {
            return PhoneNumber.of("+49" + area + subscriber);
        }

        LeadSubmission spelled(Channel channel, Random random, boolean withEmail, boolean withPhone) {
            LeadSubmission.Builder b = LeadSubmission.from(channel).name(first, last);
            if (withEmail) {
                b.email(spellEmail(email, random));
            }
            if (withPhone) {
                b.phone(spellPhone(area, subscriber, random));
            }
            return b.build();
        }
    }

    /** The address in random case, maybe behind {@code mailto:}, with random white space around it. */
    protected static String spellEmail(String canonical, Random random) {
        StringBuilder b = new StringBuilder(pad(random));
        if (random.nextInt(4) == 0) {
            b.append(random.nextBoolean() ? "mailto:" : "MAILTO:");
        }
        for (char c : canonical.toCharArray()) {
            b.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return b.append(pad(random)).toString();
    }

    /** The number written nationally ({@code 030 ...}) or internationally ({@code +49 30 ...}, {@code 0049...}). */
    protected static String spellPhone(String area, String subscriber, Random random) {
        String sep = List.of(" ", "-", "/", "").get(random.nextInt(4));
        String space = random.nextBoolean() ? " " : "";
        String number = switch (random.nextInt(3)) {
            case 0 -> "0" + area + sep + subscriber;
            case 1 -> "+49" + space + area + sep + subscriber;
            default -> "0049" + space + area + sep + subscriber;
        };
        return pad(random) + number + pad(random);
    }

    private static String pad(Random random) {
        return List.of("", " ", "  ", "\t", " \t ").get(random.nextInt(5));
    }

    private static String join(List<Character> chars) {
        StringBuilder b = new StringBuilder();
        chars.forEach(b::append);
        return b.toString();
    }
}
