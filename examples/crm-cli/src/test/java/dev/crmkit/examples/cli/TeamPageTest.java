package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm report} on a database writes a team page beside the metrics page and links to it. */
class TeamPageTest {

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @Test
    void report_onTheDemoStore_writesTheTeamPage_withActivityTargetsLeadResponseAndQuality() throws IOException {
        assertEquals(0, CliRun.crm("demo", "--no-report", "--jdbc-url", h2()).exitCode());
        Instant call = Instant.parse("2026-11-03T10:00:00Z");
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            db.store().activities().append(new Activity(new ActivityId(new UUID(0, 1)), ActivityType.CALL, "call",
                    "", Direction.OUTBOUND, call, List.of(), Set.of(new RecordRef(RecordType.CONTACT,
                    new UUID(0, 2))), Optional.of(UserId.of("zoe")), Visibility.PUBLIC, call)
                    .withOutcome(ActivityOutcome.ANSWERED).withDuration(Duration.ofSeconds(120)));
            db.store().stageHistory().append(new StageHistoryEntry(new UUID(0, 3), new DealId(new UUID(0, 4)), 2,
                    new PipelineId(new UUID(0, 5)), Optional.of("lead"), "won", UserId.of("zoe"), call,
                    Duration.ofDays(1)));
        }
        Path targets = Files.writeString(dir.resolve("targets.csv"), "owner,period,amount,currency\n"
                + "zoe,2026-11,1000.00,EUR\n");
        Path out = dir.resolve("report");

        CliRun run = CliRun.crm("report", "--out", out.toString(), "--jdbc-url", h2(), "--as-of", "2026-11-20",
                "--targets", targets.toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals(out.resolve("team.html").toString(), json.get("team").asText());
        String team = Files.readString(out.resolve("team.html"));
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<a href=\"team.html\">"), "the metrics page links to the team page");
        assertTrue(team.contains("From 2026-11-01 to 2026-11-20"), team);
        assertTrue(team.contains("<td>zoe</td><td>1</td><td>0</td><td>1</td><td>1</td><td>0</td><td>120 s</td>"
                + "<td>120.0 s</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>"),
                "zoe's one outbound call, answered, two minutes, and one deal moved: " + team);
        assertTrue(team.contains("<td>zoe</td><td>2026-11</td><td>EUR</td><td>1000.00</td><td>0.00</td>"
                + "<td>0.0%</td>"), team);
        assertTrue(team.contains("<h2>Lead response</h2>") && team.contains("<h2>Data quality</h2>")
                && team.contains("<td>lead</td><td>email</td>"), team);
    }

    @Test
    void demo_onADatabase_writesATeamPage_whoseCallsHaveOutcomesAndTalkTime() throws IOException {
        Path out = dir.resolve("demo-report");

        CliRun run = CliRun.crm("demo", "--jdbc-url", h2(), "--report-dir", out.toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        String team = Files.readString(out.resolve("team.html"));
        assertTrue(Files.readString(out.resolve("index.html")).contains("<a href=\"team.html\">"));
        Matcher row = Pattern.compile("<tr><td>([a-z]+)</td><td>(\\d+)</td><td>\\d+</td><td>\\d+</td><td>(\\d+)</td>"
                + "<td>(\\d+)</td><td>([\\d,]+) s</td><td>([\\d.]+ s|-)</td>").matcher(team);
        long calls = 0;
        long answered = 0;
        long missed = 0;
        long talk = 0;
        while (row.find()) {
            calls += Long.parseLong(row.group(2));
            answered += Long.parseLong(row.group(3));
            missed += Long.parseLong(row.group(4));
            talk += Long.parseLong(row.group(5).replace(",", ""));
        }
        assertTrue(answered > 0 && missed > 0 && talk > 0 && answered + missed <= calls,
                "the demo team's first calls, answered and missed, with talk time: " + team);
        CliRun again = CliRun.crm("team", "stats", "--jdbc-url", h2(), "--from", "2026-11-01", "--to", "2026-11-30",
                "--as-of", "2026-11-23T09:00:00Z", "--format", "json");
        assertEquals(0, again.exitCode(), again.toString());
        long talkSeconds = 0;
        for (JsonNode person : again.json().get("people")) {
            talkSeconds += person.get("calls").get("talkSeconds").asLong();
        }
        assertEquals(talk, talkSeconds, "crm team stats on the store counts what the page shows");
    }

    @Test
    void report_inMemory_writesNoTeamPage() {
        Path out = dir.resolve("report");

        CliRun run = CliRun.crm("report", "--out", out.toString(), "--in-memory", "--as-of", "2026-11-20",
                "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.json().get("team").isNull());
        assertFalse(Files.exists(out.resolve("team.html")));
    }
}
