package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.examples.MutableClock;
import dev.crmkit.examples.cli.CrmSetup;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadImportTest {

    private final InMemoryCrmStore memory = InMemoryCrmStore.create();
    /** Makes the store's n-th lead insert throw and the store fail from then on, as a database gone; 0 for never. */
    private final AtomicInteger failOnInsert = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    /** Makes every lead insert fail while reads still work, as a database gone read-only. */
    private final AtomicBoolean refuseWrites = new AtomicBoolean();
    /** The e-mail address of a lead the store always refuses to insert, as a database with an unforeseen rule. */
    private final AtomicReference<String> refusedEmail = new AtomicReference<>("");
    private final AtomicInteger inserts = new AtomicInteger();
    /** Makes the lead schema reads of the import's helper thread fail from the n-th on; 0 for never. */
    private final AtomicInteger failPreparingFrom = new AtomicInteger();
    private final AtomicInteger preparations = new AtomicInteger();
    private final MutableClock clock = MutableClock.fixedAt(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private final Crm crm = CrmSetup.on(failing(memory), "DE", clock, IdGenerator.seeded(1));

    private static InputStream people(int count) {
        StringBuilder csv = new StringBuilder("first_name,last_name,email,external_id\n");
        for (int i = 1; i <= count; i++) {
            csv.append("Person,No").append(i).append(",person").append(i).append("@example.com,ext-").append(i)
                    .append('\n');
        }
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storeDownMidChunk_theChunkIsRolledBack_theImportStopsNamingItsLines_andARerunCompletesIt() {
        failOnInsert.set(8); // the third lead of the second chunk of five; the store is down from then on
        List<Long> heard = new ArrayList<>();

        ImportStoppedException stopped = assertThrows(ImportStoppedException.class,
                () -> new LeadImport(crm, clock, 5).run(people(12), (row, outcome) -> heard.add(row.record().line())));

        assertEquals(7, stopped.firstLine(), "rows 6 to 10 start on lines 7 to 11");
        assertEquals(11, stopped.lastLine());
        assertEquals(5, stopped.rows());
        assertEquals(5, stopped.imported().rows());
        assertTrue(stopped.getMessage().startsWith("lines 7 to 11 (5 rows) not imported: the store failed "
                + "(connection lost), and not because of one row"), stopped.getMessage());
        assertTrue(stopped.getMessage().contains("the 5 rows before line 7 are imported or rejected. Run the same "
                + "import again"), stopped.getMessage());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), heard);
        assertEquals(5, memory.leads().count(), "nothing of the failed chunk stays");
        assertEquals(5, memory.contacts().count());

        failOnInsert.set(0);
        down.set(false);
        ImportTally again = new LeadImport(crm, clock, 5).run(people(12), ImportListener.none());

        assertEquals(5, again.count(OutcomeKind.ALREADY_CAPTURED));
        assertEquals(7, again.created());
        assertEquals(12, memory.leads().count());
        assertEquals(12, memory.contacts().count());
    }

    @Test
    void rowTheStoreRefuses_isRejectedAlone_theRestOfItsChunkIsImported() {
        refusedEmail.set("person8@example.com"); // the third row of the second chunk of five
        List<Long> heard = new ArrayList<>();
        List<CaptureOutcome> outcomes = new ArrayList<>();

        ImportTally tally = new LeadImport(crm, clock, 5).run(people(12), (row, outcome) -> {
            heard.add(row.record().line());
            outcomes.add(outcome);
        });

        assertEquals(11, tally.created());
        assertEquals(1, tally.rejected());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L), heard);
        CaptureOutcome.Rejected rejected = (CaptureOutcome.Rejected) outcomes.get(7);
        assertEquals("store-failure", rejected.violations().get(0).rule());
        assertTrue(rejected.reason().contains("the store refused this row while it took the others (row refused)"),
                rejected.reason());
        assertEquals(11, memory.leads().count());
        assertTrue(memory.leads().findByExternalId("ext-8").isEmpty());
        assertTrue(memory.leads().findByExternalId("ext-9").isPresent());
    }

    @Test
    void storeRefusingEveryWriteWhileAnsweringReads_stopsTheImport_ratherThanRejectEveryRow() {
        refuseWrites.set(true);
        List<Long> heard = new ArrayList<>();

        ImportStoppedException stopped = assertThrows(ImportStoppedException.class,
                () -> new LeadImport(crm, clock, 5).run(people(12), (row, outcome) -> heard.add(row.record().line())));

        assertEquals(2, stopped.firstLine());
        assertEquals(6, stopped.lastLine());
        assertEquals(0, stopped.imported().rows());
        assertTrue(stopped.getMessage().contains("(read-only), and not because of one row"), stopped.getMessage());
        assertEquals(List.of(), heard, "no row was rejected for the store's fault");
        assertEquals(0, memory.leads().count());
    }

    @Test
    void rowBreakingAValidationRule_isRejected_theRestOfItsChunkIsImported() {
        InputStream csv = new ByteArrayInputStream(("email,external_id\nann@example.com,a\nbob@@example,b\n"
                + "cid@example.com,c\n").getBytes(StandardCharsets.UTF_8));

        ImportTally tally = new LeadImport(crm, clock, 500).run(csv, ImportListener.none());

        assertEquals(2, tally.created());
        assertEquals(1, tally.rejected());
        assertEquals(2, memory.leads().count());
    }

    @Test
    void tally_countsRowsWithAnUnknownSourceThatWereTaken() {
        ImportTally tally = new ImportTally();
        CsvRecord record = new CsvRecord(2, List.of("a@example.com"));
        LeadSubmission submission = LeadSubmission.from(Channel.IMPORT).email("a@example.com").build();
        MappedRow unknown = new MappedRow(record, submission, Optional.empty(), List.of(), true);
        MappedRow known = new MappedRow(record, submission, Optional.empty(), List.of());
        CaptureOutcome rejected = new CaptureOutcome.Rejected(List.of(
                new Violation("email", "format", "bad")));

        tally.imported(unknown, crm.capture().capture(submission));
        tally.imported(known, crm.capture().capture(submission));
        tally.imported(unknown, rejected);

        assertEquals(3, tally.rows());
        assertEquals(1, tally.unknownSources(), "a rejected row keeps no source");
    }

    @Test
    void listener_hearsOfAChunkOnlyAfterItCommitted() {
        List<Long> leadsWhenHeard = new ArrayList<>();

        new LeadImport(crm, clock, 5).run(people(12), (row, outcome) -> {
            assertFalse(crm.store().transactions().inUnitOfWork(), "told inside the chunk's unit of work");
            leadsWhenHeard.add(memory.leads().count());
        });

        assertEquals(List.of(5L, 5L, 5L, 5L, 5L, 10L, 10L, 10L, 10L, 10L, 12L, 12L), leadsWhenHeard);
    }

    @Test
    void unreadableRow_theRowsBeforeItAreImported() {
        InputStream csv = new ByteArrayInputStream(("email,request\nann@example.com,fine\nbob@example.com,fine\n"
                + "cid@example.com,\"never closed\n").getBytes(StandardCharsets.UTF_8));
        List<CaptureOutcome> heard = new ArrayList<>();

        assertThrows(UncheckedIOException.class,
                () -> new LeadImport(crm, clock, 500).run(csv, (row, outcome) -> heard.add(outcome)));

        assertEquals(2, heard.size());
        assertEquals(2, memory.leads().count());
    }

    @Test
    void aLaterChunkWhosePreparationFails_isCapturedRowByRow_asAChunkThatFailed() {
        failPreparingFrom.set(3); // the schema read of the third chunk's preparation on the helper thread, and on
        List<Long> heard = new ArrayList<>();
        List<CaptureOutcome> outcomes = new ArrayList<>();

        ImportTally tally = new LeadImport(crm, clock, 5).run(people(17), (row, outcome) -> {
            heard.add(row.record().line());
            outcomes.add(outcome);
        });

        assertEquals(4, preparations.get(), "every chunk was prepared ahead, the last two failed");
        assertEquals(17, tally.created());
        assertEquals(17, memory.leads().count());
        assertEquals(java.util.stream.LongStream.rangeClosed(2, 18).boxed().toList(), heard);
        assertTrue(outcomes.stream().allMatch(CaptureOutcome.NewLeadNewContact.class::isInstance), outcomes::toString);
        assertFalse(helperThreadAlive(), "the helper thread outlived the import");
    }

    @Test
    void theHelperThread_endsWithTheImport_whenItCompletes_andWhenTheStoreStopsIt() {
        new LeadImport(crm, clock, 5).run(people(12), ImportListener.none());
        assertFalse(helperThreadAlive(), "the helper thread outlived a completed import");

        failOnInsert.set(18); // a lead insert of the second import: the store is down from then on
        assertThrows(ImportStoppedException.class,
                () -> new LeadImport(crm, clock, 5).run(people(30), ImportListener.none()));
        assertFalse(helperThreadAlive(), "the helper thread outlived an import the store stopped");
    }

    private static boolean helperThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("crm-import-prepare"));
    }

    @Test
    void batchSizeBelowOne_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LeadImport(crm, clock, 0));
    }

    /** The store, with lead inserts that fail on demand. */
    private CrmStore failing(CrmStore store) {
        Leads leads = (Leads) Proxy.newProxyInstance(Leads.class.getClassLoader(), new Class<?>[] {Leads.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("insertOrGet")) {
                        if (inserts.incrementAndGet() == failOnInsert.get()) {
                            down.set(true);
                        }
                        if (refuseWrites.get()) {
                            throw new IllegalStateException("read-only");
                        }
                        Lead candidate = (Lead) args[0];
                        if (candidate.email().map(e -> e.value().equals(refusedEmail.get())).orElse(false)) {
                            throw new IllegalStateException("row refused");
                        }
                    }
                    if (down.get()) {
                        throw new IllegalStateException("connection lost");
                    }
                    return invoke(method, store.leads(), args);
                });
        return (CrmStore) Proxy.newProxyInstance(CrmStore.class.getClassLoader(), new Class<?>[] {CrmStore.class},
                (proxy, method, args) -> {
                    if (down.get()) {
                        throw new IllegalStateException("connection lost");
                    }
                    if (method.getName().equals("captureBatches")) {
                        // bulk capture goes through the failing ports too, one record at a time
                        CrmStore self = (CrmStore) proxy;
                        return dev.crmkit.core.capture.CaptureBatches.over(self.contacts(), self.companies(),
                                self.leads(), self.activities(), self.tasks());
                    }
                    if (method.getName().equals("customFieldSchemas")) {
                        return preparing(store.customFieldSchemas());
                    }
                    return method.getName().equals("leads") ? leads : invoke(method, store, args);
                });
    }

    /** The schemas, with reads on the import's helper thread that fail on demand. */
    private CustomFieldSchemas preparing(CustomFieldSchemas schemas) {
        return new CustomFieldSchemas() {
            @Override
            public CustomFieldSchema schemaFor(RecordType recordType) {
                if (Thread.currentThread().getName().equals("crm-import-prepare")) {
                    int n = preparations.incrementAndGet();
                    if (failPreparingFrom.get() > 0 && n >= failPreparingFrom.get()) {
                        throw new IllegalStateException("schema unreadable");
                    }
                }
                return schemas.schemaFor(recordType);
            }

            @Override
            public void save(CustomFieldSchema schema) {
                schemas.save(schema);
            }
        };
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
