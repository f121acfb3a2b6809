package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm assign}: unassigned open leads to a sales team, by a policy, with explanations. */
class AssignCommandTest {

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    /** Imports leads without owners: {@code german} speaking German, {@code french} French, one owned by zoe. */
    private void importLeads(int german, int french) throws IOException {
        StringBuilder csv = new StringBuilder("first_name,last_name,email,source,language,owner,external_id\n");
        for (int i = 0; i < german + french; i++) {
            csv.append("Person,Number").append(i).append(",person").append(i).append("@example-").append(i)
                    .append(".de,web form,").append(i < german ? "de" : "fr").append(",,x-").append(i).append('\n');
        }
        csv.append("Zoe,Owned,zoe@example.org,web form,de,zoe,x-owned\n");
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, csv);
        CliRun run = CliRun.crm("import", "--as-of", CliRun.AS_OF, file.toString(), "--no-progress", "--jdbc-url", h2());
        assertEquals(0, run.exitCode(), run.toString());
    }

    private Path teamFile(String json) throws IOException {
        Path file = dir.resolve("team.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void assign_roundRobin_teamFile_countsAddUp_andTheTeamIsServedFairly() throws IOException {
        importLeads(23, 4);
        Path team = teamFile("""
                {"members": [{"id": "anna", "languages": ["de"]}, {"id": "david", "languages": ["de", "en"]},
                             {"id": "erik", "languages": ["de"]}, {"id": "carla", "languages": ["fr"]}],
                 "rules": [{"name": "German speakers", "when": {"language": ["de"]}, "team": "DACH"},
                           {"name": "French speakers", "when": {"language": ["fr"]}, "members": ["carla"]}]}
                """);

        JsonNode json = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--policy", "round-robin", "--team", team.toString(), "--jdbc-url",
                h2(), "--format", "json").json();

        assertEquals(27, json.get("assignments").size(), json.toString());
        int total = 0;
        List<Integer> dach = new ArrayList<>();
        for (String user : List.of("anna", "david", "erik")) {
            dach.add(json.get("counts").get(user).asInt());
        }
        for (JsonNode n : json.get("counts")) {
            total += n.asInt();
        }
        assertEquals(27, total, "counts add up to the unassigned leads");
        assertEquals(4, json.get("counts").get("carla").asInt(), "the French rule's team");
        assertEquals(23, dach.stream().mapToInt(Integer::intValue).sum());
        assertTrue(Collections.max(dach) - Collections.min(dach) <= 1, "round robin is fair: " + dach);
        assertFalse(json.get("counts").has("zoe"), "the owned lead keeps its owner");
        assertTrue(json.get("decisions").get(0).get("explanation").asText().startsWith("Routing rule "),
                json.toString());
    }

    @Test
    void assign_demoTeam_text_printsWhoGotWhatAndWhy_andASecondRunAssignsNothing() throws IOException {
        importLeads(2, 1);

        CliRun first = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--jdbc-url", h2());
        JsonNode second = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--jdbc-url", h2(), "--format", "json").json();

        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("Routing rule 'French speakers' (language in [fr]) matched: team France."),
                first.out());
        assertTrue(first.out().contains("carla    <- Person Number2"), first.out());
        assertTrue(first.out().contains("assigned 3 of 3"), first.out());
        assertEquals(0, second.get("assignments").size(), second.toString());
        assertEquals(0, second.get("counts").size(), second.toString());
    }

    @Test
    void assign_leastLoaded_givesEachTheSameShare() throws IOException {
        importLeads(10, 0);
        Path team = teamFile("""
                {"members": [{"id": "anna"}, {"id": "ben"}]}
                """);

        JsonNode json = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--policy", "least-loaded", "--team", team.toString(), "--jdbc-url",
                h2(), "--format", "json").json();

        assertEquals(5, json.get("counts").get("anna").asInt(), json.toString());
        assertEquals(5, json.get("counts").get("ben").asInt(), json.toString());
    }

    @Test
    void assign_capacity_neverGivesMoreThanTheQuota() throws IOException {
        importLeads(6, 0);
        Path team = teamFile("""
                {"members": [{"id": "anna", "monthlyCapacity": 0}, {"id": "ben"}]}
                """);

        JsonNode json = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--policy", "capacity", "--team", team.toString(), "--jdbc-url",
                h2(), "--format", "json").json();

        assertFalse(json.get("counts").has("anna"), json.toString());
        assertEquals(6, json.get("counts").get("ben").asInt(), json.toString());
        assertTrue(json.get("decisions").get(0).get("explanation").asText()
                .contains("anna skipped (capacity): anna has used 0 of a daily quota of 0"), json.toString());
    }

    @Test
    void assign_unknownPolicy_isABadArgument() {
        CliRun run = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--policy", "random", "--in-memory");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("unknown policy 'random'"), run.err());
    }

    @Test
    void assign_badTeamFile_failsWithExitOneNamingTheField() throws IOException {
        Path weight = teamFile("""
                {"members": [{"id": "anna"}, {"id": "ben", "weight": 0}]}
                """);
        CliRun badWeight = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--team", weight.toString(), "--in-memory");
        Path rule = teamFile("""
                {"members": [{"id": "anna"}], "rules": [{"name": "x", "when": {"planet": ["mars"]}}]}
                """);
        CliRun badRule = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--team", rule.toString(), "--in-memory");
        Path member = teamFile("""
                {"members": [{"id": "anna"}], "fallback": {"members": ["nobody"]}}
                """);
        CliRun badMember = CliRun.crm("assign", "--as-of", CliRun.AS_OF, "--team", member.toString(), "--in-memory");

        assertEquals(1, badWeight.exitCode(), badWeight.toString());
        assertTrue(badWeight.err().contains("members[1].weight"), badWeight.err());
        assertEquals(1, badRule.exitCode(), badRule.toString());
        assertTrue(badRule.err().contains("rules[0].when.planet"), badRule.err());
        assertEquals(1, badMember.exitCode(), badMember.toString());
        assertTrue(badMember.err().contains("fallback.members[0]"), badMember.err());
    }
}
