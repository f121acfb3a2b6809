package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrmCommandTest {

    @Test
    void noCommand_exitsWith2() {
        CliRun run = CliRun.crm();

        assertEquals(2, run.exitCode());
        assertEquals("crm: a command is required, for example demo, import, pipeline, score, assign, report or "
                + "bench (see crm --help)", run.err().strip());
    }

    @Test
    void unknownCommand_exitsWith2AndOneLine() {
        CliRun run = CliRun.crm("export");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void help_ofEveryCommand_exitsWith0() {
        for (String[] args : new String[][] {{"--help"}, {"demo", "--help"}, {"import", "--help"},
                {"bench", "--help"}, {"bench", "capture", "--help"}, {"bench", "jdbc", "--help"}}) {
            CliRun run = CliRun.crm(args);
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().startsWith("Usage: crm"), run.out());
        }
    }

    @Test
    void demo_printsTheRejectedRowTheDuplicatesTheTimelineAndTheAgenda() {
        CliRun run = CliRun.crm("demo", "--no-report", "--in-memory");

        assertEquals(0, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("Store: in memory"), out);
        assertTrue(out.contains("line  15  email: 'jan.becker@@example' is not an e-mail address [format]"), out);
        assertTrue(out.contains("\" JULIA.BRANDT@GMAIL.COM \""), out);
        assertTrue(out.contains("Timeline of Julia Brandt, newest first"), out);
        int repeatByCall = out.indexOf("Repeat submission via call (3 in all)");
        int captured = out.indexOf("Lead captured via web form");
        assertTrue(repeatByCall > 0 && captured > repeatByCall, "newest first: " + out);
        assertTrue(out.contains("Overdue (3)") && out.contains("Today (2)") && out.contains("Tomorrow (2)"), out);
        assertTrue(out.contains("Call about the agreement"), "the task the won deal's Agreement stage made: " + out);
    }

    @Test
    void demo_json_countsWhatTheBundledDataHolds() {
        JsonNode json = CliRun.crm("demo", "--no-report", "--in-memory", "--format", "json").json();

        assertEquals(25, json.get("rows").asInt());
        assertEquals(18, json.get("created").asInt());
        assertEquals(18, json.get("contactsCreated").asInt());
        assertEquals(6, json.get("duplicates").asInt());
        assertEquals(1, json.get("rejected").asInt());
        assertEquals(15, json.get("rejections").get(0).get("line").asInt());
        assertEquals("EUR 4800.00", json.get("timeline").get("leadCustomFields").get("budget").asText());
    }

    @Test
    void benchCapture_smallRun_printsThroughputRatioAndHeap() {
        CliRun run = CliRun.crm("bench", "capture", "--leads", "2000");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*ratio \\(baseline / capture\\)\\s+\\d+\\.\\d\\d x.*"), run.out());
        assertTrue(run.out().contains("bytes/contact"), run.out());
    }

    @Test
    void benchCapture_json_countsEverySubmissionOnce() {
        JsonNode json = CliRun.crm("bench", "capture", "--leads", "2000", "--format", "json").json();

        long outcomes = 0;
        for (JsonNode n : json.get("outcomes")) {
            outcomes += n.asLong();
        }
        assertEquals(2000, outcomes);
        assertTrue(json.get("outcomes").get("duplicateFolded").asLong() > 400, json.toString());
        assertTrue(json.get("ratio").asDouble() > 0, json.toString());
        long rawBytes = json.get("rawStringBytesPerContact").asLong();
        assertTrue(rawBytes > 40 && rawBytes < 200, "names, e-mail and phone in UTF-16: " + rawBytes);
        assertTrue(json.has("heapBytesPerContact") && json.has("heapBytesPerCapturedPerson"), json.toString());
    }

    @Test
    void benchCapture_badShare_exitsWith2() {
        CliRun run = CliRun.crm("bench", "capture", "--duplicate-share", "1.5");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--duplicate-share"), run.err());
    }
}
