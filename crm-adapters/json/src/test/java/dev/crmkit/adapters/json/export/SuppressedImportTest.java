package dev.crmkit.adapters.json.export;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
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
        Crmkit atBranch = kit(branch, 1L);
        capture(atBranch, "Zeborah", "Quillfeather", "zeborah.quillfeather@example.org", "0151 23456789");
        capture(atBranch, "Ottoline", "Brackwater", "ottoline.brackwater@example.com", "0170 9876543");
        StoreExport.standard().write(branch, dir);

        InMemoryCrmStore head = headWhereZeborahWasErased();

        ImportOutcome outcome = StoreImport.builder().merge(true)
                .checking(Suppressions.of(head.suppressionList(), SALT)).build().into(head, dir);

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
        Crmkit atBranch = kit(branch, 1L);
        capture(atBranch, "Zeborah", "Quillfeather", "zeborah.quillfeather@example.org", "0151 23456789");
        capture(atBranch, "Ottoline", "Brackwater", "ottoline.brackwater@example.com", "0170 9876543");
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
        ContactId zeborah = branch.contacts().findByEmail(EmailAddress.parse("zeborah.quillfeather@example.org"))
                .orElseThrow().id();
        List<Activity> zeborahsTimeline = branch.archives().activities().after(Optional.empty(), 100).stream()
                .filter(a -> a.about().stream().anyMatch(r -> belongsTo(branch, r, zeborah))).toList();
        assertTrue(zeborahsTimeline.size() >= 2, "the capture's entry and the note: " + zeborahsTimeline);
        long zeborahsTasks = branch.archives().tasks().after(Optional.empty(), 100).stream()
                .filter(t -> t.relatedTo().filter(r -> belongsTo(branch, r, zeborah)).isPresent()).count();
        assertTrue(zeborahsTasks >= 1);
        StoreExport.standard().write(branch, dir);

        InMemoryCrmStore head = headWhereZeborahWasErased();
        long headTimeline = head.archives().activities().after(Optional.empty(), 1000).size();

        ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class, StoreImport.builder()
                .merge(true).checking(Suppressions.of(head.suppressionList(), SALT)).build().into(head, dir));

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
