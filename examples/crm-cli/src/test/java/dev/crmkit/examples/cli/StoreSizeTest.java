package dev.crmkit.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The H2 file the {@code crm} program leaves stays near the size of its data: after importing leads and closing,
 * each lead costs at most {@value #BYTES_PER_LEAD} bytes of file (about 2 KB with the compaction on close; about
 * 7.6 KB without it). A size, not a timing.
 */
class StoreSizeTest {

    private static final int LEADS = 500;
    private static final long BYTES_PER_LEAD = 4_000;

    @TempDir
    Path dir;

    @Test
    void import_thenClose_leavesAFileNearItsDataSize() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("crm");
        Path file = dir.resolve("crm.mv.db");
        assertEquals(0, CliRun.crm("pipeline", "show", "--as-of", CliRun.AS_OF, "--jdbc-url", url).exitCode());
        long empty = Files.size(file);

        CliRun run = CliRun.crm("import", "--as-of", CliRun.AS_OF, leads(LEADS).toString(), "--jdbc-url", url, "--no-progress");

        assertEquals(0, run.exitCode(), run.toString());
        long perLead = (Files.size(file) - empty) / LEADS;
        assertTrue(perLead <= BYTES_PER_LEAD, "the file grew by " + perLead + " bytes per lead");
        assertFalse(Files.exists(dir.resolve("crm.trace.db")), "closing a compacted store traces no error");
        assertEquals(LEADS, CliRun.crm("import", "--as-of", CliRun.AS_OF, leads(LEADS).toString(), "--jdbc-url", url, "--no-progress",
                "--format", "json").json().get("alreadyCaptured").asInt(), "the compacted file still holds them");
    }

    @Test
    void compaction_appliesToEmbeddedFilesOnly() {
        assertTrue(H2Compaction.applies("jdbc:h2:file:/tmp/crm"));
        assertTrue(H2Compaction.applies("jdbc:h2:./.crm/crm"));
        assertTrue(H2Compaction.applies("jdbc:h2:~/crm;MODE=PostgreSQL"));
        assertFalse(H2Compaction.applies("jdbc:h2:mem:crm"));
        assertFalse(H2Compaction.applies("jdbc:h2:tcp://localhost/~/crm"));
        assertFalse(H2Compaction.applies("jdbc:h2:file:/tmp/crm;AUTO_SERVER=TRUE"));
        assertFalse(H2Compaction.applies("jdbc:postgresql://localhost/crm"));
    }

    private Path leads(int count) throws IOException {
        StringBuilder csv = new StringBuilder("first_name,last_name,email,phone,company,external_id,request\n");
        for (int i = 0; i < count; i++) {
            csv.append(String.format(Locale.ROOT, "Pat,Buyer%d,pat.%d@example%d.com,+49 30 %07d,Shop %d GmbH,ext-%d,"
                    + "Quote for %d seats%n", i, i, i % 50, 1_000_000 + i, i % 200, i, i % 40));
        }
        return Files.writeString(dir.resolve("leads.csv"), csv);
    }
}
