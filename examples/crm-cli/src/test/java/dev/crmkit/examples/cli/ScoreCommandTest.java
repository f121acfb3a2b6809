package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm score}: one lead with its explanation, or every open lead in batches. */
class ScoreCommandTest {

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    /** The demo's store, copied into this test's folder (the demo runs once per JVM; see {@link H2Templates}). */
    private void demo() {
        assertEquals(h2(), H2Templates.demo(dir));
    }

    @Test
    void score_leadByEmail_json_printsScoreTemperatureAndTheRulesThatFired() {
        demo();

        JsonNode json = CliRun.crm("score", "--as-of", CliRun.AS_OF, "felix.wolf@wolf-maschinenbau.de", "--jdbc-url", h2(), "--format",
                "json").json();

        int score = json.get("score").asInt();
        assertTrue(score >= 0 && score <= 100, json.toString());
        assertTrue(List.of("cold", "warm", "hot").contains(json.get("temperature").asText()), json.toString());
        List<String> explanation = new ArrayList<>();
        json.get("explanation").forEach(l -> explanation.add(l.asText()));
        assertTrue(explanation.stream().anyMatch(l -> l.startsWith("+15 demo sign-up:")), explanation.toString());
        assertTrue(explanation.contains("+15 stated need: asked about offer"), explanation.toString());
        assertTrue(explanation.contains("+5 language: speaks de"), explanation.toString());
        assertEquals("score " + score + " (" + json.get("temperature").asText().toUpperCase() + ")",
                explanation.get(explanation.size() - 1));
        assertEquals(json.get("lines").size() + 2, explanation.size(), "each rule, the behaviour cap, the total");
    }

    @Test
    void score_asOf_fixesNow_soTheSameDayGivesTheSameScore_andALaterDayDecaysBehaviour() {
        demo();
        String[] felix = {"felix.wolf@wolf-maschinenbau.de", "--jdbc-url", h2(), "--format", "json"};

        JsonNode first = CliRun.crm(concat(new String[] {"score", "--as-of", CliRun.AS_OF}, felix)).json();
        JsonNode again = CliRun.crm(concat(new String[] {"score", "--as-of", CliRun.AS_OF}, felix)).json();
        JsonNode later = CliRun.crm(concat(new String[] {"score", "--as-of", "2027-05-23"}, felix)).json();

        assertEquals(first.get("explanation"), again.get("explanation"));
        assertTrue(later.get("score").asInt() < first.get("score").asInt(), first + "\n" + later);
        assertTrue(later.get("explanation").toString().contains("days old, decayed to"), later.toString());
    }

    @Test
    void score_asOfNotADate_isABadArgumentNamingTheFormats() {
        CliRun run = CliRun.crm("score", "--as-of", "yesterday", "--all", "--in-memory");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("'yesterday' is neither a date (2026-11-23) nor an instant"), run.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void score_leadById_text_printsTheExplanation() {
        demo();
        String id = CliRun.crm("score", "--as-of", CliRun.AS_OF, "felix.wolf@wolf-maschinenbau.de", "--jdbc-url", h2(), "--format", "json")
                .json().get("lead").asText();

        CliRun run = CliRun.crm("score", "--as-of", CliRun.AS_OF, id, "--jdbc-url", h2());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Felix Wolf (" + id + "): score "), run.out());
        assertTrue(run.out().contains("+10 price-list download: web visit 'Price list download (PDF)'"), run.out());
    }

    @Test
    void score_all_rescoresEveryOpenLead_andTheTemperaturesAddUp() {
        demo();

        CliRun run = CliRun.crm("score", "--as-of", CliRun.AS_OF, "--all", "--jdbc-url", h2(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        JsonNode t = json.get("temperatures");
        assertEquals(15, json.get("scored").asInt(), json.toString());
        assertEquals(json.get("scored").asInt(), t.get("cold").asInt() + t.get("warm").asInt()
                + t.get("hot").asInt(), json.toString());
        assertTrue(run.err().contains("rescoring: 18 of 18 leads read (100%), 15 scored"), run.err());
    }

    @Test
    void score_unknownLead_failsWithExitOneNamingIt() {
        CliRun byEmail = CliRun.crm("score", "--as-of", CliRun.AS_OF, "nobody@example.com", "--in-memory");
        CliRun byId = CliRun.crm("score", "--as-of", CliRun.AS_OF, "8a0c4c4e-0000-4000-8000-000000000001", "--in-memory");

        assertEquals(1, byEmail.exitCode(), byEmail.toString());
        assertTrue(byEmail.err().contains("there is no lead nobody@example.com"), byEmail.err());
        assertEquals(1, byId.exitCode(), byId.toString());
        assertTrue(byId.err().contains("8a0c4c4e-0000-4000-8000-000000000001"), byId.err());
    }

    @Test
    void score_neitherLeadNorAll_isABadArgument() {
        CliRun none = CliRun.crm("score", "--as-of", CliRun.AS_OF, "--in-memory");
        CliRun both = CliRun.crm("score", "--as-of", CliRun.AS_OF, "x@example.com", "--all", "--in-memory");

        assertEquals(2, none.exitCode(), none.toString());
        assertTrue(none.err().contains("a lead is required"), none.err());
        assertEquals(2, both.exitCode(), both.toString());
    }
}
