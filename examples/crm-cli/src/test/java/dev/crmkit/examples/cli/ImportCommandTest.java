package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.examples.cli.leadimport.CsvRecords;
import dev.crmkit.examples.cli.leadimport.RejectsFile;
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
        List<String> all = new ArrayList<>(List.of("import", "--as-of", CliRun.AS_OF));
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
        assertEquals(1, run.json().get("unknownSources").asInt(), run.toString());
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
    void import_unclosedQuote_isRefusedBeforeAnyRowIsStored() throws IOException {
        storeHolding("Old,Row,old@example.com,,,,o-1");
        String before = StoreDump.h2(dir.resolve("crm"));
        Path file = csv("broken.csv", "email,request", "ann@example.com,fine", "bob@example.com,\"never closed",
                "cid@example.com,fine");

        CliRun run = importing(file.toString(), "--no-progress");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("crm: cannot import " + file + ": line 3: a quoted value of the record "
                + "starting here is not closed"), run.err());
        assertTrue(run.err().strip().endsWith("nothing was imported"), run.err());
        assertEquals("", StoreDump.difference(before, StoreDump.h2(dir.resolve("crm"))), "ann was stored");
    }

    /** Imports one row first, so that the store holds data a refused import must leave as it is. */
    private void storeHolding(String row) throws IOException {
        CliRun first = importing(csv("first.csv", HEADER, row).toString(), "--no-progress");
        assertEquals(0, first.exitCode(), first.toString());
    }

    @Test
    void import_latin1WithoutEncoding_isRefusedNamingLineAndByteOffset_andStoresNothing() throws IOException {
        storeHolding("Old,Row,old@example.com,,,,o-1");
        String before = StoreDump.h2(dir.resolve("crm"));
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "\nAnn,Lee,ann@example.com,,,,l-1\nJos\u00e9,Garc\u00eda,jose@example.com,,,,l-2\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = importing(file.toString(), "--no-progress");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        int offset = (HEADER + "\nAnn,Lee,ann@example.com,,,,l-1\nJos").length();
        assertTrue(run.err().startsWith("crm: cannot import " + file + ": line 3, byte offset " + offset
                + ": byte 0xE9 is not valid UTF-8"), run.err());
        assertTrue(run.err().contains("--encoding"), run.err());
        assertEquals("", StoreDump.difference(before, StoreDump.h2(dir.resolve("crm"))), "a row was stored");
    }

    @Test
    void import_latin1WithItsEncoding_storesTheNamesAsWritten() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "\nJos\u00e9,Garc\u00eda,jose@example.com,,,,l-2\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = importing(file.toString(), "--encoding", "ISO-8859-1", "--format", "json", "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(1, run.json().get("created").asInt());
        String dump = StoreDump.h2(dir.resolve("crm"));
        assertTrue(dump.contains("Jos\u00e9") && dump.contains("Garc\u00eda"), dump);
        assertFalse(dump.contains("\uFFFD"), dump);
    }

    @Test
    void import_rejectsIntoAFolderThatDoesNotExist_isRefusedBeforeAnythingIsStored() throws IOException {
        Path file = csv("ok.csv", HEADER, "Jim,Doe,jim@example.com,,,,f-2", "Max,Mustermann,max@@example,,,,f-3");
        Path nowhere = dir.resolve("missing").resolve("rejects.csv");

        CliRun run = importing(file.toString(), "--rejects", nowhere.toString(), "--no-progress");

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("rejected rows cannot be written to " + nowhere), run.err());
        assertFalse(Files.exists(dir.resolve("crm.mv.db")), "the database was opened");
    }

    @Test
    void import_jsonOrBinaryFile_isNotALeadCsv_andNothingOfItIsEchoed() throws IOException {
        Path json = csv("leads.json", "{\"email\": \"ann@example.com\"}");
        Path binary = dir.resolve("image.csv");
        Files.write(binary, new byte[] {0x00, 0x01, 0x02, 'P', 'N', 'G', 0x1B, '[', '2', 'J', '\n', 0x7F, '\n'});
        Path random = dir.resolve("random.csv");
        Files.write(random, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

        for (Path file : List.of(json, binary, random)) {
            CliRun run = importing(file.toString(), "--no-progress");

            assertEquals(1, run.exitCode(), run.toString());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("crm: cannot import " + file + ": "), run.err());
            assertTrue(run.err().chars().noneMatch(c -> c < 0x20 && c != '\n'), run.err());
            assertFalse(run.err().contains("PNG"), run.err());
        }
        assertTrue(importing(json.toString(), "--no-progress").err()
                .contains("not a lead CSV file: its first line names none of the lead columns"));
    }

    @Test
    void import_semicolonsOrTabs_areDetected_andAnyDelimiterCanBeGiven() throws IOException {
        Path semicolons = csv("excel.csv", "first_name;email;company", "Ann;ann@example.com;\"Lee, Sons\"");
        Path tabs = csv("tabs.csv", "first_name\temail", "Bob\tbob@example.com");
        Path pipes = csv("pipes.csv", "first_name|email", "Cid|cid@example.com");

        assertEquals(1, importing(semicolons.toString(), "--format", "json", "--no-progress").json().get("created")
                .asInt());
        assertEquals(1, importing(tabs.toString(), "--format", "json", "--no-progress").json().get("created")
                .asInt());
        CliRun withoutDelimiter = importing(pipes.toString(), "--no-progress");
        assertEquals(1, withoutDelimiter.exitCode(), withoutDelimiter.toString());
        assertTrue(withoutDelimiter.err().contains("--delimiter"), withoutDelimiter.err());
        assertEquals(1, importing(pipes.toString(), "--delimiter", "|", "--format", "json", "--no-progress").json()
                .get("created").asInt());
        assertEquals(2, importing(pipes.toString(), "--delimiter", "||").exitCode());
    }

    @Test
    void import_formulaCellsInTheRejectsFile_getAQuote_andTheOriginalsAreRecoverable() throws IOException {
        Path file = csv("formulas.csv", "first_name,last_name,email,request",
                "\"=HYPERLINK(\"\"http://evil\"\")\",+1,bad@@example,-2+3",
                "@SUM(A1),'quoted,,\"\tTab\"");

        CliRun run = importing(file.toString(), "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = Files.readAllLines(dir.resolve("formulas.rejects.csv"), StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).endsWith(",\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+1\",bad@@example,\"'-2+3\""),
                lines.get(1));
        try (var records = CsvRecords.open(
                Files.newInputStream(dir.resolve("formulas.rejects.csv")))) {
            List<String> first = records.next().cells();
            List<String> second = records.next().cells();
            assertEquals(List.of("'@SUM(A1)", "''quoted", "", "'\tTab"), second.subList(2, 6));
            assertEquals(List.of("=HYPERLINK(\"http://evil\")", "+1", "bad@@example", "-2+3"), first.subList(2, 6)
                    .stream().map(RejectsFile::original).toList());
            assertEquals(List.of("@SUM(A1)", "'quoted", "", "\tTab"), second.subList(2, 6).stream()
                    .map(RejectsFile::original).toList());
        }
    }

    @Test
    void import_withoutRejects_removesTheRejectsFileOfAnEarlierRun() throws IOException {
        Path file = csv("again.csv", HEADER, "Max,Mustermann,max@@example,,,,f-3");
        assertEquals(0, importing(file.toString(), "--no-progress").exitCode());
        assertTrue(Files.exists(dir.resolve("again.rejects.csv")));

        csv("again.csv", HEADER, "Max,Mustermann,max@example.com,,,,f-3");
        CliRun run = importing(file.toString(), "--format", "json", "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.json().get("rejectsFile").isNull());
        assertFalse(Files.exists(dir.resolve("again.rejects.csv")), "the old rejects were left");
    }

    @Test
    void import_summary_countsUnknownSources() throws IOException {
        Path file = csv("known.csv", HEADER, "Jim,Doe,jim@example.com,,,chat,f-2");

        CliRun json = importing(file.toString(), "--format", "json", "--no-progress");
        CliRun text = CliRun.crm("import", "--as-of", CliRun.AS_OF, file.toString(), "--in-memory", "--no-progress");

        assertEquals(0, json.json().get("unknownSources").asInt(), json.toString());
        assertTrue(text.out().contains("Imported " + file + ": 1 row\n"), text.out());
        assertTrue(text.out().contains("  unknown source     0  (source named no known channel"), text.out());
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
        assertTrue(run.err().startsWith("crm: cannot import " + dir.resolve("empty.csv") + ": the file is empty"),
                run.err());
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

        JsonNode first = CliRun.crm("import", "--as-of", CliRun.AS_OF, file.toString(), "--in-memory", "--format", "json", "--no-progress")
                .json();
        JsonNode second = CliRun.crm("import", "--as-of", CliRun.AS_OF, file.toString(), "--in-memory", "--format", "json", "--no-progress")
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
