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

class BenchJdbcCommandTest {

    @Test
    void smallRun_onH2_printsRowsPerSecondAndTheRatio() {
        CliRun run = CliRun.crm("bench", "jdbc", "--leads", "300");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("crmkit import with de-duplication"), run.out());
        assertTrue(run.out().contains("raw JDBC batch insert of the same rows"), run.out());
        assertTrue(run.out().matches("(?s).*ratio \\(crmkit time / raw time\\)\\s+\\d+\\.\\d\\d x.*"), run.out());
        assertTrue(run.out().contains("crmkit bulk capture, same outcomes"), run.out());
        assertTrue(run.out().matches("(?s).*ratio \\(bulk time / raw time\\)\\s+\\d+\\.\\d\\d x.*"), run.out());
    }

    @Test
    void smallRun_onPostgresToo_writesTheSameRowsBothWays_andDropsOnlyItsTables() throws Exception {
        String database = EmbeddedDatabase.newDatabase("bench");
        DataSource ds = EmbeddedDatabase.dataSource(database);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crm_lead_keep (id int)"); // not the benchmark's: must stay
        }

        // no warm-up (smallRun_onH2 runs that path): it migrated three more times per database for no assertion;
        // 120 submissions in batches of 40 still give repeats (more external ids than leads) and three bulk batches
        JsonNode json = CliRun.crm("bench", "jdbc", "--leads", "120", "--warmup", "0", "--batch-size", "40",
                "--jdbc-url", EmbeddedDatabase.url(database), "--jdbc-user", "postgres", "--format", "json").json();

        assertEquals(2, json.get("databases").size(), json.toString());
        JsonNode h2 = json.get("databases").get(0);
        JsonNode pg = json.get("databases").get(1);
        assertTrue(h2.get("database").asText().startsWith("H2"), h2.toString());
        assertTrue(pg.get("database").asText().startsWith("PostgreSQL"), pg.toString());
        for (JsonNode db : json.get("databases")) {
            long outcomes = 0;
            for (JsonNode n : db.get("outcomes")) {
                outcomes += n.asLong();
            }
            assertEquals(120, outcomes);
            assertEquals(db.get("outcomes").get("newLeadNewContact").asLong()
                    + db.get("outcomes").get("newLeadExistingContact").asLong(), db.get("tables").get("lead").asLong());
            assertTrue(db.get("tables").get("lead_external_id").asLong() > db.get("tables").get("lead").asLong(),
                    "every submission's external id is kept, repeats' too: " + db);
            assertTrue(db.get("rawRowsPerSecond").asLong() > 0 && db.get("ratio").asDouble() > 0, db.toString());
            assertTrue(db.get("bulkSubmissionsPerSecond").asLong() > 0 && db.get("bulkRatio").asDouble() > 0,
                    "both passes ran (and wrote the same rows, or the run fails): " + db);
        }
        assertEquals(h2.get("tables"), pg.get("tables"), "the same data makes the same rows on both");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(table_name, ',') FROM information_schema.tables "
                     + "WHERE table_schema = 'public'")) {
            rs.next();
            assertEquals("crm_lead_keep", rs.getString(1), "the benchmark drops its tables and only those");
        }
    }

    @Test
    void badBatchSize_exitsWith2() {
        CliRun run = CliRun.crm("bench", "jdbc", "--batch-size", "0");

        assertEquals(2, run.exitCode(), run.toString());
    }
}
