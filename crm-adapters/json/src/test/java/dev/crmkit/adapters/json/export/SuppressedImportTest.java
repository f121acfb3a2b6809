package dev.crmkit.adapters.json.export;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
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

        InMemoryCrmStore head = InMemoryCrmStore.create();
        Crmkit atHead = kit(head, 2L);
        capture(atHead, "Zeborah", "Quillfeather", "zeborah.quillfeather@example.org", "0151 23456789");
        assertInstanceOf(ErasureOutcome.Erased.class, atHead.crm().personalData().erase(
                PersonKey.parse("zeborah.quillfeather@example.org", "DE"), "request of 2026-05-03"));

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

    private static List<String> rejected(ImportOutcome.Imported imported, String type) {
        return imported.results().stream().filter(t -> t.recordType().equals(type)).findFirst().orElseThrow()
                .rejected();
    }
}
