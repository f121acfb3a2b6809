package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportCommandTest {

    private static final String HEADER = "first_name,last_name,email,phone,company,source,external_id";

    @TempDir
    Path dir;

    /** {@code crm import} with the arguments, into an H2 database in the test's folder. */
    private CliRun importing(String... args) {
        List<String> all = new ArrayList<>(List.of("import"));
        all.addAll(List.of(args));
        all.addAll(List.of("--jdbc-url", "jdbc:h2:file:" + dir.resolve("crm")));
        return CliRun.crm(all.toArray(String[]::new));
    }

    private Path csv(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void import_goodDuplicateAndBadRow_countsEachAndWritesTheBadRowToTheRejectsFile() throws IOException {
        Path file = csv("leads.csv", HEADER,
                "Jane,Doe,jane.doe@acme-tools.de,030 1234567,ACME Tools GmbH,web form,f-1",
                "Jane,Doe, JANE.DOE@ACME-TOOLS.DE ,+49 30 1234567,,chat,f-2",
                "Max,Mustermann,max@@example,,,web form,f-3");

        CliRun run = importing(file.toString(), "--format", "json", "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals(1, json.get("created").asInt());
        assertEquals(1, json.get("contactsCreated").asInt());
        assertEquals(1, json.get("duplicates").asInt());
        assertEquals(1, json.get("rejected").asInt());
        Path rejects = dir.resolve("leads.rejects.csv");
        assertEquals(rejects.toString(), json.get("rejectsFile").asText());
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("line,reason," + HEADER, lines.get(0));
        assertTrue(lines.get(1).startsWith("4,\"email: 'max@@example' is not an e-mail address [format]\",Max,"),
                lines.get(1));
    }

    @Test
    void import_rowAfterAQuotedLineBreak_isRejectedWithItsPhysicalLine() throws IOException {
        Path file = csv("multi.csv", "first_name,email,request",
                "Ann,ann@example.com,\"first line", "second line\"",
                "",
                "Bob,,no contact at all");

        CliRun run = importing(file.toString(), "--rejects", dir.resolve("bad.csv").toString(),
                "--format", "json", "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        List<String> rejects = Files.readAllLines(dir.resolve("bad.csv"), StandardCharsets.UTF_8);
        assertTrue(rejects.get(1).startsWith("5,\"email: a lead needs an e-mail address or a phone number"),
                rejects.toString());
    }

    @Test
    void import_unknownColumn_isReportedOnceAndRejectsNothing() throws IOException {
        Path file = csv("extra.csv", "first_name,email,favourite_colour,product",
                "Ann,ann@example.com,green,crm-pro",
                "Bob,bob@example.com,blue,crm-starter");

        CliRun run = importing(file.toString(), "--format", "json", "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(2, run.json().get("created").asInt());
        assertEquals(0, run.json().get("rejected").asInt());
        assertEquals("favourite_colour", run.json().get("unknownColumns").get(0).asText());
        assertEquals(1, run.json().get("unknownColumns").size());
        assertEquals(1, run.err().split("favourite_colour", -1).length - 1, run.err());
        assertFalse(Files.exists(dir.resolve("extra.rejects.csv")));
    }

    @Test
    void import_unknownSourceIsKept_badTimeRejectsTheRowNamingTheColumn() throws IOException {
        Path file = csv("sources.csv", "email,source,submitted_at",
                "ann@example.com,carrier pigeon,",
                "bob@example.com,web form,yesterday",
                "cid@example.com,,2026-11-22T07:42:00+01:00");

        CliRun run = importing(file.toString(), "--format", "json", "--no-progress");

        assertEquals(2, run.json().get("created").asInt(), run.toString());
        assertEquals(1, run.json().get("rejected").asInt());
        String rejects = Files.readString(dir.resolve("sources.rejects.csv"));
        assertFalse(rejects.contains("carrier pigeon"), rejects);
        assertTrue(rejects.contains("3,\"submitted_at: 'yesterday' is not an ISO 8601 time"), rejects);
    }

    @Test
    void import_text_printsCountsAndTheRejectsFile() throws IOException {
        Path file = csv("text.csv", HEADER, "Jane,Doe,,not a phone,,,", "Jim,Doe,jim@example.com,,,,");

        CliRun run = importing(file.toString(), "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("new leads          1"), run.out());
        assertTrue(run.out().contains("rejected           1  (written to " + dir.resolve("text.rejects.csv")),
                run.out());
    }

    @Test
    void import_badFormatValue_exitsWith2AndOneLine() throws IOException {
        Path file = csv("any.csv", HEADER);

        CliRun run = importing(file.toString(), "--format", "xml");

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("crm: Invalid value for option '--format'"), run.err());
        assertTrue(run.err().strip().endsWith("(see crm import --help)"), run.err());
    }

    @Test
    void import_badRegion_exitsWith2() throws IOException {
        CliRun run = importing(csv("r.csv", HEADER).toString(), "--default-region", "Germany");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--default-region"), run.err());
    }

    @Test
    void import_missingFile_exitsWith1AndOneLine() {
        CliRun run = importing(dir.resolve("nope.csv").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("crm: cannot read " + dir.resolve("nope.csv") + ": no such file", run.err().strip());
    }

    @Test
    void import_unclosedQuote_exitsWith1NamingTheFile() throws IOException {
        Path file = csv("broken.csv", "email,request", "ann@example.com,\"never closed", "bob@example.com,fine");

        CliRun run = importing(file.toString(), "--no-progress");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("crm: cannot import " + file + ": "), run.err());
    }

    @Test
    void import_rejectsIntoTheInputFile_isRefused() throws IOException {
        Path file = csv("self.csv", HEADER);

        CliRun run = importing(file.toString(), "--rejects", file.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(List.of(HEADER), Files.readAllLines(file));
    }

    @Test
    void import_emptyFile_exitsWith1() throws IOException {
        CliRun run = importing(csv("empty.csv").toString(), "--no-progress");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("crm: the file is empty"), run.err());
    }

    @Test
    void import_twiceIntoTheSameDatabase_recognizesTheRowsWithAnExternalId() throws IOException {
        Path file = csv("again.csv", HEADER,
                "Jane,Doe,jane.doe@acme-tools.de,030 1234567,ACME Tools GmbH,web form,f-1",
                "Jim,Doe,jim@example.com,,,chat,f-2",
                "Max,Mustermann,max@@example,,,web form,f-3");

        JsonNode first = importing(file.toString(), "--format", "json", "--no-progress").json();
        JsonNode second = importing(file.toString(), "--format", "json", "--no-progress").json();

        assertEquals(2, first.get("created").asInt());
        assertEquals(0, second.get("created").asInt());
        assertEquals(2, second.get("alreadyCaptured").asInt());
        assertEquals(1, second.get("rejected").asInt());
        assertEquals(2, second.get("storeTotals").get("leads").asInt());
        assertEquals(2, second.get("storeTotals").get("contacts").asInt());
    }

    @Test
    void import_inMemory_startsEmptyEachTime() throws IOException {
        Path file = csv("mem.csv", HEADER, "Jim,Doe,jim@example.com,,,chat,f-2");

        JsonNode first = CliRun.crm("import", file.toString(), "--in-memory", "--format", "json", "--no-progress")
                .json();
        JsonNode second = CliRun.crm("import", file.toString(), "--in-memory", "--format", "json", "--no-progress")
                .json();

        assertEquals(1, first.get("created").asInt());
        assertEquals(1, second.get("created").asInt());
        assertTrue(second.get("store").asText().startsWith("in memory"), second.toString());
    }

    @Test
    void import_batchesOfOneRow_countAndRejectLikeOneBatch() throws IOException {
        Path file = csv("small.csv", HEADER,
                "Jane,Doe,jane.doe@acme-tools.de,030 1234567,ACME Tools GmbH,web form,f-1",
                "Jane,Doe, JANE.DOE@ACME-TOOLS.DE ,+49 30 1234567,,chat,f-2",
                "Max,Mustermann,max@@example,,,web form,f-3",
                "Jim,Doe,jim@example.com,,,chat,f-4");

        CliRun run = importing(file.toString(), "--batch-size", "1", "--format", "json", "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(2, run.json().get("created").asInt());
        assertEquals(1, run.json().get("folded").asInt());
        assertEquals(1, run.json().get("rejected").asInt());
        assertTrue(Files.readString(dir.resolve("small.rejects.csv")).contains("4,\"email: 'max@@example'"));
    }

    @Test
    void import_batchSizeZero_exitsWith2() throws IOException {
        CliRun run = importing(csv("z.csv", HEADER).toString(), "--batch-size", "0");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--batch-size must be at least 1"), run.err());
    }
}
