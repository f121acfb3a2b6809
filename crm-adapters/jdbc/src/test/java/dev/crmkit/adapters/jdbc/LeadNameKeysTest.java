package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.privacy.PersonalValues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
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

/**
 * The keys of leads' own names (V80, {@code lead_name_key}): written by the bulk insert of a capture batch, filled by
 * {@link CrmSchema#migrate} for leads stored before the table was, and deleted by an erasure. (Single insert, update,
 * merge and undo are covered by the lead duplicate rules contract on every store.)
 */
class LeadNameKeysTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");
    private static final PersonName KATHY = PersonName.of("Kathy", "Smith");

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void bulkInsert_migrateFill_andErasure_keepTheKeysAsTheLeads(TestDatabase db) throws SQLException {
        try (TestDatabase.Isolated on = db.isolatedStore()) {
            DataSource ds = on.ds();
            JdbcCrmStore store = on.store();
            Crm crm = crm(store, 80);
            List<LeadSubmission> submissions = new ArrayList<>();
            for (int i = 0; i < 24; i++) { // enough for a COPY on PostgreSQL
                submissions.add(LeadSubmission.from(Channel.WEB_FORM).name(i % 2 == 0 ? "Kathy" : "Max",
                        i % 2 == 0 ? "Smith" : "Meyer").email("p" + i + "@example.org").build());
            }
            List<Lead> leads = crm.bulkCapture().captureAll(submissions).stream().map(CaptureOutcome::lead)
                    .map(java.util.Optional::orElseThrow).toList();
            assertEquals(12, store.leads().findOpenBySoundOfName(KATHY, 50).size());
            assertEquals(24, rows(ds, "SELECT COUNT(*) FROM crm_lead_name_key"));

            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM crm_lead_name_key");
                s.executeUpdate("INSERT INTO crm_lead_name_key_fill (lead_id) SELECT id FROM crm_lead");
            }
            assertEquals(0, store.leads().findOpenBySoundOfName(KATHY, 50).size(), "not keyed: not found");
            CrmSchema.migrate(ds);
            assertEquals(12, store.leads().findOpenBySoundOfName(KATHY, 50).size());
            assertEquals(12, store.leads().findOpenBySoundOfName(PersonName.of("Max", "Meyer"), 50).size());
            assertEquals(0, rows(ds, "SELECT COUNT(*) FROM crm_lead_name_key_fill"), "the queue is empty");
            assertEquals(0, CrmSchema.fillLeadNameKeys(ds, "crm_"));

            store.personalData().erase(leads.get(0).contactId(), PersonalValues.of(List.of()), AT);
            assertEquals(11, store.leads().findOpenBySoundOfName(KATHY, 50).size(), "an erased lead is not found");
            assertEquals(23, rows(ds, "SELECT COUNT(*) FROM crm_lead_name_key"), "its keys are gone");
        }
    }

    /**
     * Repeats folded in by a bulk capture give stored leads without a name the submitted one: the rows of those leads
     * are written at once (MariaDB: one statement for the chunk) at the versions one-by-one capture leaves, and their
     * name keys rewritten at once (an upsert on PostgreSQL and MariaDB), so they are found by the sound of the name.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void bulkFold_ofStoredLeadsWithoutAName_writesTheirRowsAndKeysAtOnce(TestDatabase db) throws SQLException {
        try (TestDatabase.Isolated on = db.isolatedStore()) {
            DataSource ds = on.ds();
            JdbcCrmStore store = on.store();
            Crm crm = crm(store, 81);
            List<Lead> stored = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                stored.add(crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).email("n" + i + "@example.org")
                        .build()).lead().orElseThrow());
            }
            assertEquals(0, store.leads().findOpenBySoundOfName(KATHY, 50).size());
            List<LeadSubmission> chunk = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                chunk.add(LeadSubmission.from(Channel.IMPORT).name("Kathy", "Smith").email("n" + i + "@example.org")
                        .build());
            }
            chunk.add(LeadSubmission.from(Channel.IMPORT).name("Max", "Meyer").email("n0@example.org").build());
            crm.bulkCapture().captureAll(chunk);

            assertEquals(List.of(3L, 2L, 2L), stored.stream()
                    .map(x -> store.leads().findById(x.id()).orElseThrow().version()).toList(),
                    "stored at 1, one version a fold (the first lead folded twice)");
            assertEquals(List.of(stored.get(0).id(), stored.get(1).id(), stored.get(2).id()),
                    store.leads().findOpenBySoundOfName(KATHY, 50).stream().map(Lead::id).toList());
            assertEquals(0, store.leads().findOpenBySoundOfName(PersonName.of("Max", "Meyer"), 50).size(),
                    "a name, once there, stays");
            assertEquals(3, rows(ds, "SELECT COUNT(*) FROM crm_lead_name_key"), "one row a lead");
        }
    }

    /** crmkit on the store at the fixed time, ids seeded. */
    private static Crm crm(JdbcCrmStore store, long seed) {
        return Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(seed))
                .defaultRegion("DE").build();
    }

    private static long rows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
