package dev.crmkit.examples.cli;

import dev.crmkit.adapters.jdbc.EmbeddedDatabase;
import dev.crmkit.adapters.json.export.StoreExport;
import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.examples.cli.migrate.CsvSourceFiles;
import dev.crmkit.examples.cli.migrate.MappingFile;
import dev.crmkit.kit.Crmkit;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.migration.ExternalKey;
import dev.crmkit.kit.migration.Merge;
import dev.crmkit.kit.migration.Migration;
import dev.crmkit.kit.migration.MigrationMapping;
import dev.crmkit.kit.migration.MigrationReport;
import dev.crmkit.kit.migration.Rejection;
import dev.crmkit.kit.migration.RowOutcome;
import dev.crmkit.kit.migration.SourceType;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.core.kernel.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example HubSpot mapping (docs/migration/hubspot-mapping.json) over a seeded generated export, on memory, H2
 * and (embedded) PostgreSQL: a dry run writes nothing and reports what the run then does; bad rows are rejected
 * with line, field and rule while the good ones go in; source times, external ids and references are kept; a
 * second run is idempotent.
 */
class MigrationEndToEndTest {

    private static final Path MAPPING = Path.of("..", "..", "docs", "migration", "hubspot-mapping.json");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private Database database;
    private int exports;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private CrmkitStore store(String kind) {
        if (kind.equals("memory")) {
            return InMemoryCrmStore.create();
        }
        String url = kind.equals("h2") ? "jdbc:h2:mem:migrate-" + UUID.nameUUIDFromBytes(dir.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + ";DB_CLOSE_DELAY=-1"
                : EmbeddedDatabase.url(EmbeddedDatabase.newDatabase("migrate"));
        database = Database.open(url, kind.equals("h2") ? Optional.empty() : Optional.of("postgres"),
                Optional.empty(), "crm_");
        return database.store();
    }

    private Migration migration(CrmkitStore store) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return Migration.into(store, clock, IdGenerator.timeOrdered(clock, 7L));
    }

