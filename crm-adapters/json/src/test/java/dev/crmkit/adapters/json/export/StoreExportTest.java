package dev.crmkit.adapters.json.export;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.CampaignSample;
import dev.crmkit.kit.migration.ExternalIdFixtures;
import dev.crmkit.pipeline.contract.PopulatedStore;
import dev.crmkit.service.contract.ServiceRecords;
import dev.crmkit.service.contract.ServiceStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.crmkit.kit.archive.ExportFolders.assertSameFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export and import on the in-memory store: format, round trip, refusals, merge and resume. */
class StoreExportTest {

    @TempDir
    Path dir;

    private static InMemoryCrmStore populated(long seed) {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        PopulatedStore.fill(store, store, seed, 12);
        ServiceRecords.fill(ServiceStores.of(store), seed + 14);
        CampaignSample.fill(store);
        ExternalIdFixtures.fill(store);
        dev.crmkit.kit.privacy.ConsentFixtures.fill(store);
        dev.crmkit.kit.privacy.PrivacyListFixtures.fill(store);
        PopulatedStore.mergeCompaniesAndLeads(store, seed);
        return store;
    }

    @Test
    void export_writesEveryRecordTypeSortedByKeyWithCountsAndChecksums() throws IOException {
        ExportManifest manifest = StoreExport.standard().write(populated(7), dir.resolve("a"));

        assertEquals(ExportFormat.standard().records().stream().map(RecordFormat::name).toList(),
                manifest.files().stream().map(ExportManifest.FileEntry::recordType).toList());
        for (ExportManifest.FileEntry f : manifest.files()) {
            List<String> lines = Files.readAllLines(dir.resolve("a").resolve(f.file()), StandardCharsets.UTF_8);
            assertTrue(f.count() > 0, f.recordType() + " holds no record: the sample misses a type");
            assertEquals(f.count(), lines.size(), f.file());
            assertEquals(Sha256.of(Files.readAllBytes(dir.resolve("a").resolve(f.file()))), f.sha256(), f.file());
        }
        assertEquals(3, manifest.entry("pipeline-revisions").orElseThrow().count() - 1, "3 + 1 revisions");
        String manifestText = Files.readString(dir.resolve("a").resolve(ExportManifest.FILE));
        assertTrue(manifestText.contains("\"formatVersion\" : 1"), manifestText);
    }

    @Test
    void export_keysAreStrictlyIncreasingInEveryFile() {
        InMemoryCrmStore store = populated(8);
        StoreExport.standard().write(store, dir.resolve("a"));
        for (RecordFormat<?> record : ExportFormat.standard().records()) {
            assertSorted(store, record);
        }
    }

    private static <T> void assertSorted(CrmkitStore store, RecordFormat<T> record) {
        List<T> all = record.archive().apply(store).after(Optional.empty(), 100_000);
        String previous = "";
        for (T r : all) {
            String key = record.archive().apply(store).key(r);
            assertTrue(Archive.compareKeys(key, previous) > 0, record.name() + ": " + key + " after " + previous);
            previous = key;
        }
    }

    @Test
    void roundTrip_isByteIdentical() throws IOException {
        StoreExport.standard().write(populated(9), dir.resolve("a"));
        InMemoryCrmStore target = InMemoryCrmStore.create();

        ImportOutcome outcome = StoreImport.builder().build().into(target, dir.resolve("a"));
        StoreExport.standard().write(target, dir.resolve("b"));

        assertInstanceOf(ImportOutcome.Imported.class, outcome, outcome.toString());
        assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    }

    @Test
    void import_refusesATamperedFileNamingIt_andWritesNothing() throws IOException {
        StoreExport.standard().write(populated(10), dir.resolve("a"));
        Path leads = dir.resolve("a").resolve("leads.jsonl");
        byte[] bytes = Files.readAllBytes(leads);
        bytes[bytes.length / 2] ^= 1;
        Files.write(leads, bytes);
        InMemoryCrmStore target = InMemoryCrmStore.create();

        ImportOutcome outcome = StoreImport.builder().build().into(target, dir.resolve("a"));

        ImportOutcome.Refused refused = assertInstanceOf(ImportOutcome.Refused.class, outcome);
        assertEquals(1, refused.reasons().size(), refused.toString());
        assertTrue(refused.reasons().get(0).startsWith("leads.jsonl: SHA-256 is "), refused.toString());
        assertEquals(0, target.contacts().count(), "nothing is written before every file is checked");
    }

    @Test
    void import_refusesAMissingManifestAndAnUnknownVersion() throws IOException {
        StoreExport.standard().write(populated(11), dir.resolve("a"));
        Path manifest = dir.resolve("a").resolve(ExportManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 1",
                "\"formatVersion\" : 2"));

        ImportOutcome newer = StoreImport.builder().build().into(InMemoryCrmStore.create(), dir.resolve("a"));
        ImportOutcome none = StoreImport.builder().build().into(InMemoryCrmStore.create(), dir);

