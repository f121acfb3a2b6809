package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How many statements MariaDB runs to write the leads a bulk capture chunk folds repeats into, counted on the client
 * ({@link StatementCounter}: a batched UPDATE is one statement a row). Not timed.
 */
class FoldedLeadStatementsTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");
    private static final int FOLDED = 6;

    @Test
    void mariadb_aChunkFoldingSixStoredLeads_writesTheirRowsAndNameKeysWithOneStatementEach() {
        DataSource ds = TestDatabase.MARIADB.isolated();
        try {
            Map<String, Integer> statements = new TreeMap<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.counting(ds, statements)).build();
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(82))
                    .defaultRegion("DE").build();
            List<Lead> stored = new ArrayList<>();
            List<LeadSubmission> chunk = new ArrayList<>();
            for (int i = 0; i < FOLDED; i++) {
                stored.add(crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).email("f" + i + "@example.org")
                        .build()).lead().orElseThrow());
                chunk.add(LeadSubmission.from(Channel.IMPORT).name("Kathy", "Smith").email("f" + i + "@example.org")
                        .build());
            }
            statements.clear();

            crm.bulkCapture().captureAll(chunk);

            assertEquals(1, StatementCounter.starting(statements, "UPDATE crm_lead "), statements.toString());
            assertEquals(1, statements.getOrDefault("INSERT INTO crm_lead_name_key ", 0), statements.toString());
            assertEquals(0, statements.getOrDefault("DELETE FROM crm_lead_name_key ", 0), statements.toString());
            for (Lead lead : stored) {
                Lead now = store.leads().findById(lead.id()).orElseThrow();
                assertEquals(2, now.version(), "stored at 1, folded once");
                assertEquals("Kathy", now.name().first());
            }
        } finally {
            TestDatabase.close(ds);
        }
    }
}
