package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm bench clv}: writes its seeded files once and times every phase of the fit from the CSV. */
class BenchClvCommandTest {

    @TempDir
    Path dir;

    @Test
    void clv_json_writesTheSetsAndFitsThemFromTheCsv() throws Exception {
        CliRun run = CliRun.crm("bench", "clv", "--sets", "cdnow,3000", "--warmup", "0", "--runs", "1",
                "--monetary", "--record-by-record", "--data-dir", dir.toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode sets = run.json().get("sets");
        assertEquals(2, sets.size(), run.out());
        JsonNode cdnow = sets.get(0);
        assertEquals(2_357, cdnow.get("customers").asInt(), run.out());
        assertTrue(cdnow.get("converged").asBoolean(), run.out());
        assertTrue(Math.abs(cdnow.get("r").asDouble() - 0.243) < 0.1, run.out());
        JsonNode staggered = sets.get(1);
        assertEquals(3_000, staggered.get("customers").asInt(), run.out());
        assertEquals(19_500, staggered.get("orders").asInt(), run.out());
        for (String phase : new String[] {"read", "summarise", "bg_nbd", "gamma_gamma", "total", "record_by_record"}) {
            assertTrue(staggered.get("seconds").get(phase).asDouble() > 0, phase + " in " + run.out());
        }
        Path file = Path.of(staggered.get("file").asText());
        byte[] written = Files.readAllBytes(file);
        CliRun again = CliRun.crm("bench", "clv", "--sets", "3000", "--write-only", "--data-dir", dir.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains(file.toString()), again.out());
        assertEquals(new String(written), Files.readString(file));
    }

    @Test
    void clv_badSet_isAClearError() {
        CliRun run = CliRun.crm("bench", "clv", "--sets", "lots", "--data-dir", dir.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--sets takes cdnow or a number of customers"), run.err());
    }
}
