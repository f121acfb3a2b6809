package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.crmkit.examples.cli.CliRun.crm;
import static dev.crmkit.examples.cli.ErrorLineAssertions.assertFailedClearly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm service due} on a store the demo filled, and the demo's service customer. */
class ServiceDueCommandTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @Test
    void due_afterTheDemo_listsTheWeeksDueAndOverdueService() {
        assertEquals(0, crm("demo", "--no-report", "--jdbc-url", url()).exitCode());
        CliRun run = crm("service", "due", "--jdbc-url", url(), "--as-of", CliRun.AS_OF, "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals("2026-11-23", json.get("week").asText());
        assertEquals(1, json.get("due").size());
        assertEquals("Sophie Wagner", json.get("due").get(0).get("customer").asText());
        assertEquals("2026-11-25", json.get("due").get(0).get("due").asText());
        assertEquals(1, json.get("overdue").size());
        assertEquals("Lukas Fischer", json.get("overdue").get(0).get("customer").asText());
        assertEquals(39, json.get("overdue").get(0).get("daysOverdue").asInt());
    }

    @Test
    void due_aLaterWeek_showsTheServiceCustomersNextVisit_andTheDemoRunsTwiceWithoutDoubling() {
        assertEquals(0, crm("demo", "--no-report", "--jdbc-url", url()).exitCode());
        CliRun again = crm("demo", "--no-report", "--jdbc-url", url());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("Lena Hoffmann (from an earlier run)"), again.out());
        CliRun run = crm("service", "due", "--jdbc-url", url(), "--as-of", CliRun.AS_OF, "--week", "2027-06-02");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("due      2027-05-31  Lena Hoffmann  Cartridge C-10"), run.out());
    }

    @Test
    void due_emptyStore_saysNothingIsDue() {
        CliRun run = crm("service", "due", "--in-memory", "--as-of", CliRun.AS_OF);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Service in the week of 2026-11-23 (in memory"), run.out());
        assertTrue(run.out().contains("0 due, 0 overdue"), run.out());
    }

    @Test
    void due_badWeek_isRefusedClearly() {
        CliRun run = crm("service", "due", "--in-memory", "--as-of", CliRun.AS_OF, "--week", "next monday");
        assertFailedClearly(run, 2, "--week 'next monday'");
        assertTrue(run.err().contains("not an ISO date"), run.err());
    }

    @Test
    void demo_json_hasTheServiceCustomerWithPhotosSignOffAndTheHandedOverPromise() {
        JsonNode service = crm("demo", "--no-report", "--in-memory", "--format", "json").json().get("service");
        assertEquals("Lena Hoffmann", service.get("customer").asText());
        assertEquals(3, service.get("visit").get("documents").size());
        assertEquals(64, service.get("visit").get("documents").get(0).get("sha256").asText().length());
        assertEquals("Lena Hoffmann", service.get("visit").get("signedBy").asText());
        assertEquals("2027-05-31", service.get("nextDue").asText());
        assertEquals("david", service.get("commitmentHandedOverTo").asText());
    }
}
