package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm privacy export} and {@code crm privacy erase} on a store the demo filled. */
class PrivacyCommandTest {

    private static final String LARA = "lara.neumann@gmx.net";
    private static final String LARA_AT_WORK = "l.neumann@neumann-design.de";

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    private void demo() {
        CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-url", h2(), "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
    }

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--as-of", CliRun.AS_OF, "--jdbc-url", h2()));
        return CliRun.crm(all.toArray(String[]::new));
    }

    @Test
    void export_byEmail_printsTheDocument_withTheMergedDuplicatesData() {
        demo();
        CliRun run = crm("privacy", "export", LARA, "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode doc = run.json();
        assertEquals("crmkit-personal-data", doc.get("format").asText());
        assertEquals(1, doc.get("version").asInt());
        List<String> emails = new ArrayList<>();
        doc.get("contact").get("emails").forEach(e -> emails.add(e.asText()));
        assertEquals(List.of(LARA, LARA_AT_WORK), emails);
        assertTrue(doc.get("leads").size() >= 1, doc.toString());
        assertTrue(doc.get("timeline").size() >= 1, doc.toString());
        assertTrue(doc.get("records").size() >= 2, "the contact and the merged-away duplicate");
        assertTrue(doc.has("mergedLeads") && doc.get("mergedLeads").isArray(), "documented member: " + doc);
    }

    @Test
    void erase_byEmail_printsCountsOnly_andLeavesNoEmailInAnyTable() throws Exception {
        demo();
        Path salt = dir.resolve("salt");
        CliRun run = crm("privacy", "erase", LARA, "--reason", "asked by letter", "--salt-file", salt.toString(),
                "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals(1, json.get("rows").get("contact_point").asInt() > 0 ? 1 : 0, json.toString());
        assertTrue(json.get("rows").get("lead").asInt() >= 1, json.toString());
        assertEquals(json.get("total").asLong(), sum(json.get("rows")));
        assertFalse(run.out().toLowerCase(Locale.ROOT).contains("neumann"), run.out());
        assertTrue(Files.readString(salt).strip().matches("[0-9a-f]{64}"));
        if (salt.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(salt)), "the salt is readable by its owner only");
        }
        String dump = StoreDump.h2(dir.resolve("crm")).toLowerCase(Locale.ROOT);
        assertFalse(dump.contains(LARA), "the e-mail is gone");
        assertFalse(dump.contains(LARA_AT_WORK), "the merged duplicate's e-mail is gone");
        assertFalse(dump.contains("lara"), "the given name is gone");

        CliRun again = crm("privacy", "export", LARA);
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("nobody is stored under " + LARA), again.err());
    }

    @Test
    void erase_text_listsTablesWithCounts() {
        demo();
        CliRun run = crm("privacy", "erase", LARA_AT_WORK, "--reason", "asked", "--salt-file",
                dir.resolve("salt").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Erased contact "), run.out());
        assertTrue(run.out().contains("  contact "), run.out());
    }

    @Test
    void erase_unknownPerson_exits1_andBlankReason_exits2() {
        demo();
        CliRun unknown = crm("privacy", "erase", "nobody@example.org", "--reason", "asked", "--salt-file",
                dir.resolve("salt").toString());
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("nobody is stored under nobody@example.org"), unknown.err());
        CliRun blank = crm("privacy", "erase", LARA, "--reason", " ", "--salt-file", dir.resolve("salt").toString());
        assertEquals(2, blank.exitCode(), blank.toString());
        assertTrue(blank.err().contains("--reason"), blank.err());
        CliRun bad = crm("privacy", "export", "not a person");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("person"), bad.err());
    }

    private static long sum(JsonNode rows) {
        long n = 0;
        for (JsonNode v : rows) {
            n += v.asLong();
        }
        return n;
    }

    private CliRun retain(String... args) {
        List<String> all = new ArrayList<>(List.of("privacy", "retain"));
        all.addAll(List.of(args));
        all.addAll(List.of("--as-of", "2035-01-01", "--jdbc-url", h2()));
        return CliRun.crm(all.toArray(String[]::new));
    }

    @Test
    void retain_dryRunCountsWhatTheRunDoes_andASecondRunChangesNothing() {
        demo();
        String before = StoreDump.h2(dir.resolve("crm"));
        CliRun dry = retain("--dry-run", "--timeline", "P3Y", "--format", "json");
        assertEquals(0, dry.exitCode(), dry.toString());
        JsonNode planned = dry.json();
        assertTrue(planned.get("dryRun").asBoolean());
        assertTrue(planned.get("counts").get("contact").asLong() > 0, planned.toString());
        assertTrue(planned.get("counts").get("lead").asLong() >= planned.get("counts").get("contact").asLong());
        assertTrue(planned.get("counts").get("activity").asLong() > 0, planned.toString());
        assertEquals(before, StoreDump.h2(dir.resolve("crm")), "a dry run changes nothing");

        CliRun run = retain("--timeline", "P3Y", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(run.json().get("dryRun").asBoolean());
        assertEquals(planned.get("counts"), run.json().get("counts"));
        assertEquals(run.json().get("total").asLong(), sum(run.json().get("counts")));

        CliRun again = retain("--timeline", "P3Y", "--format", "json");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, again.json().get("total").asLong(), again.out());
    }

    @Test
    void retain_text_byDefault_andABadPeriod_exits2NamingTheOption() {
        demo();
        CliRun run = retain();
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Retention as of 2035-01-01T23:59:59.999999999Z: "), run.out());
        assertTrue(run.out().contains("  contact "), run.out());
        assertTrue(run.out().contains("  task "), run.out());
        CliRun bad = retain("--closed-tasks", "3 years");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--closed-tasks"), bad.err());
        CliRun zero = retain("--never-converted", "P0D");
        assertEquals(2, zero.exitCode(), zero.toString());
        assertTrue(zero.err().contains("--never-converted"), zero.err());
    }
}
