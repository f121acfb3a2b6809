package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureBatches;
import dev.crmkit.core.capture.CaptureOutcome;
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
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk capture's look-ups of a chunk's keys probe the indexes on PostgreSQL however the tables' statistics stand: a
 * table that grew during an import has none yet (or old ones), and an IN list of hundreds of values was then planned
 * as a scan of the whole table, so every chunk took longer the more was stored. 20,000 leads, contacts, contact
 * points and external ids written straight into the tables, never analyzed (as in an import that just filled them),
 * and the plan of each look-up for 500 keys. Asserted on the plans, never on timings; the rows a chunk's
 * {@code find} reads are checked too, so the statements are the chunk's own. The chunk's writes that find rows by
 * key are planned the same way: the rows of folded leads and of changed stored contacts updated (under the generic
 * plan too), the name keys of folded leads rewritten, the insertion numbers of contacts read for
 * their company links, the open tasks about the chunk's leads and contacts. On MariaDB the same statements (and the
 * one multi-row update of folded leads) must find the rows through an index too ({@code EXPLAIN}: no access of type
 * {@code ALL} on a filled table).
 */
class BulkLookupPlanTest {

    private static final int ROWS = 20_000;
    private static final int KEYS = 500;
    /** The leads of an import's first chunks, next to a chunk's keys. */
    private static final int EARLY_ROWS = 2_000;
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final String EMAIL = "ottilie.brannwald@example.org";
    /** A sequential scan of one of the big tables (not of {@code crm_lead_alias}, which the LISTED test reads). */
    private static final Pattern SCAN = Pattern.compile(
            "Seq Scan on crm_(lead|contact|contact_point|lead_external_id|lead_name_key|task)\\b(?!_)");
    /**
     * The keys applied as a filter to rows an index scan found by other columns (the open tasks of a kind of record
     * read through the index by kind and open, all of them, then filtered by the ids): a scan in all but name.
     */
    private static final Pattern KEYS_FILTERED = Pattern.compile("Filter: .*= ANY \\(");

