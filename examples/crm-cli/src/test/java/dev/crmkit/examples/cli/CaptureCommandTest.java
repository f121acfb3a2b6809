package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm capture} under the duplicate rules for leads and contacts, on an H2 store of its own. */
class CaptureCommandTest {

    @TempDir
    Path dir;

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--as-of", CliRun.AS_OF, "--jdbc-url", "jdbc:h2:file:" + dir.resolve("crm")));
        return CliRun.crm(all.toArray(String[]::new));
    }

    private JsonNode katherine() {
        CliRun run = crm("capture", "Katherine", "Smith", "--email", "katherine.smith@example.com",
                "--phone", "030 901820", "--company", "Nordwind Logistik", "--duplicates", "block",
                "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("new lead, new contact", run.json().get("outcome").asText());
        return run.json();
    }

    @Test
    void block_printsTheStoredLeadAndContactWithScoresAndReasons_exit3_storeUnchanged() {
        JsonNode first = katherine();
        String before = StoreDump.h2(dir.resolve("crm"));

        CliRun run = crm("capture", "Kathy", "Smith", "--email", "kathy.smith@example.org", "--phone", "030 901821",
                "--company", "Nordwind Logistik", "--channel", "call", "--duplicates", "block");

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Blocked: nothing stored; it looks like 2 stored records:"), run.out());
        assertTrue(run.out().contains("lead " + first.get("lead").asText() + "  Katherine Smith  score "),
                run.out());
        assertTrue(run.out().contains("contact " + first.get("contact").asText() + "  Katherine Smith  score "),
                run.out());
        assertTrue(run.out().contains("first name VARIANT"), run.out());
        assertEquals(before, StoreDump.h2(dir.resolve("crm")));
    }

    @Test
    void alert_json_savesAndNamesTheStoredLead() {
        JsonNode first = katherine();

        CliRun run = crm("capture", "Kathy", "Smith", "--email", "kathy.smith@example.org", "--phone", "030 901821",
                "--company", "Nordwind Logistik", "--owner", "anna", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals("new lead, new contact", json.get("outcome").asText());
        assertFalse(json.get("lead").isNull());
        assertEquals(1, json.get("leads").size());
        assertEquals(first.get("lead").asText(), json.get("leads").get(0).get("id").asText());
        assertEquals("Katherine Smith", json.get("leads").get(0).get("name").asText());
        assertTrue(json.get("leads").get(0).get("score").asDouble() >= 0.8, json.toString());
        assertEquals(first.get("contact").asText(), json.get("contacts").get(0).get("id").asText());
        assertFalse(json.get("limitReached").asBoolean());
    }

    @Test
    void allow_savesWithoutLookingUp_andAnExactEmailFoldsUnderBlock() {
        katherine();
        CliRun allowed = crm("capture", "Kathy", "Smith", "--email", "kathy.smith@example.org",
                "--duplicates", "allow");
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertTrue(allowed.out().startsWith("Lead captured (new lead, new contact): Kathy Smith ("), allowed.out());

        CliRun folded = crm("capture", "Katherine", "Smith", "--email", "katherine.smith@example.com",
                "--duplicates", "block");
        assertEquals(0, folded.exitCode(), folded.toString());
        assertTrue(folded.out().startsWith("Lead captured (duplicate folded): Katherine Smith ("), folded.out());
    }

    @Test
    void badInput_exit2_withOneLine() {
        CliRun badEmail = crm("capture", "Kathy", "Smith", "--email", "not an address");
        ErrorLineAssertions.assertFailedClearly(badEmail, 2, "capture --email 'not an address'");
        assertTrue(badEmail.err().contains("email"), badEmail.err());
        CliRun badChannel = crm("capture", "Kathy", "Smith", "--channel", "pigeon");
        ErrorLineAssertions.assertFailedClearly(badChannel, 2, "capture --channel pigeon");
        assertTrue(badChannel.err().contains("not a channel"), badChannel.err());
    }
}
