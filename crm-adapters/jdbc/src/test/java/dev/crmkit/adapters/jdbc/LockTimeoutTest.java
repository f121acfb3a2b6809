package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lock that another session holds longer than the database's lock-wait timeout fails the unit of work once, at
 * once, with its own exception that says so; it is not rerun like a deadlock (issue 19, item 2). The store's sessions
 * run with a lock-wait timeout of one second (PostgreSQL {@code lock_timeout}, MariaDB
 * {@code innodb_lock_wait_timeout} as a session variable, H2 {@code LOCK_TIMEOUT}).
 */
class LockTimeoutTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLockHeldTooLong_failsTheCaptureOnce_withALockMessage_andIsNotRerun(TestDatabase db) throws SQLException {
        String database = db.migratedDatabase();
        DataSource nodeDs = Backends.connect(db, database, "node", Duration.ofSeconds(1));
        DataSource holderDs = Backends.connect(db, database, "holder", null);
        try {
            UnitCounter units = new UnitCounter(nodeDs);
            Crm crm = Crm.builder().store(JdbcCrmStore.builder(units.dataSource()).build()).clock(Fixtures.CLOCK)
                    .ids(IdGenerator.seeded(19)).defaultRegion("DE").build();
            CaptureOutcome.NewLeadNewContact first = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                    crm.capture().capture(jane("first request")));
            UUID leadId = first.capturedLead().id().value();

            try (Connection holder = holderDs.getConnection()) {
                holder.setAutoCommit(false);
                try (PreparedStatement ps = holder.prepareStatement("SELECT id FROM crm_lead WHERE id = ? FOR UPDATE")) {
                    Dialect.valueOf(db.name()).setUuid(ps, 1, leadId);
                    ps.executeQuery().close();
                }
                int before = units.begun();
                // the repeat folds into the open lead, whose row the holder keeps locked
                LockTimeoutException e = assertThrows(LockTimeoutException.class,
                        () -> crm.capture().capture(jane("second request")));
                assertEquals(1, units.begun() - before, "the unit ran once and was not rerun");
                assertFalse(e.isRetryable());
                assertFalse(ConflictException.class.isInstance(e));
                assertTrue(e.getMessage().contains("a lock it needed was held too long by another session"),
                        e.getMessage());
                holder.rollback();
            }
            CaptureOutcome.DuplicateFolded again = assertInstanceOf(CaptureOutcome.DuplicateFolded.class,
                    crm.capture().capture(jane("third request")));
            assertEquals(2, again.existingLead().submissions(), "the timed-out capture stored nothing");
        } finally {
            TestDatabase.close(nodeDs, holderDs);
        }
    }

    private static LeadSubmission jane(String request) {
        return LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@example.com")
                .request(request).build();
    }
}