    @Test
    void postgresql_lookupsOfAChunksKeys_probeTheIndexes_inTablesNeverAnalyzed() throws SQLException {
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore()) {
            JdbcCrmStore store = on.store();
            Lead captured = captureOttilie(store);
            fill(on.ds());
            JdbcCaptureBatches batches = (JdbcCaptureBatches) store.captureBatches();

            for (Keyed statement : keyedStatements(store)) {
                assertScansNoTable(store, statement.sql(), statement.params());
            }
            assertUpdateProbesThePrimaryKey(store, ((JdbcLeads) store.leads()).updateAllSql(KEYS),
                    JdbcLeads.UPDATE_TYPES, "crm_lead_pkey");
            assertUpdateProbesThePrimaryKey(store, ((JdbcContacts) store.contacts()).updateAllSql(KEYS),
                    JdbcContacts.UPDATE_TYPES, "crm_contact_pkey");
            List<String> emails = keys("plan", "@example.org");

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
        }
    }

    @Test
    void mariadb_aChunksKeyedStatements_findTheRowsThroughAnIndex() throws SQLException {
        try (TestDatabase.Isolated on = TestDatabase.MARIADB.isolatedStore()) {
            JdbcCrmStore store = filledMariaDb(on, ROWS);
            Jdbc jdbc = store.jdbc();
            for (Keyed statement : keyedStatements(store)) {
                assertIndexed(jdbc, statement.sql(), statement.params());
            }
            // the update of folded leads as a chunk sends it: only the columns its leads change (JdbcLeads.narrowed)
            String update = foldedLeadsUpdateSent(on.ds());
            int leads = update.split(" UNION ALL ", -1).length;
            // each lead's values, id and expected version, then its id again in the IN list
            int perRow = (update.split("\\?", -1).length - 1) / leads - 1;
            assertEquals(KEYS, leads, "the chunk's folded leads in one statement:\n" + update);
            assertTrue(perRow < JdbcLeads.UPDATE_TYPES.size(), "the narrowed update, not every column:\n" + update);
            List<String> plan = assertIndexed(jdbc, update, Jdbc.updateRowsParams(updateRows(perRow)));
            assertReadsTheTableFirst("the leads", plan);
            // the contacts' joined update (JdbcContacts.updateAll), every column set
            String contacts = ((JdbcContacts) store.contacts()).updateAllSql(KEYS);
            int contactsPerRow = (contacts.split("\\?", -1).length - 1) / KEYS - 1;
            assertReadsTheTableFirst("the contacts", assertIndexed(jdbc, contacts,
                    Jdbc.updateRowsParams(updateRows(contactsPerRow))));
        }
    }

    /**
     * The plan of a joined update ({@code Jdbc.updateRows}): the table read first by its primary key over the ids,
     * then the rows' values (the derived table). How the values are found is not asserted here: {@code EXPLAIN} shows
     * a derived table of 500 rows read whole ({@code ALL}, estimated at 2 rows, as it is not filled when explained),
     * one of 3 rows through its own key ({@code ref key0}); run, the update probes the key for 500 rows too, which
     * {@code JoinedUpdateTest} counts.
     */
    private static void assertReadsTheTableFirst(String rows, List<String> plan) {
        assertEquals("PRIMARY t range PRIMARY", plan.get(0), rows + " read first, by their ids:\n"
                + String.join("\n", plan));
        assertTrue(plan.get(1).matches("PRIMARY <derived\\d+> .*"),
                "then their values:\n" + String.join("\n", plan));
    }

    /** {@value #KEYS} rows of a one-row update's parameters: "x" for each value, then an id and version 1. */
    private static List<Object[]> updateRows(int perRow) {
        List<Object[]> rows = new ArrayList<>();
        for (Object id : ids()) {
            Object[] row = new Object[perRow];
            for (int i = 0; i < perRow; i++) {
                row[i] = i == perRow - 2 ? id : i == perRow - 1 ? (Object) 1L : "x";
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The multi-row update of folded leads that a bulk chunk sends, recorded: {@value #KEYS} people captured, then a
     * repeat of each (a request and an external id added) folded into their leads in one chunk.
     */
    private static String foldedLeadsUpdateSent(DataSource ds) {
        List<String> texts = new ArrayList<>();
        Crm crm = Crm.builder().store(JdbcCrmStore.builder(StatementCounter.recording(ds, texts)).build())
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).ids(IdGenerator.seeded(71)).defaultRegion("DE").build();
        List<LeadSubmission> people = new ArrayList<>();
        List<LeadSubmission> repeats = new ArrayList<>();
        for (int i = 1; i <= KEYS; i++) {
            people.add(LeadSubmission.from(Channel.WEB_FORM).name("Kim", "Fold" + i).email("fold" + i
                    + "@example.net").build());
            repeats.add(LeadSubmission.from(Channel.IMPORT).email("fold" + i + "@example.net")
                    .request("call back " + i).externalId("fold-" + i).build());
        }
        crm.bulkCapture().captureAll(people);
        texts.clear();
        List<CaptureOutcome> folded = crm.bulkCapture().captureAll(repeats);
        assertTrue(folded.stream().allMatch(CaptureOutcome.DuplicateFolded.class::isInstance), "every repeat folded");
        List<String> updates = texts.stream()
                .filter(t -> t.startsWith("UPDATE crm_lead t ") && t.contains(" UNION ALL ")).toList();
        assertEquals(1, updates.size(), "updates of folded leads sent: " + updates.size());
        return updates.get(0);
    }

    /**
     * MariaDB's look-ups of leads at once ({@code JdbcCaptureBatches.AtOnce}) and of contacts by point, early in an
     * import: 500 keys of each kind against 2,000 leads. As IN lists of more than {@code eq_range_index_dive_limit}
     * values MariaDB planned them from its index statistics and read the whole lead table for the e-mails; the keys
     * as a derived table read first and joined to the index probe it once per key. The rows found are checked too.
     */
    @Test
    void mariadb_lookUpsAtOnce_probeTheIndexes_whenTheKeysAreManyNextToTheRows() throws SQLException {
        try (TestDatabase.Isolated on = TestDatabase.MARIADB.isolatedStore()) {
            JdbcCrmStore store = filledMariaDb(on, EARLY_ROWS);
            Jdbc jdbc = store.jdbc();
            JdbcCaptureBatches batches = (JdbcCaptureBatches) store.captureBatches();
            List<String> emails = keys("plan", "@example.org");
            List<String> phones = keys("+49151", "");
            phones.replaceAll(p -> "+49151" + (20_000_000 + Integer.parseInt(p.substring("+49151".length()))));
            List<String> externalIds = keys("plan-", "");
            List<List<String>> byBranch = List.of(emails, phones, externalIds);
            List<Object> params = new ArrayList<>();
            byBranch.forEach(params::addAll);
            assertIndexed(jdbc, JdbcCaptureBatches.AtOnce.LEADS.sql(jdbc, List.of(KEYS, KEYS, KEYS)), params);
            List<String> points = keys("p:+4930", "");
            assertIndexed(jdbc, batches.lookup(JdbcCaptureBatches.CONTACTS_BY_POINT, KEYS), points);

            var rows = jdbc.tx.read(c -> JdbcCaptureBatches.AtOnce.LEADS.rows(jdbc, c, byBranch,
                    rs -> rs.getString("email")));
            assertEquals(KEYS, rows.get("0").size(), "every e-mail asked has its open lead");
            assertEquals(Set.copyOf(emails), rows.get("0").stream().map(JdbcCaptureBatches.Keyed::row)
                    .collect(java.util.stream.Collectors.toSet()));
            assertEquals(KEYS, rows.get("1").size(), "every phone asked has its open lead");
            assertEquals(KEYS, rows.get("2").size(), "every external id asked has its lead");
            assertEquals(1, jdbc.tx.read(c -> jdbc.list(c, batches.lookup(JdbcCaptureBatches.CONTACTS_BY_POINT,
                    KEYS), rs -> rs.getString("id"), points.toArray())).size(), "the points' one contact");
        }
    }

    /**
     * MariaDB's look-up of companies at once ({@code JdbcCaptureBatches.AtOnce.COMPANIES}: by domain, by name hash),
     * early in an import: 500 domains and 500 name hashes against 2,000 companies and domains, the keys many next to
     * the rows. Each branch reads its keys first and probes the index of its column ({@code company_domain}'s primary
     * key, {@code company}'s {@code (name_hash, ...)} index), never the whole table; the rows found are checked too
     * (every asked domain's company, every asked hash's company, oldest first, the captured company's own domain and
     * name among them).
     */
    @Test
    void mariadb_companiesAtOnce_probeTheIndexes_whenTheKeysAreManyNextToTheRows() throws SQLException {
        try (TestDatabase.Isolated on = TestDatabase.MARIADB.isolatedStore()) {
            JdbcCrmStore store = on.store();
            String company = captureBrannwaldWerke(store);
            fillCompaniesMariaDb(on.ds(), EARLY_ROWS);
            Jdbc jdbc = store.jdbc();
            List<String> domains = keys("plan", ".example.org");
            domains.set(0, "brannwald-werke.de");
            List<String> hashes = new ArrayList<>();
            keys("plan company ", "").forEach(n -> hashes.add(JdbcCompanies.hash(n)));
            String nameKey = one(on.ds(), "SELECT name_key FROM crm_company WHERE id = '" + company + "'");
            hashes.set(0, JdbcCompanies.hash(nameKey));
            List<Object> params = new ArrayList<>(domains);
            params.addAll(hashes);
            String sql = JdbcCaptureBatches.AtOnce.COMPANIES.sql(jdbc, List.of(KEYS, KEYS));
            List<String> plan = assertIndexed(jdbc, sql, params);
            String shown = sql + "\n" + String.join("\n", plan);
            assertTrue(plan.stream().anyMatch(r -> r.matches("\\w+ d (eq_ref|ref) PRIMARY")),
                    "the domains probe company_domain's primary key:\n" + shown);
            assertTrue(plan.stream().anyMatch(r -> r.matches("\\w+ c (eq_ref|ref) PRIMARY")),
                    "a domain's company is found by its id:\n" + shown);
            assertTrue(plan.stream().anyMatch(r -> r.matches("\\w+ c (eq_ref|ref) crm_company_name")),
                    "the name hashes probe the index on name_hash:\n" + shown);

            var rows = jdbc.tx.read(c -> JdbcCaptureBatches.AtOnce.COMPANIES.rows(jdbc, c,
                    List.of(domains, hashes), rs -> rs.getString("id")));
            assertEquals(KEYS, rows.get("0").size(), "every domain asked has its company");
            assertEquals(Set.copyOf(domains), rows.get("0").stream().map(JdbcCaptureBatches.Keyed::key)
                    .collect(java.util.stream.Collectors.toSet()));
            assertTrue(rows.get("0").stream().anyMatch(k -> k.key().equals("brannwald-werke.de")
                    && k.row().equals(company)), "the captured company under its own domain");
            assertEquals(KEYS, rows.get("1").size(), "every name hash asked has its company");
            assertEquals(Set.copyOf(hashes), rows.get("1").stream().map(JdbcCaptureBatches.Keyed::key)
                    .collect(java.util.stream.Collectors.toSet()));
            assertEquals(company, rows.get("1").get(0).row(), "the captured company is the oldest");
        }
    }

    /**
     * MariaDB's look-up of companies at once answers the companies under a name hash oldest first though the union
     * has no {@code ORDER BY} (a union with one went through a temporary table on disk, its rows holding text
     * columns): copies of one company under its name hash, inserted newest first, come back by creation time, then
     * insertion number for two of the same time; and the statement creates no temporary table on disk.
     */
    @Test
    void mariadb_companiesAtOnce_comeOldestFirst_withNoTemporaryTableOnDisk() throws SQLException {
        try (TestDatabase.Isolated on = TestDatabase.MARIADB.isolatedStore()) {
            JdbcCrmStore store = on.store();
            String first = captureBrannwaldWerke(store);
            String columns;
            try (Connection c = on.ds().getConnection(); Statement s = c.createStatement()) {
                columns = String.join(", ", columns(c, "crm_company", "id", "seq", "created_at"));
                for (int days : new int[] {3, 2, -1, 2}) { // inserted in this order: seq and time disagree
                    s.execute("INSERT INTO crm_company (id, created_at, " + columns + ") SELECT CONCAT('copy', "
                            + days + ", '-', (SELECT COUNT(*) FROM crm_company)), x.created_at + INTERVAL " + days
                            + " DAY, " + columns.replaceAll("(\\w+)", "x.$1") + " FROM crm_company x WHERE x.id = '"
                            + first + "'");
                }
            }
            String hash = one(on.ds(), "SELECT name_hash FROM crm_company WHERE id = '" + first + "'");
            Jdbc jdbc = store.jdbc();
            long[] diskTables = new long[1];
            var rows = jdbc.tx.read(c -> {
                long before = Long.parseLong(status(c, "Created_tmp_disk_tables"));
                var found = JdbcCaptureBatches.AtOnce.COMPANIES.rows(jdbc, c, List.of(List.of(), List.of(hash)),
                        rs -> rs.getString("id"));
                diskTables[0] = Long.parseLong(status(c, "Created_tmp_disk_tables")) - before;
                return found;
            });

            assertEquals(List.of("copy-1-3", first, "copy2-2", "copy2-4", "copy3-1"),
                    rows.get("1").stream().map(JdbcCaptureBatches.Keyed::row).toList());
            assertEquals(Set.of(hash), rows.get("1").stream().map(JdbcCaptureBatches.Keyed::key)
                    .collect(java.util.stream.Collectors.toSet()));
            assertEquals(0, diskTables[0], "temporary tables on disk");
        }
    }

    /** The id of the company a lead of Ottilie at Brannwald Werke (domain brannwald-werke.de) is captured with. */
    private static String captureBrannwaldWerke(JdbcCrmStore store) {
        Lead captured = kit(store).crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Ottilie", "Brannwald").email("ottilie@brannwald-werke.de").company("Brannwald Werke")
                .build()).lead().orElseThrow();
        return captured.companyId().orElseThrow().value().toString();
    }

    private static String status(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name
                + "'")) {
            rs.next();
            return rs.getString(2);
        }
    }

    /** The one lead captured before the fill, with its person, e-mail and external id: the row the fill copies. */
    private static Lead captureOttilie(JdbcCrmStore store) {
        return kit(store).crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Ottilie", "Brannwald")
                .email(EMAIL).externalId("plan-source-1").build()).lead().orElseThrow();
    }

    private static Crmkit kit(JdbcCrmStore store) {
        return Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                .ids(IdGenerator.seeded(7L))
                .suppressionSalt("the plan test's secret salt, 32b".getBytes(StandardCharsets.UTF_8)).build();
    }

    /**
     * {@code count} copies of the one stored company, each a day later than the last (so the captured one stays the
     * oldest), named {@code plan company N} (its hash in {@code name_hash}) with its own domain
     * {@code planN.example.org}; no ANALYZE.
     */
    private static void fillCompaniesMariaDb(DataSource ds, int count) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String rows = "seq_1_to_" + count + " g";
            String columns = String.join(", ", columns(c, "crm_company", "id", "seq", "name_key", "name_hash",
                    "created_at"));
            s.execute("INSERT INTO crm_company (id, name_key, name_hash, created_at, " + columns + ") SELECT UUID(), "
                    + "CONCAT('plan company ', g.seq), SHA2(CONCAT('plan company ', g.seq), 256), "
                    + "x.created_at + INTERVAL g.seq DAY, " + columns.replaceAll("(\\w+)", "x.$1")
                    + " FROM crm_company x, " + rows);
            s.execute("INSERT INTO crm_company_domain (domain, company_id) SELECT CONCAT('plan', "
                    + "SUBSTRING(name_key, 14), '.example.org'), id FROM crm_company WHERE name_key LIKE 'plan %'");
        }
    }

    private static String one(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return one(c, sql);
        }
    }

    /** A statement and the values of its parameters. */
    private record Keyed(String sql, List<?> params) {
    }

    /**
     * The statements of a chunk that find rows by 500 of its keys: the look-ups of open leads by e-mail and phone, of
     * contacts by point, of leads by external id, and the chunk's writes by key (folded leads' name keys rewritten,
     * contacts' insertion numbers read, open tasks about leads).
     */
    private static List<Keyed> keyedStatements(JdbcCrmStore store) {
        JdbcCaptureBatches batches = (JdbcCaptureBatches) store.captureBatches();
        Jdbc jdbc = store.jdbc();
        List<Object> ids = ids();
        List<Object> nameKeys = new ArrayList<>();
        ids.forEach(id -> nameKeys.addAll(List.of(id, "PLN", "PLN")));
        List<Object> about = new ArrayList<>(List.of(JdbcTasks.OPEN_ABOUT.keys(jdbc, ids)));
        about.addAll(List.of("LEAD", true));
        return List.of(
                lookUp(batches, jdbc, JdbcCaptureBatches.latestOpenSql("email"), keys("plan", "@example.org")),
                lookUp(batches, jdbc, JdbcCaptureBatches.latestOpenSql("phone"), keys("+49151", "")),
                lookUp(batches, jdbc, JdbcCaptureBatches.CONTACTS_BY_POINT, keys("e:plan", "@example.org")),
                lookUp(batches, jdbc, JdbcCaptureBatches.LEADS_BY_EXTERNAL_ID, keys("plan-", "")),
                new Keyed(new LeadNameKeyRows(jdbc).replaceAllSql(KEYS), nameKeys),
                new Keyed(JdbcContacts.SEQS.sql(jdbc, KEYS), List.of(JdbcContacts.SEQS.keys(jdbc, ids))),
                new Keyed(JdbcTasks.OPEN_ABOUT.sql(jdbc, KEYS), about));
    }

    /** A look-up of the keys with the parameters the chunk binds (one array on PostgreSQL). */
    private static Keyed lookUp(JdbcCaptureBatches batches, Jdbc jdbc, JdbcCaptureBatches.Lookup template,
                                List<String> keys) {
        return new Keyed(batches.lookup(template, keys.size()), List.of(template.keys(jdbc, keys)));
    }

    /** 500 ids no row holds (seeded, so every run plans the same question). */
    private static List<Object> ids() {
        List<Object> ids = new ArrayList<>(KEYS);
        for (int i = 1; i <= KEYS; i++) {
            ids.add(new UUID(0x5EED_0000_0000_0000L, i));
        }
        return ids;
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
            s.execute("INSERT INTO crm_lead_name_key (lead_id, name_key, nickname_key) SELECT id, 'PLN', 'PLN' "
                    + "FROM crm_lead ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO crm_task (id, version, title, due, assignee, related_type, related_id, status, "
                    + "is_open, open_reminder, created_at) SELECT gen_random_uuid(), 1, 'Call back ' || g, "
                    + "TIMESTAMPTZ '2026-05-10T09:00:00Z', 'user:plan', 'LEAD', gen_random_uuid(), 'OPEN', TRUE, "
                    + "FALSE, TIMESTAMPTZ '2026-05-04T08:00:00Z' FROM generate_series(1, " + ROWS + ") g");
        }
    }

    /** The store of {@code on} with Ottilie captured and {@code count} copies of her rows ({@link #fillMariaDb}). */
    private static JdbcCrmStore filledMariaDb(TestDatabase.Isolated on, int count) throws SQLException {
        JdbcCrmStore store = on.store();
        captureOttilie(store);
        fillMariaDb(on.ds(), count);
        return store;
    }

    /** {@link #fill} on MariaDB with {@code count} rows a table (its sequence engine's {@code seq_1_to_N}). */
    private static void fillMariaDb(DataSource ds, int count) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String rows = "seq_1_to_" + count + " g";
            String leads = String.join(", ", columns(c, "crm_lead", "id", "email", "phone", "seq"));
            s.execute("INSERT INTO crm_lead (id, email, phone, " + leads + ") SELECT UUID(), CONCAT('plan', g.seq, "
                    + "'@example.org'), CONCAT('+49151', 20000000 + g.seq), " + leads.replaceAll("(\\w+)", "l.$1")
                    + " FROM crm_lead l, " + rows);
            String contacts = String.join(", ", columns(c, "crm_contact", "id", "seq"));
            s.execute("INSERT INTO crm_contact (id, " + contacts + ") SELECT UUID(), "
                    + contacts.replaceAll("(\\w+)", "x.$1") + " FROM crm_contact x, " + rows);
            String contact = one(c, "SELECT contact_id FROM crm_contact_point LIMIT 1");
            s.execute("INSERT INTO crm_contact_point (point, contact_id) SELECT CONCAT('p:+4930', g.seq), '"
                    + contact + "' FROM " + rows);
            String lead = one(c, "SELECT lead_id FROM crm_lead_external_id LIMIT 1");
            s.execute("INSERT INTO crm_lead_external_id (external_id, lead_id) SELECT CONCAT('plan-', g.seq), '"
                    + lead + "' FROM " + rows);
            s.execute("INSERT IGNORE INTO crm_lead_name_key (lead_id, name_key, nickname_key) SELECT id, 'PLN', "
                    + "'PLN' FROM crm_lead");
            s.execute("INSERT INTO crm_task (id, version, title, due, assignee, related_type, related_id, status, "
                    + "is_open, open_reminder, created_at) SELECT UUID(), 1, CONCAT('Call back ', g.seq), "
                    + "'2026-05-10 09:00:00', 'user:plan', 'LEAD', UUID(), 'OPEN', TRUE, FALSE, "
                    + "'2026-05-04 08:00:00' FROM " + rows);
        }
    }

    private static List<String> columns(Connection c, String table, String... without) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        columns.removeAll(List.of(without));
        return columns;
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * MariaDB's plan of a statement: no table of the fill read whole ({@code type} {@code ALL}); the keys' own
     * derived table may be.
     */
    private static List<String> assertIndexed(Jdbc jdbc, String sql, List<?> params) {
        List<String> rows = jdbc.tx.write(c -> jdbc.list(c, "EXPLAIN " + sql,
                rs -> rs.getString("select_type") + " " + rs.getString("table") + " " + rs.getString("type") + " "
                        + rs.getString("key"), params.toArray()));
        for (String row : rows) { // the row an INSERT writes is shown as type ALL: it reads nothing
            assertFalse(row.matches("(?!INSERT )\\w+ (crm_(lead|contact|contact_point|lead_external_id|lead_name_key"
                            + "|task|company|company_domain)|[a-z]) (ALL|index) .*"),
                    "a statement reads a whole table:\n" + sql + "\n" + String.join("\n", rows));
        }
        return rows;
    }

    private static void assertScansNoTable(JdbcCrmStore store, String sql, List<?> keys) {
        Jdbc jdbc = store.jdbc();
        List<String> lines = jdbc.tx.write(c -> jdbc.list(c, "EXPLAIN " + sql, rs -> rs.getString(1),
                keys.toArray()));
        assertScansNoTable(sql, String.join("\n", lines));
    }

    private static void assertScansNoTable(String sql, String plan) {
        assertFalse(SCAN.matcher(plan).find(), "a look-up scans a whole table:\n" + sql + "\n" + plan);
        assertFalse(KEYS_FILTERED.matcher(plan).find(), "a look-up filters the keys:\n" + sql + "\n" + plan);
    }

    /**
     * The update of 500 rows of a chunk on PostgreSQL (folded leads, {@code JdbcLeads.updateAll}; stored contacts,
     * {@code JdbcContacts.updateAll}), explained with a value of its type for every parameter: each row found through
     * the primary key ({@code pkey}), no scan of the table.
     */
    private static void assertUpdateProbesThePrimaryKey(JdbcCrmStore store, String sql, List<String> types,
                                                        String pkey) {
        Jdbc jdbc = store.jdbc();
        String plan = jdbc.tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                int at = 1;
                for (Object id : ids()) {
                    for (String type : types) {
                        jdbc.bind(ps, at++, switch (type) {
                            case "bigint" -> 1L;
                            case "uuid" -> id;
                            case "boolean" -> true;
                            case "integer" -> 1;
                            case "timestamptz" -> T0;
                            case "date" -> java.time.LocalDate.of(1990, 5, 4);
                            default -> "{}"; // text, and valid JSON where the SET casts it
                        });
                    }
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            }
        });
        assertScansNoTable(sql, plan);
        assertTrue(plan.contains(pkey), "the update finds the rows by id:\n" + plan);
        assertGenericPlanProbesThePrimaryKey(jdbc, sql, types, pkey);
    }

    /**
     * The same update as a server-prepared statement under its generic plan, the one pgjdbc's statement may run with
     * after its fifth execution (PostgreSQL then plans without the values): still the primary key, no scan. The
     * statement is prepared in SQL ({@code PREPARE}, parameters as {@code $n}) and explained with
     * {@code plan_cache_mode = force_generic_plan}, which PostgreSQL 12 and later honour for {@code EXPLAIN EXECUTE}.
     */
    private static void assertGenericPlanProbesThePrimaryKey(Jdbc jdbc, String sql, List<String> types,
                                                            String pkey) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(ch);
            }
        }
        List<String> values = new ArrayList<>(n);
        for (Object id : ids()) {
            for (String type : types) {
                values.add(switch (type) {
                    case "bigint", "integer" -> "1";
                    case "uuid" -> "'" + id + "'";
                    case "boolean" -> "true";
                    case "timestamptz" -> "'" + T0 + "'";
                    case "date" -> "'1990-05-04'";
                    default -> "'{}'";
                });
            }
        }
        assertEquals(n, values.size(), "a value for every parameter");
        String plan = jdbc.tx.write(c -> {
            try (var s = c.createStatement()) {
                s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                s.execute("PREPARE crm_fold_plan AS " + numbered);
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE crm_fold_plan(" + String.join(", ", values)
                        + ")")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                s.execute("DEALLOCATE crm_fold_plan");
                return String.join("\n", lines);
            }
        });
        assertScansNoTable(sql, plan);
        assertTrue(plan.contains(pkey), "the generic plan finds the rows by id:\n" + plan);
    }
}
