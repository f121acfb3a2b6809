package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunnelCommandTest {

    private static final String HISTORY = """
            deal_id,stage,entered_at,source,owner,amount
            d1,lead,2026-01-05T09:00:00Z,web,anna,1000
            d1,proposal,2026-01-10T09:00:00Z,,,
            d1,qualified,2026-01-12T09:00:00Z,,,
            d1,won,2026-01-20T09:00:00Z,,,
            d2,lead,2026-01-06T09:00:00Z,ads,ben,
            d2,qualified,2026-01-08T09:00:00Z,,,
            d3,lead,2026-02-01T09:00:00Z,web,anna,
            """;

    @TempDir
    Path dir;

    @Test
    void counts_500_300_120_convert60Then40Percent() {
        CliRun run = CliRun.crm("funnel", "--counts", "500,300,120", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode stages = run.json().get("stages");
        assertEquals(3, stages.size());
        assertEquals(500, stages.get(0).get("count").asLong());
        assertEquals(1.0, stages.get(0).get("conversionFromPrevious").asDouble());
        assertEquals(0.6, stages.get(1).get("conversionFromPrevious").asDouble());
        assertEquals(0.4, stages.get(2).get("conversionFromPrevious").asDouble());
        assertEquals(0.24, stages.get(2).get("conversionFromFirst").asDouble());
        assertEquals("stage 2", stages.get(1).get("name").asText());
    }

    @Test
    void counts_withStageNames_namesTheStages() {
        JsonNode stages = CliRun.crm("funnel", "--counts", "500,300,120", "--stages", "visit,lead,customer",
                "--format", "json").json().get("stages");

        assertEquals("customer", stages.get(2).get("name").asText());
        assertEquals(180, stages.get(2).get("dropOff").asLong());
    }

    @Test
    void counts_text_showsPercentages() {
        CliRun run = CliRun.crm("funnel", "--counts", "500,300,120");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("60.0%") && run.out().contains("24.0%"), run.out());
    }

    @Test
    void counts_growing_exits1NamingTheStage() {
        CliRun run = CliRun.crm("funnel", "--counts", "100,300");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("stages[1].count"), run.err());
    }

    @Test
    void counts_stageNamesOfAnotherLength_exits2NamingTheOption() {
        CliRun run = CliRun.crm("funnel", "--counts", "500,300,120", "--stages", "a,b");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--stages"), run.err());
    }

    @Test
    void funnel_neitherCountsNorHistory_exits2() {
        CliRun run = CliRun.crm("funnel");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--counts") && run.err().contains("--history"), run.err());
    }

    @Test
    void history_countsEachDealOncePerStageReached() throws IOException {
        Path file = Files.writeString(dir.resolve("history.csv"), HISTORY);

        CliRun run = CliRun.crm("funnel", "--history", file.toString(), "--stage-order", "lead,qualified,proposal,won",
                "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        JsonNode stages = json.get("stages");
        assertEquals(3, stages.get(0).get("count").asLong());
        assertEquals(2, stages.get(1).get("count").asLong());
        assertEquals(1, stages.get(2).get("count").asLong(), "d1 skipped back from proposal, counted once");
        assertEquals(1, stages.get(3).get("count").asLong());
        assertEquals(3, json.get("deals").asLong());
        assertEquals(1, json.get("won").asLong());
        assertEquals(0.333333, json.get("winRate").asDouble(), 1e-9);
        assertEquals(15.0, json.get("averageLifecycleDays").asDouble(), 1e-9, "d1: Jan 5 to Jan 20");
        assertEquals("1000.00", json.get("averageWonDealSize").asText());
    }

    @Test
    void history_bySource_groupsTheDeals() throws IOException {
        Path file = Files.writeString(dir.resolve("history.csv"), HISTORY);

        JsonNode json = CliRun.crm("funnel", "--history", file.toString(), "--stage-order",
                "lead,qualified,proposal,won", "--by", "source", "--format", "json").json();

        JsonNode groups = json.get("groups");
        assertEquals("source", json.get("by").asText());
        assertEquals(2, groups.get("web").get("deals").asLong());
        assertEquals(1, groups.get("ads").get("deals").asLong());
        assertEquals(1, groups.get("web").get("won").asLong());
        assertEquals(0, groups.get("ads").get("won").asLong());
    }

    @Test
    void history_byPeriod_groupsByMonthOfFirstEntry() throws IOException {
        Path file = Files.writeString(dir.resolve("history.csv"), HISTORY);

        JsonNode groups = CliRun.crm("funnel", "--history", file.toString(), "--stage-order",
                "lead,qualified,proposal,won", "--by", "period", "--format", "json").json().get("groups");

        assertEquals(2, groups.get("2026-01").get("deals").asLong());
        assertEquals(1, groups.get("2026-02").get("deals").asLong());
    }

    @Test
    void history_unknownStage_exits1NamingTheEntry() throws IOException {
        Path file = Files.writeString(dir.resolve("history.csv"), HISTORY);

        CliRun run = CliRun.crm("funnel", "--history", file.toString(), "--stage-order", "lead,qualified,won");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("stage") && run.err().contains("proposal"), run.err());
    }

    @Test
    void history_withoutStageOrder_exits2NamingTheOption() throws IOException {
        Path file = Files.writeString(dir.resolve("history.csv"), HISTORY);

        CliRun run = CliRun.crm("funnel", "--history", file.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--stage-order"), run.err());
    }

    @Test
    void history_badTime_exits1NamingLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "deal_id,stage,entered_at\nd1,lead,yesterday\n");

        CliRun run = CliRun.crm("funnel", "--history", file.toString(), "--stage-order", "lead,won");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("line 2") && run.err().contains("entered_at"), run.err());
    }
}
