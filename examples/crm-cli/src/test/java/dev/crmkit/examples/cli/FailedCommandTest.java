package dev.crmkit.examples.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A command that fails leaves the store exactly as it was: the dump of every {@code crm_} table is the same before
 * and after, byte for byte.
 */
class FailedCommandTest {

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void storeWithLeadsButNoPipelinesYet() throws IOException {
        url = "jdbc:h2:file:" + dir.resolve("crm");
        Path csv = Files.writeString(dir.resolve("leads.csv"), """
                first_name,last_name,email,company,external_id
                Ann,Berg,ann@example.com,Example GmbH,w-1
                Bob,Cole,bob@example.org,Other AG,w-2
                """);
        CliRun imported = CliRun.crm("import", "--as-of", CliRun.AS_OF, csv.toString(), "--jdbc-url", url, "--no-progress");
        assertEquals(0, imported.exitCode(), imported.toString());
    }

    private void assertFailsAndChangesNothing(int exitCode, String... args) {
        String before = StoreDump.h2(dir.resolve("crm"));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--jdbc-url";
        all[args.length + 1] = url;
        all[args.length + 2] = "--as-of";
        all[args.length + 3] = CliRun.AS_OF;

        CliRun run = CliRun.crm(all);

        assertEquals(exitCode, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        String after = StoreDump.h2(dir.resolve("crm"));
        assertEquals(before, after, () -> "the failed command changed the store: " + run + "\n"
                + StoreDump.difference(before, after));
    }

    @Test
    void dealMove_ofAnUnknownDealId_changesNothing() {
        assertFailsAndChangesNothing(1, "deal", "move", "00000000-0000-4000-8000-000000000001", "Won");
    }

    @Test
    void dealMove_ofAnUnknownDealTitle_changesNothing() {
        assertFailsAndChangesNothing(1, "deal", "move", "no such deal", "Won");
    }

    @Test
    void dealMove_ofAnUnknownDeal_withAPipelinesFileThatRevisesOne_changesNothing() throws IOException {
        CliRun.crm("pipeline", "show", "--as-of", CliRun.AS_OF, "--jdbc-url", url); // the presets are stored now
        Path revised = Files.writeString(dir.resolve("pipelines.json"), """
                {"pipelines": [{"name": "B2B", "stages": [
                  {"name": "Open", "probability": 10},
                  {"name": "Won", "kind": "won"},
                  {"name": "Lost", "kind": "lost"}]}]}""");

        assertFailsAndChangesNothing(1, "deal", "move", "no such deal", "Won", "--pipelines", revised.toString());
    }

    @Test
    void pipelineShow_ofAnUnknownPipeline_changesNothing() {
        assertFailsAndChangesNothing(1, "pipeline", "show", "--pipeline", "no such pipeline");
    }

    @Test
    void score_ofAnUnknownLead_changesNothing() {
        assertFailsAndChangesNothing(1, "score", "nobody@example.com");
    }

    @Test
    void import_ofAMissingFile_changesNothing() {
        assertFailsAndChangesNothing(1, "import", dir.resolve("missing.csv").toString(), "--no-progress");
    }

    @Test
    void storeDump_seesAChange() throws IOException {
        String before = StoreDump.h2(dir.resolve("crm"));
        Path csv = Files.writeString(dir.resolve("more.csv"), "email\ncarla@example.net\n");

        assertEquals(0, CliRun.crm("import", "--as-of", CliRun.AS_OF, csv.toString(), "--jdbc-url", url, "--no-progress").exitCode());

        assertNotEquals(before, StoreDump.h2(dir.resolve("crm")));
    }
}