    /** The store as its full export, file name to bytes. */
    private Map<String, byte[]> snapshot(CrmkitStore store) throws IOException {
        Path out = dir.resolve("export-" + (exports++));
        StoreExport.standard().write(store, out);
        try (Stream<Path> files = Files.list(out)) {
            return files.collect(java.util.stream.Collectors.toMap(f -> f.getFileName().toString(), f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    private static void assertSameStore(Map<String, byte[]> expected, Map<String, byte[]> actual, String why) {
        assertEquals(expected.keySet(), actual.keySet(), why);
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), why + ": " + file));
    }

    private static Instant newYork(java.time.LocalDateTime local) {
        return local.atZone(NEW_YORK).toInstant();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2", "postgresql"})
    void hubspotExport_dryRunThenRunThenRerun(String kind) throws IOException {
        HubspotExport export = HubspotExport.write(Files.createDirectories(dir.resolve("csv")), 17L);
        CrmkitStore store = store(kind);
        Crmkit.builder().store(store).defaultRegion("US").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().pipelines()
                .definePipeline(Presets.classicLead());
        Contact existing = store.contacts().insertOrGet(Contact.create(new ContactId(new UUID(42, 42)),
                PersonName.of("Already", "Here"), List.of(EmailAddress.parse(HubspotExport.EXISTING_EMAIL)), List.of(),
                NOW.minusSeconds(86_400)));
        MigrationMapping mapping = MappingFile.read(MAPPING);
        CsvSourceFiles files = new CsvSourceFiles(dir.resolve("csv"));
        Map<String, byte[]> before = snapshot(store);

        MigrationReport dry = migration(store).run(mapping, files, true);

        assertSameStore(before, snapshot(store), "a dry run writes nothing");
        assertTrue(dry.dryRun());
        assertReport(export, dry, RowOutcome.CREATED, existing);

        MigrationReport run = migration(store).run(mapping, files, false);

        assertFalse(run.dryRun());
        assertEquals(dry.counts(), run.counts(), "the dry run said what the run does");
        assertEquals(dry.rejections(), run.rejections());
        assertEquals(dry.merges(), run.merges());
        assertKept(export, store, existing);
        Map<String, byte[]> afterRun = snapshot(store);

        MigrationReport again = migration(store).run(mapping, files, false);

        assertSameStore(afterRun, snapshot(store), "a second run changes nothing");
        assertReport(export, again, RowOutcome.SKIPPED, existing);
        assertEquals(run.rejections(), again.rejections(), "bad rows are still bad");
    }

    private static void assertReport(HubspotExport export, MigrationReport report, RowOutcome outcome,
                                     Contact existing) {
        Map<String, SourceType> types = Map.of("companies.csv", SourceType.COMPANY, "contacts.csv",
                SourceType.CONTACT, "deals.csv", SourceType.DEAL, "activities.csv", SourceType.ACTIVITY,
                "tasks.csv", SourceType.TASK);
        export.good.forEach((file, good) -> {
            SourceType type = types.get(file);
            long merged = outcome == RowOutcome.CREATED && type == SourceType.CONTACT ? 1 : 0;
            assertEquals(good - merged, report.count(type, outcome), file + " " + report);
            assertEquals(merged, report.count(type, RowOutcome.MERGED), file);
        });
        if (outcome == RowOutcome.CREATED) {
            assertEquals(List.of(new Merge(SourceType.CONTACT, 12, HubspotExport.MERGED_CONTACT,
                    existing.id().value(), "email")), report.merges());
        }
        assertEquals(export.bad.size(), report.rejections().size(), report.rejections().toString());
        for (int i = 0; i < export.bad.size(); i++) {
            HubspotExport.Bad bad = export.bad.get(i);
            Rejection r = report.rejections().stream().filter(x -> x.file().equals(bad.file())
                    && x.line() == bad.line()).findFirst().orElseThrow(() -> new AssertionError("not rejected: "
                    + bad));
            assertEquals(bad.sourceId(), r.sourceId(), bad.toString());
            assertTrue(r.problems().stream().anyMatch(p -> p.field().equals(bad.field())
                    && p.rule().equals(bad.rule())), bad + " was rejected for " + r.problems());
        }
    }

    private static void assertKept(HubspotExport export, CrmkitStore store, Contact existing) {
        var links = store.externalIds();
        UUID contact2012 = links.find(new ExternalKey("hubspot", SourceType.CONTACT, "2012")).orElseThrow()
                .recordId();
        Contact c = store.contacts().findById(new ContactId(contact2012)).orElseThrow();
        assertEquals(newYork(export.created.get("2012")), c.createdAt(), "the source's creation time");
        UUID company103 = links.find(new ExternalKey("hubspot", SourceType.COMPANY, "103")).orElseThrow()
                .recordId();
        assertEquals(List.of(new CompanyId(company103)), c.affiliations().stream().map(a -> a.companyId()).toList(),
                "the contact's company resolved through the external ids");
        assertEquals("Company 3 \"Quoted\"; Ünïcode 😀", store.companies().findById(new CompanyId(company103))
                .orElseThrow().name());
        assertEquals(existing.id().value(), links.find(new ExternalKey("hubspot", SourceType.CONTACT,
                HubspotExport.MERGED_CONTACT)).orElseThrow().recordId(), "the merged row links the existing contact");
        assertEquals(Optional.of(existing), store.contacts().findById(existing.id()), "a merge changes nothing");

        Deal deal = store.deals().findById(new DealId(links.find(new ExternalKey("hubspot", SourceType.DEAL, "305"))
                .orElseThrow().recordId())).orElseThrow();
        assertEquals("Won", deal.stage(), "Closed Won through the value map");
        assertEquals(newYork(export.created.get("305")), deal.createdAt());
        assertTrue(deal.wonAt().isPresent());
        assertEquals(deal.stageEnteredAt(), deal.wonAt().get());
        assertTrue(deal.stageEnteredAt().isAfter(deal.createdAt()));
        assertEquals(Optional.of(new ContactId(links.find(new ExternalKey("hubspot", SourceType.CONTACT, "2015"))
                .orElseThrow().recordId())), deal.contactId());
        List<StageHistoryEntry> history = store.stageHistory().ofDeal(deal.id(), PageRequest.first(10)).items();
        assertEquals(1, history.size());
        assertEquals(deal.stageEnteredAt(), history.get(0).at());
        assertEquals(UserId.of("migration"), history.get(0).by());

        Activity activity = store.activities().findById(new ActivityId(links.find(new ExternalKey("hubspot",
                SourceType.ACTIVITY, "4015")).orElseThrow().recordId())).orElseThrow();
        assertEquals(newYork(export.created.get("4015")), activity.occurredAt(), "the source's activity time");
        assertEquals(activity.occurredAt().plusSeconds(300), activity.recordedAt());
        assertEquals("line 1\nline 2 \"quoted\", comma", activity.body());
        assertEquals(Direction.OUTBOUND, activity.direction());
        assertTrue(activity.about().contains(new RecordRef(RecordType.DEAL, links.find(new ExternalKey("hubspot",
                SourceType.DEAL, "306")).orElseThrow().recordId())));

        Task done = store.tasks().findById(new TaskId(links.find(new ExternalKey("hubspot", SourceType.TASK,
                "501")).orElseThrow().recordId())).orElseThrow();
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(Optional.of(newYork(export.created.get("501").plusDays(3).minusHours(2))), done.closedAt());
        assertEquals(newYork(export.created.get("501")), done.createdAt());
        assertEquals(UserId.of("migration"), done.assignee(), "no assignee: the migration's user");
        assertEquals(5 + 10 + 8 + 12 + 6 + 1, links.count("hubspot"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void anErasedPerson_isRefusedAsSuppressed_andNoneOfTheRowIsStored(String kind) throws IOException {
        CrmkitStore store = store(kind);
        byte[] salt = "a salt of at least sixteen bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        dev.crmkit.core.Crm crm = dev.crmkit.core.Crm.builder().store(store).defaultRegion("DE")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).suppressionSalt(salt).build();
        crm.capture().capture(dev.crmkit.core.capture.LeadSubmission.from(dev.crmkit.core.lead.Channel.WEB_FORM)
                .name("Erna", "Gone").email("erna.gone@example.org").build());
        assertInstanceOf(dev.crmkit.core.privacy.ErasureOutcome.Erased.class, crm.personalData().erase(
                dev.crmkit.core.privacy.PersonKey.parse("erna.gone@example.org", "DE"), "asked by letter"));
        Files.createDirectories(dir.resolve("csv"));
        Files.writeString(dir.resolve("csv").resolve("people.csv"),
                "id;name;mail\n1;Ann;ann@example.org\n2;Erna Zurueck;erna.gone@example.org\n");
        MigrationMapping mapping = MappingFile.parse("""
                {"format": 1, "system": "crm-x", "contacts": {"file": "people.csv", "id": "id",
                 "columns": {"firstName": "name", "email": "mail"}}}""");

        MigrationReport report = migration(store).checking(dev.crmkit.core.privacy.Suppressions.of(
                store.suppressionList(), salt)).run(mapping, new CsvSourceFiles(dir.resolve("csv")), false);

        assertEquals(1, report.count(SourceType.CONTACT, RowOutcome.CREATED));
        Rejection erna = report.rejections().get(0);
        assertEquals(3, erna.line());
        assertEquals("email:suppressed", erna.problems().get(0).field() + ":" + erna.problems().get(0).rule());
        assertTrue(store.contacts().findByEmail(dev.crmkit.core.kernel.EmailAddress.parse("erna.gone@example.org"))
                .isEmpty(), "the erased person is not back");
        assertTrue(store.externalIds().find(new ExternalKey("crm-x", SourceType.CONTACT, "2")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void customFields_checkedByTheStoresSchema_badValueRejectsTheRow(String kind) throws IOException {
        CrmkitStore store = store(kind);
        store.customFieldSchemas().save(CustomFieldSchema.of(RecordType.CONTACT,
                FieldDefinition.optional("employees", FieldType.NUMBER)));
        Files.createDirectories(dir.resolve("csv"));
        Files.writeString(dir.resolve("csv").resolve("people.csv"), "id;name;size\n1;Ann;12\n2;Bob;many\n");
        MigrationMapping mapping = MappingFile.parse("""
                {"format": 1, "system": "crm-x", "contacts": {"file": "people.csv", "id": "id",
                 "columns": {"firstName": "name"}, "customFields": {"employees": "size"}}}""");

        MigrationReport report = migration(store).run(mapping, new CsvSourceFiles(dir.resolve("csv")), false);

        assertEquals(1, report.count(SourceType.CONTACT, RowOutcome.CREATED));
        Rejection bob = report.rejections().get(0);
        assertEquals(3, bob.line());
        assertEquals("customFields.employees", bob.problems().get(0).field(), bob.toString());
        UUID ann = store.externalIds().find(new ExternalKey("crm-x", SourceType.CONTACT, "1")).orElseThrow()
                .recordId();
        assertEquals("12", store.contacts().findById(new ContactId(ann)).orElseThrow().customFields()
                .get("employees").orElseThrow().asText());

        MigrationMapping unknownField = MappingFile.parse("""
                {"format": 1, "system": "crm-x", "contacts": {"file": "people.csv", "id": "id",
                 "columns": {"firstName": "name", "email": "mail"}, "customFields": {"seats": "size"}}}""");
        ValidationException e = assertThrows(ValidationException.class, () -> migration(store).run(unknownField,
                new CsvSourceFiles(dir.resolve("csv")), false));
        assertEquals(List.of("contacts.columns.email:column", "contacts.customFields.seats:known-custom-field"),
                e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
        assertEquals(1, store.externalIds().count("crm-x"), "a mapping that does not fit writes nothing");
    }
}
