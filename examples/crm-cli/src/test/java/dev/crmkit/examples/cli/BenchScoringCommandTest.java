package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.adapters.jdbc.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchScoringCommandTest {

    @Test
    void smallRun_inMemory_scoresAndAssignsEveryLeadFairly_andPrintsBothRatios() {
        CliRun run = CliRun.crm("bench", "scoring", "--leads", "71", "--warmup", "10", "--chunk", "20");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*scoring ratio \\(crmkit time / baseline time\\)\\s+\\d+\\.\\d\\d x.*"),
                run.out());
        assertTrue(run.out().matches("(?s).*assign ratio \\(crmkit time / baseline time\\)\\s+\\d+\\.\\d\\d x.*"),
                run.out());
        Matcher scored = Pattern.compile("scoring: crmkit rescoreAll with explanations\\s+(\\d+)\\s")
                .matcher(run.out());
        assertTrue(scored.find(), run.out());
        assertEquals("71", scored.group(1));
        Matcher assigned = Pattern.compile("assign: crmkit round robin \\(1 node, 1 thread\\)\\s+(\\d+)\\s")
                .matcher(run.out());
        assertTrue(assigned.find(), run.out());
        assertEquals("71", assigned.group(1));
        // 71 leads over 7 people: 10 or 11 each, after both passes
        Matcher fair = Pattern.compile("fairness (crmkit|baseline): +every lead exactly one owner, per person "
                + "\\{([^}]*)\\} \\(spread (\\d)\\)").matcher(run.out());
        int passes = 0;
        while (fair.find()) {
            passes++;
            assertTrue(fair.group(3).equals("0") || fair.group(3).equals("1"), fair.group());
            for (String count : fair.group(2).split(", ")) {
                String n = count.substring(count.indexOf('=') + 1);
                assertTrue(n.equals("10") || n.equals("11"), fair.group());
            }
        }
        assertEquals(2, passes, run.out());
        assertTrue(run.out().contains("  best     "), run.out());
        assertTrue(run.out().matches("(?s).*best .*score \\d+ \\((COLD|WARM|HOT)\\).*"), run.out());
    }

    @Test
    void smallRun_onPostgresToo_json_fourNodesAssignFairly_andDropsOnlyItsTables() throws Exception {
        String database = EmbeddedDatabase.newDatabase("benchscore");
        DataSource ds = EmbeddedDatabase.dataSource(database);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crm_lead_keep (id int)"); // not the benchmark's: must stay
        }

        CliRun run = CliRun.crm("bench", "scoring", "--leads", "60", "--warmup", "8", "--chunk", "25",
                "--jdbc-url", EmbeddedDatabase.url(database), "--jdbc-user", "postgres", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals(60, json.get("leads").asInt());
        assertEquals(8, json.get("warmup").asInt());
        assertEquals(7, json.get("team").size());
        assertEquals("crm_bench_", json.get("tablePrefix").asText());
        assertEquals(2, json.get("stores").size(), json.toString());
        assertEquals("in memory", json.get("stores").get(0).get("store").asText());
        assertTrue(json.get("stores").get(1).get("store").asText().startsWith("PostgreSQL"), json.toString());
        assertEquals(1, json.get("stores").get(0).get("assignment").get("nodes").asInt());
        assertEquals(4, json.get("stores").get(1).get("assignment").get("nodes").asInt());
        assertEquals(4, json.get("stores").get(1).get("assignment").get("threads").asInt());
        assertFalse(json.get("strictRotationAsked").asBoolean(), "a store's default: " + json);
        assertFalse(json.get("stores").get(0).get("assignment").get("rotationTicketsAhead").asBoolean(), "in memory");
        assertEquals("in memory", json.get("stores").get(0).get("assignment").get("rotationTickets").asText());
        assertFalse(json.get("stores").get(1).get("assignment").get("rotationTicketsAhead").asBoolean(),
                "PostgreSQL's default: tickets from a sequence, not ahead " + json);
        assertEquals("sequence", json.get("stores").get(1).get("assignment").get("rotationTickets").asText(),
                "the mode the store used " + json);
        for (JsonNode store : json.get("stores")) {
            JsonNode scoring = store.get("scoring");
            for (String key : List.of("crmkitSeconds", "baselineSeconds", "crmkitLeadsPerSecond",
                    "baselineLeadsPerSecond", "ratio", "temperatures", "averageScore", "bestExplanation")) {
                assertTrue(scoring.has(key), key + " in " + scoring);
            }
            assertEquals(60, scoring.get("leads").asLong(), scoring.toString());
            assertEquals(60, scoring.get("scored").asLong(), scoring.toString());
            long temperatures = 0;
            for (JsonNode n : scoring.get("temperatures")) {
                temperatures += n.asLong();
            }
            assertEquals(60, temperatures, "every lead has a stored score: " + scoring);
            assertTrue(scoring.get("bestExplanation").size() >= 2, "rules fired for the best lead: " + scoring);
            JsonNode assignment = store.get("assignment");
            for (String key : List.of("crmkitSeconds", "baselineSeconds", "crmkitDecisionsPerSecond",
                    "baselineDecisionsPerSecond", "ratio", "rerunsAfterConflict")) {
                assertTrue(assignment.has(key), key + " in " + assignment);
            }
            assertEquals(60, assignment.get("decisions").asLong(), assignment.toString());
            assertTrue(assignment.get("everyLeadOneOwner").asBoolean(), assignment.toString());
            for (String counts : List.of("counts", "baselineCounts")) {
                List<Long> perPerson = new ArrayList<>();
                assignment.get(counts).forEach(n -> perPerson.add(n.asLong()));
                assertEquals(7, perPerson.size(), assignment.toString());
                assertEquals(60, perPerson.stream().mapToLong(Long::longValue).sum(), assignment.toString());
                assertTrue(perPerson.stream().allMatch(n -> n == 8 || n == 9), counts + ": " + assignment);
            }
            assertTrue(assignment.get("spread").asLong() <= 1 && assignment.get("baselineSpread").asLong() <= 1,
                    assignment.toString());
            assertTrue(scoring.get("ratio").asDouble() > 0 && assignment.get("ratio").asDouble() > 0,
                    store.toString());
        }
        assertFalse(json.get("stores").get(0).get("assignment").has("writeSetSeconds"), "none in memory: " + json);
        assertWriteSet(json.get("stores").get(1).get("assignment"), 60);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(table_name, ',') FROM information_schema.tables "
                     + "WHERE table_schema = 'public'")) {
            rs.next();
            assertEquals("crm_lead_keep", rs.getString(1), "the benchmark drops its tables and only those");
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.sequences "
                     + "WHERE sequence_name LIKE 'crm_bench_%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the write set's ticket sequence is dropped after its pass");
        }
    }

    /**
     * The second baseline of a database store, the write set by hand: its time and ratio next to the first's, every
     * lead one owner write further with fair counts, and exactly the rows crmkit's assignments write, counted in the
     * database: per lead one ticket, claim and activity, two about rows and three outbox rows.
     */
    static void assertWriteSet(JsonNode assignment, int leads) {
        for (String key : List.of("writeSetSeconds", "writeSetDecisionsPerSecond", "writeSetRatio", "writeSetSpread")) {
            assertTrue(assignment.has(key), key + " in " + assignment);
        }
        assertTrue(assignment.get("writeSetSeconds").asDouble() > 0, assignment.toString());
        assertTrue(assignment.get("writeSetRatio").asDouble() > 0, assignment.toString());
        JsonNode rows = assignment.get("writeSetRows");
        assertEquals(List.of("tickets", "claims", "activities", "aboutRows", "outboxRows"),
                List.copyOf(iterable(rows.fieldNames())), rows.toString());
        assertEquals(List.of((long) leads, (long) leads, (long) leads, 2L * leads, 3L * leads),
                List.of(rows.get("tickets").asLong(), rows.get("claims").asLong(), rows.get("activities").asLong(),
                        rows.get("aboutRows").asLong(), rows.get("outboxRows").asLong()), rows.toString());
        List<Long> perPerson = new ArrayList<>();
        assignment.get("writeSetCounts").forEach(n -> perPerson.add(n.asLong()));
        assertEquals(7, perPerson.size(), assignment.toString());
        assertEquals(leads, perPerson.stream().mapToLong(Long::longValue).sum(), assignment.toString());
        assertTrue(assignment.get("writeSetSpread").asLong() <= 1, assignment.toString());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /**
     * The text report has the write set by hand as one more line of a database store, with its own ratio; its label
     * names the mode the stores took their tickets in (PostgreSQL's default: from a sequence).
     */
    @Test
    void smallRun_onPostgres_text_reportsTheWriteSetByHand() {
        String database = EmbeddedDatabase.newDatabase("benchwriteset");

        CliRun run = CliRun.crm("bench", "scoring", "--leads", "30", "--warmup", "5", "--chunk", "25",
                "--jdbc-url", EmbeddedDatabase.url(database), "--jdbc-user", "postgres");

        assertEquals(0, run.exitCode(), run.toString());
        Matcher line = Pattern.compile("assign: write set by hand \\(4 nodes, 4 threads, tickets from a sequence\\)"
                + "\\s+(\\d+)\\s+"
                + "[\\d,]+\\s+\\d+\\.\\d\\d s   crmkit / this (\\d+\\.\\d\\d) x").matcher(run.out());
        assertTrue(line.find(), run.out());
        assertEquals("30", line.group(1));
        assertFalse(line.find(), "one line, on the database store only: " + run.out());
    }

    /**
     * On MariaDB the write set by hand is one compound statement: the same rows per lead, counted in
     * the database. Needs the MariaDB server of {@code CRM_TEST_MARIADB_URL} (default 127.0.0.1:3306, root without a
     * password); skipped when it is unreachable, unless {@code CRM_REQUIRE_DATABASES=true}. Runs in a database of its
     * own ({@code CRM_TEST_MARIADB_DATABASE}, default {@code crm_cli_bench_<pid>}), created and dropped here.
     */
    @Test
    void smallRun_onMariaDb_json_writesTheWriteSetByHand() throws Exception {
        String database = System.getenv().getOrDefault("CRM_TEST_MARIADB_DATABASE",
                "crm_cli_bench_" + ProcessHandle.current().pid());
        ScratchMariaDb.run(database, (url, s) -> {
            CliRun run = CliRun.crm("bench", "scoring", "--leads", "40", "--warmup", "5", "--chunk", "25",
                    "--jdbc-url", url, "--jdbc-user", "root", "--format", "json");

            assertEquals(0, run.exitCode(), run.toString());
            JsonNode json = run.json();
            assertTrue(json.get("stores").get(1).get("store").asText().startsWith("MariaDB"), json.toString());
            assertWriteSet(json.get("stores").get(1).get("assignment"), 40);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE "
                    + "table_schema = '" + database + "' AND table_name LIKE 'crm_bench_%'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the write set's ticket sequence is dropped after its pass");
            }
        });
    }

    /**
     * With {@code --strict-rotation} the PostgreSQL stores take their tickets inside the units (reported as not ahead);
     * {@code --rotation-tickets-ahead}, the opt-in of before, is still accepted and is the default.
     */
    @Test
    void smallRun_withStrictRotation_onPostgres_assignsFairly_andReportsTheMode() {
        String database = EmbeddedDatabase.newDatabase("benchstrict");

        JsonNode json = smallRunOnPostgres(database, "--strict-rotation");
        assertTrue(json.get("strictRotationAsked").asBoolean(), json.toString());
        JsonNode postgres = json.get("stores").get(1).get("assignment");
        assertFalse(postgres.get("rotationTicketsAhead").asBoolean(), postgres.toString());
        assertEquals("strict", postgres.get("rotationTickets").asText(), postgres.toString());
        assertEquals(60, postgres.get("decisions").asLong(), postgres.toString());
        assertTrue(postgres.get("spread").asLong() <= 1, "every lead assigned once " + postgres);

        CliRun both = CliRun.crm("bench", "scoring", "--leads", "60", "--strict-rotation", "--rotation-tickets-ahead",
                "--jdbc-url", EmbeddedDatabase.url(database), "--jdbc-user", "postgres");
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.toString().contains("--strict-rotation and --rotation-tickets-ahead exclude each other"),
                both.toString());
    }

    /**
     * {@code --rotation-tickets-ahead}, the default of before, builds the PostgreSQL stores with tickets ahead, and
     * the report says so.
     */
    @Test
    void smallRun_withRotationTicketsAhead_takesTicketsAhead_andReportsTheMode() {
        JsonNode json = smallRunOnPostgres(EmbeddedDatabase.newDatabase("benchahead"), "--rotation-tickets-ahead");
        assertFalse(json.get("strictRotationAsked").asBoolean(), json.toString());
        JsonNode memory = json.get("stores").get(0).get("assignment");
        JsonNode postgres = json.get("stores").get(1).get("assignment");
        assertFalse(memory.get("rotationTicketsAhead").asBoolean(), memory.toString());
        assertTrue(postgres.get("rotationTicketsAhead").asBoolean(), postgres.toString());
        assertEquals("ahead", postgres.get("rotationTickets").asText(), postgres.toString());
        assertEquals(60, postgres.get("decisions").asLong(), postgres.toString());
        assertTrue(postgres.get("spread").asLong() <= 1, "every lead assigned once: no turn skipped " + postgres);
    }

    /** A small run of 60 leads on the embedded PostgreSQL database with the rotation flag; its JSON report. */
    private static JsonNode smallRunOnPostgres(String database, String rotationFlag) {
        CliRun run = CliRun.crm("bench", "scoring", "--leads", "60", "--warmup", "8", "--chunk", "25",
                rotationFlag, "--jdbc-url", EmbeddedDatabase.url(database), "--jdbc-user", "postgres",
                "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        return run.json();
    }

    @Test
    void chunkAboveAThousand_exitsWith2() {
        CliRun run = CliRun.crm("bench", "scoring", "--leads", "10", "--chunk", "1001");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--chunk"), run.err());
    }
}
