package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm export --out DIR} and {@code crm import --from-export DIR [--merge]} between H2 databases. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private String source;

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).resolve("crm");
    }

    /** A database with leads, contacts, companies and timeline entries of a CSV with hostile text. */
    @BeforeEach
    void fillSource() throws IOException {
        source = url("source");
        Path csv = dir.resolve("leads.csv");
        Files.write(csv, List.of("first_name,last_name,email,phone,company,external_id,request",
                "Zoë,\"O'Brien \"\"Z\"\" 😀\",zoe@example.com,+49 30 901820,\"Acme; DROP TABLE x\",f-1,"
                        + "\"line 1\nline 2 \\ back\tslash\"",
                "Jan,Nowak,jan@example.com,,Ünïcode GmbH,f-2,call me",
                "Ann,Lee,,+1 212 555 0100,,f-3,\"=1+2\""), StandardCharsets.UTF_8);
        CliRun imported = CliRun.crm("import", "--as-of", CliRun.AS_OF, csv.toString(), "--jdbc-url", source,
                "--no-progress");
        assertEquals(0, imported.exitCode(), imported.toString());
    }

    private CliRun export(String url, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--out", out.toString(), "--jdbc-url", url));
        args.addAll(List.of(more));
        return CliRun.crm(args.toArray(String[]::new));
    }

    private CliRun restore(String url, Path from, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("import", "--as-of", CliRun.AS_OF, "--from-export",
                from.toString(), "--jdbc-url", url));
        args.addAll(List.of(more));
        return CliRun.crm(args.toArray(String[]::new));
    }

    @Test
    void exportThenImport_intoAnotherDatabase_exportsTheSameBytes() throws IOException {
        CliRun exported = export(source, dir.resolve("one"), "--format", "json");
        CliRun restored = restore(url("target"), dir.resolve("one"));
        CliRun again = export(url("target"), dir.resolve("two"));

        assertEquals(0, exported.exitCode(), exported.toString());
        JsonNode json = exported.json();
        assertEquals(1, json.get("formatVersion").asInt());
        assertTrue(json.get("records").asLong() >= 9, exported.out());
        assertEquals(0, restored.exitCode(), restored.toString());
        assertTrue(restored.out().startsWith("Imported the export in "), restored.out());
        assertEquals(0, again.exitCode(), again.toString());
        try (Stream<Path> files = Files.list(dir.resolve("one"))) {
            for (Path file : files.toList()) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(dir.resolve("two")
                        .resolve(file.getFileName())), file.getFileName().toString());
            }
        }
        assertTrue(Files.readString(dir.resolve("one").resolve("leads.jsonl")).contains("line 1\\nline 2"),
                "the new line inside a value is escaped, one record per line");
    }

    @Test
    void import_refusesAChangedFile_namingIt_andANonEmptyStoreUnlessMerge() throws IOException {
        assertEquals(0, export(source, dir.resolve("one")).exitCode());
        Path contacts = dir.resolve("one").resolve("contacts.jsonl");
        String original = Files.readString(contacts);
        Files.writeString(contacts, original.replace("Nowak", "Nowax"));

        CliRun tampered = restore(url("target"), dir.resolve("one"));
        Files.writeString(contacts, original);
        CliRun intoItself = restore(source, dir.resolve("one"));
        CliRun merged = restore(source, dir.resolve("one"), "--merge", "--format", "json");

        assertEquals(1, tampered.exitCode(), tampered.toString());
        assertTrue(tampered.err().contains("contacts.jsonl: SHA-256 is "), tampered.err());
        assertTrue(tampered.err().contains("nothing was imported"), tampered.err());
        assertEquals(1, intoItself.exitCode(), intoItself.toString());
        assertTrue(intoItself.err().contains("the store is not empty"), intoItself.err());
        assertEquals(0, merged.exitCode(), merged.toString());
        assertEquals(0, merged.json().get("restored").asLong(), "every record is there already: " + merged.out());
        assertEquals(3, merged.json().get("recordTypes").get(0).get("kept").asLong(), merged.out());
    }

    @Test
    void badCombinations_areRefusedAsArguments() throws IOException {
        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full").resolve("x"), "x");

        CliRun notEmpty = export(source, dir.resolve("full"));
        CliRun both = CliRun.crm("import", "--as-of", CliRun.AS_OF, "leads.csv", "--from-export", "x",
                "--in-memory");
        CliRun mergeAlone = CliRun.crm("import", "--as-of", CliRun.AS_OF, "leads.csv", "--merge", "--in-memory");
        CliRun csvOption = CliRun.crm("import", "--as-of", CliRun.AS_OF, "--from-export", "x", "--rejects", "r.csv",
                "--in-memory");
        CliRun neither = CliRun.crm("import", "--as-of", CliRun.AS_OF, "--in-memory");

        assertEquals(2, notEmpty.exitCode(), notEmpty.toString());
        assertTrue(notEmpty.err().contains("is not empty"), notEmpty.err());
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("exclude each other"), both.err());
        assertEquals(2, mergeAlone.exitCode(), mergeAlone.toString());
        assertTrue(mergeAlone.err().contains("--merge goes with --from-export"), mergeAlone.err());
        assertEquals(2, csvOption.exitCode(), csvOption.toString());
        assertTrue(csvOption.err().contains("--rejects is an option of a CSV import"), csvOption.err());
        assertEquals(2, neither.exitCode(), neither.toString());
    }
}
