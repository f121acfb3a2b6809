package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm lead edit} under the duplicate rules for leads, on an H2 store of its own. */
class LeadCommandTest {

    @TempDir
    Path dir;

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--as-of", CliRun.AS_OF, "--jdbc-url", "jdbc:h2:file:" + dir.resolve("crm")));
        return CliRun.crm(all.toArray(String[]::new));
    }

    private JsonNode captured(String first, String last, String email, String phone) {
        CliRun run = crm("capture", first, last, "--email", email, "--phone", phone, "--duplicates", "allow",
                "--owner", "anna", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        return run.json();
    }

    private CliRun intoKathy(String lead, String duplicates, String... more) {
        List<String> args = new ArrayList<>(List.of("lead", "edit", lead, "--first-name", "Kathy", "--last-name",
                "Smith", "--email", "kathy.smith@example.org", "--phone", "030 901821", "--duplicates", duplicates));
        args.addAll(List.of(more));
        return crm(args.toArray(String[]::new));
    }

    @Test
    void edit_block_printsTheStoredLeadWithScoreAndReasons_exit3_storeUnchanged_thenAlertSaves() {
        JsonNode katherine = captured("Katherine", "Smith", "katherine.smith@example.com", "030 901820");
        JsonNode max = captured("Max", "Meyer", "max.meyer@example.net", "040 555123");
        String before = StoreDump.h2(dir.resolve("crm"));

        CliRun blocked = intoKathy(max.get("lead").asText(), "block");

        assertEquals(3, blocked.exitCode(), blocked.toString());
        assertTrue(blocked.out().startsWith("Blocked: nothing stored; it looks like 1 stored lead:"), blocked.out());
        assertTrue(blocked.out().contains(katherine.get("lead").asText() + "  Katherine Smith  score "),
                blocked.out());
        assertTrue(blocked.out().contains("last name"), blocked.out());
        assertEquals(before, StoreDump.h2(dir.resolve("crm")));

        CliRun alerted = intoKathy(max.get("lead").asText(), "alert", "--format", "json");
        assertEquals(0, alerted.exitCode(), alerted.toString());
        assertEquals("alerted", alerted.json().get("outcome").asText());
        assertEquals("Kathy Smith", alerted.json().get("name").asText());
        assertEquals(katherine.get("lead").asText(), alerted.json().get("candidates").get(0).get("id").asText());

        CliRun again = crm("lead", "edit", max.get("lead").asText(), "--first-name", "Kathy");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().startsWith("Lead unchanged: Kathy Smith"), again.out());
    }

    @Test
    void edit_badInput_isRefusedAsBadArguments() {
        CliRun nothing = crm("lead", "edit", "8f14e45f-ceea-467f-a0e6-000000000001");
        assertEquals(2, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.err().contains("nothing to edit"), nothing.err());
        CliRun notAnId = crm("lead", "edit", "kathy", "--first-name", "Kathy");
        assertEquals(2, notAnId.exitCode(), notAnId.toString());
        assertTrue(notAnId.err().contains("ID must be a lead id"), notAnId.err());
    }
}
