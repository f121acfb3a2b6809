package dev.crmkit.kit.privacy;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.privacy.Anonymized;
import dev.crmkit.core.privacy.ConsentChange;
import dev.crmkit.core.privacy.ConsentChannel;
import dev.crmkit.core.privacy.ErasureOutcome;
import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.kit.Crmkit;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.CommitmentId;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.equipment.EquipmentStatus;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.request.Priority;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.request.Sla;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of a person's data on a {@link CrmkitStore}: the export holds everything of theirs and nobody else's;
 * after an erasure no value of theirs is left anywhere in the store ({@link #dump}: every table of a database, a walk
 * of an in-memory store), another person's data is intact and the anonymous counts are unchanged; a later capture of
 * them is flagged. Subclasses give a fresh store and its dump.
 */
public abstract class PersonalDataContract {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final byte[] SALT = "a secret salt of the test, 32 b".getBytes(StandardCharsets.UTF_8);
    private static final UserId REP = UserId.of("rep-anna");

    /** What identifies the person erased in these tests; every test asserts none of it survives. */
    private static final List<String> ZEBORAH = List.of("Zeborah", "Quillfeather", "Quilfeather",
            "zeborah.quillfeather@example.org", "zq.private@example.net", "15123456789", "30901820", "Lindenweg 17",
            "Grafenau", "wants six licences for the Quillfeather family office", "loves Gruyere on Tuesdays",
            "Ring Zeborah", "Zeborah signs off");
    /** What identifies the person kept; every test asserts all of it survives. */
    private static final List<String> OTTOLINE = List.of("Ottoline", "Brackwater", "ottoline.brackwater@example.com",
            "1709876543", "Brackwater bakery wants ovens", "prefers mornings");

    private CrmkitStore store;
    private Crmkit kit;
    private ContactId zeborah;
    private ContactId ottoline;

    /** A fresh, empty store. */
    protected abstract CrmkitStore newStore();

    /** Every text the store holds, in every table (or every object, for a store in memory), as one string. */
    protected abstract String dump(CrmkitStore store);

    @BeforeEach
    void populate() {
        store = newStore();
        kit = Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                .ids(IdGenerator.seeded(15L)).suppressionSalt(SALT).build();
        zeborah = captured(LeadSubmission.from(Channel.WEB_FORM).name("Zeborah", "Quillfeather")
                .email("Zeborah.Quillfeather@example.org").phone("0151 23456789")
                .request("wants six licences for the Quillfeather family office").build());
        ContactId duplicate = captured(LeadSubmission.from(Channel.ADS).name("Zeborah", "Quilfeather")
                .email("zq.private@example.net").build());
        assertInstanceOf(MergeOutcome.Merged.class, kit.crm().merging().merge(MergeContacts.into(zeborah,
                List.of(zeborah, duplicate))));
        Contact z = store.contacts().findById(zeborah).orElseThrow();
        store.contacts().update(z.withAddress(new Address("home", "Lindenweg 17", "94481", "Grafenau", "", "DE"),
                T0));
        kit.crm().customers().addPhone(zeborah, "+49 30 901820", false);
        RecordRef zRef = new RecordRef(RecordType.CONTACT, zeborah.value());
        kit.crm().timeline().log(LogActivity.note(REP, "Ring Zeborah", "loves Gruyere on Tuesdays", zRef));
        kit.crm().tasks().create(NewTask.of("Ring Zeborah about the licences", T0.plusSeconds(86_400), REP,
                Optional.of(zRef)));
        Lead zLead = leadsOf(zeborah).get(0);
        deal("Quillfeather family office licences", zeborah, zLead, "1200.00");
        service(zeborah, "Zeborah signs off");

        ottoline = captured(LeadSubmission.from(Channel.WEB_FORM).name("Ottoline", "Brackwater")
                .email("ottoline.brackwater@example.com").phone("0170 9876543")
                .request("Brackwater bakery wants ovens").build());
        RecordRef oRef = new RecordRef(RecordType.CONTACT, ottoline.value());
        kit.crm().timeline().log(LogActivity.note(REP, "Call Ottoline", "prefers mornings", oRef));
        deal("Brackwater ovens", ottoline, leadsOf(ottoline).get(0), "800.00");
        kit.crm().consents().record(zeborah, ConsentChannel.EMAIL, true, "form filled by Zeborah Quillfeather");
        kit.crm().consents().record(ottoline, ConsentChannel.EMAIL, true, "Brackwater bakery newsletter form");
        campaignRows();
    }

    /**
     * crm-campaigns' rows about both people: a message the person answered (its outcome quotes their e-mail) and a
     * do-not-contact entry whose source names them.
     */
    private void campaignRows() {
        var ledger = store.campaignStores().messages();
        LocalDate day = LocalDate.ofInstant(T0, ZoneOffset.UTC);
        ledger.schedule(new dev.crmkit.campaigns.message.DueMessage(zeborah.toString(), "spring", 1, "2026",
                day, day.plusDays(5), dev.crmkit.campaigns.message.MessageKind.MARKETING));
        String key = ledger.claim("node-1", day, T0, Duration.ofMinutes(5), 10).get(0).key();
        ledger.markDone(key, "node-1", "replied from zq.private@example.net", T0);
        var dnc = store.campaignStores().doNotContact();
        dnc.add(new dev.crmkit.campaigns.audience.DoNotContact(zeborah.toString(),
                dev.crmkit.campaigns.audience.ChannelKind.EMAIL, dev.crmkit.campaigns.audience.DoNotContact.Reason.MANUAL,
                "Zeborah asked by phone", T0));
        dnc.add(new dev.crmkit.campaigns.audience.DoNotContact(ottoline.toString(),
                dev.crmkit.campaigns.audience.ChannelKind.SMS, dev.crmkit.campaigns.audience.DoNotContact.Reason.MANUAL,
                "Brackwater bakery asked", T0));
        var events = store.campaignStores().events();
        events.record("shop/zeborah.quillfeather@example.org/1", new dev.crmkit.campaigns.trigger.HostEvent(
                zeborah.toString(), "order-placed", T0, "Quillfeather family office order"));
        events.record("shop/ottoline.brackwater@example.com/2", new dev.crmkit.campaigns.trigger.HostEvent(
                ottoline.toString(), "order-placed", T0, "Brackwater bakery ordered ovens"));
        endedEnrollment(zeborah, "unenrolled: Zeborah replied stop from zq.private@example.net");
        endedEnrollment(ottoline, "unenrolled: Brackwater bakery replied stop");
    }

    /** An enrollment the host ended with its own reason (the port's {@code update}), which may quote the person. */
    private void endedEnrollment(ContactId contact, String reason) {
        var enrollments = store.campaignStores().enrollments();
        var enrolling = enrollments.enroll(new dev.crmkit.campaigns.sequence.Sequence("nurture", List.of(
                new dev.crmkit.campaigns.sequence.SequenceStep.Send("nurture-1",
                        dev.crmkit.campaigns.message.MessageKind.MARKETING)), java.util.Set.of(), false),
                contact.toString(), T0);
        var active = assertInstanceOf(dev.crmkit.campaigns.sequence.Enrolling.Enrolled.class, enrolling).enrollment();
        assertTrue(enrollments.update(active, new dev.crmkit.campaigns.sequence.Enrollment(active.contactId(),
                active.sequence(), active.enrolledAt(), active.step(), active.nextAt(),
                dev.crmkit.campaigns.sequence.EnrollmentStatus.EXITED, reason)));
    }

    private ContactId captured(LeadSubmission submission) {
        CaptureOutcome outcome = kit.crm().capture().capture(submission);
        return outcome.lead().orElseThrow(() -> new AssertionError(outcome.toString())).contactId();
    }

    private List<Lead> leadsOf(ContactId contact) {
        return all(store.archives().leads()).stream().filter(l -> l.contactId().equals(contact)).toList();
    }

    private void deal(String title, ContactId contact, Lead lead, String amount) {
        Money money = Money.of(new BigDecimal(amount), Currency.getInstance("EUR"));
        store.deals().insert(Deal.builder(new DealId(kit.crm().ids().next()), new PipelineId(new UUID(7, 7)), title,
                "New", T0).parties(Optional.of(REP), Optional.of(contact), Optional.empty(), Optional.of(lead.id()))
                .terms(Optional.of(money), Optional.empty(), Optional.empty()).source("web").build());
    }

    private void service(ContactId customer, String summary) {
        Address site = new Address("workshop", "Lindenweg 17", "94481", "Grafenau", "", "DE");
        EquipmentId equipment = new EquipmentId(kit.crm().ids().next());
        store.installedEquipment().insert(new Equipment(equipment, 0, customer, "Filter 3000", "SN-1", new Site(site,
                Optional.of(customer)), LocalDate.of(2026, 1, 5), Optional.empty(), Optional.empty(),
                EquipmentStatus.IN_SERVICE, T0));
        store.serviceRequests().insert(new ServiceRequest(new ServiceRequestId(kit.crm().ids().next()), 0, customer,
                Optional.of(equipment), "phone", Priority.NORMAL, summary, new Sla(Duration.ofHours(4),
                Duration.ofDays(2)), T0, Optional.empty(), Optional.empty()));
        store.commitments().insert(new Commitment(new CommitmentId(kit.crm().ids().next()), 0, customer,
                "Call Zeborah back about Lindenweg 17", LocalDate.of(2026, 6, 1), REP, T0, Optional.empty()));
    }

    static <T> List<T> all(Archive<T> archive) {
        List<T> out = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<T> page = archive.after(after, 200);
            out.addAll(page);
            if (page.size() < 200) {
                return out;
            }
            after = Optional.of(archive.key(page.get(page.size() - 1)));
        }
    }

    static <T, K> Map<K, Long> countBy(List<T> rows, Function<T, K> key) {
        Map<K, Long> out = new TreeMap<>();
        rows.forEach(r -> out.merge(key.apply(r), 1L, Long::sum));
        return out;
    }

    /** The anonymous figures metrics rest on. */
    private Map<String, Object> counts() {
        Map<String, Object> out = new TreeMap<>();
        out.put("contacts", store.contacts().count());
        out.put("leads", store.leads().count());
        out.put("leadsPerChannel", countBy(all(store.archives().leads()), l -> l.source().channel().name()));
        out.put("leadsPerStatus", countBy(all(store.archives().leads()), l -> l.status().name()));
        out.put("activitiesPerType", countBy(all(store.archives().activities()), a -> a.type().name()));
        out.put("tasks", (long) all(store.archives().tasks()).size());
        out.put("dealAmounts", all(store.archives().deals()).stream().map(d -> d.amount().orElseThrow().toString())
                .sorted().toList());
        out.put("dealsPerStage", countBy(all(store.archives().deals()), Deal::stage));
        return out;
    }

    private ErasureOutcome.Erased erase(String key) {
        return assertInstanceOf(ErasureOutcome.Erased.class, kit.crm().personalData()
                .erase(PersonKey.parse(key, "DE"), "request by e-mail of 2026-05-03"));
    }

    static void assertNoneIn(String dump, List<String> values) {
        String lower = dump.toLowerCase(Locale.ROOT);
        for (String v : values) {
            assertFalse(lower.contains(v.toLowerCase(Locale.ROOT)), () -> "still stored: " + v);
        }
    }

    static void assertAllIn(String dump, List<String> values) {
        String lower = dump.toLowerCase(Locale.ROOT);
        for (String v : values) {
            assertTrue(lower.contains(v.toLowerCase(Locale.ROOT)), () -> "lost: " + v);
        }
    }

    @Test
    void beforeErasure_theDumpHoldsEveryValue_soTheChecksBelowCanFail() {
        String dump = dump(store);
        assertAllIn(dump, ZEBORAH);
        assertAllIn(dump, OTTOLINE);
    }

    @Test
    void erase_byEmail_leavesNoValueOfThePerson_anywhereInTheStore() {
        ErasureOutcome.Erased erased = erase("zeborah.quillfeather@example.org");
        assertEquals(zeborah, erased.contact());
        String dump = dump(store);
        assertNoneIn(dump, ZEBORAH);
        assertAllIn(dump, OTTOLINE);
    }

    /** A merge of the person's leads keeps them as they were for its undo: the erasure reaches those snapshots too. */
    @Test
    void erase_afterALeadMerge_leavesNoValueOfThePersonInItsSnapshots() {
        List<Lead> two = leadsOf(zeborah);
        assertEquals(2, two.size());
        dev.crmkit.core.merge.LeadMerge merge = assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Merged.class,
                kit.crm().leadMerging().merge(two.stream().map(Lead::id).toList(), Optional.of(two.get(0).id())))
                .merge();
        ErasureOutcome.Erased erased = erase("zeborah.quillfeather@example.org");
        assertTrue(erased.counts().of("lead_merge_snapshot") >= 2, erased.counts().toString());
        String dump = dump(store);
        assertNoneIn(dump, ZEBORAH);
        assertAllIn(dump, OTTOLINE);
        assertNoneIn(kit.crm().leadMerging().find(merge.id()).orElseThrow().toString(), ZEBORAH);
    }

    @Test
    void erase_keepsTheAnonymousCounts() {
        Map<String, Object> before = counts();
        erase("+4915123456789");
        assertEquals(before, counts());
    }

    @Test
    void erase_countsPerTable_andNoValueInTheResult() {
        ErasureOutcome.Erased erased = erase(zeborah.toString());
        assertEquals(2, erased.counts().of("lead"));
        assertEquals(1, erased.counts().of("deal"));
        assertTrue(erased.counts().of("task") >= 1, erased.counts().toString());
        assertTrue(erased.counts().of("activity") >= 1, erased.counts().toString());
        assertEquals(1, erased.counts().of("service_request"));
        assertEquals(1, erased.counts().of("service_commitment"));
        assertEquals(4, erased.suppressed(), "two e-mails and two phones");
        assertNoneIn(erased.toString(), ZEBORAH);
    }

    @Test
    void erase_isRecordedInTheAuditTrail_withoutTheErasedValues() {
        erase("zeborah.quillfeather@example.org");
        List<AuditEntry> entries = store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, zeborah.value()),
                PageRequest.first(100)).items();
        AuditEntry last = entries.get(entries.size() - 1);
        assertEquals(AuditAction.ERASE, last.action());
        assertTrue(last.note().contains("request by e-mail of 2026-05-03"), last.note());
        assertTrue(last.changes().isEmpty());
        assertNoneIn(entries.toString(), ZEBORAH);
    }

    @Test
    void erase_aReasonThatQuotesThePerson_isRecordedWithoutTheirValues() {
        assertInstanceOf(ErasureOutcome.Erased.class, kit.crm().personalData().erase(PersonKey.parse(
                "zeborah.quillfeather@example.org", "DE"),
                "Zeborah Quillfeather wrote from zeborah.quillfeather@example.org"));
        List<AuditEntry> entries = store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, zeborah.value()),
                PageRequest.first(100)).items();
        AuditEntry last = entries.get(entries.size() - 1);
        assertEquals(AuditAction.ERASE, last.action());
        assertTrue(last.note().startsWith("erased: [erased] ("), "the quoting reason is scrubbed: " + last.note());
        assertNoneIn(last.note(), ZEBORAH);
        assertNoneIn(dump(store), ZEBORAH);
    }

    @Test
    void captureAfterErasure_isFlagged_andStoresNothing() {
        erase("zeborah.quillfeather@example.org");
        Map<String, Object> before = counts();
        CaptureOutcome byEmail = kit.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Zeborah", "Quillfeather").email("zeborah.quillfeather@example.org").build());
        assertEquals(List.of("email"), assertInstanceOf(CaptureOutcome.Suppressed.class, byEmail).fields());
        CaptureOutcome byPhone = kit.crm().capture().capture(LeadSubmission.from(Channel.ADS).name("Z", "Q")
                .phone("+49 151 23456789").build());
        assertEquals(List.of("phone"), assertInstanceOf(CaptureOutcome.Suppressed.class, byPhone).fields());
        assertEquals(before, counts());
        assertNoneIn(dump(store), ZEBORAH);
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, kit.crm().capture().capture(LeadSubmission
                .from(Channel.WEB_FORM).name("Neville", "Otherperson").email("neville@example.org").build()));
    }

    @Test
    void bulkCaptureAfterErasure_isFlaggedToo_andStoresNothingOfThePerson() {
        erase("zeborah.quillfeather@example.org");
        Map<String, Object> before = counts();
        List<CaptureOutcome> outcomes = kit.crm().bulkCapture().captureAll(List.of(
                LeadSubmission.from(Channel.IMPORT).name("Zeborah", "Quillfeather")
                        .email("zeborah.quillfeather@example.org").build(),
                LeadSubmission.from(Channel.IMPORT).name("Z", "Q").phone("+49 151 23456789").build()));
        assertEquals(List.of("email"), assertInstanceOf(CaptureOutcome.Suppressed.class, outcomes.get(0)).fields());
        assertEquals(List.of("phone"), assertInstanceOf(CaptureOutcome.Suppressed.class, outcomes.get(1)).fields());
        assertEquals(before, counts());
        assertNoneIn(dump(store), ZEBORAH);
    }

    @Test
    void erase_unknownPerson_isNotFound_andChangesNothing() {
        String before = dump(store);
        assertInstanceOf(ErasureOutcome.NotFound.class, kit.crm().personalData()
                .erase(PersonKey.parse("nobody@example.org", "DE"), "asked"));
        assertEquals(before, dump(store));
    }

    @Test
    void erase_blankReason_isRefusedNamingIt_andChangesNothing() {
        String before = dump(store);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kit.crm().personalData()
                .erase(PersonKey.parse("zeborah.quillfeather@example.org", "DE"), "  "));
        assertTrue(e.getMessage().startsWith("reason"), e.getMessage());
        assertEquals(before, dump(store));
    }

    @Test
    void erase_withoutSalt_isRefusedNamingIt() {
        Crmkit unsalted = Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unsalted.crm().personalData()
                .erase(PersonKey.parse("zeborah.quillfeather@example.org", "DE"), "asked"));
        assertTrue(e.getMessage().startsWith("suppressionSalt"), e.getMessage());
        assertAllIn(dump(store), ZEBORAH);
    }

    @Test
    void export_holdsEverythingOfThePerson_andNothingOfOthers() {
        PersonalDataExport doc = kit.personalDataExports().export(PersonKey.parse("0151 23456789", "DE"))
                .orElseThrow();
        assertEquals(zeborah, doc.core().contact().id());
        assertTrue(doc.core().contact().emails().stream().anyMatch(e -> e.value().equals("zq.private@example.net")),
                "the merged duplicate's e-mail");
        assertEquals(2, doc.core().leads().size());
        assertEquals(3, doc.core().records().stream().filter(r -> r.type() == RecordType.CONTACT
                || r.type() == RecordType.DEAL).count(), "contact, merged duplicate, deal");
        assertEquals(List.of("Quillfeather family office licences"), doc.deals().stream().map(Deal::title).toList());
        assertTrue(doc.core().timeline().stream().map(Activity::body).anyMatch("loves Gruyere on Tuesdays"::equals));
        assertEquals(List.of("Ring Zeborah about the licences"), doc.core().tasks().stream().map(t -> t.title())
                .toList());
        assertTrue(doc.core().audit().stream().anyMatch(e -> e.action() == AuditAction.CHANGE
                && e.changes().stream().anyMatch(c -> c.after().orElse("").contains("30901820"))), "phone change");
        assertEquals(1, doc.requests().size());
        assertEquals(1, doc.commitments().size());
        assertEquals(1, doc.equipment().size());
        assertNoneIn(doc.toString(), OTTOLINE);
    }

    @Test
    void export_isAudited_andAfterErasureFindsNobody() {
        kit.personalDataExports().export(PersonKey.parse(zeborah.toString(), "DE")).orElseThrow();
        List<AuditEntry> entries = store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, zeborah.value()),
                PageRequest.first(100)).items();
        assertEquals(AuditAction.EXPORT, entries.get(entries.size() - 1).action());
        erase("zeborah.quillfeather@example.org");
        assertTrue(kit.personalDataExports().export(PersonKey.parse("zeborah.quillfeather@example.org", "DE"))
                .isEmpty());
    }

    @Test
    void consent_isKeptAsHistory_perChannel_withSourceTimeAndActor_andAudited() {
        ConsentChange withdrawn = kit.crm().consents().record(ottoline, ConsentChannel.EMAIL, false,
                "unsubscribe link");
        kit.crm().consents().record(ottoline, ConsentChannel.SMS, true, "call on 2026-05-04");
        List<ConsentChange> history = kit.crm().consents().history(ottoline);
        assertEquals(List.of("EMAIL GRANTED Brackwater bakery newsletter form", "EMAIL WITHDRAWN unsubscribe link",
                "SMS GRANTED call on 2026-05-04"), history.stream().map(c -> c.channel() + " " + c.status() + " "
                + c.source()).toList());
        assertEquals(T0, withdrawn.at(), "the time comes from the clock");
        assertEquals(dev.crmkit.core.access.CurrentActor.unnamedHost().actor(), withdrawn.actor());
        Map<ConsentChannel, ConsentChange> current = kit.crm().consents().current(ottoline);
        assertEquals(MarketingConsent.Status.WITHDRAWN, current.get(ConsentChannel.EMAIL).status());
        assertEquals(MarketingConsent.Status.GRANTED, current.get(ConsentChannel.SMS).status());
        assertFalse(current.containsKey(ConsentChannel.POST), "never recorded: unknown");
        List<AuditEntry> audit = store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, ottoline.value()),
                PageRequest.first(100)).items();
        assertTrue(audit.stream().anyMatch(e -> e.changes().stream().anyMatch(c -> c.field().equals("consent.email")
                && c.before().orElse("").equals("GRANTED") && c.after().orElse("").equals("WITHDRAWN"))),
                audit.toString());
        assertEquals(List.of(), kit.crm().consents().history(zeborah).stream()
                .filter(c -> c.contact().equals(ottoline)).toList(), "nobody else's consent");
    }

    @Test
    void consent_isWrittenInTheUnitOfWorkOfTheChange_aRollbackLeavesNoEntry() {
        int before = kit.crm().consents().history(ottoline).size();
        long entries = store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, ottoline.value()),
                PageRequest.first(100)).items().size();
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            kit.crm().consents().record(ottoline, ConsentChannel.POST, true, "letter");
            throw new IllegalStateException("the host's own step failed");
        }));
        assertEquals(before, kit.crm().consents().history(ottoline).size());
        assertEquals(entries, store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, ottoline.value()),
                PageRequest.first(100)).items().size());
    }

    @Test
    void consent_aBlankSourceOrAnUnknownContact_isRefusedNamingTheField_andNothingIsStored() {
        String before = dump(store);
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> kit.crm().consents()
                .record(ottoline, ConsentChannel.EMAIL, true, "  "));
        assertTrue(blank.getMessage().startsWith("source"), blank.getMessage());
        ValidationException unknown = assertThrows(ValidationException.class, () -> kit.crm().consents()
                .record(new ContactId(new UUID(1, 2)), ConsentChannel.EMAIL, true, "form"));
        assertTrue(unknown.getMessage().contains("contactId"), unknown.getMessage());
        assertEquals(before, dump(store));
    }

    @Test
    void consent_isInThePersonsExport_andTheErasureBlanksItsSource() {
        PersonalDataExport doc = kit.personalDataExports().export(PersonKey.parse(zeborah.toString(), "DE"))
                .orElseThrow();
        assertEquals(List.of("form filled by Zeborah Quillfeather"), doc.core().consents().stream()
                .map(ConsentChange::source).toList());
        ErasureOutcome.Erased erased = erase("zeborah.quillfeather@example.org");
        assertEquals(1, erased.counts().of("consent_change"));
        List<ConsentChange> left = kit.crm().consents().history(zeborah);
        assertEquals(1, left.size(), "the entry stays, anonymous");
        assertEquals(ConsentChannel.EMAIL, left.get(0).channel());
        assertEquals(MarketingConsent.Status.GRANTED, left.get(0).status());
        assertNoneIn(dump(store), ZEBORAH);
        assertAllIn(dump(store), List.of("Brackwater bakery newsletter form"));
    }

    @Test
    void erase_blanksTheCampaignRowsOfThePerson_onEveryStore() {
        assertAllIn(dump(store), List.of("replied from zq.private@example.net", "Zeborah asked by phone"));
        ErasureOutcome.Erased erased = erase("zeborah.quillfeather@example.org");
        assertEquals(1, erased.counts().of("campaign_message"), erased.counts().toString());
        assertEquals(1, erased.counts().of("campaign_do_not_contact"), erased.counts().toString());
        assertEquals(1, store.campaignStores().doNotContact().of(zeborah.toString()).size(),
                "the entry stays (the person is still not to be contacted), anonymous");
        assertNoneIn(dump(store), ZEBORAH);
        assertAllIn(dump(store), List.of("Brackwater bakery asked"));
    }

    /**
     * The reason an enrollment ended is free text a host or a hand-to-sales note writes; where it quotes the person it
     * is blanked, the enrollment itself (sequence, times, status) stays so the campaign's counts add up.
     */
    @Test
    void erase_blanksTheEndReasonsOfThePersonsEnrollments_thatQuoteThem_onEveryStore() {
        assertAllIn(dump(store), List.of("unenrolled: Zeborah replied stop from zq.private@example.net"));
        ErasureOutcome.Erased erased = erase("zeborah.quillfeather@example.org");
        assertEquals(1, erased.counts().of("campaign_enrollment"), erased.counts().toString());
        var left = store.campaignStores().enrollments().of(zeborah.toString(), "nurture");
        assertEquals(1, left.size(), "the enrollment stays, anonymous");
        assertEquals(dev.crmkit.campaigns.sequence.EnrollmentStatus.EXITED, left.get(0).status());
        assertEquals(Anonymized.ERASED, left.get(0).endReason());
        assertNoneIn(dump(store), ZEBORAH);
        assertAllIn(dump(store), List.of("unenrolled: Brackwater bakery replied stop"));
    }

    @Test
    void erase_deletesTheHostEventsOfThePerson_onEveryStore() {
        assertEquals(1, store.campaignStores().events().of(zeborah.toString()).size());
        ErasureOutcome.Erased erased = erase("zeborah.quillfeather@example.org");
        assertEquals(1, erased.counts().of("campaign_event"), erased.counts().toString());
        assertEquals(List.of(), store.campaignStores().events().of(zeborah.toString()));
        assertEquals(List.of("Brackwater bakery ordered ovens"), store.campaignStores().events()
                .of(ottoline.toString()).stream().map(dev.crmkit.campaigns.trigger.HostEvent::reference).toList());
        assertNoneIn(dump(store), ZEBORAH);
        assertAllIn(dump(store), List.of("shop/ottoline.brackwater@example.com/2"));
    }

    @Test
    void afterErasure_theCustomerBaseRefusesThePersonsEmailsAndPhones_asSuppressed_andStoresNothing() {
        erase("zeborah.quillfeather@example.org");
        Map<String, Object> before = counts();
        ValidationException create = assertThrows(ValidationException.class, () -> kit.crm().customers()
                .createContact(dev.crmkit.core.customer.NewContact.of("Zeborah", "Quillfeather",
                        "zeborah.quillfeather@example.org")));
        assertEquals(List.of("emails[0] suppressed"), create.violations().stream().map(v -> v.field() + " "
                + v.rule()).toList());
        ValidationException addEmail = assertThrows(ValidationException.class, () -> kit.crm().customers()
                .addEmail(ottoline, "zq.private@example.net", false));
        assertEquals("email suppressed", addEmail.violations().get(0).field() + " "
                + addEmail.violations().get(0).rule());
        ValidationException addPhone = assertThrows(ValidationException.class, () -> kit.crm().customers()
                .addPhone(ottoline, "+49 151 23456789", false));
        assertEquals("phone suppressed", addPhone.violations().get(0).field() + " "
                + addPhone.violations().get(0).rule());
        assertEquals(before, counts());
        assertNoneIn(dump(store), ZEBORAH);
        kit.crm().customers().addEmail(ottoline, "ottoline.private@example.com", false); // others are not affected
    }

    /**
     * An erased (anonymized) record refuses edits (rule {@code erased} naming the record): the contact's edit, e-mail, phone and custom values, and the edit of its lead; nothing
     * is written (no row, no audit entry, no timeline entry), reads still work, and another person's edits go on.
     */
    @Test
    void afterErasure_editsOfTheAnonymizedContactAndLead_areRefusedAsErased_andWriteNothing() {
        Lead lead = leadsOf(zeborah).get(0);
        erase("zeborah.quillfeather@example.org");
        Map<String, Object> before = counts();
        String rows = all(store.archives().contacts()) + " " + all(store.archives().leads()) + " "
                + all(store.archives().activities()) + " " + all(store.archives().auditTrail());
        var customers = kit.crm().customers();
        List<ValidationException> refused = List.of(
                assertThrows(ValidationException.class, () -> customers.editContact(zeborah,
                        dev.crmkit.core.customer.ContactEdit.rename("Zelda", "Smyth")
                                .andEmail("zelda.smyth@example.net").andPhone("+49 170 5550123"))),
                assertThrows(ValidationException.class, () -> customers.addEmail(zeborah,
                        "zelda.smyth@example.net", false)),
                assertThrows(ValidationException.class, () -> customers.addPhone(zeborah, "+49 170 5550123", false)),
                assertThrows(ValidationException.class, () -> customers.setCustomFields(zeborah, Map.of())),
                assertThrows(ValidationException.class, () -> kit.crm().leadEditing().edit(lead.id(),
                        dev.crmkit.core.customer.LeadEdit.nothing().andName("Zelda", "Smyth")
                                .andEmail("zelda.smyth@example.net").andPhone("0170 5550123"))));
        for (ValidationException e : refused) {
            assertEquals(1, e.violations().size(), e.getMessage());
            assertEquals("erased", e.violations().get(0).rule(), e.getMessage());
            assertTrue(e.getMessage().contains("erased") && e.getMessage().contains("anonymized record"),
                    e.getMessage());
        }
        for (int i = 0; i < 4; i++) {
            assertEquals("contactId", refused.get(i).violations().get(0).field());
            assertTrue(refused.get(i).getMessage().contains(zeborah.toString()), refused.get(i).getMessage());
        }
        assertEquals("leadId", refused.get(4).violations().get(0).field());
        assertTrue(refused.get(4).getMessage().contains(lead.id().toString()), refused.get(4).getMessage());
        assertEquals(before, counts());
        assertEquals(rows, all(store.archives().contacts()) + " " + all(store.archives().leads()) + " "
                + all(store.archives().activities()) + " " + all(store.archives().auditTrail()),
                "nothing written: no row, no audit entry, no timeline entry");
        // through a user's view (ScopedCrm): the same refusal, after the view's own lock and decision
        store.transactions().run(() -> {
            store.accessDirectory().save(dev.crmkit.core.access.Role.builder("rep", "Rep")
                    .scope(RecordType.LEAD, dev.crmkit.core.access.Scope.EVERYTHING,
                            dev.crmkit.core.access.Permission.VIEW, dev.crmkit.core.access.Permission.EDIT)
                    .scope(RecordType.CONTACT, dev.crmkit.core.access.Scope.EVERYTHING,
                            dev.crmkit.core.access.Permission.VIEW, dev.crmkit.core.access.Permission.EDIT).build());
            store.accessDirectory().save(new dev.crmkit.core.access.User(UserId.of("ben"), "Ben", Optional.empty(),
                    Optional.empty(), dev.crmkit.core.access.RoleId.of("rep")));
        });
        dev.crmkit.core.ScopedCrm ben = kit.crm().as(dev.crmkit.core.access.Actor.user("ben"));
        for (ValidationException e : List.of(
                assertThrows(ValidationException.class, () -> ben.editLead(lead.id(),
                        dev.crmkit.core.customer.LeadEdit.rename("Zelda", "Smyth"))),
                assertThrows(ValidationException.class, () -> ben.addEmail(zeborah, "zelda.smyth@example.net",
                        false)),
                assertThrows(ValidationException.class, () -> ben.setCustomFields(zeborah, Map.of())))) {
            assertEquals("erased", e.violations().get(0).rule(), e.getMessage());
        }
        assertEquals(before, counts());
        assertNoneIn(dump(store), List.of("Zelda", "Smyth", "5550123"));
        // reads still work: the anonymous contact and lead are there
        assertTrue(store.contacts().findById(zeborah).orElseThrow().name().first().isEmpty());
        assertTrue(Anonymized.isErased(store.leads().findById(lead.id()).orElseThrow()));
        // another person's edits go on
        assertInstanceOf(dev.crmkit.core.customer.ContactOutcome.Saved.class, customers.editContact(ottoline,
                dev.crmkit.core.customer.ContactEdit.rename("Ottoline", "Brackwater-Smyth")));
        Lead other = leadsOf(ottoline).get(0);
        assertInstanceOf(dev.crmkit.core.customer.LeadOutcome.Saved.class, kit.crm().leadEditing().edit(other.id(),
                dev.crmkit.core.customer.LeadEdit.nothing().andName("Ottoline", "Brackwater-Smyth")));
    }

    /** What a refusal of an erased record may not change: its rows, timeline, audit trail, merges and consents. */
    private String erasedRows() {
        return all(store.archives().contacts()) + " " + all(store.archives().leads()) + " "
                + all(store.archives().activities()) + " " + all(store.archives().auditTrail()) + " "
                + all(store.archives().deals()) + " " + all(store.archives().contactMerges()) + " "
                + all(store.archives().contactAliases()) + " " + all(store.consentArchive());
    }

    /**
     * An erased contact takes no consent entry (its history's sources were blanked; a new one would store a value of
     * the person again), and an erased lead is not converted (its contact would gain the lead's stand-in e-mail and
     * owner, and a deal would be opened for the person): both refused, rule {@code erased}, nothing written. Another
     * person's consent is still recorded.
     */
    @Test
    void afterErasure_aConsentOfTheAnonymizedContact_andAConversionOfItsLead_areRefusedAsErased_andWriteNothing() {
        Lead lead = leadsOf(zeborah).get(0);
        kit.crm().leads().changeStatus(lead.id(), dev.crmkit.core.lead.LeadStatus.QUALIFIED, "", Optional.of(REP));
        dev.crmkit.pipeline.definition.Pipeline pipeline = kit.pipelines().definePipeline(
                dev.crmkit.pipeline.definition.Presets.b2b());
        erase("zeborah.quillfeather@example.org");
        assertEquals(dev.crmkit.core.lead.LeadStatus.QUALIFIED, store.leads().findById(lead.id()).orElseThrow()
                .status(), "the erasure keeps the status, so the lead could be converted");
        Map<String, Object> before = counts();
        List<ConsentChange> history = kit.crm().consents().history(zeborah);
        String rows = erasedRows();

        ValidationException consent = assertThrows(ValidationException.class, () -> kit.crm().consents()
                .record(zeborah, ConsentChannel.EMAIL, true, "form of Zelda"));
        ValidationException sms = assertThrows(ValidationException.class, () -> kit.crm().consents()
                .record(zeborah, ConsentChannel.SMS, false, "call of Zelda"));
        ValidationException convert = assertThrows(ValidationException.class, () -> kit.pipelines().convert(
                new dev.crmkit.pipeline.deal.ConvertLead(lead.id(), pipeline.id(), "Zelda's licences",
                        Optional.empty(), Optional.empty(), dev.crmkit.pipeline.definition.Actor.of("rep-anna"))));

        for (ValidationException e : List.of(consent, sms)) {
            assertEquals(List.of("contactId erased"), e.violations().stream().map(v -> v.field() + " " + v.rule())
                    .toList(), e.getMessage());
            assertTrue(e.getMessage().contains(zeborah.toString()), e.getMessage());
        }
        assertEquals(List.of("lead erased"), convert.violations().stream().map(v -> v.field() + " " + v.rule())
                .toList(), convert.getMessage());
        assertTrue(convert.getMessage().contains(lead.id().toString()), convert.getMessage());
        assertEquals(history, kit.crm().consents().history(zeborah));
        assertEquals(before, counts());
        assertEquals(rows, erasedRows(), "nothing written: no row, no consent entry, no deal, no audit entry");
        assertNoneIn(dump(store), List.of("Zelda", "form of Zelda", "call of Zelda"));
        assertNoneIn(dump(store), ZEBORAH);
        // another person's consent is still recorded
        assertEquals(ottoline, kit.crm().consents().record(ottoline, ConsentChannel.SMS, true, "bakery counter")
                .contact());
    }

    /**
     * The erasure marks every id of the person, the contact merged into them too; a merge naming an erased contact
     * (a live person into the erased one, or the erased one into a live person) and the undo of the erased person's
     * merge are refused (rule {@code erased}) under the merge's locks, changing nothing, so no anonymized contact
     * comes back as a live one and no live person's values land on a contact marked erased.
     */
    @Test
    void afterErasure_mergesAndUnmergesNamingAnErasedContact_areRefusedAsErased_andChangeNothing() {
        dev.crmkit.core.merge.ContactMerge merge = all(store.archives().contactMerges()).stream()
                .filter(m -> m.survivor().equals(zeborah)).findFirst().orElseThrow();
        ContactId duplicate = merge.mergedIds().get(0);
        erase("zeborah.quillfeather@example.org");
        assertTrue(store.personalData().isErased(zeborah));
        assertTrue(store.personalData().isErased(duplicate), "the merged-away contact is marked too");
        assertFalse(store.personalData().isErased(ottoline));
        Map<String, Object> before = counts();
        String rows = erasedRows();

        dev.crmkit.core.merge.UnmergeOutcome.Refused unmerge = assertInstanceOf(
                dev.crmkit.core.merge.UnmergeOutcome.Refused.class, kit.crm().merging().unmerge(merge.id()));
        MergeOutcome.Refused liveIntoErased = assertInstanceOf(MergeOutcome.Refused.class, kit.crm().merging()
                .merge(MergeContacts.into(zeborah, List.of(zeborah, ottoline))));
        MergeOutcome.Refused erasedIntoLive = assertInstanceOf(MergeOutcome.Refused.class, kit.crm().merging()
                .merge(MergeContacts.into(ottoline, List.of(ottoline, zeborah))));

        for (ContactId id : List.of(zeborah, duplicate)) {
            assertTrue(unmerge.conflicts().stream().anyMatch(c -> c.contains(id.toString()) && c.contains("erased")),
                    unmerge.conflicts().toString());
        }
        for (MergeOutcome.Refused refused : List.of(liveIntoErased, erasedIntoLive)) {
            assertEquals(List.of("contacts erased"), refused.reasons().stream().map(v -> v.field() + " "
                    + v.rule()).toList(), refused.toString());
            assertTrue(refused.reasons().get(0).message().contains(zeborah.toString()), refused.toString());
        }
        assertEquals(before, counts());
        assertEquals(rows, erasedRows(), "nothing changed: contacts, aliases, merges, timeline, audit trail");
        assertAllIn(dump(store), OTTOLINE);
        assertEquals(zeborah, store.contacts().findById(duplicate).orElseThrow().id(),
                "the merged-away contact still resolves to the erased survivor");
        assertEquals("erased", assertThrows(ValidationException.class, () -> kit.crm().customers().editContact(
                duplicate, dev.crmkit.core.customer.ContactEdit.rename("Zelda", "Smyth"))).violations().get(0).rule());
    }

    /**
     * No input takes an address on the reserved domain of the erased leads' stand-in e-mails (rule {@code reserved}):
     * a live lead given its own stand-in e-mail would count as erased and refuse every later edit. A lead edit, a
     * capture, a new contact, a contact edit and an added e-mail are refused, whatever the case or subdomain, and
     * nothing is stored.
     */
    @Test
    void anAddressOnTheReservedDomainOfErasedLeads_isRefusedOnInput_asReserved_andStoresNothing() {
        Lead lead = leadsOf(ottoline).get(0);
        String standIn = Anonymized.leadEmail(lead.id()).toString();
        Map<String, Object> before = counts();
        String rows = erasedRows();
        var customers = kit.crm().customers();

        List<ValidationException> refused = List.of(
                assertThrows(ValidationException.class, () -> kit.crm().leadEditing().edit(lead.id(),
                        dev.crmkit.core.customer.LeadEdit.nothing().andEmail(standIn))),
                assertThrows(ValidationException.class, () -> customers.addEmail(ottoline, standIn, false)),
                assertThrows(ValidationException.class, () -> customers.editContact(ottoline,
                        dev.crmkit.core.customer.ContactEdit.addEmail("ottoline@mail.erased.invalid"))),
                assertThrows(ValidationException.class, () -> customers.createContact(
                        dev.crmkit.core.customer.NewContact.of("Nobody", "Else", "Nobody@Erased.Invalid"))));
        CaptureOutcome.Rejected captured = assertInstanceOf(CaptureOutcome.Rejected.class, kit.crm().capture()
                .capture(LeadSubmission.from(Channel.WEB_FORM).name("Nobody", "Else").email("nobody@erased.invalid")
                        .build()));

        List<String> expected = List.of("email reserved", "email reserved", "addEmails[0] reserved",
                "emails[0] reserved");
        for (int i = 0; i < refused.size(); i++) {
            assertEquals(List.of(expected.get(i)), refused.get(i).violations().stream().map(v -> v.field() + " "
                    + v.rule()).toList(), refused.get(i).getMessage());
            assertTrue(refused.get(i).getMessage().contains("erased.invalid"), refused.get(i).getMessage());
        }
        assertEquals(List.of("email reserved"), captured.violations().stream().map(v -> v.field() + " " + v.rule())
                .toList());
        assertFalse(Anonymized.isErased(store.leads().findById(lead.id()).orElseThrow()), "the lead stays live");
        assertEquals(before, counts());
        assertEquals(rows, erasedRows(), "nothing stored");
    }

    /**
     * The undo of a contact merge puts the deal it re-pointed back at a new version: a copy of the deal read before
     * the merge, and one read during it, is refused as stale afterwards, and the refused write stores nothing.
     */
    @Test
    void unmergeOfAContactMerge_refusesCopiesOfTheRepointedDealReadBeforeOrDuringIt_andStoresNothing() {
        Deal before = dealNamed("Brackwater ovens");
        dev.crmkit.core.merge.ContactMerge merge = assertInstanceOf(MergeOutcome.Merged.class, kit.crm().merging()
                .merge(MergeContacts.into(zeborah, List.of(zeborah, ottoline)))).merge();
        Deal during = store.deals().findById(before.id()).orElseThrow();
        assertEquals(Optional.of(zeborah), during.contactId(), "the merge re-pointed the deal");

        assertInstanceOf(dev.crmkit.core.merge.UnmergeOutcome.Unmerged.class, kit.crm().merging().unmerge(merge.id()));

        List<Deal> deals = all(store.archives().deals());
        for (Deal copy : List.of(before, during)) {
            assertThrows(dev.crmkit.core.kernel.StaleVersionException.class, () -> store.deals().update(
                    copy.withProbabilityOverride(Optional.of(90), T0.plusSeconds(60))), copy::toString);
        }
        assertEquals(deals, all(store.archives().deals()), "nothing stored");
        dev.crmkit.core.contract.Restored.assertRestored(before, store.deals().findById(before.id()).orElseThrow(),
                List.of(before.id()), T0);
    }

    /**
     * A chain across kinds touching one deal, undone newest-first: the lead merge re-points the deal to the other
     * person's lead, then the contact merge re-points it to that person; undoing the contact merge puts it back at a
     * new version, which the lead merge's record takes, so the lead merge undoes too. No version of any record goes
     * down on the way, and copies of the deal read before or during the merges are refused as stale at the end.
     */
    @Test
    void aLeadMergeThenAContactMergeTouchingOneDeal_undoNewestFirst_versionsNeverDecrease() {
        Map<String, Long> highest = new java.util.HashMap<>();
        versionsNeverDown(highest);
        Deal before = dealNamed("Quillfeather family office licences");
        Lead zLead = store.leads().findById(before.leadId().orElseThrow()).orElseThrow();
        Lead oLead = leadsOf(ottoline).get(0);
        dev.crmkit.core.merge.LeadMerge leadMerge = mergeLeads(oLead, zLead);
        Deal duringLeadMerge = store.deals().findById(before.id()).orElseThrow();
        versionsNeverDown(highest);
        dev.crmkit.core.merge.ContactMerge contactMerge = assertInstanceOf(MergeOutcome.Merged.class, kit.crm()
                .merging().merge(MergeContacts.into(ottoline, List.of(ottoline, zeborah)))).merge();
        Deal duringBoth = store.deals().findById(before.id()).orElseThrow();
        assertEquals(Optional.of(ottoline), duringBoth.contactId(), "the contact merge re-pointed the deal");
        versionsNeverDown(highest);

        assertInstanceOf(dev.crmkit.core.merge.UnmergeOutcome.Unmerged.class,
                kit.crm().merging().unmerge(contactMerge.id()));
        versionsNeverDown(highest);
        dev.crmkit.core.merge.LeadMergeOutcome undone = kit.crm().leadMerging().unmerge(leadMerge.id());

        assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Unmerged.class, undone, undone::toString);
        versionsNeverDown(highest);
        dev.crmkit.core.contract.Restored.assertRestored(before, store.deals().findById(before.id()).orElseThrow(),
                List.of(before.id()), T0);
        for (Deal copy : List.of(before, duringLeadMerge, duringBoth)) {
            assertThrows(dev.crmkit.core.kernel.StaleVersionException.class, () -> store.deals().update(
                    copy.withProbabilityOverride(Optional.of(90), T0.plusSeconds(60))), copy::toString);
        }
    }

    /** A lead merge across people, the erasure of the merged-away lead's person, the undo: no version goes down. */
    @Test
    void mergeEraseUndo_noVersionOfAnyRecordDecreases() {
        Map<String, Long> highest = new java.util.HashMap<>();
        versionsNeverDown(highest);
        Moved m = mergeLeadWithTaskAndDealsIntoAnotherPersonsLead();
        versionsNeverDown(highest);
        erase(zeborah.toString());
        versionsNeverDown(highest);

        dev.crmkit.core.merge.LeadMergeOutcome undone = kit.crm().leadMerging().unmerge(m.merge().id());

        assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Unmerged.class, undone, undone::toString);
        versionsNeverDown(highest);
        assertTrue(store.deals().findById(m.zLeadOnlyDeal().id()).orElseThrow().version()
                > m.zLeadOnlyDeal().version() + 2, "merge, erasure and undo each wrote the deal a version up");
    }

    /**
     * A contact merge re-pointed a deal whose person (by its lead) is erased afterwards: the erasure writes the deal a
     * version up, and the merge's record takes that version, so the merge still undoes. The undo puts back only what
     * the merge changed, the deal's contact, at a new version; the deal stays erased (its title and fields are the
     * erasure's, not the merge's to restore), and no value of the person comes back anywhere.
     */
    @Test
    void contactMergeRepointedADeal_thenTheDealsPersonErased_theMergeUndoes_andTheDealStaysErased() {
        Map<String, Long> highest = new java.util.HashMap<>();
        ContactId hildegard = captured(LeadSubmission.from(Channel.ADS).name("Hildegard", "Voss")
                .email("hildegard.voss@example.com").build());
        deal("Quillfeather side licences", hildegard, leadsOf(zeborah).get(0), "50.00");
        Deal before = dealNamed("Quillfeather side licences");
        dev.crmkit.core.merge.ContactMerge merge = assertInstanceOf(MergeOutcome.Merged.class, kit.crm().merging()
                .merge(MergeContacts.into(ottoline, List.of(ottoline, hildegard)))).merge();
        assertEquals(Optional.of(ottoline), store.deals().findById(before.id()).orElseThrow().contactId(),
                "the merge re-pointed the deal");
        versionsNeverDown(highest);
        erase(zeborah.toString());
        Deal erased = store.deals().findById(before.id()).orElseThrow();
        assertEquals(Anonymized.ERASED, erased.title(), "the erasure took the deal, by its lead");
        versionsNeverDown(highest);

        dev.crmkit.core.merge.UnmergeOutcome undone = kit.crm().merging().unmerge(merge.id());

        assertInstanceOf(dev.crmkit.core.merge.UnmergeOutcome.Unmerged.class, undone, undone::toString);
        versionsNeverDown(highest);
        assertEquals(erased.withContactRef(hildegard).atVersion(erased.version() + 1),
                store.deals().findById(before.id()).orElseThrow(), "the contact put back, a version up, still erased");
        assertNoneIn(dump(store), ZEBORAH);
        assertEquals(Optional.of(hildegard), store.contacts().findById(hildegard).map(Contact::id), "reinstated");
    }

    private Deal dealNamed(String title) {
        return all(store.archives().deals()).stream().filter(d -> d.title().equals(title)).findFirst().orElseThrow();
    }

    /**
     * Asserts that no contact, lead, deal or task is stored at a lower version than the highest seen for it so far
     * (one merged away and back counts with its versions before), and records the versions now.
     */
    private void versionsNeverDown(Map<String, Long> highest) {
        Map<String, Long> now = new java.util.HashMap<>();
        all(store.archives().contacts()).forEach(c -> now.put("contact " + c.id(), c.version()));
        all(store.archives().leads()).forEach(l -> now.put("lead " + l.id(), l.version()));
        all(store.archives().deals()).forEach(d -> now.put("deal " + d.id(), d.version()));
        all(store.archives().tasks()).forEach(t -> now.put("task " + t.id(), t.version()));
        now.forEach((record, version) -> assertTrue(version >= highest.getOrDefault(record, 0L),
                () -> record + " went down from version " + highest.get(record) + " to " + version));
        now.forEach((record, version) -> highest.merge(record, version, Math::max));
    }

    private dev.crmkit.core.merge.LeadMerge mergeLeads(Lead survivor, Lead mergedAway) {
        return assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Merged.class, kit.crm().leadMerging().merge(
                List.of(survivor.id(), mergedAway.id()), Optional.of(survivor.id()))).merge();
    }

    private static List<RecordRef> leadRefs(PersonalDataExport doc) {
        return doc.core().records().stream().filter(r -> r.type() == RecordType.LEAD).toList();
    }

    /**
     * Both stores list a merged-away lead among its person's records (what is held under its id: audit entries, its
     * score), and the export holds each lead of theirs once, as stored now: the survivor, not twice.
     */
    @Test
    void export_afterALeadMerge_listsTheMergedAwayLead_andHoldsEachLeadOnce() {
        List<Lead> two = leadsOf(zeborah);
        assertEquals(2, two.size());
        mergeLeads(two.get(0), two.get(1));
        PersonalDataExport doc = kit.personalDataExports().export(PersonKey.parse(zeborah.toString(), "DE"))
                .orElseThrow();
        assertEquals(two.stream().map(l -> new RecordRef(RecordType.LEAD, l.id().value()))
                .sorted(java.util.Comparator.comparing(RecordRef::toString)).toList(), leadRefs(doc));
        assertEquals(List.of(two.get(0).id()), doc.core().leads().stream().map(Lead::id).toList());
        assertNoneIn(doc.toString(), OTTOLINE);
    }

    /**
     * A lead of one person merged into another person's lead stays among the first person's records, and the
     * survivor (the other person's lead) is in neither their export nor their erasure: the other's e-mail and phone
     * are not suppressed, their values stay.
     */
    @Test
    void afterALeadMergeAcrossPeople_exportAndErasureKeepToTheirOwnPerson() {
        Lead zLead = leadsOf(zeborah).get(0);
        Lead oLead = leadsOf(ottoline).get(0);
        mergeLeads(oLead, zLead);
        PersonalDataExport z = kit.personalDataExports().export(PersonKey.parse(zeborah.toString(), "DE"))
                .orElseThrow();
        assertTrue(leadRefs(z).contains(new RecordRef(RecordType.LEAD, zLead.id().value())), z.toString());
        assertTrue(z.core().leads().stream().noneMatch(l -> l.id().equals(oLead.id())), z.toString());
        PersonalDataExport o = kit.personalDataExports().export(PersonKey.parse(ottoline.toString(), "DE"))
                .orElseThrow();
        assertEquals(List.of(new RecordRef(RecordType.LEAD, oLead.id().value())), leadRefs(o));
        assertEquals(List.of(oLead.id()), o.core().leads().stream().map(Lead::id).toList());

        ErasureOutcome.Erased erased = erase(zeborah.toString());
        assertEquals(4, erased.suppressed(), "two e-mails and two phones, none of Ottoline's");
        assertAllIn(dump(store), OTTOLINE);
        assertEquals(oLead.email(), store.leads().findById(oLead.id()).orElseThrow().email());
    }

    /**
     * A withdrawal on the e-mail channel through {@code Consents} reaches {@code Contact.consent} (what crm-campaigns'
     * segments and filters read) in the same unit of work, as a new audited contact version; other channels only go to
     * the history.
     */
    @Test
    void consent_anEmailWithdrawal_setsTheContactsConsent_versionedAndAudited_otherChannelsDoNot() {
        Contact before = store.contacts().findById(ottoline).orElseThrow();
        assertEquals(MarketingConsent.Status.GRANTED, before.consent().status(), "the populate step granted it");
        kit.crm().consents().record(ottoline, ConsentChannel.EMAIL, false, "unsubscribe link");
        Contact after = store.contacts().findById(ottoline).orElseThrow();
        assertEquals(new MarketingConsent(MarketingConsent.Status.WITHDRAWN, Optional.of(T0), "unsubscribe link"),
                after.consent());
        assertEquals(before.version() + 1, after.version());
        assertTrue(store.auditTrail().forRecord(new RecordRef(RecordType.CONTACT, ottoline.value()),
                PageRequest.first(100)).items().stream().anyMatch(e -> e.changes().stream().anyMatch(
                        c -> c.field().equals("consent") && c.after().orElse("").contains("WITHDRAWN"))));
        kit.crm().consents().record(ottoline, ConsentChannel.SMS, true, "call on 2026-05-04");
        assertEquals(after, store.contacts().findById(ottoline).orElseThrow(), "SMS is not Contact.consent");
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            kit.crm().consents().record(ottoline, ConsentChannel.EMAIL, true, "form");
            throw new IllegalStateException("the host's own step failed");
        }));
        assertEquals(after, store.contacts().findById(ottoline).orElseThrow(), "rolled back with the entry");
    }

    /**
     * A consenting submission sets {@code Contact.consent} and appends the same consent to the history (source = the
     * channel), single and bulk, so the history's current consent and the person's export agree with the contact.
     */
    @Test
    void consent_givenInACapture_isInTheHistory_singleAndBulk_andAgreesWithTheContact() {
        ContactId single = captured(LeadSubmission.from(Channel.WEB_FORM).name("Primula", "Hartwood")
                .email("primula@example.org").marketingConsent(true).build());
        List<CaptureOutcome> bulk = kit.crm().bulkCapture().captureAll(List.of(LeadSubmission.from(Channel.IMPORT)
                .name("Quentin", "Ashgrove").email("quentin@example.org").marketingConsent(true).build()));
        ContactId imported = bulk.get(0).lead().orElseThrow(() -> new AssertionError(bulk.toString())).contactId();
        for (ContactId id : List.of(single, imported)) {
            Contact contact = store.contacts().findById(id).orElseThrow();
            assertEquals(MarketingConsent.Status.GRANTED, contact.consent().status());
            ConsentChange now = kit.crm().consents().current(id).get(ConsentChannel.EMAIL);
            assertEquals(List.of(MarketingConsent.Status.GRANTED, contact.consent().source(), T0),
                    now == null ? List.of() : List.of(now.status(), now.source(), now.at()), id.toString());
            PersonalDataExport doc = kit.personalDataExports().export(PersonKey.parse(id.toString(), "DE"))
                    .orElseThrow();
            assertEquals(List.of(contact.consent().source()), doc.core().consents().stream()
                    .map(ConsentChange::source).toList());
        }
        ContactId silent = captured(LeadSubmission.from(Channel.WEB_FORM).name("Rowan", "Nobox")
                .email("rowan@example.org").build());
        assertEquals(List.of(), kit.crm().consents().history(silent), "no consent given: nothing recorded");
    }

    /**
     * An erased person's e-mail in a submission that names an existing contact by another key (its phone) is not
     * added to that contact, its lead or the timeline, single and bulk; a note on the timeline says a value was left
     * out, without the value.
     */
    @Test
    void captureOfAnErasedPersonsEmail_withAnotherContactsPhone_storesNoneOfTheErasedValues_singleAndBulk() {
        ContactId kasimir = captured(LeadSubmission.from(Channel.CALL).name("Kasimir", "Phoneonly")
                .phone("+49 160 5551234").build());
        ContactId konrad = captured(LeadSubmission.from(Channel.CALL).name("Konrad", "Phoneonly")
                .phone("+49 160 5554321").build());
        erase("zeborah.quillfeather@example.org");
        CaptureOutcome single = kit.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Kasimir", "Phoneonly").email("zeborah.quillfeather@example.org").phone("+49 160 5551234")
                .build());
        List<CaptureOutcome> bulk = kit.crm().bulkCapture().captureAll(List.of(LeadSubmission.from(Channel.IMPORT)
                .name("Konrad", "Phoneonly").email("zq.private@example.net").phone("+49 160 5554321").build()));
        for (var pair : List.of(Map.entry(kasimir, single), Map.entry(konrad, bulk.get(0)))) {
            Lead lead = pair.getValue().lead().orElseThrow(() -> new AssertionError(pair.getValue().toString()));
            assertEquals(pair.getKey(), lead.contactId());
            assertEquals(List.of(), store.contacts().findById(pair.getKey()).orElseThrow().emails());
            assertTrue(store.activities().timeline(new RecordRef(RecordType.LEAD, lead.id().value()),
                    dev.crmkit.core.activity.TimelineFilter.everything(),
                    PageRequest.first(50)).items().stream().anyMatch(a -> a.subject()
                            .equals("Not stored: email of an erased person")), "flagged on the lead's timeline");
        }
        assertNoneIn(dump(store), ZEBORAH);
    }

    /**
     * The person's e-mails leave the participants of items about other records (a private meeting and a public call
     * about Ottoline), and the private item's key of the e-mail goes too; the other participants stay.
     */
    @Test
    void erase_removesThePersonsEmails_fromTheParticipantsOfItemsAboutOtherRecords() {
        RecordRef oRef = new RecordRef(RecordType.CONTACT, ottoline.value());
        dev.crmkit.core.activity.ActivityId meeting = new dev.crmkit.core.activity.ActivityId(kit.crm().ids().next());
        dev.crmkit.core.activity.ActivityId call = new dev.crmkit.core.activity.ActivityId(kit.crm().ids().next());
        store.activities().append(new Activity(meeting, dev.crmkit.core.activity.ActivityType.MEETING, "Ovens",
                "", dev.crmkit.core.activity.Direction.OUTBOUND, T0, List.of("rep-anna",
                " Zeborah.Quillfeather@Example.org ", "baker@example.com"), java.util.Set.of(oRef),
                Optional.of(REP), dev.crmkit.core.activity.Visibility.PRIVATE, T0));
        store.activities().append(new Activity(call, dev.crmkit.core.activity.ActivityType.CALL, "Ovens call", "",
                dev.crmkit.core.activity.Direction.OUTBOUND, T0, List.of("zq.private@example.net", "rep-anna"),
                java.util.Set.of(oRef), Optional.of(REP), dev.crmkit.core.activity.Visibility.PUBLIC, T0));
        erase("zeborah.quillfeather@example.org");
        assertNoneIn(dump(store), ZEBORAH);
        assertEquals(List.of("rep-anna", "baker@example.com"), store.activities().findById(meeting).orElseThrow()
                .participants());
        assertEquals(List.of("rep-anna"), store.activities().findById(call).orElseThrow().participants());
        assertEquals("Ovens", store.activities().findById(meeting).orElseThrow().subject(), "not erased whole");
    }

    /**
     * An erasure of the person whose lead was merged into another person's lead leaves that merge undoable on every
     * store (the merged-away lead comes back erased, the survivor as the merge found it).
     */
    @Test
    void afterALeadMergeAcrossPeople_erasureOfTheMergedAwayLeadsPerson_keepsTheMergeUndoable() {
        Lead zLead = leadsOf(zeborah).get(1); // not the lead of Zeborah's deal, which the erasure changes
        Lead oLead = leadsOf(ottoline).get(0);
        dev.crmkit.core.merge.MergeId merge = mergeLeads(oLead, zLead).id();

        erase(zeborah.toString());

        dev.crmkit.core.merge.LeadMergeOutcome undone = kit.crm().leadMerging().unmerge(merge);
        assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Unmerged.class, undone, undone::toString);
        assertEquals(zLead.id(), store.leads().findById(zLead.id()).orElseThrow().id());
        dev.crmkit.core.contract.Restored.assertRestored(oLead, store.leads().findById(oLead.id()).orElseThrow(),
                List.of(oLead.id()), T0);
        assertNotEquals(zLead.email(), store.leads().findById(zLead.id()).orElseThrow().email(), "still erased");
    }


    /**
     * A lead of one person merged into another person's lead: the first person's export holds it as it was before
     * the merge (from the merge record, which keeps it for the undo), and the other person's export does not.
     */
    @Test
    void export_afterALeadMergeAcrossPeople_holdsTheMergedAwayLeadAsItWasBeforeTheMerge() {
        Lead zLead = leadsOf(zeborah).get(1);
        Lead oLead = leadsOf(ottoline).get(0);
        mergeLeads(oLead, zLead);

        PersonalDataExport z = kit.personalDataExports().export(PersonKey.parse(zeborah.toString(), "DE"))
                .orElseThrow();
        assertEquals(List.of(zLead), z.core().mergedLeads());
        assertTrue(z.core().leads().stream().noneMatch(l -> l.id().equals(zLead.id())
                || l.id().equals(oLead.id())), z.toString());
        PersonalDataExport o = kit.personalDataExports().export(PersonKey.parse(ottoline.toString(), "DE"))
                .orElseThrow();
        assertEquals(List.of(), o.core().mergedLeads());
        assertEquals(List.of(oLead.id()), o.core().leads().stream().map(Lead::id).toList());
    }

    /**
     * After a lead of the person was merged into another person's lead and the person is erased, none of their
     * values is left anywhere: not in the merge's snapshot of their lead, and not in the merge's timeline entry,
     * which is about the other person's lead and names the merged-away lead by id only (entries written before
     * named its person: the erasure scrubs those).
     */
    @Test
    void erase_afterALeadMergeAcrossPeople_leavesNoValueInTheSnapshotNorInTheMergesTimelineEntry() {
        Lead zLead = leadsOf(zeborah).get(1);
        Lead oLead = leadsOf(ottoline).get(0);
        dev.crmkit.core.merge.LeadMerge merge = mergeLeads(oLead, zLead);
        RecordRef survivor = new RecordRef(RecordType.LEAD, oLead.id().value());
        Activity entry = mergeEntry(survivor, merge);
        assertTrue(entry.body().contains(zLead.id().toString()), "the entry names the merged-away lead: " + entry);

        ErasureOutcome.Erased erased = erase(zeborah.toString());

        assertTrue(erased.counts().of("lead_merge_snapshot") >= 1, erased.counts().toString());
        String dump = dump(store);
        assertNoneIn(dump, ZEBORAH);
        assertAllIn(dump, OTTOLINE);
        assertNoneIn(kit.crm().leadMerging().find(merge.id()).orElseThrow().toString(), ZEBORAH);
        Activity after = mergeEntry(survivor, merge);
        assertEquals(entry.subject(), after.subject(), "the subject names only the survivor's person");
        assertEquals(entry.about(), after.about());
    }

    /**
     * Right of access after a lead merge across people: a timeline entry the merge moved from one person's lead to
     * another person's lead is about the first person (it was about their lead), so it is in their export and not in
     * the other person's, although it is now on the surviving lead's timeline; what is written about the surviving
     * lead after the merge, and the merge's own entry, belong to the survivor's person. An unmerge puts the entry
     * back, and the exports with it.
     */
    @Test
    void export_afterALeadMergeAcrossPeople_theEntriesTheMergeMovedStayWithTheMergedAwayLeadsPerson() {
        Lead zLead = leadsOf(zeborah).get(1);
        Lead oLead = leadsOf(ottoline).get(0);
        RecordRef zLeadRef = new RecordRef(RecordType.LEAD, zLead.id().value());
        RecordRef oLeadRef = new RecordRef(RecordType.LEAD, oLead.id().value());
        Activity aboutZLead = kit.crm().timeline().log(LogActivity.note(REP, "Ring Zeborah",
                "Zeborah signs off the licences", zLeadRef));
        dev.crmkit.core.merge.LeadMerge merge = mergeLeads(oLead, zLead);
        assertTrue(timelineIds(kit.crm().timeline().of(oLeadRef, dev.crmkit.core.activity.TimelineFilter
                .everything(), PageRequest.first(100)).items()).contains(aboutZLead.id()), "moved to the survivor");
        Activity aboutOLead = kit.crm().timeline().log(LogActivity.note(REP, "Oven quote", "prefers mornings",
                oLeadRef));

        PersonalDataExport o = exportOf(ottoline);
        PersonalDataExport z = exportOf(zeborah);

        assertNoneIn(o.toString(), ZEBORAH);
        assertTrue(timelineIds(o.core().timeline()).containsAll(List.of(aboutOLead.id(), merge.activityId())),
                o.toString());
        assertTrue(timelineIds(z.core().timeline()).contains(aboutZLead.id()), z.toString());
        assertFalse(timelineIds(z.core().timeline()).contains(aboutOLead.id()), z.toString());
        assertFalse(timelineIds(z.core().timeline()).contains(merge.activityId()), z.toString());
        assertNoneIn(z.toString(), OTTOLINE);

        assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Unmerged.class,
                kit.crm().leadMerging().unmerge(merge.id()));
        assertTrue(timelineIds(exportOf(zeborah).core().timeline()).contains(aboutZLead.id()));
        assertFalse(timelineIds(exportOf(ottoline).core().timeline()).contains(aboutZLead.id()));
    }

    /**
     * The erasure goes with the export: an entry a lead merge moved from one person's lead to another person's lead
     * is erased with the first person, although it is on the other's timeline now, and left alone when the other
     * person is erased.
     */
    @Test
    void erase_afterALeadMergeAcrossPeople_coversTheEntriesTheMergeMoved_asTheirFirstPersons() {
        Lead zLead = leadsOf(zeborah).get(1);
        Lead oLead = leadsOf(ottoline).get(0);
        Activity aboutZLead = kit.crm().timeline().log(LogActivity.note(REP, "Ring Zeborah",
                "Zeborah signs off the licences", new RecordRef(RecordType.LEAD, zLead.id().value())));
        mergeLeads(oLead, zLead);

        erase(ottoline.toString());
        assertEquals(aboutZLead.withAbout(java.util.Set.of(new RecordRef(RecordType.LEAD, oLead.id().value()))),
                store.activities().findById(aboutZLead.id()).orElseThrow(), "another person's entry is kept");
        erase(zeborah.toString());

        assertEquals(dev.crmkit.core.privacy.Anonymized.ERASED,
                store.activities().findById(aboutZLead.id()).orElseThrow().subject());
        assertNoneIn(dump(store), ZEBORAH);
    }

    /**
     * A lead merge's timeline entry as crmkit wrote it before it named leads by id only: the merged-away lead's person
     * in the subject and in the body. The erasure blanks both texts and counts the entry once, as one activity row,
     * on every store (the JDBC store counted each text apart). The old
     * entry is written with a merge record saved through the store's port; the leads themselves are not merged.
     */
    @Test
    void erase_anOlderLeadMergeEntryNamingThePersonInSubjectAndBody_isScrubbed_andCountedOnce() {
        Lead zLead = leadsOf(zeborah).get(1);
        Lead oLead = leadsOf(ottoline).get(0);
        RecordRef oLeadRef = new RecordRef(RecordType.LEAD, oLead.id().value());
        dev.crmkit.core.activity.ActivityId old = new dev.crmkit.core.activity.ActivityId(kit.crm().ids().next());
        store.activities().append(Activity.system(old, "Merged 1 duplicate lead into Zeborah Quillfeather",
                "merged away: " + zLead.id() + " (Zeborah Quillfeather); re-pointed: 0", java.util.Set.of(oLeadRef),
                T0));
        store.leadMerges().save(new dev.crmkit.core.merge.LeadMerge(new dev.crmkit.core.merge.MergeId(
                kit.crm().ids().next()), oLead, oLead.version(), List.of(zLead), List.of(), old, T0,
                Optional.empty()));
        java.util.Set<RecordRef> hers = store.personalData().recordsOf(zeborah);
        long aboutHer = all(store.archives().activities()).stream()
                .filter(a -> a.about().stream().anyMatch(hers::contains)).count();

        ErasureOutcome.Erased erased = erase(zeborah.toString());

        assertEquals(aboutHer + 1, erased.counts().of("activity"), erased.counts().toString());
        Activity after = store.activities().findById(old).orElseThrow();
        assertEquals(List.of(dev.crmkit.core.privacy.Anonymized.ERASED, dev.crmkit.core.privacy.Anonymized.ERASED),
                List.of(after.subject(), after.body()));
        assertEquals(List.of(oLeadRef), List.copyOf(after.about()), "the entry stays on the survivor's timeline");
    }

    /**
     * What a cross-person lead merge moved in the tests below: Zeborah's lead (merged away into Ottoline's lead) had a
     * task and two deals, one with her contact and one with no contact; Ottoline has a task of her own on her lead,
     * written after the merge.
     */
    private record Moved(Lead zLead, Lead oLead, dev.crmkit.core.merge.LeadMerge merge,
                         dev.crmkit.core.task.Task zTask, Deal zDeal, Deal zLeadOnlyDeal,
                         dev.crmkit.core.task.Task oTask) {
    }

    private Moved mergeLeadWithTaskAndDealsIntoAnotherPersonsLead() {
        Lead zLead = leadsOf(zeborah).get(1);
        Lead oLead = leadsOf(ottoline).get(0);
        RecordRef zLeadRef = new RecordRef(RecordType.LEAD, zLead.id().value());
        dev.crmkit.core.task.Task zTask = kit.crm().tasks().create(NewTask.of("Send Zeborah the licence offer",
                T0.plusSeconds(86_400), REP, Optional.of(zLeadRef)));
        Deal zDeal = dealOf("Quillfeather second office", Optional.of(zeborah), zLead, "300.00");
        Deal zLeadOnly = dealOf("Quillfeather family office extension", Optional.empty(), zLead, "400.00");
        dev.crmkit.core.merge.LeadMerge merge = mergeLeads(oLead, zLead);
        assertEquals(Optional.of(new RecordRef(RecordType.LEAD, oLead.id().value())),
                store.tasks().findById(zTask.id()).orElseThrow().relatedTo(), "the merge moved the task");
        assertEquals(Optional.of(oLead.id()), store.deals().findById(zLeadOnly.id()).orElseThrow().leadId(),
                "the merge moved the deal");
        dev.crmkit.core.task.Task oTask = kit.crm().tasks().create(NewTask.of("Brackwater bakery oven quote",
                T0.plusSeconds(86_400), REP, Optional.of(new RecordRef(RecordType.LEAD, oLead.id().value()))));
        return new Moved(zLead, oLead, merge, zTask, zDeal, zLeadOnly, oTask);
    }

    private Deal dealOf(String title, Optional<ContactId> contact, Lead lead, String amount) {
        Money money = Money.of(new BigDecimal(amount), Currency.getInstance("EUR"));
        return store.deals().insert(Deal.builder(new DealId(kit.crm().ids().next()), new PipelineId(new UUID(7, 7)),
                title, "New", T0).parties(Optional.of(REP), contact, Optional.empty(), Optional.of(lead.id()))
                .terms(Optional.of(money), Optional.empty(), Optional.empty()).source("web").build());
    }

    private static List<dev.crmkit.core.task.TaskId> taskIds(PersonalDataExport doc) {
        return doc.core().tasks().stream().map(dev.crmkit.core.task.Task::id).toList();
    }

    private static List<DealId> dealIds(PersonalDataExport doc) {
        return doc.deals().stream().map(Deal::id).toList();
    }

    /**
     * Right of access after a lead merge across people: the task and the deals the merge moved from one person's
     * lead to another person's lead stay the first person's (in their export, among their records), although they
     * are the surviving lead's now; the other person's export holds their own task and deal and none of the moved
     * ones. An unmerge puts them back, and the exports still agree.
     */
    @Test
    void export_afterALeadMergeAcrossPeople_theTasksAndDealsTheMergeMovedStayWithTheMergedAwayLeadsPerson() {
        Moved m = mergeLeadWithTaskAndDealsIntoAnotherPersonsLead();

        PersonalDataExport z = exportOf(zeborah);
        PersonalDataExport o = exportOf(ottoline);

        assertTrue(taskIds(z).contains(m.zTask().id()), z.toString());
        assertFalse(taskIds(z).contains(m.oTask().id()), z.toString());
        assertTrue(dealIds(z).containsAll(List.of(m.zDeal().id(), m.zLeadOnlyDeal().id())), z.toString());
        assertTrue(z.core().records().contains(new RecordRef(RecordType.DEAL, m.zLeadOnlyDeal().id().value())));
        assertFalse(taskIds(o).contains(m.zTask().id()), o.toString());
        assertTrue(taskIds(o).contains(m.oTask().id()), o.toString());
        assertFalse(dealIds(o).contains(m.zDeal().id()), o.toString());
        assertFalse(dealIds(o).contains(m.zLeadOnlyDeal().id()), o.toString());
        assertEquals(1, o.deals().size(), "her own deal: " + o.deals());
        assertNoneIn(o.toString(), ZEBORAH);
        assertNoneIn(z.toString(), OTTOLINE);

        assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Unmerged.class,
                kit.crm().leadMerging().unmerge(m.merge().id()));
        PersonalDataExport zAfter = exportOf(zeborah);
        PersonalDataExport oAfter = exportOf(ottoline);
        assertTrue(taskIds(zAfter).contains(m.zTask().id()));
        assertTrue(dealIds(zAfter).containsAll(List.of(m.zDeal().id(), m.zLeadOnlyDeal().id())));
        assertFalse(taskIds(oAfter).contains(m.zTask().id()));
        assertFalse(dealIds(oAfter).contains(m.zLeadOnlyDeal().id()));
    }

    /**
     * The scoped export (an actor's view) holds the same tasks and deals records as the export: the moved task in the
     * first person's document, not in the other's.
     */
    @Test
    void scopedExport_afterALeadMergeAcrossPeople_followsTheMovedTasksAndDeals() {
        Moved m = mergeLeadWithTaskAndDealsIntoAnotherPersonsLead();
        dev.crmkit.core.ScopedCrm view = kit.crm().as(dev.crmkit.core.access.Actor.system("privacy-desk"));
        dev.crmkit.core.privacy.PersonalRecords z = view.exportPersonalData(PersonKey.parse(zeborah.toString(),
                "DE")).orElseThrow().value().orElseThrow();
        dev.crmkit.core.privacy.PersonalRecords o = view.exportPersonalData(PersonKey.parse(ottoline.toString(),
                "DE")).orElseThrow().value().orElseThrow();
        RecordRef leadOnlyDeal = new RecordRef(RecordType.DEAL, m.zLeadOnlyDeal().id().value());
        assertTrue(z.tasks().stream().anyMatch(t -> t.id().equals(m.zTask().id())), z.toString());
        assertTrue(z.records().contains(leadOnlyDeal), z.toString());
        assertTrue(o.tasks().stream().noneMatch(t -> t.id().equals(m.zTask().id())), o.toString());
        assertFalse(o.records().contains(leadOnlyDeal), o.toString());
        assertFalse(o.records().contains(new RecordRef(RecordType.DEAL, m.zDeal().id().value())), o.toString());
    }

    /**
     * Erasure after a lead merge across people: the first person's erasure blanks the task and the deals the merge
     * moved (no value of theirs is left in the store) and leaves the other person's own task, deal and values; the
     * merge can still be undone.
     */
    @Test
    void erase_afterALeadMergeAcrossPeople_coversTheTasksAndDealsTheMergeMoved_andLeavesTheOthersOwn() {
        Moved m = mergeLeadWithTaskAndDealsIntoAnotherPersonsLead();
        Map<String, Object> before = counts();

        ErasureOutcome.Erased erased = erase(zeborah.toString());

        String dump = dump(store);
        assertNoneIn(dump, ZEBORAH);
        assertAllIn(dump, OTTOLINE);
        assertEquals(Anonymized.ERASED, store.tasks().findById(m.zTask().id()).orElseThrow().title());
        assertEquals(Anonymized.ERASED, store.deals().findById(m.zLeadOnlyDeal().id()).orElseThrow().title());
        assertEquals(Anonymized.ERASED, store.deals().findById(m.zDeal().id()).orElseThrow().title());
        assertEquals(m.oTask().title(), store.tasks().findById(m.oTask().id()).orElseThrow().title());
        assertTrue(all(store.archives().deals()).stream().anyMatch(d -> d.title().equals("Brackwater ovens")));
        assertEquals(before, counts());
        assertTrue(erased.counts().of("task") >= 2, erased.counts().toString());

        dev.crmkit.core.merge.LeadMergeOutcome undone = kit.crm().leadMerging().unmerge(m.merge().id());
        assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Unmerged.class, undone, undone::toString);
        assertEquals(Optional.of(m.zLead().id()), store.deals().findById(m.zLeadOnlyDeal().id()).orElseThrow()
                .leadId());
        assertEquals(Optional.of(new RecordRef(RecordType.LEAD, m.zLead().id().value())),
                store.tasks().findById(m.zTask().id()).orElseThrow().relatedTo());
        assertNoneIn(dump(store), ZEBORAH);
    }

    /**
     * Copies of the moved task and deals read before the first person's erasure (an open edit form, a cache) hold
     * their title and fields: saving one is refused as stale after the erasure, and still after the merge's undo,
     * which puts the records back a version up from the erased one (versions never step back). The erased values
     * cannot come back; the records stay erased.
     */
    @Test
    void erase_thenUndoOfALeadMergeAcrossPeople_refusesStaleCopiesOfTheMovedTaskAndDeals() {
        Moved m = mergeLeadWithTaskAndDealsIntoAnotherPersonsLead();
        dev.crmkit.core.task.Task staleTask = store.tasks().findById(m.zTask().id()).orElseThrow();
        List<Deal> staleDeals = List.of(store.deals().findById(m.zDeal().id()).orElseThrow(),
                store.deals().findById(m.zLeadOnlyDeal().id()).orElseThrow());

        erase(zeborah.toString());
        assertThrows(dev.crmkit.core.kernel.StaleVersionException.class, () -> store.tasks().update(staleTask),
                "a task copy read before the erasure");
        for (Deal stale : staleDeals) {
            assertThrows(dev.crmkit.core.kernel.StaleVersionException.class, () -> store.deals().update(stale),
                    "a deal copy read before the erasure");
        }

        dev.crmkit.core.merge.LeadMergeOutcome undone = kit.crm().leadMerging().unmerge(m.merge().id());
        assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Unmerged.class, undone, undone::toString);
        assertThrows(dev.crmkit.core.kernel.StaleVersionException.class, () -> store.tasks().update(staleTask),
                "a task copy read before the erasure, after the undo");
        for (Deal stale : staleDeals) {
            assertThrows(dev.crmkit.core.kernel.StaleVersionException.class, () -> store.deals().update(stale),
                    "a deal copy read before the erasure, after the undo");
        }
        assertEquals(Anonymized.ERASED, store.tasks().findById(m.zTask().id()).orElseThrow().title());
        for (Deal stale : staleDeals) {
            assertEquals(Anonymized.ERASED, store.deals().findById(stale.id()).orElseThrow().title());
        }
        assertNoneIn(dump(store), ZEBORAH);
    }

    /**
     * A moved task that the survivor's person re-pointed since to their own contact (a task edit) is theirs, no longer
     * the first person's: it is in the survivor's person's export and not in the first person's, and the first
     * person's erasure leaves it as it is.
     */
    @Test
    void afterALeadMergeAcrossPeople_aMovedTaskRepointedToTheSurvivorsPersonsContact_isTheirsNow() {
        Moved m = mergeLeadWithTaskAndDealsIntoAnotherPersonsLead();
        dev.crmkit.core.task.Task moved = store.tasks().findById(m.zTask().id()).orElseThrow();
        store.tasks().update(new dev.crmkit.core.task.Task(moved.id(), moved.version(), "Bakery licence follow-up",
                moved.due(), moved.remindAt(), moved.assignee(), Optional.of(new RecordRef(RecordType.CONTACT,
                ottoline.value())), moved.status(), moved.closedAt(), moved.createdAt()));

        PersonalDataExport o = exportOf(ottoline);
        PersonalDataExport z = exportOf(zeborah);
        assertTrue(taskIds(o).contains(moved.id()), o.toString());
        assertFalse(taskIds(z).contains(moved.id()), z.toString());

        erase(zeborah.toString());
        assertEquals("Bakery licence follow-up", store.tasks().findById(moved.id()).orElseThrow().title());
        String dump = dump(store);
        assertNoneIn(dump, ZEBORAH);
        assertAllIn(dump, OTTOLINE);
    }

    /**
     * The survivor's person's erasure leaves the task and the deals a lead merge moved onto their lead from another
     * person's lead as they are: they are not theirs (the first person can still export and erase them); their own
     * task is blanked. The merge can no longer be undone: its survivor changed (erased) since.
     */
    @Test
    void erase_ofTheSurvivorsPerson_leavesTheTasksAndDealsMovedOntoTheirLead_asTheFirstPersons() {
        Moved m = mergeLeadWithTaskAndDealsIntoAnotherPersonsLead();

        erase(ottoline.toString());

        assertEquals(m.zTask().title(), store.tasks().findById(m.zTask().id()).orElseThrow().title());
        assertEquals(m.zDeal().title(), store.deals().findById(m.zDeal().id()).orElseThrow().title());
        assertEquals(m.zLeadOnlyDeal().title(), store.deals().findById(m.zLeadOnlyDeal().id()).orElseThrow()
                .title());
        assertEquals(Anonymized.ERASED, store.tasks().findById(m.oTask().id()).orElseThrow().title());
        assertNoneIn(dump(store), OTTOLINE);
        // the survivor was erased with its person: the undo is refused (it would write the survivor's values back)
        dev.crmkit.core.merge.LeadMergeOutcome undo = kit.crm().leadMerging().unmerge(m.merge().id());
        assertTrue(assertInstanceOf(dev.crmkit.core.merge.LeadMergeOutcome.Refused.class, undo).toString()
                .contains("lead " + m.oLead().id() + " changed since the merge"), undo::toString);
        PersonalDataExport z = exportOf(zeborah);
        assertTrue(taskIds(z).contains(m.zTask().id()), z.toString());
        assertTrue(dealIds(z).containsAll(List.of(m.zDeal().id(), m.zLeadOnlyDeal().id())), z.toString());

        erase(zeborah.toString());
        assertNoneIn(dump(store), ZEBORAH);
    }

    private PersonalDataExport exportOf(ContactId person) {
        return kit.personalDataExports().export(PersonKey.parse(person.toString(), "DE")).orElseThrow();
    }

    private static List<dev.crmkit.core.activity.ActivityId> timelineIds(List<Activity> entries) {
        return entries.stream().map(Activity::id).toList();
    }

    private Activity mergeEntry(RecordRef survivor, dev.crmkit.core.merge.LeadMerge merge) {
        return kit.crm().timeline().of(survivor, dev.crmkit.core.activity.TimelineFilter.everything(),
                PageRequest.first(100)).items().stream().filter(a -> a.id().equals(merge.activityId())).findFirst()
                .orElseThrow(() -> new AssertionError("no merge entry on " + survivor));
    }
}
