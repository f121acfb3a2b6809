package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.CaptureOutcome.AlreadyCaptured;
import dev.crmkit.core.capture.CaptureOutcome.DuplicateFolded;
import dev.crmkit.core.capture.CaptureOutcome.NewLeadNewContact;
import dev.crmkit.core.capture.CaptureOutcome.Rejected;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How capture reads input that real senders deliver: source labels of other systems, phone extensions,
 * internationalized e-mail domains, and external ids reused for other content. An adapter runs it by extending this
 * class and returning an empty store from {@link #newStore()}.
 */
public abstract class LeadInputContract {

    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");
    private CrmStore store;
    private TestClock clock;
    private Crm crm;
    private long nextSeed = 1;

    /** An empty store of the adapter under test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        clock = TestClock.at(MONDAY, ZoneId.of("Europe/Berlin"));
        crm = newCrm();
    }

    /** Another Crm over the same store: a second import, another node. */
    private Crm newCrm() {
        return Crm.builder().store(store).clock(clock).ids(IdGenerator.seeded(nextSeed++))
                .defaultRegion("DE").events(e -> { }).build();
    }

    private CaptureOutcome capture(LeadSubmission submission) {
        clock.advance(Duration.ofMinutes(1));
        return crm.capture().capture(submission);
    }

    // ------------------------------------------------------------------------------------------------- sources

    @Test
    void capture_unknownSourceLabel_isStoredAsOtherWithTheLabelAsDetailAndShown() {
        CaptureOutcome outcome = capture(LeadSubmission.fromSource(" trade fair 2026 ").name("Jane", "Doe")
                .email("jane@example.org").build());

        Lead lead = assertInstanceOf(NewLeadNewContact.class, outcome, outcome::toString).capturedLead();
        assertEquals(Channel.OTHER, lead.source().channel());
        assertEquals(Optional.of("trade fair 2026"), lead.source().detail());
        assertEquals(Optional.of(lead), store.leads().findById(lead.id()));
        List<Activity> timeline = Fixtures.all(page -> crm.timeline().of(
                new RecordRef(RecordType.LEAD, lead.id().value()), TimelineFilter.everything(), page));
        assertEquals("Lead captured via other (trade fair 2026)", timeline.get(0).subject());
    }

    @Test
    void capture_synonymSourceLabels_areTheirChannels() {
        Lead web = captured(LeadSubmission.fromSource("website").email("a@example.org").build());
        Lead ads = captured(LeadSubmission.fromSource("Google Ads").email("b@example.org").build());
        Lead mail = captured(LeadSubmission.from(Channel.IMPORT).source("e-mail").email("c@example.org").build());

        assertEquals(Channel.WEB_FORM, web.source().channel());
        assertEquals(Optional.empty(), web.source().detail());
        assertEquals(Channel.ADS, ads.source().channel());
        assertEquals(Optional.of("Google Ads"), ads.source().detail());
        assertEquals(Channel.EMAIL, mail.source().channel());
    }

    @Test
    void capture_sourceDetailWithControlCharacters_isRejectedNamingTheField() {
        CaptureOutcome outcome = capture(LeadSubmission.fromSource("fair\u0007").email("a@example.org").build());

        Rejected rejected = assertInstanceOf(Rejected.class, outcome, outcome::toString);
        assertEquals("sourceDetail", rejected.violations().get(0).field());
        assertEquals(0, store.leads().count());
    }

    // ------------------------------------------------------------------------------------------ phone extensions

    @Test
    void capture_phoneWithExtension_keepsTheExtensionOnLeadAndContact() {
        NewLeadNewContact created = assertInstanceOf(NewLeadNewContact.class,
                capture(LeadSubmission.from(Channel.CALL).name("Jo", "Ext").phone("+49 30 901820 ext. 12").build()));

        PhoneNumber expected = PhoneNumber.of("+4930901820;ext=12");
        assertEquals(Optional.of(expected), created.capturedLead().phone());
        assertEquals(List.of(expected), created.contact().phones());
        assertEquals(Optional.of(created.contact()), store.contacts().findByPhone(expected));
        assertEquals(Optional.of(created.capturedLead()), store.leads().findById(created.capturedLead().id()));
    }

    @Test
    void capture_numbersDifferingOnlyInTheExtension_areDifferentPeople() {
        Lead twelve = captured(LeadSubmission.from(Channel.CALL).phone("+49 30 901820 ext. 12").build());
        Lead five = captured(LeadSubmission.from(Channel.CALL).phone("+49 30 901820;ext=5").build());
        Lead main = captured(LeadSubmission.from(Channel.CALL).phone("+49 30 901820").build());

        assertEquals(3, store.contacts().count());
        assertEquals(3, List.of(twelve.contactId(), five.contactId(), main.contactId()).stream().distinct().count());

        CaptureOutcome again = capture(LeadSubmission.from(Channel.CALL).phone("030 901820 x12").build());
        DuplicateFolded folded = assertInstanceOf(DuplicateFolded.class, again, again::toString);
        assertEquals(twelve.id(), folded.existingLead().id());
    }

    // -------------------------------------------------------------------------------- internationalized domains

    @Test
    void capture_internationalizedDomain_isAcceptedAndDeduplicatedWithItsPunycodeForm() {
        NewLeadNewContact first = assertInstanceOf(NewLeadNewContact.class,
                capture(LeadSubmission.from(Channel.WEB_FORM).name("Jörg", "Müller").email("joerg@müller.de")
                        .build()));

        CaptureOutcome second = capture(LeadSubmission.from(Channel.EMAIL).email("Joerg@XN--MLLER-KVA.de").build());

        DuplicateFolded folded = assertInstanceOf(DuplicateFolded.class, second, second::toString);
        assertEquals(first.capturedLead().id(), folded.existingLead().id());
        assertEquals(List.of(EmailAddress.parse("joerg@xn--mller-kva.de")), first.contact().emails());
        assertEquals("joerg@müller.de", first.contact().emails().get(0).toUnicode());
        assertEquals(1, store.contacts().count());
        Company company = store.companies().findByDomain(dev.crmkit.core.company.WebDomain.parse("xn--mller-kva.de"))
                .orElseThrow();
        assertEquals("Müller", company.name(), "the company is named after the readable domain");
    }

    // -------------------------------------------------------------------------------------- external id conflicts

    @Test
    void capture_externalIdReusedByAnotherPerson_isRejectedAsConflictAndStoresNothing() {
        captured(LeadSubmission.from(Channel.WEB_FORM).name("Ann", "Lee").email("ann@example.org")
                .externalId("row-1").build());
        Snapshot before = snapshot();

        CaptureOutcome outcome = capture(LeadSubmission.from(Channel.WEB_FORM).name("Bob", "Roe")
                .email("bob@example.org").externalId("row-1").build());

        Rejected rejected = assertInstanceOf(Rejected.class, outcome, outcome::toString);
        Violation v = rejected.violations().get(0);
        assertEquals(List.of("externalId/external-id-conflict"), rejected.violations().stream()
                .map(x -> x.field() + "/" + x.rule()).toList());
        assertTrue(v.message().contains("row-1"), v.message());
        assertEquals(before, snapshot(), "a conflict stores nothing");
    }

    @Test
    void capture_externalIdReusedBySamePersonWithOtherContent_isAConflict() {
        captured(LeadSubmission.from(Channel.WEB_FORM).name("Ann", "Lee").email("ann@example.org")
                .request("Quote for 3 trucks").externalId("form-9").build());
        Snapshot before = snapshot();

        CaptureOutcome outcome = capture(LeadSubmission.from(Channel.WEB_FORM).name("Ann", "Lee")
                .email("ann@example.org").request("Quote for 30 trucks").externalId("form-9").build());

        assertEquals("external-id-conflict",
                assertInstanceOf(Rejected.class, outcome, outcome::toString).violations().get(0).rule());
        assertEquals(before, snapshot());
    }

    @Test
    void capture_sameSubmissionInOtherSpellingUnderItsId_isAlreadyCapturedAcrossImports() {
        Lead lead = captured(LeadSubmission.from(Channel.WEB_FORM).name("Ann", "Lee").email("ann@example.org")
                .phone("030 901820").request("Quote").externalId("form-1").build());
        Snapshot before = snapshot();
        crm = newCrm(); // a second import over the same store

        CaptureOutcome replay = capture(LeadSubmission.fromSource("web form").name("  ann ", "LEE ")
                .email(" Ann@Example.ORG ").phone("+49 30 901820").request(" Quote ").externalId(" form-1 ").build());

        assertEquals(lead.id(), assertInstanceOf(AlreadyCaptured.class, replay, replay::toString)
                .existingLead().id());
        assertEquals(before, snapshot());
    }

    @Test
    void capture_idOfAFoldedRepeatReusedWithOtherContent_isAConflict() {
        captured(LeadSubmission.from(Channel.WEB_FORM).name("Ann", "Lee").email("ann@example.org")
                .externalId("form-1").build());
        assertInstanceOf(DuplicateFolded.class, capture(LeadSubmission.from(Channel.CHAT).name("Ann", "Lee")
                .email("ann@example.org").externalId("chat-7").build()));

        CaptureOutcome sameAgain = capture(LeadSubmission.from(Channel.CHAT).name("Ann", "Lee")
                .email("ann@example.org").externalId("chat-7").build());
        CaptureOutcome other = capture(LeadSubmission.from(Channel.CHAT).name("Cid", "Fox")
                .email("cid@example.org").externalId("chat-7").build());

        assertInstanceOf(AlreadyCaptured.class, sameAgain, sameAgain::toString);
        assertEquals("external-id-conflict", assertInstanceOf(Rejected.class, other, other::toString)
                .violations().get(0).rule());
        assertEquals(1, store.contacts().count());
    }

    @Test
    void capture_externalIdStoredWithoutFingerprint_countsAsTheSameSubmission() {
        Fixtures fx = new Fixtures(11);
        Lead legacy = store.leads().insertOrGet(fx.lead().externalIds("legacy-1").build());

        CaptureOutcome outcome = capture(LeadSubmission.from(Channel.WEB_FORM).name("Bob", "Roe")
                .email("bob@example.org").externalId("legacy-1").build());

        assertEquals(legacy.id(), assertInstanceOf(AlreadyCaptured.class, outcome, outcome::toString)
                .existingLead().id());
        assertEquals(1, store.leads().count());
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private Lead captured(LeadSubmission submission) {
        CaptureOutcome outcome = capture(submission);
        return outcome.lead().filter(l -> !(outcome instanceof AlreadyCaptured))
                .orElseThrow(() -> new AssertionError(submission + " gave " + outcome));
    }

    private Snapshot snapshot() {
        List<Lead> leads = Fixtures.all(store.leads()::findAll);
        List<Task> tasks = leads.stream()
                .flatMap(l -> crm.tasks().openAbout(new RecordRef(RecordType.LEAD, l.id().value())).stream())
                .toList();
        return new Snapshot(Fixtures.all(store.contacts()::findAll), leads, Fixtures.all(store.companies()::findAll),
                tasks);
    }

    private record Snapshot(List<Contact> contacts, List<Lead> leads, List<Company> companies, List<Task> tasks) {
    }
}
