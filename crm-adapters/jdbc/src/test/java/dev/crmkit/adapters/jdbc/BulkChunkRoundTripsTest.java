package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.BulkCapture;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How often a bulk capture chunk waits for MariaDB, counted on the client: every statement executed (a JDBC batch
 * is one: Connector/J 3 sends an INSERT batch as one bulk command and pipelines any other), every savepoint set,
 * released or rolled back to, every commit and rollback. The chunk is shaped like {@code crm bench jdbc}'s: every
 * submission with an external id, new people with companies, repeats of people stored by the chunk before (folded
 * into their open leads) and repeats within the chunk. Not timed.
 *
 * <p>Main (1798dd20) waited 26 times for such a chunk: the lead schema, 3 look-ups of leads, 2 of companies, 3 of
 * contacts and links, a savepoint, 3 claims, 2 name-key statements and the rows. Now the look-ups of leads are one
 * statement and those of companies another, the write of a unit that wrote nothing before sets no savepoint, and the
 * name keys of new and folded leads are one upsert: 21 for prepare and capture together. Counted here is the
 * capture's unit alone (25 on main), as an import runs it while the next chunk is prepared on another thread: 21, as the
 * unit reads the lead schema again to judge a chunk prepared ahead by the schema in force (finding 8 of stop 29),
 * the read prepare makes being off the unit's path. Since t20-maria the external ids of new leads and those folded
 * leads add are claimed with one statement, not two: 20.
 */
class BulkChunkRoundTripsTest {

    private static final Instant AT = Instant.parse("2026-12-06T19:00:00Z");

    @Test
    void mariadb_aChunkOfNewPeopleAndRepeats_theCaptureUnitWaitsAtMost20Times_not25() {
        DataSource ds = TestDatabase.MARIADB.isolated();
        try {
            List<String> trips = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, trips)).build();
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(171))
                    .defaultRegion("DE").build();
            BulkCapture bulk = crm.bulkCapture();
            List<LeadSubmission> first = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                first.add(person(i, "sub-" + i));
            }
            captured(bulk, first);
            List<LeadSubmission> second = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                second.add(person(i * 3, "again-" + i)); // a person the first chunk stored: folds into their lead
            }
            for (int i = 100; i < 140; i++) {
                second.add(person(i, "sub-" + i));
                if (i % 4 == 0) {
                    second.add(person(i, "repeat-" + i)); // repeated within the chunk
                }
            }
            BulkCapture.Prepared ahead = bulk.prepare(second);
            trips.clear();

            List<CaptureOutcome> outcomes = bulk.captureAll(ahead); // in a unit of its own, as an import runs it

            assertEquals(second.size(), outcomes.size());
            assertEquals(0, outcomes.stream().filter(o -> o instanceof CaptureOutcome.Rejected).count());
            Map<String, Integer> byKind = new TreeMap<>();
            trips.forEach(t -> byKind.merge(t, 1, Integer::sum));
            assertTrue(trips.size() <= 20, trips.size() + " round trips: " + byKind);
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** A chunk prepared and captured in a unit of work of its own, as {@code crm bench jdbc} does. */
    private static List<CaptureOutcome> captured(BulkCapture bulk, List<LeadSubmission> chunk) {
        return bulk.captureAll(bulk.prepare(chunk));
    }

    private static LeadSubmission person(int n, String externalId) {
        return LeadSubmission.from(Channel.WEB_FORM).name("Kim", "Person" + n).email("kim" + n + "@firm"
                + (n % 7) + ".example").phone("+49 30 5551" + (1000 + n)).company("Firm " + (n % 7) + " GmbH")
                .externalId(externalId).build();
    }

    /**
     * The data source over {@code target}, adding a label to {@code trips} for each round trip of its connections:
     * the SQL's first three words for a statement or a batch, the method's name for the rest ({@code setAutoCommit} is
     * counted at each call: the driver sends it when the mode changes, as it does at a unit's start and end).
     */
    private static DataSource counting(DataSource target, List<String> trips) {
        return StatementCounter.proxy(DataSource.class, target, (m, r, a) -> r instanceof Connection c
                ? StatementCounter.proxy(Connection.class, c, (cm, cr, ca) -> {
                    switch (cm.getName()) {
                        case "setSavepoint", "releaseSavepoint", "commit", "rollback" -> trips.add(cm.getName());
                        case "setAutoCommit" -> trips.add("setAutoCommit " + ca[0]);
                        case "prepareStatement" -> {
                            String head = head((String) ca[0]);
                            return StatementCounter.proxy(PreparedStatement.class, (PreparedStatement) cr,
                                    (sm, sr, sa) -> {
                                        if (sm.getName().startsWith("execute")) {
                                            trips.add(head);
                                        }
                                        return sr;
                                    });
                        }
                        case "createStatement" -> {
                            return StatementCounter.proxy(Statement.class, (Statement) cr, (sm, sr, sa) -> {
                                if (sm.getName().startsWith("execute")) {
                                    trips.add(sa != null && sa.length > 0 && sa[0] instanceof String s ? head(s)
                                            : sm.getName());
                                }
                                return sr;
                            });
                        }
                        default -> {
                        }
                    }
                    return cr;
                })
                : r);
    }

    private static String head(String sql) {
        String[] words = sql.trim().split("\\s+", 4);
        return words.length < 3 ? sql : words[0] + " " + words[1] + " " + words[2];
    }
}
