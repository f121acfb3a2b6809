package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicatesScanCommandTest {

    private static final String HEADER = "id,first_name,last_name,email,phone,street,postal_code,city,region,"
            + "country,birthday,national_id,loyalty_tier\n";

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path contacts() throws IOException {
        return file(HEADER
                + "c1,Katherine,Smith,katherine.smith@example.org,+49 30 901820,12 Main Street,20095,Hamburg,HH,DE,"
                + "1956-02-03,,gold\n"
                + "c2,Kathy,Smyth,,030 901820,12 Main St.,20095,Hamburg,,DE,1956-02-03,,\n"
                + "c3,Robert,Zimmermann,bob@example.com,+1 415 555 0199,3 Oak Road,94110,San Francisco,CA,US,"
                + "1971-11-27,,silver\n"
                + "c4,Quentin,Abernathy,q.abernathy@example.net,not a number,77 Elm Lane,10001,New York,NY,US,"
                + "1956-02-30,123456789,\n"
                + "c5,Abernathy,Quentin,,,77 Elm Ln,10001,New York,NY,US,1956-02-30,123456789,\n");
    }

    @Test
    void scan_json_findsTheFuzzyDuplicatesAndExplainsThem() throws IOException {
        CliRun run = CliRun.crm("duplicates", "scan", contacts().toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals(5, json.get("records").asInt());
        assertTrue(json.get("candidatePairs").asInt() >= 2);
        List<String> found = new ArrayList<>();
        for (JsonNode pair : json.get("pairs")) {
            found.add(pair.get("a").asText() + "~" + pair.get("b").asText());
            assertTrue(pair.get("score").asDouble() >= 0.8 && pair.get("score").asDouble() <= 1, pair.toString());
            assertEquals(9, pair.get("reasons").size(), pair.toString());
        }
        assertEquals(List.of("c1~c2", "c4~c5"), found.stream().sorted().toList());
        String reasons = json.get("pairs").toString();
        assertTrue(reasons.contains("nickname or variant"), reasons);
        assertTrue(reasons.contains("first and last name swapped"), reasons);
        assertTrue(reasons.contains("'1956-02-30' is not a date, compared as text"), reasons);
        assertEquals("[[\"c1\",\"c2\"],[\"c4\",\"c5\"]]", json.get("clusters").toString());
    }

    @Test
    void scan_text_printsEachPairWithItsReasons() throws IOException {
        CliRun run = CliRun.crm("duplicates", "scan", contacts().toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("5 records, "), run.out());
        assertTrue(run.out().contains("c1 ~ c2  score "), run.out());
        assertTrue(run.out().contains("first name VARIANT"), run.out());
        assertTrue(run.out().contains("clusters:"), run.out());
    }

    @Test
    void scan_threshold_isUsedAndEchoed() throws IOException {
        CliRun run = CliRun.crm("duplicates", "scan", contacts().toString(), "--threshold", "0.5", "--format",
                "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(0.5, run.json().get("threshold").asDouble());
        for (JsonNode pair : run.json().get("pairs")) {
            assertTrue(pair.get("score").asDouble() >= 0.5, pair.toString());
        }
    }

    @Test
    void scan_thresholdOutOfRange_isRefusedNamingTheOption() throws IOException {
        CliRun run = CliRun.crm("duplicates", "scan", contacts().toString(), "--threshold", "1.5");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--threshold must be greater than 0 and less than 1, was 1.5"), run.err());
    }

    @Test
    void scan_withoutAnIdColumn_namesTheColumn() throws IOException {
        CliRun run = CliRun.crm("duplicates", "scan", file("first_name,last_name\nAnn,Lee\n").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("has no column id"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void scan_repeatedOrEmptyId_namesTheLineAndColumn() throws IOException {
        CliRun repeated = CliRun.crm("duplicates", "scan", file("id,first_name\nx1,Ann\nx1,Bob\n").toString());
        CliRun empty = CliRun.crm("duplicates", "scan", file("id,first_name\nx1,Ann\n ,Bob\n").toString());

        assertEquals(1, repeated.exitCode(), repeated.toString());
        assertTrue(repeated.err().contains("line 3, column id: 'x1' is the id of line 2 already"), repeated.err());
        assertEquals(1, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("line 3, column id: is empty"), empty.err());
    }

    @Test
    void scan_missingFile_saysSo() {
        CliRun run = CliRun.crm("duplicates", "scan", dir.resolve("nope.csv").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    @Test
    void scan_store_readsTheStoresContacts() {
        String h2 = "jdbc:h2:file:" + dir.resolve("crm");
        try (Database db = Database.open(h2, Optional.empty(), Optional.empty(), "crm_")) {
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"),
                    ZoneOffset.UTC)).ids(IdGenerator.seeded(7)).defaultRegion("DE").build();
            crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Katherine", "Smith")
                    .email("katherine.smith@example.com").phone("030 901820").build());
            crm.capture().capture(LeadSubmission.from(Channel.CALL).name("Kathy", "Smith")
                    .email("kathy.smith@example.org").phone("030 901821").build());
            crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Max", "Mustermann")
                    .email("max@gmail.com").build());
        }

        CliRun run = CliRun.crm("duplicates", "scan", "--store", "--jdbc-url", h2, "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(3, run.json().get("records").asInt(), run.out());
        assertEquals(1, run.json().get("pairs").size(), run.out());
        assertTrue(run.json().get("pairs").get(0).get("reasons").toString().contains("'katherine' ~ 'kathy'"),
                run.out());
        assertEquals(1, run.json().get("clusters").size(), run.out());
    }

    @Test
    void scan_withNeitherFileNorStore_saysWhatIsNeeded() {
        CliRun run = CliRun.crm("duplicates", "scan");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("FILE.csv or --store is required"), run.err());
    }
}
