package dev.crmkit.examples.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String[] CHARTS = {"funnel.png", "cohort-retention.png", "ltv-cac-by-channel.png"};

    @TempDir
    static Path dir;
    private static Path orders;
    private static Path spend;
    private static Path history;

    @BeforeAll
    static void writeInputs() throws IOException {
        orders = OrdersFiles.generate(dir.resolve("orders.csv"), 200, 3);
        spend = Files.writeString(dir.resolve("spend.csv"), "channel,amount,new_customers\nweb,8000,\nads,3000,10\n");
        history = Files.writeString(dir.resolve("history.csv"), """
                deal_id,stage,entered_at
                d1,lead,2026-01-05T09:00:00Z
                d1,qualified,2026-01-12T09:00:00Z
                d1,won,2026-01-20T09:00:00Z
                d2,lead,2026-01-06T09:00:00Z
                d2,qualified,2026-01-08T09:00:00Z
                d3,lead,2026-02-01T09:00:00Z
                """);
    }

    private static void assertPng(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " is missing");
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " is " + bytes.length + " bytes");
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), file + " is not a PNG");
    }

    @Test
    void report_allFiles_writesThePageAndThreeCharts() throws IOException {
        Path out = dir.resolve("files");

        CliRun run = CliRun.crm("report", "--as-of", CliRun.AS_OF, "--out", out.toString(), "--orders", orders.toString(), "--spend",
                spend.toString(), "--history", history.toString(), "--stage-order", "lead,qualified,won",
                "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(3, run.json().get("charts").size());
        assertFalse(run.json().get("sample").asBoolean());
        String html = Files.readString(out.resolve("index.html"));
        for (String chart : CHARTS) {
            assertPng(out.resolve(chart));
            assertTrue(html.contains("src=\"" + chart + "\""), chart + " not on the page");
        }
        assertTrue(html.contains("<td>web</td>") && html.contains("<td>ads</td>"), html);
        assertTrue(html.contains("Stage history of"), html);
        assertFalse(html.contains("Generated sample data"), html);
    }

    @Test
    void report_noFiles_usesTheStoreAndALabelledSample() throws IOException {
        Path out = dir.resolve("sample");

        CliRun run = CliRun.crm("report", "--as-of", CliRun.AS_OF, "--out", out.toString(), "--in-memory");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains(out.resolve("index.html").toString()), run.out());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Generated sample data") && html.contains("seed 42"), html);
        assertTrue(html.contains("stand-in customers"), "an empty store gets stand-ins: " + html);
        for (String chart : CHARTS) {
            assertPng(out.resolve(chart));
            assertTrue(html.contains("src=\"" + chart + "\""), chart + " not on the page");
        }
    }

    @Test
    void report_sameInputsTwice_writeTheSamePage() throws IOException {
        Path first = dir.resolve("again1");
        Path second = dir.resolve("again2");

        assertEquals(0, CliRun.crm("report", "--as-of", CliRun.AS_OF, "--out", first.toString(), "--in-memory").exitCode());
        assertEquals(0, CliRun.crm("report", "--as-of", CliRun.AS_OF, "--out", second.toString(), "--in-memory").exitCode());

        assertEquals(Files.readString(first.resolve("index.html")), Files.readString(second.resolve("index.html")));
    }

    @Test
    void report_channelThatWonNobody_exits1NamingIt() throws IOException {
        Path badSpend = Files.writeString(dir.resolve("nobody.csv"), "channel,amount\nevents,500\n");

        CliRun run = CliRun.crm("report", "--as-of", CliRun.AS_OF, "--out", dir.resolve("bad").toString(), "--orders", orders.toString(),
                "--spend", badSpend.toString(), "--history", history.toString(), "--stage-order", "lead,qualified,won");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("newCustomers[events]"), run.err());
    }

    @Test
    void report_spendWithoutOrders_exits2NamingTheOption() {
        CliRun run = CliRun.crm("report", "--as-of", CliRun.AS_OF, "--out", dir.resolve("bad2").toString(), "--spend", spend.toString(),
                "--in-memory");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--spend"), run.err());
    }

    @Test
    void demo_inMemory_endsByWritingTheReport() throws IOException {
        Path out = dir.resolve("demo-report");

        CliRun run = CliRun.crm("demo", "--in-memory", "--report-dir", out.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Metrics report: " + out.resolve("index.html")), run.out());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("contacts") && html.contains("seed 42"), html);
        assertFalse(html.contains("stand-in"), "the demo's contacts are the customers: " + html);
        for (String chart : CHARTS) {
            assertPng(out.resolve(chart));
        }
        // the demo's deals with an amount: the won 24,000.00 at 100%, the open 8,500.00 at 10% in its close month
        assertPng(out.resolve("weighted-forecast.png"));
        assertTrue(html.contains("<h2>Weighted forecast</h2>") && html.contains("weighted-forecast.png"), html);
        assertTrue(html.contains("EUR 850.00"), "8,500.00 x 10% in the month it is expected to close: " + html);
        assertTrue(html.contains("EUR 24000.00") || html.contains("EUR 24,000.00"), "the won deal at 100%: " + html);
    }

    @Test
    void demo_noReportWithAReportDir_isRefusedNamingBoth() {
        Path out = dir.resolve("no-report");

        CliRun run = CliRun.crm("demo", "--in-memory", "--no-report", "--report-dir", out.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--report-dir") && run.err().contains("--no-report"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void demo_noReport_writesNoReport() {
        CliRun run = CliRun.crm("demo", "--in-memory", "--no-report");

        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(run.out().contains("Metrics report"), run.out());
    }

    @Test
    void report_emptyOut_isABadArgument() {
        CliRun run = CliRun.crm("report", "--in-memory", "--as-of", CliRun.AS_OF, "--out", "");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--out"), run.err());
    }
}
