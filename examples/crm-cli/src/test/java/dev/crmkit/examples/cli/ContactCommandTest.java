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

/** {@code crm contact add|edit} under the duplicate rules, on an H2 store of its own. */
class ContactCommandTest {

    @TempDir
    Path dir;

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--as-of", CliRun.AS_OF, "--jdbc-url", "jdbc:h2:file:" + dir.resolve("crm")));
        return CliRun.crm(all.toArray(String[]::new));
    }

    private String katherine() {
        CliRun run = crm("contact", "add", "Katherine", "Smith", "--email", "katherine.smith@example.com",
                "--phone", "030 901820", "--duplicates", "block", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("created", run.json().get("outcome").asText());
        return run.json().get("contact").asText();
    }

    @Test
    void add_block_printsTheStoredContactWithScoreAndReasons_exit3_storeUnchanged() {
        String first = katherine();
        String before = StoreDump.h2(dir.resolve("crm"));

        CliRun run = crm("contact", "add", "Kathy", "Smith", "--email", "kathy.smith@example.org",
                "--phone", "030 901821", "--duplicates", "block");

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Blocked: nothing stored; it looks like 1 stored contact:"), run.out());
        assertTrue(run.out().contains(first + "  Katherine Smith  score "), run.out());
        assertTrue(run.out().contains("first name VARIANT"), run.out());
        assertEquals(before, StoreDump.h2(dir.resolve("crm")));
    }

    @Test
    void add_alert_json_savesAndNamesTheCandidate() {
        String first = katherine();

        CliRun run = crm("contact", "add", "Kathy", "Smith", "--email", "kathy.smith@example.org",
                "--phone", "030 901821", "--owner", "anna", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals("alerted", json.get("outcome").asText());
        assertFalse(json.get("contact").isNull());
        assertEquals(1, json.get("candidates").size());
        JsonNode candidate = json.get("candidates").get(0);
        assertEquals(first, candidate.get("id").asText());
        assertEquals("Katherine Smith", candidate.get("name").asText());
        assertTrue(candidate.get("score").asDouble() >= 0.8, candidate.toString());
        assertFalse(json.get("limitReached").asBoolean());
    }

    @Test
    void add_allow_savesWithoutLookingUp() {
        katherine();
        CliRun run = crm("contact", "add", "Kathy", "Smith", "--email", "kathy.smith@example.org",
                "--duplicates", "allow");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Contact created: Kathy Smith ("), run.out());
    }

    @Test
    void edit_renameThatMakesAMatch_blocked_exit3_thenAnUnrelatedEditIsChanged() {
        String first = katherine();
        CliRun jones = crm("contact", "add", "Kathy", "Jones", "--email", "kathy.jones@example.org",
                "--phone", "030 901821", "--duplicates", "block");
        assertEquals(0, jones.exitCode(), jones.toString());
        String before = StoreDump.h2(dir.resolve("crm"));

        CliRun renamed = crm("contact", "edit", "kathy.jones@example.org", "--last-name", "Smith",
                "--duplicates", "block", "--format", "json");

        assertEquals(3, renamed.exitCode(), renamed.toString());
        assertEquals("blocked", renamed.json().get("outcome").asText());
        assertTrue(renamed.json().get("contact").isNull());
        assertEquals(first, renamed.json().get("candidates").get(0).get("id").asText());
        assertEquals(before, StoreDump.h2(dir.resolve("crm")));

        CliRun other = crm("contact", "edit", "kathy.jones@example.org", "--email", "kj@work.example",
                "--duplicates", "block");
        assertEquals(0, other.exitCode(), other.toString());
        assertTrue(other.out().startsWith("Contact changed: Kathy Jones"), other.out());
    }

    @Test
    void badRuleOrThreshold_exit2() {
        assertEquals(2, crm("contact", "add", "A", "B", "--duplicates", "maybe").exitCode());
        assertEquals(2, crm("contact", "add", "A", "B", "--threshold", "1.5").exitCode());
        assertEquals(2, crm("contact", "edit", "a@b.example").exitCode());
    }
}
