package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A commit whose reply is lost (the database committed, then the connection died) is reported as an unknown outcome,
 * not as rolled back, and a retry with the same idempotency key returns the first outcome instead of a phantom repeat
 * (issue 19, item 1). The lost reply is made deterministic by a connection whose commit commits and then throws.
 */
class CommitOutcomeTest {

    private final AtomicBoolean loseNextCommitReply = new AtomicBoolean();

    @Test
    void aCommitWhoseReplyIsLost_isAnUnknownOutcome_andTheKeyedRetryReturnsTheFirstOutcome() {
        DataSource ds = TestDatabase.H2.isolated();
        Crm crm = Crm.builder().store(JdbcCrmStore.builder(losingCommitReplies(ds)).build()).clock(Fixtures.CLOCK)
                .ids(IdGenerator.seeded(5)).defaultRegion("DE").build();
        IdempotencyKey key = IdempotencyKey.of("post-77");

        loseNextCommitReply.set(true);
        CommitOutcomeUnknownException unknown = assertThrows(CommitOutcomeUnknownException.class,
                () -> crm.capture().capture(jane(), key));
        assertEquals("08006", unknown.sqlState());
        assertFalse(unknown.isRetryable());

        CaptureOutcome.NewLeadNewContact retried = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                crm.capture().capture(jane(), key), "the first call had committed: its outcome comes back");
        assertEquals(1, retried.capturedLead().submissions(), "no phantom repeat");

        // what a caller without a key got on retrying: a repeat folded into the lead the first call created
        loseNextCommitReply.set(true);
        assertThrows(CommitOutcomeUnknownException.class, () -> crm.capture().capture(jane()));
        assertEquals(3, assertInstanceOf(CaptureOutcome.DuplicateFolded.class, crm.capture().capture(jane()))
                .existingLead().submissions(), "the unkeyed call and its retry both counted");
    }

    @Test
    void aFailureBeforeTheCommit_isRolledBack_notUnknown() {
        JdbcCrmStore store = JdbcCrmStore.builder(TestDatabase.H2.isolated()).build();
        JdbcStoreException e = assertThrows(JdbcStoreException.class, () -> store.transactions().run(() ->
                store.jdbc().tx.write(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.execute("SELECT * FROM no_such_table");
                    }
                })));
        assertFalse(e instanceof CommitOutcomeUnknownException);
    }

    /** A data source whose connections, when asked to, commit and then report the connection lost. */
    private DataSource losingCommitReplies(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = call(target, method, args);
                    if (!(result instanceof Connection c)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                            (p, m, a) -> {
                                Object r = call(c, m, a);
                                if (m.getName().equals("commit") && loseNextCommitReply.getAndSet(false)) {
                                    throw new SQLException("An I/O error occurred while receiving the reply", "08006");
                                }
                                return r;
                            });
                });
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static LeadSubmission jane() {
        return LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@example.com")
                .request("Quote please").build();
    }
}
