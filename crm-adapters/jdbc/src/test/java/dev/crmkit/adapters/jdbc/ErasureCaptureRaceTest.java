package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.capture.BulkCapture;
import dev.crmkit.core.capture.CaptureBatches;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.privacy.ErasureOutcome;
import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.kit.Crmkit;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An erasure racing a capture on PostgreSQL, two nodes: the capture found the person by their e-mail and waits for
 * their contact row, which the erasure holds; the erasure commits; the capture then meets the person as it would
 * have after the erasure: a new person whose e-mail is suppressed, flagged and nothing stored, never the anonymized
 * contact filled again with the submission's name and phone.
 */
class ErasureCaptureRaceTest {

    private static final byte[] SALT = "the race test's secret salt, 32b".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final String EMAIL = "zeborah.quillfeather@example.org";

    private static Crmkit kit(JdbcCrmStore store, long seed) {
        return Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                .ids(IdGenerator.seeded(seed)).suppressionSalt(SALT).build();
    }

    @Test
    void aCaptureWaitingForTheRowOfAPersonBeingErased_isFlaggedAsSuppressed_andStoresNothing() throws Exception {
        byEmail((capturer, kit) -> one(kit));
    }

    /**
     * The same race for a person the capture meets through their open lead, not their contact: the contact holds
     * neither the submission's e-mail nor its new phone (the capture met them by another key once), their open lead
     * holds the e-mail. After the erasure commits the capture must still meet nobody: flagged as suppressed, and the
     * anonymized contact never gains the submission's name or new phone.
     */
    @Test
    void aCaptureWaitingForAPersonFoundThroughTheirOpenLead_isFlaggedAsSuppressed_andRefillsNothing()
            throws Exception {
        throughOpenLead((capturer, kit) -> one(kit));
    }

    /** The race with the person met by e-mail, for a bulk capture's chunk on the JDBC store's batches. */
    @Test
    void aBulkChunkWaitingForTheRowOfAPersonBeingErased_isFlaggedAsSuppressed_andStoresNothing() throws Exception {
        byEmail((capturer, kit) -> inBulk(kit.crm().bulkCapture()));
    }

    /**
     * The race with the person met through their open lead, for a bulk capture's chunk on the JDBC store's batches:
     * the chunk read the lead, then waited for the row of the person behind it; the stage must read the lead again
     * under the lock instead of meeting the anonymized contact through the lead as it was.
     */
    @Test
    void aBulkChunkWaitingForAPersonFoundThroughTheirOpenLead_isFlaggedAsSuppressed_andRefillsNothing()
            throws Exception {
        throughOpenLead((capturer, kit) -> inBulk(kit.crm().bulkCapture()));
    }

    /** The same for a chunk on the ports' batches ({@link CaptureBatches#over}, one query per key). */
    @Test
    void aBulkChunkOnThePortsBatches_waitingForAPersonFoundThroughTheirOpenLead_isFlaggedAsSuppressed()
            throws Exception {
        throughOpenLead((capturer, kit) -> inBulk(overPorts(capturer, kit)));
    }

    /** The e-mail race of the first test, captured by {@code capture}. */
    private static void byEmail(BiFunction<JdbcCrmStore, Crmkit, Function<LeadSubmission, CaptureOutcome>> capture)
            throws Exception {
        DataSource[] nodes = TestDatabase.POSTGRESQL.nodes(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            JdbcCrmStore eraser = JdbcCrmStore.builder(nodes[0]).build();
            JdbcCrmStore capturer = JdbcCrmStore.builder(nodes[1]).build();
            Crmkit atEraser = kit(eraser, 1L);
            ContactId zeborah = atEraser.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Zeborah", "Quillfeather").email(EMAIL).phone("0151 23456789").build())
                    .lead().orElseThrow().contactId();
            erasureRacesACapture(pool, eraser, atEraser, zeborah, EMAIL,
                    capture.apply(capturer, kit(capturer, 2L)));
        } finally {
            pool.shutdownNow();
            TestDatabase.close(nodes);
        }
    }

