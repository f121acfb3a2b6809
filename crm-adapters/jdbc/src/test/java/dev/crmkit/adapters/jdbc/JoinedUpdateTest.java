package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MariaDB's multi-row update of rows by id and version ({@code Jdbc.updateRows}), as a bulk chunk's folded leads and
 * changed contacts are written: the updated table is read first, by its primary key, and each row written as read, so
 * MariaDB keeps no row's new values in a temporary table (one on disk a chunk, its rows holding the JSON text
 * columns). Counted with the session's status counters on the chunk's own connection. Not timed.
 */
class JoinedUpdateTest {

    private static final Instant AT = Instant.parse("2026-12-07T11:00:00Z");
    private static final int STORED = 300;
    /** Rows of one joined update: as many as a chunk of 500 submissions (the bench's default) can fold. */
    private static final int JOINED = 500;

    /**
     * A chunk folding a repeat into each of 300 stored leads, with external ids (a JSON column the update sets),
     * captured inside a unit of the test's so the counter is read on its connection: no temporary table on disk
     * for the whole chunk; every lead read back at its next version with the values the fold left.
     */
    @Test
    void mariadb_aChunkFoldingRepeats_writesTheFoldedLeadsWithNoTemporaryTableOnDisk() {
        try (TestDatabase.Isolated on = TestDatabase.MARIADB.isolatedStore()) {
            JdbcCrmStore store = on.store();
            Crm crm = crm(store, 22);
            List<LeadSubmission> first = new ArrayList<>();
            List<LeadSubmission> repeats = new ArrayList<>();
            for (int i = 0; i < STORED; i++) {
                first.add(LeadSubmission.from(Channel.WEB_FORM).name("Ada", "Joined" + i)
                        .email("joined" + i + "@example.org").externalId("first-" + i).build());
                repeats.add(LeadSubmission.from(Channel.IMPORT).email("joined" + i + "@example.org")
                        .externalId("repeat-" + i).request("call back " + i).build());
            }
            crm.bulkCapture().captureAll(first);

            long diskTables = diskTablesDuring(store, () -> {
                for (CaptureOutcome outcome : crm.bulkCapture().captureAll(repeats)) {
                    assertInstanceOf(CaptureOutcome.DuplicateFolded.class, outcome);
                }
            });

            assertEquals(0L, diskTables, "temporary tables on disk in the chunk");
            for (int i = 0; i < STORED; i++) {
                Lead now = store.leads().findByExternalId("repeat-" + i).orElseThrow();
                assertEquals(2, now.version(), "lead " + i);
                assertEquals(List.of("first-" + i, "repeat-" + i), now.externalIds(), "lead " + i);
                assertEquals("call back " + i, now.request(), "lead " + i);
                assertEquals(2, now.submissions(), "lead " + i);
                assertEquals("Joined" + i, now.name().last(), "lead " + i);
            }
        }
    }

    /**
     * A chunk enriching 300 stored contacts (each known by its phone, named and given an e-mail by its repeat), its
     * contacts written by the same joined update: no temporary table on disk for the chunk; every contact read back
     * with what the chunk gave it.
     */
    @Test
    void mariadb_aChunkEnrichingStoredContacts_writesThemWithNoTemporaryTableOnDisk() {
        try (TestDatabase.Isolated on = TestDatabase.MARIADB.isolatedStore()) {
            JdbcCrmStore store = on.store();
            Crm crm = crm(store, 23);
            List<LeadSubmission> first = new ArrayList<>();
            List<LeadSubmission> repeats = new ArrayList<>();
            for (int i = 0; i < STORED; i++) {
                String phone = "+49 30 555" + (10_000 + i);
                first.add(LeadSubmission.from(Channel.WEB_FORM).phone(phone).build());
                repeats.add(LeadSubmission.from(Channel.IMPORT).name("Kathy", "Joined" + i).phone(phone)
                        .email("kathy@joined" + i + ".example").build());
            }
            List<Contact> known = new ArrayList<>();
            for (CaptureOutcome outcome : crm.bulkCapture().captureAll(first)) {
                known.add(store.contacts().findById(outcome.lead().orElseThrow().contactId()).orElseThrow());
            }

            long diskTables = diskTablesDuring(store, () -> crm.bulkCapture().captureAll(repeats));

            assertEquals(0L, diskTables, "temporary tables on disk in the chunk");
            for (int i = 0; i < STORED; i++) {
                Contact now = store.contacts().findById(known.get(i).id()).orElseThrow();
                assertTrue(now.version() > known.get(i).version(), "contact " + i);
                assertEquals("Joined" + i, now.name().last(), "contact " + i);
                assertEquals(List.of(new EmailAddress("kathy@joined" + i + ".example")), now.emails(), "contact " + i);
            }
        }
    }

