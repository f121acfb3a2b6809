package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RfmCommandTest {

    private static final int CUSTOMERS = 300;

    @TempDir
    static Path dir;
    private static Path orders;

    @BeforeAll
    static void writeOrders() {
        orders = OrdersFiles.generate(dir.resolve("orders.csv"), CUSTOMERS, 11);
    }

    @Test
    void rfm_json_segmentCountsAddUpToTheCustomersListed() {
        CliRun run = CliRun.crm("rfm", "--orders", orders.toString(), "--as-of", "2026-07-01", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        JsonNode customers = json.get("customers");
        assertEquals(CUSTOMERS, customers.size());
        assertEquals(CUSTOMERS, json.get("customerCount").asInt());
        assertEquals(11, json.get("segments").size());
        long sum = 0;
        Map<String, Long> counted = new HashMap<>();
        for (JsonNode c : customers) {
            counted.merge(c.get("segment").asText(), 1L, Long::sum);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("segments").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sum += e.getValue().asLong();
            assertEquals(counted.getOrDefault(e.getKey(), 0L), e.getValue().asLong(), e.getKey());
        }
        assertEquals(CUSTOMERS, sum);
    }

    @Test
    void rfm_json_scoresAreOneToFiveAndRecencyUsesAllFive() {
        JsonNode customers = CliRun.crm("rfm", "--orders", orders.toString(), "--as-of", "2026-07-01",
                "--format", "json").json().get("customers");

        Set<Integer> recency = new HashSet<>();
        for (JsonNode c : customers) {
            for (String score : new String[] {"r", "f", "m"}) {
                int value = c.get(score).asInt();
                assertTrue(value >= 1 && value <= 5, score + " of " + c);
            }
            recency.add(c.get("r").asInt());
            assertTrue(c.get("monetary").asText().matches("\\d+\\.\\d\\d"), c.toString());
            assertTrue(c.get("id").asText().startsWith("c"), c.toString());
        }
        assertEquals(Set.of(1, 2, 3, 4, 5), recency);
    }

    @Test
    void rfm_earlyAsOf_scoresOnlyCustomersWithAnEarlierOrder() {
        JsonNode json = CliRun.crm("rfm", "--orders", orders.toString(), "--as-of", "2025-03-01",
                "--format", "json").json();

        int scored = json.get("customerCount").asInt();
        assertTrue(scored > 0 && scored < CUSTOMERS, json.get("customerCount").toString());
        assertEquals(scored, json.get("customers").size());
    }

    @Test
    void rfm_text_listsSegmentsAndLimitsCustomers() {
        CliRun run = CliRun.crm("rfm", "--orders", orders.toString(), "--as-of", "2026-07-01", "--limit", "5");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("champions") && run.out().contains("can't lose them"), run.out());
        assertTrue(run.out().contains("and 295 more"), run.out());
    }

    @Test
    void rfm_badAsOf_exits2NamingTheOption() {
        CliRun run = CliRun.crm("rfm", "--orders", orders.toString(), "--as-of", "July");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--as-of"), run.err());
    }

    @Test
    void rfm_missingFile_exits1NamingIt() {
        CliRun run = CliRun.crm("rfm", "--orders", dir.resolve("nope.csv").toString(), "--as-of", "2026-07-01");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("nope.csv"), run.err());
    }
}
