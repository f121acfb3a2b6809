package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.crmkit.examples.cli.CliRun.crm;
import static dev.crmkit.examples.cli.ErrorLineAssertions.assertFailedClearly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm service remind} on a store the demo filled: Sophie Wagner's boiler is due on 25 November 2026 (reminded
 * on its due day), Lukas Fischer's filter is overdue (never reminded), Lena Hoffmann's cartridge is due on 31 May 2027
 * (reminded 14 days ahead, on time until 7 June).
 */
class ServiceRemindCommandTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @Test
    void remind_onTheReminderDay_sendsItOnce_andASecondRunFindsItReminded() {
        assertEquals(0, crm("demo", "--no-report", "--jdbc-url", url()).exitCode());
        CliRun before = crm("service", "remind", "--jdbc-url", url(), "--as-of", "2026-11-24", "--format", "json");
        assertEquals(0, before.exitCode(), before.toString());
        assertEquals(0, before.json().get("sent").size(), before.out());
        CliRun run = crm("service", "remind", "--jdbc-url", url(), "--as-of", "2026-11-25", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals("2026-11-25", json.get("asOf").asText());
        assertEquals(1, json.get("sent").size(), run.out());
        JsonNode sent = json.get("sent").get(0);
        assertEquals("Sophie Wagner", sent.get("customer").asText());
        assertEquals("Sophie Wagner", sent.get("recipient").asText());
        assertEquals("2026-11-25", sent.get("due").asText());
        assertEquals(1, sent.get("occurrence").asInt());
        assertTrue(sent.get("text").asText().contains("Boiler B-200"), sent.toString());
        assertEquals(0, json.get("alreadyReminded").asInt());
        JsonNode again = crm("service", "remind", "--jdbc-url", url(), "--as-of", "2026-11-25", "--format", "json")
                .json();
        assertEquals(0, again.get("sent").size());
        assertEquals(1, again.get("alreadyReminded").asInt());
    }

    @Test
    void remind_aMissedReminderDay_isCaughtUpWithinTheWindow_text() {
        assertEquals(0, crm("demo", "--no-report", "--jdbc-url", url()).exitCode());
        CliRun run = crm("service", "remind", "--jdbc-url", url(), "--as-of", "2027-06-01");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Service reminders on 2027-06-01 (H2 "), run.out());
        assertTrue(run.out().contains("1 sent, 0 reminded before"), run.out());
        assertTrue(run.out().contains("to Lena Hoffmann: Service due on 2027-05-31"), run.out());
    }

    @Test
    void remind_emptyStore_sendsNothing() {
        CliRun run = crm("service", "remind", "--in-memory", "--as-of", CliRun.AS_OF);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("0 sent, 0 reminded before"), run.out());
    }

    @Test
    void remind_badDay_isRefusedClearly() {
        CliRun run = crm("service", "remind", "--in-memory", "--as-of", "tomorrow");
        assertFailedClearly(run, 2, "--as-of");
        assertTrue(run.err().contains("neither a date"), run.err());
    }
}