    /** The open-lead race of the second test, captured by {@code capture}. */
    private static void throughOpenLead(
            BiFunction<JdbcCrmStore, Crmkit, Function<LeadSubmission, CaptureOutcome>> capture) throws Exception {
        DataSource[] nodes = TestDatabase.POSTGRESQL.nodes(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            JdbcCrmStore eraser = JdbcCrmStore.builder(nodes[0]).build();
            JdbcCrmStore capturer = JdbcCrmStore.builder(nodes[1]).build();
            Crmkit atEraser = kit(eraser, 1L);
            ContactId zeborah = atEraser.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Zeborah", "Quillfeather").phone("0151 23456789").build())
                    .lead().orElseThrow().contactId();
            eraser.leads().insertOrGet(Lead.builder(new LeadId(new UUID(7L, 7L)), zeborah,
                            LeadSource.of(Channel.WEB_FORM), PersonName.of("Zeborah", "Quillfeather"), T0)
                    .reachableAt(Optional.of(EmailAddress.parse(EMAIL)), Optional.empty()).build());
            assertTrue(eraser.contacts().findByEmail(EmailAddress.parse(EMAIL)).isEmpty(), "found by lead only");
            erasureRacesACapture(pool, eraser, atEraser, zeborah, "0151 23456789",
                    capture.apply(capturer, kit(capturer, 2L)));
        } finally {
            pool.shutdownNow();
            TestDatabase.close(nodes);
        }
    }

    /** Capture one by one. */
    private static Function<LeadSubmission, CaptureOutcome> one(Crmkit kit) {
        return s -> kit.crm().capture().capture(s);
    }

    /** The submission as a chunk of its own. */
    private static Function<LeadSubmission, CaptureOutcome> inBulk(BulkCapture bulk) {
        return s -> bulk.captureAll(List.of(s)).get(0);
    }

    /** Bulk capture on the store's ports ({@code PortCaptureBatches}) rather than its JDBC batches. */
    private static BulkCapture overPorts(JdbcCrmStore store, Crmkit kit) {
        Context context = new Context(store.transactions(), store.events(event -> { }), EdgeValidation.plain(),
                Clock.fixed(T0, ZoneOffset.UTC), IdGenerator.seeded(3L));
        return new BulkCapture(kit.crm().capture(), CaptureBatches.over(store.contacts(), store.companies(),
                store.leads(), store.activities(), store.tasks()), store.customFieldSchemas(), context);
    }

    /**
     * The race: the erasure of the person (met by {@code erasureKey}) holds their contact row while a capture of the
     * same person (e-mail {@link #EMAIL}, a new phone) finds them and waits for it; once the erasure commits, the
     * capture must meet nobody: flagged as suppressed, and nothing of the submission stored.
     */
    private static void erasureRacesACapture(ExecutorService pool, JdbcCrmStore eraser, Crmkit atEraser,
                                             ContactId person, String erasureKey,
                                             Function<LeadSubmission, CaptureOutcome> capturing) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<ErasureOutcome> erasure = pool.submit(() -> eraser.transactions().inTransaction(() -> {
                eraser.contacts().lockById(person); // the erasure takes this lock first; held until it commits
                held.countDown();
                await(release);
                return atEraser.crm().personalData().erase(PersonKey.parse(erasureKey, "DE"),
                        "request of 2026-05-03");
            }));
            assertTrue(held.await(20, TimeUnit.SECONDS));
            Future<CaptureOutcome> capture = pool.submit(() -> capturing.apply(LeadSubmission
                    .from(Channel.WEB_FORM).name("Zeborah", "Quillfeather").email(EMAIL).phone("0170 5550123")
                    .request("back again").build()));
            assertThrows(TimeoutException.class, () -> capture.get(700, TimeUnit.MILLISECONDS),
                    "the capture found the person and waits for their row");
            release.countDown();
            assertInstanceOf(ErasureOutcome.Erased.class, erasure.get(20, TimeUnit.SECONDS));

            CaptureOutcome outcome = capture.get(20, TimeUnit.SECONDS);
            CaptureOutcome.Suppressed suppressed = assertInstanceOf(CaptureOutcome.Suppressed.class, outcome,
                    "as a capture after the erasure: " + outcome);
            assertEquals(java.util.List.of("email"), suppressed.fields());
            String stored = eraser.archives().contacts().after(Optional.empty(), 100) + " "
                    + eraser.archives().leads().after(Optional.empty(), 100);
            assertFalse(stored.contains("Quillfeather"), stored);
            assertFalse(stored.contains("5550123"), stored);
            assertEquals(1, eraser.contacts().count(), "the anonymous contact only");
        } finally {
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
