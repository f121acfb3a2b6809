package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scoring and assignment part of {@code crm demo}. */
class DemoScoringTest {

    @TempDir
    Path dir;

    @Test
    void demo_json_showsAHotLeadWithTheRulesThatFired() {
        JsonNode scoring = CliRun.crm("demo", "--no-report", "--in-memory", "--format", "json").json()
                .get("scoring");

        JsonNode top = scoring.get("top");
        assertEquals("hot", top.get("temperature").asText(), top.toString());
        assertTrue(top.get("score").asInt() >= 70, top.toString());
        assertEquals("Felix Wolf", top.get("name").asText());
        List<String> rules = new ArrayList<>();
        top.get("lines").forEach(l -> rules.add(l.get("rule").asText()));
        assertTrue(rules.containsAll(List.of("site visit", "price-list download", "demo sign-up", "chat question",
                "language", "conversation", "stated need")), rules.toString());
        JsonNode t = scoring.get("temperatures");
        assertEquals(scoring.get("scored").asInt(), t.get("cold").asInt() + t.get("warm").asInt()
                + t.get("hot").asInt());
    }

    @Test
    void demo_json_assignsTheUnassignedLeadsByLanguageAndRegion() {
        JsonNode assignment = CliRun.crm("demo", "--no-report", "--in-memory", "--format", "json").json()
                .get("assignment");

        assertEquals(4, assignment.get("assignments").size(), assignment.toString());
        assertEquals(0, assignment.get("notAssigned").size(), assignment.toString());
        JsonNode counts = assignment.get("counts");
        assertEquals(1, counts.get("anna").asInt(), "DACH round robin: " + counts);
        assertEquals(1, counts.get("david").asInt(), "DACH round robin: " + counts);
        assertEquals(1, counts.get("carla").asInt(), "the French speaker: " + counts);
        assertEquals(1, counts.get("ben").asInt(), "the English speaker: " + counts);
        for (JsonNode d : assignment.get("decisions")) {
            assertTrue(d.get("explanation").asText().startsWith("Routing rule '"), d.toString());
        }
    }

    @Test
    void demo_persistent_secondRun_keepsTheOwners_andLogsTheBehaviourOnce() {
        String url = "jdbc:h2:file:" + dir.resolve("crm");
        JsonNode first = CliRun.crm("demo", "--no-report", "--jdbc-url", url, "--format", "json").json();
        JsonNode second = CliRun.crm("demo", "--no-report", "--jdbc-url", url, "--format", "json").json();

        assertEquals(4, first.get("assignment").get("assignments").size());
        assertEquals(0, second.get("assignment").get("assignments").size(), second.get("assignment").toString());
        assertEquals(12, first.get("scoring").get("behaviourLogged").asInt());
        assertEquals(0, second.get("scoring").get("behaviourLogged").asInt());
        assertEquals(first.get("scoring").get("top").get("lead"), second.get("scoring").get("top").get("lead"));
    }
}
