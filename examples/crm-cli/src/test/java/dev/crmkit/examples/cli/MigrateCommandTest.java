package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm migrate} on an H2 database: the example mapping over a generated export, dry run, run, second run. */
class MigrateCommandTest {

    private static final String MAPPING = Path.of("..", "..", "docs", "migration", "hubspot-mapping.json")
            .toString();

    @TempDir
    Path dir;

    private String url;
    private Path csv;
    private HubspotExport export;

    @BeforeEach
    void prepare() throws IOException {
        url = "jdbc:h2:file:" + dir.resolve("db").resolve("crm");
        csv = Files.createDirectories(dir.resolve("csv"));
        export = HubspotExport.write(csv, 5L);
        CliRun pipelines = CliRun.crm("pipeline", "show", "--as-of", CliRun.AS_OF, "--pipeline", "Lead pipeline",
                "--jdbc-url", url);
        assertEquals(0, pipelines.exitCode(), pipelines.toString());
    }

    private CliRun migrate(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("migrate", "--as-of",
                CliRun.AS_OF, "--mapping", MAPPING, "--dir", csv.toString(), "--jdbc-url", url));
        args.addAll(java.util.List.of(more));
        return CliRun.crm(args.toArray(String[]::new));
    }

    @Test
    void dryRun_thenRun_thenAgain() {
        CliRun dry = migrate("--dry-run", "--format", "json");
        CliRun run = migrate("--format", "json");
        CliRun again = migrate();

        assertEquals(0, dry.exitCode(), dry.toString());
        JsonNode d = dry.json();
        assertTrue(d.get("dryRun").asBoolean());
        assertEquals(export.bad.size(), d.get("rejections").size());
        JsonNode r = run.json();
        assertEquals(d.get("counts"), r.get("counts"), "the dry run said what the run did");
        assertEquals(d.get("rejections"), r.get("rejections"));
        assertEquals(5, r.get("counts").get("companies").get("created").asInt());
        assertEquals(11, r.get("counts").get("contacts").get("created").asInt(), "no contact was there before");
        assertEquals(0, r.get("counts").get("contacts").get("merged").asInt());
        assertEquals(8, r.get("counts").get("deals").get("created").asInt());
        assertEquals(12, r.get("counts").get("activities").get("created").asInt());
        assertEquals(6, r.get("counts").get("tasks").get("created").asInt());
        JsonNode firstBad = r.get("rejections").get(0);
        assertEquals("companies.csv", firstBad.get("file").asText());
        assertEquals(7, firstBad.get("line").asInt());
        assertEquals("name", firstBad.get("problems").get(0).get("field").asText());
        assertEquals("required", firstBad.get("problems").get(0).get("rule").asText());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().startsWith("Migrated from hubspot into H2 "), again.out());
        assertTrue(again.out().contains("  companies          0        0        5        1"), again.out());
        assertTrue(again.out().contains("rejected: deals.csv line " + export.bad.stream()
                .filter(b -> b.file().equals("deals.csv")).findFirst().orElseThrow().line()
                + " (source id 390): stage: value-map: column 'Deal Stage' value 'Negotiating Hard'"), again.out());
    }

    @Test
    void aMappingThatDoesNotFit_isRefusedWithPathAndRule_writingNothing() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": 1, \"system\": \"hubspot\", \"deals\": {\"file\": \"deals.csv\", "
                + "\"id\": \"Record ID\", \"columns\": {\"title\": \"Deal Name\", \"stage\": \"Stage\"}}}");
        CliRun wrongColumn = CliRun.crm("migrate", "--as-of", CliRun.AS_OF, "--mapping", bad.toString(), "--dir",
                csv.toString(), "--jdbc-url", url);
        Files.writeString(bad, "{\"format\": 1, \"system\": \"hubspot\", \"deals\": {\"fil\": \"deals.csv\"}}");
        CliRun badKey = CliRun.crm("migrate", "--as-of", CliRun.AS_OF, "--mapping", bad.toString(), "--dir",
                csv.toString(), "--jdbc-url", url);
        CliRun noFolder = CliRun.crm("migrate", "--as-of", CliRun.AS_OF, "--mapping", MAPPING, "--dir",
                dir.resolve("missing").toString(), "--jdbc-url", url);
        CliRun after = migrate("--dry-run", "--format", "json");

        assertEquals(2, wrongColumn.exitCode(), wrongColumn.toString());
        assertTrue(wrongColumn.err().contains("deals.columns.stage: column: deals.csv has no column 'Stage'"),
                wrongColumn.err());
        assertEquals(2, badKey.exitCode(), badKey.toString());
        assertTrue(badKey.err().contains("deals.fil: known-key"), badKey.err());
        assertTrue(badKey.err().contains("deals.file: required"), badKey.err());
        assertEquals(2, noFolder.exitCode(), noFolder.toString());
        assertTrue(noFolder.err().contains("is not a folder"), noFolder.err());
        assertEquals(5, after.json().get("counts").get("companies").get("created").asInt(), "nothing was written");
    }

    @Test
    void anUnreadableRow_endsTheRunNamingFileAndLine_aDryRunStillWritesNothing() throws IOException {
        byte[] text = Files.readAllBytes(csv.resolve("tasks.csv"));
        byte[] broken = new byte[text.length + 1];
        System.arraycopy(text, 0, broken, 0, text.length);
        broken[text.length] = (byte) 0xFF; // not UTF-8, on the line after the last row
        Files.write(csv.resolve("tasks.csv"), broken);

        CliRun dry = migrate("--dry-run");
        CliRun after = migrate("--dry-run", "--format", "json");

        assertEquals(1, dry.exitCode(), dry.toString());
        assertTrue(dry.err().startsWith("crm: tasks.csv: line 9"), dry.err());
        assertEquals(1, after.exitCode(), after.toString());
        Files.write(csv.resolve("tasks.csv"), text);
        CliRun fixed = migrate("--dry-run", "--format", "json");
        assertEquals(5, fixed.json().get("counts").get("companies").get("created").asInt(),
                "the failed dry runs wrote nothing");
    }
}
