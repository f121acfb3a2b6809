package dev.crmkit.examples.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm clv ...} runs on a command line that knows only {@code clv} (it starts faster): for every kind of
 * {@code clv} invocation (fits and predictions in text and JSON, help, versions, bad arguments, files that are missing
 * or bad) it exits with the same status and prints the same as the whole {@code crm} command line, byte for byte.
 */
class ClvOnlyCommandLineTest {

    @TempDir
    static Path dir;
    private static String orders;
    private static String bad;

    @BeforeAll
    static void writeOrders() throws IOException {
        orders = OrdersFiles.generate(dir.resolve("orders.csv"), 300, 5).toString();
        bad = Files.writeString(dir.resolve("bad.csv"), "customer_id,date,amount\nc1,2026-02-30,1.00\n").toString();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void everyClvInvocation_sameStatusAndOutputAsTheWholeCommandLine() {
        List<String[]> invocations = new ArrayList<>(List.of(
                new String[] {"clv"},
                new String[] {"clv", "--help"},
                new String[] {"clv", "--version"},
                new String[] {"clv", "help"},
                new String[] {"clv", "help", "fit"},
                new String[] {"clv", "fit", "--help"},
                new String[] {"clv", "predict", "--help"},
                new String[] {"clv", "fit"},
                new String[] {"clv", "fit", "--orders", orders},
                new String[] {"clv", "fit", "--orders", orders, "--observation-end", "2026-06-30"},
                new String[] {"clv", "fit", "--orders", orders, "--observation-end", "2026-06-30", "--unit", "WEEK",
                        "--monetary", "--format", "json"},
                new String[] {"clv", "fit", "--orders", orders, "--observation-end", "2026-06-30", "--unit", "day"},
                new String[] {"clv", "fit", "--orders", orders, "--observation-end", "2026-13-01"},
                new String[] {"clv", "fit", "--orders", orders, "--observation-end", "2026-06-30", "--unit", "year"},
                new String[] {"clv", "fit", "--orders", orders, "--observation-end", "2026-06-30", "--currency",
                        "EURO"},
                new String[] {"clv", "fit", "--orders", orders, "--observation-end", "2026-06-30", "--as", "ben"},
                new String[] {"clv", "fit", "--orders", dir.resolve("missing.csv").toString(), "--observation-end",
                        "2026-06-30"},
                new String[] {"clv", "fit", "--orders", bad, "--observation-end", "2026-06-30"},
                new String[] {"clv", "predict", "--orders", orders, "--observation-end", "2026-06-30", "--horizon",
                        "10", "--customer", "c3", "--monetary", "--format", "json"},
                new String[] {"clv", "predict", "--orders", orders, "--observation-end", "2026-06-30", "--horizon",
                        "-1"},
                new String[] {"clv", "rank"}));
        for (String[] args : invocations) {
            Run whole = run(CrmCommand.commandLine(Map.of()), args);
            Run clvOnly = run(CrmCommand.commandLine(args, Map.of()), args);
            assertEquals(whole, clvOnly, String.join(" ", args));
        }
    }

    @Test
    void onlyClvTakesTheShortCommandLine() {
        assertTrue(CrmCommand.commandLine(new String[] {"clv", "fit"}, Map.of()).getCommandSpec().userObject()
                instanceof CrmCommand.ClvOnly);
        for (String[] args : List.of(new String[0], new String[] {"--as", "ben", "clv"}, new String[] {"ltv"},
                new String[] {"CLV"}, new String[] {"bench", "clv"})) {
            assertNotEquals(CrmCommand.ClvOnly.class,
                    CrmCommand.commandLine(args, Map.of()).getCommandSpec().userObject().getClass(),
                    String.join(" ", args));
        }
    }
}
