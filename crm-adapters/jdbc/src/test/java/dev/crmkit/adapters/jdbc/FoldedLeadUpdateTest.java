package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.duplicate.NameKeys;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk capture chunk that folds many repeat submissions into leads stored before it ({@code JdbcLeads.updateAll}):
 * each lead written at the version the folds one by one would have left, with the values they left; the rows written
 * with a few multi-row statements on PostgreSQL and MariaDB (one JDBC batch of one-row updates on H2), counted on the
 * client ({@link StatementCounter}); the name keys rewritten only for the leads whose name the fold filled in; and a
 * lead another unit of work changed since it was read refused as stale, naming it, with nothing written. Not timed.
 */
class FoldedLeadUpdateTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");
    /** More leads than one multi-row update of a lead takes on PostgreSQL (533 at 30 parameters a row). */
    private static final int STORED = 700;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChunkFoldingRepeatsIntoStoredLeads_writesEachAtItsNextVersions(TestDatabase db) {
        DataSource ds = db.isolated();
        try {
            Map<String, Integer> statements = new TreeMap<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.counting(ds, statements)).build();
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(91))
                    .defaultRegion("DE").build();
            List<LeadSubmission> first = new ArrayList<>();
            List<LeadSubmission> repeats = new ArrayList<>();
            for (int i = 0; i < STORED; i++) {
                String email = "fold" + i + "@example.org";
                boolean named = i % 10 != 0; // every tenth stored without a name: its repeat fills it in
                LeadSubmission.Builder stored = LeadSubmission.from(Channel.WEB_FORM).email(email);
                first.add((named ? stored.name("Ada", "Folded" + i) : stored).build());
                repeats.add(LeadSubmission.from(Channel.IMPORT).name("Ada", "Folded" + i)
                        .email(email.toUpperCase(java.util.Locale.ROOT)).request("call back " + i).build());
                if (i % 7 == 0) { // folded twice in the chunk
                    repeats.add(LeadSubmission.from(Channel.IMPORT).email("  " + email).build());
                }
            }
            Map<LeadId, Lead> before = new HashMap<>();
            for (CaptureOutcome outcome : crm.bulkCapture().captureAll(first)) {
                Lead lead = outcome.lead().orElseThrow();
                before.put(lead.id(), lead);
            }
            statements.clear();

            List<CaptureOutcome> folded = crm.bulkCapture().captureAll(repeats);

            Map<LeadId, Lead> last = new HashMap<>();
            for (CaptureOutcome outcome : folded) {
                Lead lead = assertInstanceOf(CaptureOutcome.DuplicateFolded.class, outcome).existingLead();
                last.put(lead.id(), lead);
            }
            assertEquals(STORED, last.size());
            for (Lead stored : before.values()) {
                int i = Integer.parseInt(stored.email().orElseThrow().value().replaceAll("\\D", ""));
                int folds = i % 7 == 0 ? 2 : 1;
                Lead now = store.leads().findById(stored.id()).orElseThrow();
                assertEquals(stored.version() + folds, now.version(), "lead " + i);
                assertEquals(1 + folds, now.submissions(), "lead " + i);
                assertEquals("call back " + i, now.request(), "lead " + i);
                assertEquals(new PersonName("Ada", "Folded" + i), now.name(), "lead " + i);
                assertEquals(last.get(stored.id()).atVersion(now.version()), now, "lead " + i);
            }
            int updates = StatementCounter.starting(statements, "UPDATE crm_lead ") // PostgreSQL's starts WITH
                    + StatementCounter.starting(statements, "WITH v (p0, UPDATE crm_lead ");
            // MariaDB sets only the columns the folds change (7 parameters a row, not 30): the 700 rows in one
            assertEquals(db == TestDatabase.H2 ? STORED : db == TestDatabase.MARIADB ? 1 : 2, updates,
                    statements.toString());
            assertEquals(1, StatementCounter.starting(statements, "INSERT INTO crm_lead_name_key "),
                    "one upsert of the name keys of the leads named by their repeat: " + statements);
            Jdbc jdbc = store.jdbc();
            for (Lead stored : before.values()) { // the keys of the name each lead has now, filled in or kept
                PersonName name = store.leads().findById(stored.id()).orElseThrow().name();
                assertEquals(Optional.of(NameKeys.nameKey(name)), jdbc.tx.read(c -> jdbc.one(c,
                        jdbc.sql("SELECT name_key FROM {lead_name_key} WHERE lead_id = ?"), rs -> rs.getString(1),
                        stored.id().value())), name.toString());
            }
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A chunk where one lead empties a column another lead of it keeps (and a third fills it in): MariaDB's update sets
     * only the columns some lead changes, each row with its own value of them, so the lead that keeps its owner,
     * company name or phone must get its own value written back and the one that empties it none. Every column of
     * every row read back: the changed ones as the lead's new state, all others as they were stored. The other
     * databases' update of every column, the same way.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateAll_oneLeadEmptiesAColumnAnotherKeeps_eachRowReadsBackItsOwnValues(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(93);
        JdbcLeads leads = (JdbcLeads) store.leads();
        Lead anna = leads.insertOrGet(fx.lead().owner(new UserId("user:anna")).companyName("Anna GmbH")
                .phone(fx.phone()).build());
        Lead bernd = leads.insertOrGet(fx.lead().owner(new UserId("user:bernd")).companyName("Bernd AG")
                .phone(fx.phone()).build());
        Lead carla = leads.insertOrGet(fx.lead().build());
        Lead untouched = leads.insertOrGet(fx.lead().owner(new UserId("user:dora")).phone(fx.phone()).build());
        Map<LeadId, Map<String, String>> rowsBefore = rows(store, List.of(anna, bernd, carla, untouched));
        // anna empties her owner and company name, keeps her phone; bernd empties his phone, keeps the rest;
        // carla gets an owner
        Lead annaAfter = anna.withOwner(Optional.empty(), AT).withSubmittedData(anna.name(), anna.email(),
                anna.phone(), "", AT);
        Lead berndAfter = bernd.withSubmittedData(bernd.name(), bernd.email(), Optional.empty(), bernd.companyName(),
                AT);
        Lead carlaAfter = carla.withOwner(Optional.of(new UserId("user:carla")), AT);

        store.transactions().inTransaction(() -> store.jdbc().tx.write(c -> leads.updateAll(c,
                List.of(annaAfter, berndAfter, carlaAfter))));

        for (Lead after : List.of(annaAfter, berndAfter, carlaAfter)) {
            assertEquals(after.atVersion(2), leads.findById(after.id()).orElseThrow(), after.id().toString());
        }
        assertEquals(untouched, leads.findById(untouched.id()).orElseThrow());
        Map<LeadId, Map<String, String>> rowsAfter = rows(store, List.of(anna, bernd, carla, untouched));
        assertEquals(rowsBefore.get(untouched.id()), rowsAfter.get(untouched.id()), "a lead not in the chunk");
        Map<LeadId, List<String>> changedColumns = Map.of(anna.id(), List.of("owner_id", "company_name"),
                bernd.id(), List.of("phone"), carla.id(), List.of("owner_id"));
        changedColumns.forEach((id, columns) -> {
            Map<String, String> expected = new TreeMap<>(rowsBefore.get(id));
            Map<String, String> now = new TreeMap<>(rowsAfter.get(id));
            for (String column : columns) {
                assertTrue(!Objects.equals(expected.remove(column), now.remove(column)), column + " of " + id);
            }
            assertEquals("2", now.remove("version"));
            expected.remove("version");
            expected.remove("updated_at"); // the time of the change
            now.remove("updated_at");
            assertEquals(expected, now, "every other column of " + id + " as it was stored");
        });
        assertEquals(Map.of(anna.id(), Optional.empty(), bernd.id(), Optional.of(new UserId("user:bernd")),
                carla.id(), Optional.of(new UserId("user:carla"))), Map.of(
                anna.id(), leads.findById(anna.id()).orElseThrow().owner(),
                bernd.id(), leads.findById(bernd.id()).orElseThrow().owner(),
                carla.id(), leads.findById(carla.id()).orElseThrow().owner()));
    }

    /**
     * Review item L7: MariaDB's update leaves out a column only when the lead's value equals the stored one exactly
     * (Java {@code equals}), whatever the column's collation or precision. A lead whose only change is the case of its
     * company name (equal under MariaDB's default case-insensitive collation), a trailing space (equal under PAD
     * SPACE), or its time of change by less than a microsecond (the stored precision) gets that column set: read back
     * as written, and named in the update's SET (MariaDB's; the other databases set every column). Each lead alone in
     * its chunk, so the SET is its own.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateAll_aChangeOfCaseOrTrailingSpaceOrBelowAMicrosecond_setsTheColumn(TestDatabase db) {
        DataSource ds = db.isolated();
        try {
            List<String> texts = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.recording(ds, texts)).build();
            Fixtures fx = new Fixtures(94);
            JdbcLeads leads = (JdbcLeads) store.leads();
            // read back, so that each lead holds its values exactly as stored (times at microseconds)
            Lead anna = leads.findById(leads.insertOrGet(fx.lead().companyName("anna gmbh").build()).id())
                    .orElseThrow();
            Lead bernd = leads.findById(leads.insertOrGet(fx.lead().companyName("Bernd AG").build()).id())
                    .orElseThrow();
            Lead carla = leads.findById(leads.insertOrGet(fx.lead().build()).id()).orElseThrow();
            Lead annaAfter = anna.withSubmittedData(anna.name(), anna.email(), anna.phone(), "Anna GmbH",
                    anna.updatedAt());
            Lead berndAfter = bernd.withSubmittedData(bernd.name(), bernd.email(), bernd.phone(), "Bernd AG ",
                    bernd.updatedAt());
            Instant carlaChanged = carla.updatedAt().plusNanos(400);
            Lead carlaAfter = carla.withOwner(carla.owner(), carlaChanged);

            List<String> annaSets = setAlone(store, texts, annaAfter);
            List<String> berndSets = setAlone(store, texts, berndAfter);
            List<String> carlaSets = setAlone(store, texts, carlaAfter);

            assertEquals(annaAfter.atVersion(anna.version() + 1), leads.findById(anna.id()).orElseThrow());
            assertEquals(berndAfter.atVersion(bernd.version() + 1), leads.findById(bernd.id()).orElseThrow());
            Lead carlaNow = leads.findById(carla.id()).orElseThrow();
            assertEquals(carla.version() + 1, carlaNow.version());
            assertEquals(carlaChanged.truncatedTo(java.time.temporal.ChronoUnit.MICROS), carlaNow.updatedAt(),
                    "400 ns below the stored microsecond: stored at the microsecond");
            if (db == TestDatabase.MARIADB) {
                assertEquals(List.of("version", "company_name"), annaSets, "a change of case only");
                assertEquals(List.of("version", "company_name"), berndSets, "a trailing space only");
                assertEquals(List.of("version", "updated_at"), carlaSets, "a change below a microsecond only");
            } else {
                for (List<String> sets : List.of(annaSets, berndSets, carlaSets)) {
                    assertTrue(sets.containsAll(List.of("version", "company_name", "updated_at")), sets.toString());
                }
            }
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** Updates the lead alone in its unit of work; the columns its update statement sets, in their order. */
    private static List<String> setAlone(JdbcCrmStore store, List<String> texts, Lead after) {
        JdbcLeads leads = (JdbcLeads) store.leads();
        texts.clear();
        store.transactions().inTransaction(() -> store.jdbc().tx.write(c -> leads.updateAll(c, List.of(after))));
        String update = texts.stream().filter(t -> t.contains("UPDATE crm_lead ")).findFirst()
                .orElseThrow(() -> new AssertionError("no update of the lead in " + texts));
        String set = update.substring(update.indexOf(" SET ") + " SET ".length());
        List<String> columns = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|, )(?:t\\.)?(\\w+) = ").matcher(set);
        while (m.find()) {
            columns.add(m.group(1));
        }
        return columns;
    }

    /** Every column of the leads' rows, as text (null as null, H2's JSON as its UTF-8 text), by lead. */
    private static Map<LeadId, Map<String, String>> rows(JdbcCrmStore store, List<Lead> of) {
        Jdbc jdbc = store.jdbc();
        Map<LeadId, Map<String, String>> rows = new HashMap<>();
        for (Lead lead : of) {
            rows.put(lead.id(), jdbc.tx.read(c -> jdbc.one(c, jdbc.sql("SELECT * FROM {lead} WHERE id = ?"), rs -> {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value == null
                            ? null : value instanceof byte[] json ? new String(json, StandardCharsets.UTF_8) // H2
                            : String.valueOf(value));
                }
                return row;
            }, lead.id().value())).orElseThrow());
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateAll_aLeadChangedSinceItWasRead_isRefusedAsStale_andNothingIsWritten(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(92);
        JdbcLeads leads = (JdbcLeads) store.leads();
        List<Lead> read = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            read.add(leads.insertOrGet(fx.lead().build()));
        }
        Lead changed = read.get(3);
        leads.update(changed); // another unit of work changed it: now at version 2
        List<Lead> chunk = new ArrayList<>();
        read.forEach(x -> chunk.add(x.withOwner(Optional.of(new UserId("user:folder")), AT)));

        StaleVersionException e = assertThrows(StaleVersionException.class, () -> store.transactions()
                .inTransaction(() -> store.jdbc().tx.write(c -> leads.updateAll(c, chunk))));

        assertEquals("lead", e.recordType());
        assertEquals(changed.id().toString(), e.recordId());
        assertEquals(changed.version(), e.expectedVersion());
        for (Lead x : read) {
            assertEquals(x == changed ? 2 : 1, leads.findById(x.id()).orElseThrow().version());
            assertEquals(x.owner(), leads.findById(x.id()).orElseThrow().owner());
        }
    }
}