        assertTrue(assertInstanceOf(ImportOutcome.Refused.class, newer).reasons().get(0)
                .contains("format version 2 is not supported"), newer.toString());
        assertTrue(assertInstanceOf(ImportOutcome.Refused.class, none).reasons().get(0)
                .startsWith("there is no manifest.json"), none.toString());
    }

    @Test
    void import_refusesANonEmptyStoreUnlessMerging() {
        StoreExport.standard().write(populated(12), dir.resolve("a"));
        InMemoryCrmStore target = populated(13);
        long contactsBefore = target.contacts().count();

        ImportOutcome refused = StoreImport.builder().build().into(target, dir.resolve("a"));
        ImportOutcome merged = StoreImport.builder().merge(true).build().into(target, dir.resolve("a"));

        assertTrue(assertInstanceOf(ImportOutcome.Refused.class, refused).reasons().get(0)
                .startsWith("the store is not empty (it holds contacts, companies"), refused.toString());
        ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class, merged);
        // both samples number their e-mail addresses from 1: every exported contact's address is taken
        ImportOutcome.TypeResult contacts = imported.results().get(0);
        assertEquals(12 - 3, contacts.rejected().size(), "12 people, 3 merged away: " + contacts);
        assertTrue(contacts.rejected().get(0).contains("already belongs to contact"), contacts.toString());
        assertEquals(contactsBefore, target.contacts().count());
        assertEquals(2 * (12 - 1), target.leads().count(),
                "the leads have external ids of their own seed; one merged away in each sample");
        ImportOutcome.TypeResult schemas = imported.results().get(2);
        assertEquals("custom-field-schemas", schemas.recordType());
        assertEquals(2, schemas.kept(), "the target's own schemas are kept");
    }

    @Test
    void import_mergeRejectsARecordWhoseUniqueKeyBelongsToAnother() {
        InMemoryCrmStore source = populated(14);
        StoreExport.standard().write(source, dir.resolve("a"));
        InMemoryCrmStore target = InMemoryCrmStore.create();
        // the same e-mail address under another id: the merge cannot write the exported contact
        var exported = source.archives().contacts().after(Optional.empty(), 1).get(0);
        target.contacts().insertOrGet(new Contact(
                new ContactId(UUID.fromString("00000000-0000-4000-8000-000000000001")),
                0, exported.name(), exported.emails(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                exported.consent(), List.of(), exported.customFields(), Optional.empty(), exported.createdAt(),
                exported.createdAt()));

        ImportOutcome outcome = StoreImport.builder().merge(true).build().into(target, dir.resolve("a"));

        ImportOutcome.TypeResult contacts = assertInstanceOf(ImportOutcome.Imported.class, outcome).results().get(0);
        assertEquals(1, contacts.rejected().size(), contacts.toString());
        assertTrue(contacts.rejected().get(0).startsWith(exported.id() + ": "), contacts.toString());
        assertEquals(12 - 3 - 1, contacts.restored(), "12 people, 3 merged away, 1 rejected");
    }

    @Test
    void import_stoppedHalfWay_goesOnWithoutDuplicates() throws IOException {
        StoreExport.standard().write(populated(15), dir.resolve("a"));
        InMemoryCrmStore target = InMemoryCrmStore.create();
        AtomicInteger batches = new AtomicInteger();
        StoreImport crashing = StoreImport.builder().batchSize(5).progress(p -> {
            if (batches.incrementAndGet() == 7) {
                throw new IllegalStateException("the process dies here");
            }
        }).build();

        assertThrows(IllegalStateException.class, () -> crashing.into(target, dir.resolve("a")));
        long halfway = target.contacts().count() + target.leads().count();
        ImportOutcome again = StoreImport.builder().batchSize(5).build().into(target, dir.resolve("a"));
        ImportOutcome third = StoreImport.builder().build().into(target, dir.resolve("a"));
        StoreExport.standard().write(target, dir.resolve("b"));

        assertTrue(halfway > 0 && halfway < 24, "the first run stopped half-way: " + halfway);
        ImportOutcome.Imported resumed = assertInstanceOf(ImportOutcome.Imported.class, again);
        assertTrue(resumed.resumed());
        assertEquals(12 - 3, resumed.results().get(0).earlier() + resumed.results().get(0).restored(),
                "12 people, 3 merged away");
        assertTrue(resumed.results().get(0).earlier() > 0, resumed.toString());
        assertEquals(0, assertInstanceOf(ImportOutcome.Imported.class, third).restored(),
                "a finished import run again writes nothing");
        assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    }

    @Test
    void export_refusesAFolderThatHoldsFiles() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a").resolve("x.txt"), "x");

        assertThrows(IllegalArgumentException.class,
                () -> StoreExport.standard().write(InMemoryCrmStore.create(), dir.resolve("a")));
    }
}
