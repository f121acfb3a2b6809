package dev.crmkit.adapters.json.export;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.CommitmentId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.privacy.ErasureOutcome;
import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.core.privacy.Suppressions;
import dev.crmkit.kit.Crmkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm import --from-export} and an erased person: an export taken elsewhere (or before the erasure) that holds
 * the person is merged into a store whose suppression list names their e-mail; the person's contact and lead are not
 * restored but reported as rejected, {@code suppressed}; everybody else comes in.
 */
class SuppressedImportTest {

    private static final byte[] SALT = "the import test's secret salt 32".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final UserId REP = UserId.of("rep-anna");

    @TempDir
    Path dir;

    private static Crmkit kit(InMemoryCrmStore store, long seed) {
        return Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                .ids(IdGenerator.seeded(seed)).suppressionSalt(SALT).build();
    }

    private static void capture(Crmkit kit, String first, String last, String email, String phone) {
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, kit.crm().capture().capture(LeadSubmission
                .from(Channel.WEB_FORM).name(first, last).email(email).phone(phone).request("wants a quote")
                .build()));
    }

    @Test
    void aMergedExportHoldingAnErasedPerson_doesNotBringThemBack_andSaysSo() {
        InMemoryCrmStore branch = InMemoryCrmStore.create();
        zeborahAndOttolineCapturedIn(branch);
        StoreExport.standard().write(branch, dir);

        InMemoryCrmStore head = headWhereZeborahWasErased();

        ImportOutcome outcome = importCheckingSuppressions(head);

        ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class, outcome, outcome.toString());
        List<String> people = head.archives().contacts().after(Optional.empty(), 100).stream()
                .map(Contact::toString).toList();
        assertTrue(people.stream().noneMatch(n -> n.contains("Quillfeather")), people.toString());
        assertTrue(people.stream().anyMatch(n -> n.contains("Brackwater")), people.toString());
        assertEquals(1, rejected(imported, "contacts").size(), imported.toString());
        assertTrue(rejected(imported, "contacts").get(0).contains("suppressed: its email and phone belong"),
                rejected(imported, "contacts").toString());
        assertEquals(1, rejected(imported, "leads").size(), imported.toString());
        assertTrue(head.archives().leads().after(Optional.empty(), 100).stream().noneMatch(l -> l.email()
                .filter(e -> e.value().equals("zeborah.quillfeather@example.org")).isPresent()));
    }

    /**
     * What belongs to the skipped person comes in neither: their timeline entries (the capture's and a note), their
     * task and their deal are each reported as rejected under their own record type, naming the skipped record they
     * belong to, while another person's come in.
     */
    @Test
    void aMergedExportHoldingAnErasedPerson_skipsTheirTimelineTasksAndDeals_andReportsEachType() {
        InMemoryCrmStore branch = InMemoryCrmStore.create();
        Crmkit atBranch = zeborahAndOttolineCapturedIn(branch);
        for (Lead lead : branch.archives().leads().after(Optional.empty(), 100)) {
            RecordRef person = new RecordRef(RecordType.CONTACT, lead.contactId().value());
            String first = lead.name().first();
            atBranch.crm().timeline().log(LogActivity.note(REP, "Ring " + first, first + " asked for a quote",
                    person));
            atBranch.crm().tasks().create(NewTask.of("Send " + first + " the quote", T0.plusSeconds(86_400), REP,
                    Optional.of(person)));
            branch.deals().insert(Deal.builder(new DealId(atBranch.crm().ids().next()),
                    new PipelineId(new UUID(7, 7)), first + "'s licences", "New", T0)
                    .parties(Optional.of(REP), Optional.of(lead.contactId()), Optional.empty(),
                            Optional.of(lead.id())).source("web").build());
        }
        ContactId zeborah = contactOf(branch, "zeborah.quillfeather@example.org");
        List<Activity> zeborahsTimeline = branch.archives().activities().after(Optional.empty(), 100).stream()
                .filter(a -> a.about().stream().anyMatch(r -> belongsTo(branch, r, zeborah))).toList();
        assertTrue(zeborahsTimeline.size() >= 2, "the capture's entry and the note: " + zeborahsTimeline);
        long zeborahsTasks = branch.archives().tasks().after(Optional.empty(), 100).stream()
                .filter(t -> t.relatedTo().filter(r -> belongsTo(branch, r, zeborah)).isPresent()).count();
        assertTrue(zeborahsTasks >= 1);
        StoreExport.standard().write(branch, dir);

        InMemoryCrmStore head = headWhereZeborahWasErased();
        long headTimeline = head.archives().activities().after(Optional.empty(), 1000).size();

        ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class,
                importCheckingSuppressions(head));

        assertEquals(zeborahsTimeline.size(), rejected(imported, "activities").size(), imported.toString());
        assertEquals(zeborahsTasks, rejected(imported, "tasks").size(), imported.toString());
        assertEquals(1, rejected(imported, "deals").size(), imported.toString());
        assertTrue(rejected(imported, "deals").get(0).contains("suppressed: it belongs to contact:" + zeborah
                        .value()) || rejected(imported, "deals").get(0).contains("suppressed: it belongs to lead:"),
                rejected(imported, "deals").toString());
        String restored = head.archives().activities().after(Optional.empty(), 1000) + " "
                + head.archives().tasks().after(Optional.empty(), 1000) + " "
                + head.archives().deals().after(Optional.empty(), 1000);
        assertFalse(restored.contains("Zeborah"), restored);
        assertFalse(restored.contains(zeborah.value().toString()), restored);
        assertTrue(restored.contains("Ring Ottoline") && restored.contains("Send Ottoline the quote")
                && restored.contains("Ottoline's licences"), restored);
        assertEquals(headTimeline + branch.archives().activities().after(Optional.empty(), 1000).size()
                - zeborahsTimeline.size(), head.archives().activities().after(Optional.empty(), 1000).size());
    }

    /**
     * The audit entries about the skipped person (their changes hold the old and new values), a merge whose snapshot
     * is their contact, and a crm-service record of theirs come in neither; each is reported under its record type.
     */
    @Test
    void aMergedExportHoldingAnErasedPerson_skipsTheirAuditValuesMergeSnapshotsAndServiceRecords() {
        InMemoryCrmStore branch = InMemoryCrmStore.create();
        Crmkit atBranch = zeborahAndOttolineCapturedIn(branch);
        ContactId zeborah = contactOf(branch, "zeborah.quillfeather@example.org");
        atBranch.crm().customers().addEmail(zeborah, "zeb.q@workplace.example", false);
        Contact twin = atBranch.crm().customers().createContact(NewContact.of("Zeb", "Quillfeather",
                "zq.private@elsewhere.example"));
        atBranch.crm().customers().addEmail(twin.id(), "zeb.second@private.example", false);
        assertInstanceOf(MergeOutcome.Merged.class, atBranch.crm().merging().merge(MergeContacts.into(zeborah,
                List.of(zeborah, twin.id()))));
        branch.serviceArchives().commitments().restore(new Commitment(new CommitmentId(new UUID(9, 9)), 0, zeborah,
                "Call Zeborah back on 0151 23456789", LocalDate.of(2026, 5, 10), REP, T0, Optional.empty()));
        assertTrue(branch.archives().auditTrail().after(Optional.empty(), 1000).toString()
                .contains("zeb.q@workplace.example"), "the branch audits the new e-mail");
        StoreExport.standard().write(branch, dir);

        InMemoryCrmStore head = headWhereZeborahWasErased();
        ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class,
                importCheckingSuppressions(head));

        String restored = head.archives().auditTrail().after(Optional.empty(), 1000) + " "
                + head.archives().contactMerges().after(Optional.empty(), 1000) + " "
                + head.archives().contactAliases().after(Optional.empty(), 1000) + " "
                + head.serviceArchives().commitments().after(Optional.empty(), 1000);
        assertFalse(restored.contains("zeb.q@workplace.example"), restored);
        assertFalse(restored.contains("zeb.second@private.example"), "the merged-away contact's: " + restored);
        assertFalse(restored.contains("Quillfeather"), restored);
        assertFalse(restored.contains("Zeborah"), restored);
        assertFalse(restored.contains(zeborah.value().toString()), restored);
        assertFalse(rejected(imported, "audit-trail").isEmpty(), imported.toString());
        assertTrue(rejected(imported, "audit-trail").stream().allMatch(r -> r.contains("suppressed: it belongs to "
                + "contact:" + zeborah.value()) || r.contains("suppressed: it belongs to contact:" + twin.id().value())),
                rejected(imported, "audit-trail").toString());
        assertEquals(1, rejected(imported, "contact-merges").size(), imported.toString());
        assertEquals(1, rejected(imported, "contact-aliases").size(), imported.toString());
        assertEquals(1, rejected(imported, "service-commitments").size(), imported.toString());
    }

    /**
     * A note and a task about the skipped person's deal alone (not their contact or lead) come in neither, although
     * the export holds them before its deals.
     */
    @Test
    void aMergedExportHoldingAnErasedPerson_skipsTheNotesAndTasksOnTheirDealAlone() {
        InMemoryCrmStore branch = InMemoryCrmStore.create();
        Crmkit atBranch = zeborahAndOttolineCapturedIn(branch);
        ContactId zeborah = contactOf(branch, "zeborah.quillfeather@example.org");
        ContactId ottoline = contactOf(branch, "ottoline.brackwater@example.com");
        for (ContactId person : List.of(zeborah, ottoline)) {
            String first = person.equals(zeborah) ? "Zeborah" : "Ottoline";
            DealId id = new DealId(atBranch.crm().ids().next());
            branch.deals().insert(Deal.builder(id, new PipelineId(new UUID(7, 7)), "Licences", "New", T0)
                    .parties(Optional.of(REP), Optional.of(person), Optional.empty(), Optional.empty())
                    .source("web").build());
            RecordRef deal = new RecordRef(RecordType.DEAL, id.value());
            atBranch.crm().timeline().log(LogActivity.note(REP, "Budget", first + " has budget, +49 151", deal));
            atBranch.crm().tasks().create(NewTask.of("Send " + first + " the contract", T0.plusSeconds(86_400),
                    REP, Optional.of(deal)));
        }
        StoreExport.standard().write(branch, dir);

        InMemoryCrmStore head = headWhereZeborahWasErased();
        ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class,
                importCheckingSuppressions(head));

        String restored = head.archives().activities().after(Optional.empty(), 1000) + " "
                + head.archives().tasks().after(Optional.empty(), 1000);
        assertFalse(restored.contains("Zeborah"), restored);
        assertTrue(restored.contains("Ottoline has budget") && restored.contains("Send Ottoline the contract"),
                restored);
        assertEquals(1, rejected(imported, "deals").size(), imported.toString());
        assertTrue(rejected(imported, "tasks").stream().anyMatch(r -> r.contains("suppressed: it belongs to deal:")
                && r.contains("contact:" + zeborah.value())), rejected(imported, "tasks").toString());
        assertTrue(rejected(imported, "activities").stream().anyMatch(r -> r.contains("it belongs to deal:")),
                rejected(imported, "activities").toString());
    }

    /** Captures Zeborah and Ottoline (a lead and a contact each) through the kit of a store, ids seeded 1. */
    private static Crmkit zeborahAndOttolineCapturedIn(InMemoryCrmStore branch) {
        Crmkit atBranch = kit(branch, 1L);
        capture(atBranch, "Zeborah", "Quillfeather", "zeborah.quillfeather@example.org", "0151 23456789");
        capture(atBranch, "Ottoline", "Brackwater", "ottoline.brackwater@example.com", "0170 9876543");
        return atBranch;
    }

    /** The contact a store holds under an e-mail. */
    private static ContactId contactOf(InMemoryCrmStore store, String email) {
        return store.contacts().findByEmail(EmailAddress.parse(email)).orElseThrow().id();
    }

    /** Merges the export in {@link #dir} into a store, checking the store's suppression list. */
    private ImportOutcome importCheckingSuppressions(InMemoryCrmStore head) {
        return StoreImport.builder().merge(true).checking(Suppressions.of(head.suppressionList(), SALT)).build()
                .into(head, dir);
    }

    /** A store that held Zeborah and erased her on request: her e-mail and phone are on its suppression list. */
    private static InMemoryCrmStore headWhereZeborahWasErased() {
        InMemoryCrmStore head = InMemoryCrmStore.create();
        Crmkit atHead = kit(head, 2L);
        capture(atHead, "Zeborah", "Quillfeather", "zeborah.quillfeather@example.org", "0151 23456789");
        assertInstanceOf(ErasureOutcome.Erased.class, atHead.crm().personalData().erase(
                PersonKey.parse("zeborah.quillfeather@example.org", "DE"), "request of 2026-05-03"));
        return head;
    }

    /** Whether a record is the person's contact or one of their leads, in the store. */
    private static boolean belongsTo(InMemoryCrmStore store, RecordRef record, ContactId person) {
        return record.equals(new RecordRef(RecordType.CONTACT, person.value()))
                || record.type() == RecordType.LEAD && store.leads().findById(new LeadId(record.id()))
                .filter(l -> l.contactId().equals(person)).isPresent();
    }

    private static List<String> rejected(ImportOutcome.Imported imported, String type) {
        return imported.results().stream().filter(t -> t.recordType().equals(type)).findFirst().orElseThrow()
                .rejected();
    }
}
