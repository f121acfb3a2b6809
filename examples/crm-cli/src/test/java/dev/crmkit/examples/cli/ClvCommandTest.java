package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClvCommandTest {

    @TempDir
    static Path dir;
    private static Path orders;

    @BeforeAll
    static void writeOrders() {
        orders = OrdersFiles.generate(dir.resolve("orders.csv"), 400, 7);
    }

    @Test
    void fit_json_printsTheParametersOfBothModels() {
        CliRun run = CliRun.crm("clv", "fit", "--orders", orders.toString(), "--observation-end", "2026-06-30",
                "--unit", "week", "--monetary", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals(400, json.get("customers").asInt());
        for (String key : new String[] {"r", "alpha", "a", "b", "p", "q", "v"}) {
            assertTrue(json.get(key).isNumber() && json.get(key).asDouble() > 0, key + " in " + json);
        }
        assertTrue(json.get("logLikelihood").asDouble() < 0, json.toString());
    }

    @Test
    void fit_phases_areReportedOnlyWhenTheCommandLinesEnvironmentHasCrmPhases() {
        String[] args = {"clv", "fit", "--orders", orders.toString(), "--observation-end", "2026-06-30", "--unit",
                "week", "--monetary"};
        CliRun quiet = CliRun.crm(Map.of(), args);
        CliRun reported = CliRun.crm(Map.of("CRM_PHASES", "1"), args);

        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.err(), "no CRM_PHASES in the given environment: nothing on standard error");
        assertEquals(0, reported.exitCode(), reported.toString());
        assertEquals(quiet.out(), reported.out(), "the phases go to standard error only");
        List<String> lines = reported.err().lines().toList();
        String[] phases = {"start-up", "summarise", "bg/nbd", "gamma"};
        assertEquals(phases.length, lines.size(), reported.err());
        for (int i = 0; i < phases.length; i++) {
            assertTrue(lines.get(i).matches("crm phase " + phases[i]
                    + " +wall +-?\\d+ ms  cpu +-?\\d+ ms  heap used +\\d+ MiB"), lines.get(i));
        }
    }

    @Test
    void predict_json_givesPurchasesAliveAndClvAsMoneyString() {
        CliRun run = CliRun.crm("clv", "predict", "--orders", orders.toString(), "--observation-end", "2026-06-30",
                "--unit", "week", "--horizon", "39", "--customer", "c1", "--monetary", "--discount-rate", "0.01",
                "--margin", "0.3", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        double expected = json.get("expectedPurchases").asDouble();
        double alive = json.get("probabilityAlive").asDouble();
        assertTrue(expected >= 0, json.toString());
        assertTrue(alive >= 0 && alive <= 1, json.toString());
        assertTrue(json.get("clv").isTextual() && json.get("clv").asText().matches("\\d+\\.\\d\\d"), json.toString());
        assertEquals(9, json.get("months").asInt(), "39 weeks are 273 days, 9 months of 30 days");
    }

    @Test
    void predict_longerHorizon_expectsAtLeastAsManyPurchases() {
        double shorter = CliRun.crm("clv", "predict", "--orders", orders.toString(), "--observation-end",
                "2026-06-30", "--horizon", "10", "--customer", "c3", "--format", "json").json()
                .get("expectedPurchases").asDouble();
        double longer = CliRun.crm("clv", "predict", "--orders", orders.toString(), "--observation-end",
                "2026-06-30", "--horizon", "52", "--customer", "c3", "--format", "json").json()
                .get("expectedPurchases").asDouble();

        assertTrue(longer >= shorter, shorter + " then " + longer);
    }

    @Test
    void predict_unknownCustomer_isABadArgumentNamingIt() {
        CliRun run = CliRun.crm("clv", "predict", "--orders", orders.toString(), "--observation-end", "2026-06-30",
                "--horizon", "39", "--customer", "nobody");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("nobody"), run.err());
    }

    @Test
    void fit_badDate_failsNamingLineAndColumn() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"),
                "customer_id,date,amount\na,2026-01-01,10\nb,01/02/2026,5\n");

        CliRun run = CliRun.crm("clv", "fit", "--orders", bad.toString(), "--observation-end", "2026-06-30");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("line 3") && run.err().contains("date"), run.err());
    }

    @Test
    void fit_renamedColumns_areRead() throws IOException {
        Path renamed = Files.writeString(dir.resolve("renamed.csv"), Files.readString(orders)
                .replaceFirst("customer_id,date,amount", "client,day,total"));

        CliRun run = CliRun.crm("clv", "fit", "--orders", renamed.toString(), "--customer-col", "client",
                "--date-col", "day", "--amount-col", "total", "--observation-end", "2026-06-30", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(400, run.json().get("customers").asInt());
    }

    @Test
    void fit_missingColumn_failsNamingTheOption() throws IOException {
        Path bad = Files.writeString(dir.resolve("nocol.csv"), "client,date,amount\na,2026-01-01,10\n");

        CliRun run = CliRun.crm("clv", "fit", "--orders", bad.toString(), "--observation-end", "2026-06-30");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("customer_id") && run.err().contains("--customer-col"), run.err());
    }
}
