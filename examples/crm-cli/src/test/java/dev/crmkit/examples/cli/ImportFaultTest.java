package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.adapters.jdbc.EmbeddedDatabase;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.examples.cli.bench.SubmissionGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code crm import} on a real PostgreSQL whose connection is killed in the middle of a chunk: the chunk is rolled
 * back whole and captured again row by row on a new connection, so the import completes with every person once and
 * nothing rejected. (When the database stays away, the import stops naming the lines not imported:
 * {@code LeadImportTest}.)
 */
class ImportFaultTest {

    private static final int PEOPLE = 5_000;
    private static final int CHUNK = 500;
    /** A guard against a hang, not a measure of speed: the machine may be shared and busy. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void connectionKilledMidChunk_theChunkIsRetriedRowByRow_andTheImportCompletesWithoutDuplicates()
            throws Exception {
        String database = EmbeddedDatabase.newDatabase("import_fault");
        DataSource watcher = EmbeddedDatabase.dataSource(database);
        Path csv = people(dir.resolve("people.csv"));
        String[] args = {"import", "--as-of", CliRun.AS_OF, csv.toString(), "--jdbc-url", EmbeddedDatabase.url(database),
            "--jdbc-user", "postgres", "--batch-size", Integer.toString(CHUNK), "--no-progress", "--format", "json"};

        ExecutorService importer = Executors.newSingleThreadExecutor();
        CliRun run;
        try {
            Future<CliRun> running = importer.submit(() -> CliRun.crm(args));
            long seen = awaitCommittedChunk(watcher, running);
            int killed = terminateOtherConnections(watcher);
            run = running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertTrue(killed > 0, "no connection to kill");
            assertTrue(seen >= CHUNK, "killed after " + seen + " leads");
        } finally {
            importer.shutdownNow();
        }

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals(PEOPLE, json.get("rows").asLong());
        // a row whose commit reached the database just before its connection died is retried and recognized by its
        // external id: the report counts it as already captured (the client cannot know the commit happened); the
        // store below must hold every person exactly once either way
        assertEquals(PEOPLE, json.get("created").asLong() + json.get("alreadyCaptured").asLong(), json.toString());
        assertTrue(json.get("alreadyCaptured").asLong() <= CHUNK, json.toString());
        assertEquals(0, json.get("rejected").asLong(), () -> "a row was blamed for the lost connection: "
                + rejects(json)); // the reason, for the next one who meets this rare failure
        assertEquals(PEOPLE, count(watcher, "crm_lead"));
        assertEquals(PEOPLE, count(watcher, "crm_contact"));
        assertEquals(PEOPLE, count(watcher, "crm_lead_external_id"));
        assertEquals(PEOPLE, single(watcher, "SELECT count(DISTINCT contact_id) FROM crm_lead"));
        assertEquals(0, single(watcher, "SELECT count(*) FROM (SELECT email FROM crm_lead WHERE email IS NOT NULL "
                + "GROUP BY email HAVING count(*) > 1) twice"), "no e-mail address on two leads");

        CliRun again = CliRun.crm(args);

        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(PEOPLE, again.json().get("alreadyCaptured").asLong(), "every row is recognized");
        assertEquals(PEOPLE, count(watcher, "crm_lead"));
    }

    /** Waits until the lead table holds at least one committed chunk, while the import still runs. */
    private static long awaitCommittedChunk(DataSource watcher, Future<CliRun> running) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.isDone()) {
                fail("the import ended before a chunk was seen committed: " + running.get());
            }
            try {
                long leads = count(watcher, "crm_lead");
                if (leads >= CHUNK) {
                    return leads;
                }
            } catch (SQLException e) {
                // the tables are not migrated yet
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no chunk committed within " + PATIENCE);
    }

    /** Kills every other connection to the database, the importer's among them: it dies mid-statement. */
    private static int terminateOtherConnections(DataSource watcher) throws SQLException {
        int killed = 0;
        try (Connection c = watcher.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                if (rs.getBoolean(1)) {
                    killed++;
                }
            }
        }
        return killed;
    }

    private static long count(DataSource ds, String table) throws SQLException {
        return single(ds, "SELECT count(*) FROM " + table);
    }

    private static long single(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A CSV of distinct people (every e-mail and phone its own), each with an external id. */
    private static Path people(Path file) throws IOException {
        SubmissionGenerator generator = new SubmissionGenerator(7, 0, 0);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("first_name,last_name,email,phone,company,source,owner,external_id\n");
            for (int i = 1; i <= PEOPLE; i++) {
                LeadSubmission s = generator.next();
                String row = String.join(",", s.firstName(), s.lastName(), s.email(), s.phone(), s.companyName(),
                        s.channel().label(), s.owner().map(UserId::value).orElse(""), "person-" + i);
                assertFalse(row.contains("\"") || row.split(",", -1).length != 8, row);
                out.write(row + "\n");
            }
        }
        return file;
    }

    private static String rejects(JsonNode json) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(json.get("rejectsFile").asText()));
        } catch (java.io.IOException | RuntimeException e) {
            return "(rejects file not readable: " + e + ")";
        }
    }
}
