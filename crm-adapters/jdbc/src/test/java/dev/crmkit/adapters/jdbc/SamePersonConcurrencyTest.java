package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Eight threads submit the same person sixteen times each, on its own units of work and inside host transactions
 * (Spring's {@link DataSourceTransactionManager} with crmkit joined through a {@link TransactionAwareDataSourceProxy}):
 * every call succeeds, and the store ends with one contact and one lead that counts all 128 submissions. The repeat
 * path holds the person's contact row locked, so the calls queue instead of failing on a stale version.
 */
class SamePersonConcurrencyTest {

    private static final int THREADS = 8;
    private static final int SUBMISSIONS_PER_THREAD = 16;
    private static final String EMAIL = "pat.repeat@example-shop.de";

    private final List<DataSource> opened = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        opened.forEach(OutboxRelayTest::release);
    }

    static Stream<Arguments> databasesAndModes() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabase db : List.of(TestDatabase.POSTGRESQL, TestDatabase.MARIADB, TestDatabase.H2)) {
            all.add(Arguments.of(db, false));
            all.add(Arguments.of(db, true));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, inside host transactions: {1}")
    @MethodSource("databasesAndModes")
    void capture_eightThreadsSubmitTheSamePersonSixteenTimes_everyCallSucceeds_oneLeadCountsAll(TestDatabase db,
            boolean inHostTransactions) throws Exception {
        DataSource target = db.isolated();
        opened.add(target);
        Function<LeadSubmission, CaptureOutcome> capture = inHostTransactions ? inHostTransactions(target)
                : crm(JdbcCrmStore.builder(target).build()).capture()::capture;
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger succeeded = new AtomicInteger();

        Nodes.runOnEveryThread(1, THREADS, (node, thread) -> {
            for (int i = 0; i < SUBMISSIONS_PER_THREAD; i++) {
                LeadSubmission submission = LeadSubmission.from(Channel.WEB_FORM).name("Pat", "Repeat")
                        .email(EMAIL).request("thread " + thread + ", submission " + i).build();
                try {
                    CaptureOutcome outcome = capture.apply(submission);
                    if (outcome instanceof CaptureOutcome.Rejected r) {
                        failures.add("rejected: " + r.reason());
                    } else {
                        succeeded.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        });

        JdbcCrmStore reader = JdbcCrmStore.builder(target).build();
        assertEquals(List.of(), failures, "no call may fail");
        assertEquals(THREADS * SUBMISSIONS_PER_THREAD, succeeded.get());
        assertEquals(1, reader.contacts().count(), "one contact");
        assertEquals(1, reader.leads().count(), "one lead");
        Lead lead = reader.leads().findOpenByEmail(EmailAddress.parse(EMAIL)).orElseThrow();
        assertEquals(THREADS * SUBMISSIONS_PER_THREAD, lead.submissions(), "every submission counted on the lead");
    }

    private static Function<LeadSubmission, CaptureOutcome> inHostTransactions(DataSource target) {
        TransactionTemplate host = new TransactionTemplate(new DataSourceTransactionManager(target));
        // crmkit's units run at READ COMMITTED; a host joined on MariaDB must too (see the README): InnoDB's default
        // REPEATABLE READ would read a snapshot older than the lead the person's lock waited for
        host.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        Crm crm = crm(JdbcCrmStore.builder(new TransactionAwareDataSourceProxy(target)).joinHostTransactions()
                .build());
        return submission -> host.execute(status -> crm.capture().capture(submission));
    }

    private static Crm crm(JdbcCrmStore store) {
        return Crm.builder().store(store).ids(IdGenerator.random()).defaultRegion("DE").build();
    }
}
