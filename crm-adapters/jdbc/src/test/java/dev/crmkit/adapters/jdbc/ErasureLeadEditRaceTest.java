package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.customer.ContactEdit;
import dev.crmkit.core.customer.ContactOutcome;
import dev.crmkit.core.customer.LeadEdit;
import dev.crmkit.core.customer.LeadOutcome;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.privacy.Anonymized;
import dev.crmkit.core.privacy.ErasureOutcome;
import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.kit.Crmkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An erasure racing a lead edit on PostgreSQL, two nodes (review A, finding 4): the edit holds the person's lead (its
 * only lock) with a new name, e-mail and phone written but not committed; the erasure locks the contact, then waits
 * for the lead; the edit commits; the erasure then reads the lead as edited. Afterwards nothing of the edit is left:
 * not on the lead, not in its name keys ({@code lead_name_key}), not in the audit trail or on the timeline, and the
 * new e-mail and phone are on the suppression list.
 */
class ErasureLeadEditRaceTest {

    private static final byte[] SALT = "the race test's secret salt, 32b".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final String EMAIL = "zeborah.quillfeather@example.org";
    private static final String NEW_EMAIL = "z.smyth@example.net";

    private static Crmkit kit(JdbcCrmStore store, long seed) {
        return Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                .ids(IdGenerator.seeded(seed)).suppressionSalt(SALT).build();
    }

    @Test
    void anErasureWaitingForALeadBeingEdited_erasesTheEditedValues_andSuppressesTheNewEmail() throws Exception {
        DataSource[] nodes = TestDatabase.POSTGRESQL.nodes(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            JdbcCrmStore eraser = JdbcCrmStore.builder(nodes[0]).build();
            JdbcCrmStore editor = JdbcCrmStore.builder(nodes[1]).build();
            Crmkit atEraser = kit(eraser, 1L);
            Crmkit atEditor = kit(editor, 2L);
            Lead lead = atEraser.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Zeborah", "Quillfeather").email(EMAIL).phone("0151 23456789").build()).lead().orElseThrow();

            Future<LeadOutcome> edit = pool.submit(() -> editor.transactions().inTransaction(() -> {
                LeadOutcome done = atEditor.crm().leadEditing().edit(lead.id(), LeadEdit.nothing()
                        .andName("Zeborah", "Smyth").andEmail(NEW_EMAIL).andPhone("0170 5550123"));
                held.countDown(); // written, the lead held, not committed
                await(release);
                return done;
            }));
            assertTrue(held.await(20, TimeUnit.SECONDS));
            Future<ErasureOutcome> erasure = pool.submit(() -> atEraser.crm().personalData()
                    .erase(PersonKey.parse(EMAIL, "DE"), "request of 2026-05-03"));
            assertThrows(TimeoutException.class, () -> erasure.get(700, TimeUnit.MILLISECONDS),
                    "the erasure waits for the lead the edit holds");
            release.countDown();
            assertInstanceOf(LeadOutcome.Saved.class, edit.get(20, TimeUnit.SECONDS));
            assertInstanceOf(ErasureOutcome.Erased.class, erasure.get(20, TimeUnit.SECONDS));

            String stored = eraser.archives().leads().after(Optional.empty(), 100) + " "
                    + eraser.archives().contacts().after(Optional.empty(), 100) + " "
                    + eraser.archives().activities().after(Optional.empty(), 100) + " "
                    + eraser.archives().tasks().after(Optional.empty(), 100);
            for (String value : new String[] {"Smyth", "Quillfeather", NEW_EMAIL, "5550123", "23456789"}) {
                assertFalse(stored.contains(value), value + " in " + stored);
            }
            assertEquals(0, rows(nodes[0], "SELECT COUNT(*) FROM crm_lead_name_key WHERE lead_id = ?", lead),
                    "the edited name's phonetic keys go with the name");
            assertEquals(0, rows(nodes[0], "SELECT COUNT(*) FROM crm_audit_change WHERE after_value LIKE '%Smyth%' "
                    + "OR after_value LIKE '%smyth%' OR after_value LIKE '%5550123%'", null), "the edit's audit values");

            CaptureOutcome again = atEraser.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Zeborah", "Smyth").email(NEW_EMAIL).build());
            CaptureOutcome.Suppressed suppressed = assertInstanceOf(CaptureOutcome.Suppressed.class, again,
                    "the edit's new e-mail was suppressed with the person: " + again);
            assertEquals(List.of("email"), suppressed.fields());
            CaptureOutcome byPhone = atEraser.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Zeborah", "Smyth").phone("0170 5550123").build());
            assertInstanceOf(CaptureOutcome.Suppressed.class, byPhone, "and the new phone: " + byPhone);
        } finally {
            release.countDown();
            pool.shutdownNow();
            TestDatabase.close(nodes);
        }
    }

