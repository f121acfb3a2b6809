package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.examples.cli.ScratchMariaDb;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The write set by hand on MariaDB is all or nothing (review B-M2): a write set whose owner write finds the lead moved
 * on, or one of whose statements fails, leaves every table as it was; one that goes through adds a claim, an
 * activity, two about rows and three outbox rows. Needs the MariaDB server of {@code CRM_TEST_MARIADB_URL} (default
 * 127.0.0.1:3306, root without a password); skipped when it is unreachable, unless
 * {@code CRM_REQUIRE_DATABASES=true}. Runs in a database of its own, created and dropped here.
 */
class WriteSetBaselineTest {

    private static final String PREFIX = "crm_bench_";
    private static final Instant AT = Instant.parse("2026-12-07T20:00:00Z");

    @Test
    void onMariaDb_aWriteSetThatFails_writesNothing_andOneThatGoesThroughWritesItsRows() throws Exception {
        ScratchMariaDb.run("crm_cli_writeset_" + ProcessHandle.current().pid(),
                (url, admin) -> writeSets(new MariaDbDataSource(url + "?user=root&password=")));
    }

    private static void writeSets(MariaDbDataSource db) throws SQLException {
        CrmSchema.migrate(db, PREFIX);
        JdbcCrmStore store = JdbcCrmStore.builder(db).dialect(Dialect.MARIADB).tablePrefix(PREFIX).build();
        Crm crm = Crm.builder().store(store).ids(IdGenerator.seeded(3)).clock(Clock.fixed(AT, ZoneOffset.UTC))
                .defaultRegion("DE").build();
        Lead lead = store.leads().findById(ActiveLeads.capture(crm, 1, 7).get(0)).orElseThrow();
        WriteSetBaseline baseline = new WriteSetBaseline(Dialect.MARIADB, PREFIX, List.of("ana", "ben"), "sales");
        baseline.createSequence(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            Lead moved = store.leads().update(lead.withOwner(Optional.of(UserId.of("cem")), AT));
            Map<String, Long> before = WriteSetBaseline.tableRows(db, PREFIX);

            assertThrows(IllegalStateException.class, () -> baseline.write(c, lead, activity(1), AT),
                    "the lead moved on");
            assertEquals(before, WriteSetBaseline.tableRows(db, PREFIX), "nothing written by the stale write set");

            s.execute("INSERT INTO " + PREFIX + "assignment_claim (lead_id, lead_version) VALUES ('"
                    + moved.id().value() + "', " + moved.version() + ")");
            Map<String, Long> claimed = WriteSetBaseline.tableRows(db, PREFIX);
            assertThrows(SQLException.class, () -> baseline.write(c, moved, activity(2), AT), "claimed already");
            assertEquals(claimed, WriteSetBaseline.tableRows(db, PREFIX), "nothing written after a failed claim");
            assertEquals(moved, store.leads().findById(moved.id()).orElseThrow());

            s.execute("DELETE FROM " + PREFIX + "assignment_claim");
            baseline.write(c, moved, activity(3), AT);
            Map<String, Long> after = WriteSetBaseline.tableRows(db, PREFIX);
            after.replaceAll((table, n) -> n - before.get(table));
            Map<String, Long> expected = WriteSetBaseline.expectedRows(1);
            expected.remove("tickets");
            assertEquals(expected, after, "one write set's rows");
            assertEquals(moved.version() + 1, store.leads().findById(moved.id()).orElseThrow().version());
        } finally {
            baseline.dropSequence(db);
        }
    }

    private static UUID activity(int n) {
        return UUID.nameUUIDFromBytes(new byte[] {(byte) n});
    }
}
