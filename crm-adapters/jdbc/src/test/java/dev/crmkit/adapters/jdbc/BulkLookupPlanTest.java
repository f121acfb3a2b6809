package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.capture.CaptureBatches;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.kit.Crmkit;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Bulk capture's look-ups of a chunk's keys probe the indexes on PostgreSQL however the tables' statistics stand: a
 * table that grew during an import has none yet (or old ones), and an IN list of hundreds of values was then planned
 * as a scan of the whole table, so every chunk took longer the more was stored. 20,000 leads, contacts, contact
 * points and external ids written straight into the tables, never analyzed (as in an import that just filled them),
 * and the plan of each look-up for 500 keys. Asserted on the plans, never on timings; the rows a chunk's
 * {@code find} reads are checked too, so the statements are the chunk's own.
 */
class BulkLookupPlanTest {

    private static final int ROWS = 20_000;
    private static final int KEYS = 500;
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final String EMAIL = "ottilie.brannwald@example.org";
    /** A sequential scan of one of the big tables (not of {@code crm_lead_alias}, which the LISTED test reads). */
    private static final Pattern SCAN = Pattern.compile(
            "Seq Scan on crm_(lead|contact|contact_point|lead_external_id)\\b(?!_)");

    @Test
    void postgresql_lookupsOfAChunksKeys_probeTheIndexes_inTablesNeverAnalyzed() throws SQLException {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            Crmkit kit = Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                    .ids(IdGenerator.seeded(7L))
                    .suppressionSalt("the plan test's secret salt, 32b".getBytes(StandardCharsets.UTF_8)).build();
            Lead captured = kit.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Ottilie", "Brannwald").email(EMAIL).externalId("plan-source-1").build())
                    .lead().orElseThrow();
            fill(ds);
            JdbcCaptureBatches batches = (JdbcCaptureBatches) store.captureBatches();

            List<String> emails = keys("plan", "@example.org");
            assertScansNoTable(store, batches.lookup(JdbcCaptureBatches.latestOpenSql("email"), KEYS), emails);
            assertScansNoTable(store, batches.lookup(JdbcCaptureBatches.latestOpenSql("phone"), KEYS),
                    keys("+49151", ""));
            assertScansNoTable(store, batches.lookup(JdbcCaptureBatches.CONTACTS_BY_POINT, KEYS),
                    keys("e:plan", "@example.org"));
            assertScansNoTable(store, batches.lookup(JdbcCaptureBatches.LEADS_BY_EXTERNAL_ID, KEYS),
                    keys("plan-", ""));

            // the chunk's own find reads the rows through these statements: the captured person and lead, and
            // the 20,000 copies of the lead under their own e-mails
            Set<EmailAddress> asked = new HashSet<>();
            asked.add(EmailAddress.parse(EMAIL));
            emails.subList(0, KEYS - 1).forEach(e -> asked.add(EmailAddress.parse(e)));
            CaptureBatches.Found found = batches.find(new CaptureBatches.Keys(asked, Set.of(),
                    Set.of("plan-source-1", "plan-7"), Set.of(), Set.of()));
            assertEquals(KEYS, found.openLeadsByEmail().size(), "every asked e-mail has its open lead");
            assertEquals(captured.id(), found.openLeadsByEmail().get(EmailAddress.parse(EMAIL)).id());
            assertEquals("plan1@example.org", found.openLeadsByEmail().get(EmailAddress.parse("plan1@example.org"))
                    .email().orElseThrow().value());
            assertEquals(Set.of(EmailAddress.parse(EMAIL)), found.contactsByEmail().keySet(),
                    "the copies' points name no e-mail of the chunk but the captured person's");
            assertEquals(captured.contactId(), found.contactsByEmail().get(EmailAddress.parse(EMAIL)).id());
            assertEquals(Set.of("plan-source-1", "plan-7"), found.leadsByExternalId().keySet());
            assertEquals(captured.id(), found.leadsByExternalId().get("plan-source-1").id());
            assertEquals(captured.id(), found.leadsByExternalId().get("plan-7").id(),
                    "the fill gave its external ids to the captured lead");
        } finally {
            TestDatabase.close(ds);
        }
    }

    private static List<String> keys(String head, String tail) {
        List<String> keys = new ArrayList<>(KEYS);
        for (int i = 1; i <= KEYS; i++) {
            keys.add(head + i + tail);
        }
        return keys;
    }

    /** 20,000 copies of the captured lead (own id, e-mail, phone), contacts, points, external ids; no ANALYZE. */
    private static void fill(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'crm_lead' AND column_name NOT IN ('id', 'email', 'phone', 'seq') "
                    + "ORDER BY ordinal_position")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            String list = String.join(", ", columns);
            s.execute("INSERT INTO crm_lead (id, email, phone, " + list + ") SELECT gen_random_uuid(), 'plan' || g "
                    + "|| '@example.org', '+49151' || (20000000 + g), " + list.replaceAll("(\\w+)", "l.$1")
                    + " FROM crm_lead l, generate_series(1, " + ROWS + ") g");
            s.execute("INSERT INTO crm_contact (id, version, first_name, last_name, emails, phones, addresses,"
                    + " consent_status, consent_source, affiliations, custom_fields, created_at, updated_at)"
                    + " SELECT gen_random_uuid(), 0, 'Plan', 'Person ' || g, '[]', '[]', '[]', 'UNKNOWN', '', '[]',"
                    + " '{}', TIMESTAMPTZ '2026-01-10T09:00:00Z', TIMESTAMPTZ '2026-01-10T09:00:00Z'"
                    + " FROM generate_series(1, " + ROWS + ") g");
            s.execute("INSERT INTO crm_contact_point (point, contact_id) SELECT 'p:+4930' || g, "
                    + "(SELECT contact_id FROM crm_contact_point LIMIT 1) FROM generate_series(1, " + ROWS + ") g");
            s.execute("INSERT INTO crm_lead_external_id (external_id, lead_id) SELECT 'plan-' || g, "
                    + "(SELECT lead_id FROM crm_lead_external_id LIMIT 1) FROM generate_series(1, " + ROWS + ") g");
        }
    }

    private static void assertScansNoTable(JdbcCrmStore store, String sql, List<String> keys) {
        Jdbc jdbc = store.jdbc();
        List<String> lines = jdbc.tx.read(c -> jdbc.list(c, "EXPLAIN " + sql, rs -> rs.getString(1),
                keys.toArray()));
        String plan = String.join("\n", lines);
        assertFalse(SCAN.matcher(plan).find(), "a look-up scans a whole table:\n" + sql + "\n" + plan);
    }
}
