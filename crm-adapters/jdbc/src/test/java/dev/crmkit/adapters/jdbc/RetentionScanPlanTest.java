package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention job's scans read the old rows from the V75 indexes, not the whole table: 20,000 contacts and 20,000
 * timeline entries of which 1 in 400 is older than the cutoff, analyzed, and the plan PostgreSQL picks for a page of
 * the never-converted rule ({@code contact.updated_at}) and of the timeline rule ({@code activity.occurred_at}).
 * Asserted on the plans, never on timings; the pages' rows are checked too, so the statement is the job's own.
 */
class RetentionScanPlanTest {

    private static final int ROWS = 20_000;
    private static final int EVERY = 400;
    private static final Instant OLD = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant RECENT = Instant.parse("2029-12-01T09:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2027-06-01T00:00:00Z");

    @Test
    void postgresql_retentionScans_readTheOldRowsFromTheirIndexes() throws SQLException {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            fill(ds);
            JdbcRetention retention = (JdbcRetention) store.retentionStore();

            String timeline = retention.pageSql(retention.timelineSelect(), false, 200);
            String plan = explain(store, "EXPLAIN ", timeline, JdbcRetention.timelineParams(CUTOFF));
            assertTrue(plan.contains("crm_activity_occurred"), "the timeline scan reads the occurred_at index:\n"
                    + plan);
            assertFalse(plan.contains("Seq Scan on crm_activity"), plan);
            assertEquals(ROWS / EVERY, explain(store, "", timeline, JdbcRetention.timelineParams(CUTOFF)).lines()
                    .count(), "the page holds the old entries, every one of them");

            String people = retention.pageSql(retention.neverConvertedSelect(), false, 200);
            String peoplePlan = explain(store, "EXPLAIN ", people, JdbcRetention.neverConvertedParams(CUTOFF));
            assertTrue(peoplePlan.contains("crm_contact_updated"),
                    "the never-converted scan reads the updated_at index:\n" + peoplePlan);
            assertFalse(peoplePlan.contains("Seq Scan on crm_contact c"), peoplePlan);
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** Contacts and public timeline entries with nothing but what the scans read; 1 in {@link #EVERY} is old. */
    private static void fill(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String at = "CASE WHEN g % " + EVERY + " = 0 THEN TIMESTAMPTZ '" + Timestamp.from(OLD).toInstant()
                    + "' ELSE TIMESTAMPTZ '" + RECENT + "' END";
            s.execute("INSERT INTO crm_contact (id, version, first_name, last_name, emails, phones, addresses,"
                    + " consent_status, consent_source, affiliations, custom_fields, created_at, updated_at)"
                    + " SELECT gen_random_uuid(), 0, 'Plan', 'Person ' || g, '[]', '[]', '[]', 'UNKNOWN', '', '[]',"
                    + " '{}', " + at + ", " + at + " FROM generate_series(1, " + ROWS + ") g");
            s.execute("INSERT INTO crm_activity (id, activity_type, subject, body, direction, occurred_at,"
                    + " participants, about, visibility, recorded_at, participants_keyed)"
                    + " SELECT gen_random_uuid(), 'CALL', 'Call ' || g, '', 'OUTBOUND', " + at + ", '[]', '[]',"
                    + " 'PUBLIC', " + at + ", TRUE FROM generate_series(1, " + ROWS + ") g");
            s.execute("ANALYZE crm_contact");
            s.execute("ANALYZE crm_activity");
        }
    }

    /** The plan (or, with an empty {@code explain}, the first column of the rows) of a statement, one line each. */
    private static String explain(JdbcCrmStore store, String explain, String sql, Object[] params) {
        Jdbc jdbc = store.jdbc();
        List<String> lines = jdbc.tx.read(c -> jdbc.list(c, explain + sql, rs -> rs.getString(1), params));
        return String.join("\n", lines);
    }
}