    /**
     * The joined update forces the primary key's index on the table it reads first, so a one-row update keyed on
     * another column (one only UNIQUE) is refused when its statement is built, naming the column; one keyed on id is
     * not.
     */
    @Test
    void updateRowsSql_aKeyOtherThanTheIdPrimaryKey_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Jdbc.updateRowsSql(
                "UPDATE crm_x SET version = ?, a = ? WHERE email = ? AND version = ?", 2));
        assertTrue(e.getMessage().contains("primary key id") && e.getMessage().contains("not email"),
                e.getMessage());
        assertTrue(Jdbc.updateRowsSql("UPDATE crm_x SET version = ?, a = ? WHERE id = ? AND version = ?", 2)
                .startsWith("UPDATE crm_x t FORCE INDEX (PRIMARY) STRAIGHT_JOIN ("));
    }

    /**
     * One joined update of 500 stored leads (a chunk's most, {@code Jdbc.updateRows}), its session's counters read on
     * its own connection: each row's values are found through the derived table's key ({@code key0}), so the update
     * reads no row of a table in sequence ({@code Handler_read_rnd_next} 0, measured). {@code EXPLAIN} shows the
     * derived table read whole ({@code ALL}, estimated 2 rows: it is not filled when explained), but the update as run
     * fills it first and probes its key; read whole for each row, as with MariaDB's {@code derived_with_keys} off, it
     * would read 250,500 rows. Every lead is read back written.
     */
    @Test
    void mariadb_a500RowJoinedUpdate_findsEachRowsValuesByKeyNotByAScan() {
        try (TestDatabase.Isolated on = TestDatabase.MARIADB.isolatedStore()) {
            JdbcCrmStore store = on.store();
            Crm crm = crm(store, 24);
            List<LeadSubmission> people = new ArrayList<>();
            for (int i = 0; i < JOINED; i++) {
                people.add(LeadSubmission.from(Channel.WEB_FORM).name("Ida", "Keyed" + i)
                        .email("keyed" + i + "@example.org").build());
            }
            List<Object[]> rows = new ArrayList<>();
            List<Lead> stored = new ArrayList<>();
            for (CaptureOutcome outcome : crm.bulkCapture().captureAll(people)) {
                Lead lead = outcome.lead().orElseThrow();
                stored.add(lead);
                rows.add(new Object[] {lead.version() + 1, "keyed " + lead.name().last(), lead.id().value(),
                        lead.version()});
            }
            String update = "UPDATE crm_lead SET version = ?, request = ? WHERE id = ? AND version = ?";
            Jdbc jdbc = store.jdbc();

            long[] counted = store.transactions().inTransaction(() -> jdbc.tx.write(c -> {
                long readsBefore = status(c, "Handler_read_rnd_next");
                long diskBefore = status(c, "Created_tmp_disk_tables");
                long written = jdbc.updateRows(c, update, rows);
                return new long[] {written, status(c, "Handler_read_rnd_next") - readsBefore,
                        status(c, "Created_tmp_disk_tables") - diskBefore};
            }));

            assertEquals(JOINED, counted[0], "leads written");
            assertTrue(counted[1] < JOINED, "rows read in sequence by a " + JOINED + "-row update: " + counted[1]
                    + " (a scan of the values per row reads " + JOINED * (JOINED + 1) + ")");
            assertEquals(0L, counted[2], "temporary tables on disk");
            for (int i = 0; i < JOINED; i++) {
                Lead now = store.leads().findById(stored.get(i).id()).orElseThrow();
                assertEquals(stored.get(i).version() + 1, now.version(), "lead " + i);
                assertEquals("keyed Keyed" + i, now.request(), "lead " + i);
            }
        }
    }

    private static Crm crm(JdbcCrmStore store, long seed) {
        return Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(seed))
                .defaultRegion("DE").build();
    }

    /**
     * The temporary tables on disk the session created while the work ran, inside a unit of the test's so the
     * counter is read on the connection the work used.
     */
    private static long diskTablesDuring(JdbcCrmStore store, Runnable work) {
        Jdbc jdbc = store.jdbc();
        return store.transactions().inTransaction(() -> {
            long before = jdbc.tx.read(c -> status(c, "Created_tmp_disk_tables"));
            work.run();
            return jdbc.tx.read(c -> status(c, "Created_tmp_disk_tables")) - before;
        });
    }

    private static long status(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name
                + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
