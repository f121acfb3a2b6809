package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortsCommandTest {

    private static final int CUSTOMERS = 250;

    @TempDir
    static Path dir;
    private static Path orders;

    @BeforeAll
    static void writeOrders() {
        orders = OrdersFiles.generate(dir.resolve("orders.csv"), CUSTOMERS, 5);
    }

    @Test
    void cohorts_monthly_sizesAddUpAndCellsStayWithinTheCohort() {
        CliRun run = CliRun.crm("cohorts", "--orders", orders.toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals("month", json.get("period").asText());
        JsonNode cohorts = json.get("cohorts");
        assertEquals(12, cohorts.size(), "first orders fall in the 12 months of 2025");
        long total = 0;
        for (JsonNode cohort : cohorts) {
            long size = cohort.get("size").asLong();
            total += size;
            JsonNode customers = cohort.get("customers");
            assertEquals(size, customers.get(0).asLong(), cohort.toString());
            assertEquals(1.0, cohort.get("retention").get(0).asDouble());
            assertTrue(cohort.get("churn").get(0).isNull(), cohort.toString());
            assertEquals(customers.size(), cohort.get("retention").size());
            for (int k = 0; k < customers.size(); k++) {
                assertTrue(customers.get(k).asLong() <= size, cohort.toString());
                double retention = cohort.get("retention").get(k).asDouble();
                assertTrue(retention >= 0 && retention <= 1, cohort.toString());
                assertEquals((double) customers.get(k).asLong() / size, retention, 1e-6);
            }
        }
        assertEquals(CUSTOMERS, total);
    }

    @Test
    void cohorts_weekly_labelsIsoWeeksAndSizesAddUp() {
        JsonNode cohorts = CliRun.crm("cohorts", "--orders", orders.toString(), "--period", "week",
                "--format", "json").json().get("cohorts");

        long total = 0;
        for (JsonNode cohort : cohorts) {
            total += cohort.get("size").asLong();
            assertTrue(cohort.get("label").asText().matches("\\d{4}-W\\d\\d"), cohort.toString());
        }
        assertEquals(CUSTOMERS, total);
        assertTrue(cohorts.size() > 12, "more weeks than months");
    }

    @Test
    void cohorts_text_showsTheMatrix() {
        CliRun run = CliRun.crm("cohorts", "--orders", orders.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("2025-01") && run.out().contains("100%"), run.out());
    }

    @Test
    void cohorts_badPeriod_exits2NamingTheOption() {
        CliRun run = CliRun.crm("cohorts", "--orders", orders.toString(), "--period", "year");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--period"), run.err());
    }
}
