package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.crmkit.examples.cli.CliRun.crm;
import static dev.crmkit.examples.cli.ErrorLineAssertions.assertFailedClearly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceNextCommandTest {

    @Test
    void next_scheduleAnchor_monthEndClampsAndJsonSaysWhatWasCovered() {
        CliRun run = crm("service", "next", "--installed", "2026-08-31", "--every", "P6M", "--anchor", "schedule",
                "--completed", "2027-02-20", "--remind", "P7D", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals("2027-08-31", json.get("nextDue").asText());
        assertEquals("2027-08-24", json.get("remindOn").asText());
        assertEquals(1, json.get("covered").size());
        assertEquals("2027-02-28", json.get("covered").get(0).get("due").asText());
        assertEquals("2027-02-20", json.get("covered").get(0).get("completedOn").asText());
        assertEquals("schedule", json.get("anchor").asText());
    }

    @Test
    void next_defaultAnchorIsCompletion_nextIsLastCompletionPlusInterval() {
        CliRun run = crm("service", "next", "--installed", "2026-08-31", "--every", "P6M",
                "--completed", "2027-01-10", "--completed", "2027-06-05", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("2027-12-05", run.json().get("nextDue").asText());
        assertEquals("2027-12-05", run.json().get("remindOn").asText());
        assertEquals("completion", run.json().get("anchor").asText());
        assertEquals(2, run.json().get("covered").size());
    }

    @Test
    void next_noCompletion_textSaysTheFirstOccurrence() {
        CliRun run = crm("service", "next", "--installed", "2027-03-01", "--every", "P2W", "--anchor", "SCHEDULE");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("next due:  2027-03-15"), run.out());
    }

    @Test
    void next_periodThatIsNotIso_isRefusedClearly() {
        CliRun run = crm("service", "next", "--installed", "2026-08-31", "--every", "6 months");
        assertFailedClearly(run, 2, "--every '6 months'");
        assertTrue(run.err().contains("not an ISO 8601 period"), run.err());
    }

    @Test
    void next_zeroInterval_isRefusedNamingTheOption() {
        CliRun run = crm("service", "next", "--installed", "2026-08-31", "--every", "P0D");
        assertFailedClearly(run, 2, "--every P0D");
        assertTrue(run.err().contains("--every must be a positive period"), run.err());
    }

    @Test
    void next_completionBeforeInstallation_isRefusedNamingTheOption() {
        CliRun run = crm("service", "next", "--installed", "2026-08-31", "--every", "P6M",
                "--completed", "2026-01-01");
        assertFailedClearly(run, 2, "--completed 2026-01-01");
        assertTrue(run.err().contains("--completed must not be before the installation day 2026-08-31"), run.err());
    }

    @Test
    void next_negativeReminder_isRefusedNamingTheOption() {
        CliRun run = crm("service", "next", "--installed", "2026-08-31", "--every", "P6M", "--remind", "P-3D");
        assertFailedClearly(run, 2, "--remind P-3D");
        assertTrue(run.err().contains("--remind must be zero or a positive period"), run.err());
    }

    @Test
    void next_unknownAnchor_isRefusedClearly() {
        assertFailedClearly(crm("service", "next", "--installed", "2026-08-31", "--every", "P6M", "--anchor",
                "calendar"), 2, "--anchor calendar");
    }

    @Test
    void next_intervalBeyondTheCalendar_isRefusedClearly() {
        CliRun run = crm("service", "next", "--installed", "2026-08-31", "--every", "P999999999Y");
        assertFailedClearly(run, 2, "--every P999999999Y");
        assertTrue(run.err().contains("beyond the calendar"), run.err());
    }
}
