package dev.crmkit.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metrics CSV reader decodes strictly: a byte that is not valid UTF-8 ends the command naming the file, line and
 * byte offset, unless {@code --encoding} names the file's encoding; nothing is replaced by U+FFFD.
 */
class MetricsCsvEncodingTest {

    private static final String ORDERS = "customer_id,date,amount,channel\n"
            + "Jos\u00e9 Garc\u00eda,2026-01-05,120.00,Messe M\u00fcnchen\n"
            + "ann,2026-02-05,80.00,web\n";
    private static final String HISTORY = "deal_id,stage,entered_at,source\n"
            + "d1,lead,2026-01-05T09:00:00Z,Caf\u00e9\nd1,won,2026-01-20T09:00:00Z,\n"
            + "d2,lead,2026-01-06T09:00:00Z,web\n";

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    @Test
    void rfm_latin1Orders_areRefusedNamingFileLineAndByteOffset() throws IOException {
        Path orders = write("orders.csv", ORDERS, StandardCharsets.ISO_8859_1);

        CliRun run = CliRun.crm("rfm", "--orders", orders.toString(), "--as-of", "2026-07-01");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(orders + " line 2, byte offset 35: byte 0xE9 is not valid UTF-8"), run.err());
        assertFalse(run.err().contains("\uFFFD"), run.err());
    }

    @Test
    void rfm_latin1OrdersWithTheirEncoding_readTheNamesAsWritten() throws IOException {
        Path orders = write("orders.csv", ORDERS, StandardCharsets.ISO_8859_1);

        CliRun run = CliRun.crm("rfm", "--orders", orders.toString(), "--encoding", "ISO-8859-1", "--as-of",
                "2026-07-01", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("\"Jos\u00e9 Garc\u00eda\""), run.out());
    }

    @Test
    void rfm_unknownEncoding_isABadArgument() throws IOException {
        Path orders = write("orders.csv", ORDERS, StandardCharsets.UTF_8);

        CliRun run = CliRun.crm("rfm", "--orders", orders.toString(), "--encoding", "klingon", "--as-of",
                "2026-07-01");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("'klingon' is not an encoding"), run.err());
    }

    @Test
    void funnel_latin1History_isRefusedUnlessTheEncodingIsGiven() throws IOException {
        Path history = write("history.csv", HISTORY, StandardCharsets.ISO_8859_1);

        CliRun refused = CliRun.crm("funnel", "--history", history.toString(), "--stage-order", "lead,won");
        CliRun read = CliRun.crm("funnel", "--history", history.toString(), "--stage-order", "lead,won",
                "--by", "source", "--encoding", "ISO-8859-1", "--format", "json");

        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains(history + " line 2, byte offset 64:"), refused.err());
        assertEquals(0, read.exitCode(), read.toString());
        assertTrue(read.out().contains("Caf\u00e9"), read.out());
    }

    @Test
    void report_latin1SpendOrOrders_areRefusedNamingTheFile() throws IOException {
        Path orders = write("orders.csv", ORDERS, StandardCharsets.UTF_8);
        Path spend = write("spend.csv", "channel,amount\nMesse M\u00fcnchen,500\n", StandardCharsets.ISO_8859_1);

        CliRun run = CliRun.crm("report", "--as-of", CliRun.AS_OF, "--out", dir.resolve("out").toString(),
                "--orders", orders.toString(), "--spend", spend.toString(), "--in-memory");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains(spend + " line 2, byte offset 22: byte 0xFC is not valid UTF-8"), run.err());
    }
}
