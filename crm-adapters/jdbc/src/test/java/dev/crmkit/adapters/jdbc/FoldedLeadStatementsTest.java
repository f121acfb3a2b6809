package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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

    /**
     * The folded-lead update sets, besides the version, only the columns some fold of the chunk changes: here the name
     * one repeat fills in, the phone another fills in, and the count of submissions (the clock is fixed, so the time
     * of the change is the stored one, and no repeat carries an external id). The leads read back with the values the
     * folds left, each column of each lead.
     */
    @Test
    void mariadb_theFoldedLeadUpdate_setsOnlyTheColumnsTheChunksFoldsChange() {
        DataSource ds = TestDatabase.MARIADB.isolated();
        try {
            List<String> updates = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.proxy(DataSource.class, ds,
                    (method, result, args) -> result instanceof Connection c
                            ? StatementCounter.proxy(Connection.class, c, (m, r, a) -> {
                                if (r instanceof PreparedStatement
                                        && ((String) a[0]).startsWith("UPDATE crm_lead t ")) {
                                    updates.add((String) a[0]);
                                }
                                return r;
                            }) : result)).build();
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(83))
                    .defaultRegion("DE").build();
            List<Lead> stored = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                stored.add(crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).email("n" + i + "@example.org")
                        .request("call back").build()).lead().orElseThrow());
            }
            List<CaptureOutcome> folded = crm.bulkCapture().captureAll(List.of(
                    LeadSubmission.from(Channel.IMPORT).name("Kathy", "Smith").email("n0@example.org").build(),
                    LeadSubmission.from(Channel.IMPORT).email("n1@example.org").phone("+49 30 1234567").build(),
                    LeadSubmission.from(Channel.IMPORT).email("n2@example.org").request("other").build()));

            assertEquals(1, updates.size(), updates.toString());
            String set = updates.get(0).substring(updates.get(0).indexOf(" SET ") + " SET ".length(),
                    updates.get(0).indexOf(" WHERE "));
            assertEquals(List.of("t.version", "t.first_name", "t.last_name", "t.phone", "t.submissions"),
                    Arrays.stream(set.split(", ")).map(s -> s.substring(0, s.indexOf(" = "))).toList(), set);
            for (int i = 0; i < 3; i++) {
                Lead now = store.leads().findById(stored.get(i).id()).orElseThrow();
                Lead expected = assertInstanceOf(CaptureOutcome.DuplicateFolded.class, folded.get(i)).existingLead();
                assertEquals(expected.atVersion(now.version()), now, "lead " + i);
                assertEquals(2, now.version());
                assertEquals(2, now.submissions());
                assertEquals("call back", now.request(), "kept: the fold fills in only empty fields");
            }
            assertEquals("Kathy", store.leads().findById(stored.get(0).id()).orElseThrow().name().first());
            assertEquals("+49301234567", store.leads().findById(stored.get(1).id()).orElseThrow().phone()
                    .orElseThrow().toString());
        } finally {
            TestDatabase.close(ds);
        }
    }
}