    /**
     * The other order: the erasure holds the person's contact and lead (written, not committed) while a lead edit
     * and a contact edit on the other node wait for their row locks; once the erasure commits, both edits read the
     * anonymous rows under their locks and are refused (rule {@code erased}), so nothing of them is written onto the
     * anonymized rows: the lead keeps its stand-in e-mail, no audit or timeline entry of theirs exists. On PostgreSQL
     * and MariaDB (review A, finding 8), and on MariaDB with the contact edit inside a host's transaction at InnoDB's
     * default REPEATABLE READ whose snapshot was taken before the edit waited: the erased mark is read with a locking
     * read, so it is seen there too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"POSTGRESQL", "MARIADB", "MARIADB_HOST_REPEATABLE_READ"})
    void editsWaitingForAnErasure_areRefusedAsErased_andTheRowsStayAnonymized(String run) throws Exception {
        boolean host = run.endsWith("_HOST_REPEATABLE_READ");
        DataSource[] nodes = TestDatabase.valueOf(run.replace("_HOST_REPEATABLE_READ", "")).nodes(2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            JdbcCrmStore eraser = JdbcCrmStore.builder(nodes[0]).build();
            JdbcCrmStore editor = JdbcCrmStore.builder(nodes[1]).build();
            Crmkit atEraser = kit(eraser, 1L);
            Crmkit atEditor = kit(editor, 2L);
            Lead lead = atEraser.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Zeborah", "Quillfeather").email(EMAIL).phone("0151 23456789").build()).lead().orElseThrow();

            Future<ErasureOutcome> erasure = pool.submit(() -> eraser.transactions().inTransaction(() -> {
                ErasureOutcome done = atEraser.crm().personalData().erase(PersonKey.parse(EMAIL, "DE"),
                        "request of 2026-05-03");
                held.countDown(); // erased, the contact and the lead held, not committed
                await(release);
                return done;
            }));
            assertTrue(held.await(20, TimeUnit.SECONDS));
            Future<LeadOutcome> leadEdit = pool.submit(() -> atEditor.crm().leadEditing().edit(lead.id(),
                    LeadEdit.nothing().andName("Zeborah", "Smyth").andEmail(NEW_EMAIL).andPhone("0170 5550123")));
            java.util.concurrent.Callable<ContactOutcome> editing = host ? () -> inHostTransaction(nodes[1], lead)
                    : () -> atEditor.crm().customers().editContact(lead.contactId(),
                    ContactEdit.rename("Zeborah", "Smyth").andEmail(NEW_EMAIL));
            Future<ContactOutcome> contactEdit = pool.submit(editing);
            assertThrows(TimeoutException.class, () -> leadEdit.get(700, TimeUnit.MILLISECONDS),
                    "the lead edit waits for the lead the erasure holds");
            assertThrows(TimeoutException.class, () -> contactEdit.get(100, TimeUnit.MILLISECONDS),
                    "the contact edit waits for the contact the erasure holds");
            release.countDown();
            assertInstanceOf(ErasureOutcome.Erased.class, erasure.get(20, TimeUnit.SECONDS));
            for (Future<?> edit : List.of(leadEdit, contactEdit)) {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> edit.get(20,
                        TimeUnit.SECONDS));
                ValidationException refused = assertInstanceOf(ValidationException.class, failed.getCause());
                assertEquals("erased", refused.violations().get(0).rule(), refused.getMessage());
            }

            Lead stored = eraser.leads().findById(lead.id()).orElseThrow();
            assertTrue(Anonymized.isErased(stored), "the lead stays anonymized: " + stored);
            assertTrue(eraser.contacts().findById(lead.contactId()).orElseThrow().name().first().isEmpty());
            String rows = eraser.archives().leads().after(Optional.empty(), 100) + " "
                    + eraser.archives().contacts().after(Optional.empty(), 100) + " "
                    + eraser.archives().activities().after(Optional.empty(), 100) + " "
                    + eraser.archives().tasks().after(Optional.empty(), 100);
            for (String value : new String[] {"Smyth", "Quillfeather", NEW_EMAIL, "5550123", "23456789"}) {
                assertFalse(rows.contains(value), value + " in " + rows);
            }
            assertEquals(0, rows(nodes[0], "SELECT COUNT(*) FROM crm_audit_change WHERE after_value LIKE '%Smyth%' "
                    + "OR after_value LIKE '%smyth%' OR after_value LIKE '%5550123%'", null), "no audit of the edits");
        } finally {
            release.countDown();
            pool.shutdownNow();
            TestDatabase.close(nodes);
        }
    }

    /**
     * The contact edit inside a host's transaction at REPEATABLE READ that crmkit joins: the host reads first (its
     * snapshot is taken before the erasure commits), then the edit waits for the contact the erasure holds.
     */
    private static ContactOutcome inHostTransaction(DataSource node, Lead lead) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(node));
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        JdbcCrmStore joined = JdbcCrmStore.builder(new TransactionAwareDataSourceProxy(node)).joinHostTransactions()
                .build();
        Crmkit kit = kit(joined, 3L);
        return tx.execute(status -> {
            assertEquals(1, joined.contacts().count(), "the host's first read, before the erasure commits");
            return kit.crm().customers().editContact(lead.contactId(), ContactEdit.rename("Zeborah", "Smyth")
                    .andEmail(NEW_EMAIL));
        });
    }

    private static long rows(DataSource ds, String sql, Lead lead) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (lead != null) {
                s.setObject(1, lead.id().value());
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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
