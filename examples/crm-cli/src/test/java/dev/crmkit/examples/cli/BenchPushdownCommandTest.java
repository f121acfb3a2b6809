package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.adapters.jdbc.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchPushdownCommandTest {

    @Test
    void smallRun_onPostgres_countsEqualBothWays_andPrintsTheRatio() {
        String database = EmbeddedDatabase.newDatabase("pushdown");

        CliRun run = CliRun.crm("bench", "pushdown", "--events", "3000", "--jdbc-url", EmbeddedDatabase.url(database),
                "--jdbc-user", "postgres");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("answers equal: yes"), run.out());
        assertTrue(run.out().contains("Funnel counts over 3,000 stage events"), run.out());
        assertTrue(run.out().matches("(?s).*ratio \\(Java time / pushdown time\\)\\s+\\d+\\.\\d\\d x.*"), run.out());
    }

    @Test
    void json_onPostgres_reachedNarrowsStageByStage_andOnlyItsTableIsDropped() throws Exception {
        String database = EmbeddedDatabase.newDatabase("pushdown");
        DataSource ds = EmbeddedDatabase.dataSource(database);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crm_bench_keep (id int)");
        }

        JsonNode json = CliRun.crm("bench", "pushdown", "--events", "2500", "--seed", "7", "--format", "json",
                "--jdbc-url", EmbeddedDatabase.url(database), "--jdbc-user", "postgres").json();

        assertEquals(2500, json.get("events").asLong(), json.toString());
        assertTrue(json.get("equal").asBoolean(), json.toString());
        assertTrue(json.get("ratio").asDouble() > 0, json.toString());
        assertTrue(json.get("eventRatio").asDouble() > 0 && json.get("fillSeconds").asDouble() > 0, json.toString());
        JsonNode reached = json.get("reached");
        assertEquals(6, reached.size(), reached.toString());
        assertEquals(json.get("deals").asLong(), reached.get("lead").asLong(), "every deal starts at lead or beyond");
        long previous = Long.MAX_VALUE;
        for (JsonNode count : reached) {
            assertTrue(count.asLong() <= previous && count.asLong() > 0, reached.toString());
            previous = count.asLong();
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(table_name, ',') FROM information_schema.tables "
                     + "WHERE table_schema = 'public'")) {
            rs.next();
            assertEquals("crm_bench_keep", rs.getString(1), "the benchmark drops its tables and only them");
        }
    }

    @Test
    void withoutADatabase_exitsWith2() {
        CliRun run = CliRun.crm("bench", "pushdown", "--events", "10");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--jdbc-url"), run.err());
    }
}
