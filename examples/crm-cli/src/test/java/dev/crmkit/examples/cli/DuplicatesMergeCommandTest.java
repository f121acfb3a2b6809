package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm duplicates merge}: the bulk merge of the clusters a scan of the store finds. */
class DuplicatesMergeCommandTest {

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    /** Katherine Smith twice (a nickname, another e-mail, a phone one digit apart) and three other people. */
    private void fill() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"),
                    ZoneOffset.UTC)).ids(IdGenerator.seeded(7)).defaultRegion("DE").build();
            crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Katherine", "Smith")
                    .email("katherine.smith@example.com").phone("030 901820").build());
            crm.capture().capture(LeadSubmission.from(Channel.CALL).name("Kathy", "Smith")
                    .email("kathy.smith@example.org").phone("030 901821").build());
            crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Max", "Mustermann")
                    .email("max@gmail.com").build());
            crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Erika", "Musterfrau")
                    .email("erika@web.de").phone("0171 5550101").build());
        }
    }

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--as-of", CliRun.AS_OF, "--jdbc-url", h2()));
        return CliRun.crm(all.toArray(String[]::new));
    }

    @Test
    void dryRun_listsTheClusterAndChangesNothing() {
        fill();
        String before = StoreDump.h2(dir.resolve("crm"));

        CliRun run = crm("duplicates", "merge", "--dry-run", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(4, run.json().get("records").asInt(), run.out());
        assertEquals(1, run.json().get("clusters").size(), run.out());
        assertEquals(2, run.json().get("clusters").get(0).size(), run.out());
        assertEquals(0, run.json().get("merged").size(), run.out());
        assertEquals(before, StoreDump.h2(dir.resolve("crm")));
    }

    @Test
    void merge_mergesEachCluster_thenAScanFindsNone_andUnmergeRestoresIt() {
        fill();

        CliRun run = crm("duplicates", "merge", "--rule", "oldest", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode merged = run.json().get("merged");
        assertEquals(1, merged.size(), run.out());
        assertEquals("Katherine Smith", merged.get(0).get("name").asText(), run.out());
        assertEquals(1, merged.get(0).get("mergedAway").size(), run.out());
        assertTrue(merged.get(0).get("repointed").asInt() >= 2, run.out()); // the lead and its timeline entries
        CliRun again = CliRun.crm("duplicates", "scan", "--store", "--jdbc-url", h2(), "--format", "json");
        assertEquals(3, again.json().get("records").asInt(), again.out());
        assertEquals(0, again.json().get("clusters").size(), again.out());
        CliRun text = crm("duplicates", "merge");
        assertTrue(text.out().startsWith("3 records, 0 clusters"), text.out());

        CliRun unmerge = crm("unmerge", merged.get(0).get("merge").asText(), "--format", "json");

        assertEquals(0, unmerge.exitCode(), unmerge.toString());
        CliRun restored = CliRun.crm("duplicates", "scan", "--store", "--jdbc-url", h2(), "--format", "json");
        assertEquals(4, restored.json().get("records").asInt(), restored.out());
        assertEquals(1, restored.json().get("clusters").size(), restored.out());
    }
}
