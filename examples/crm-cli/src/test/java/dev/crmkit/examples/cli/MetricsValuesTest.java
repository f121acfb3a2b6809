package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values of the metrics files: bounded, checked with file, line and column, and never a Java internal. */
class MetricsValuesTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertOneClearLine(CliRun run, int exit, String... parts) {
        assertEquals(exit, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().length() <= ErrorLine.MAX_LENGTH + 1, run.err());
        assertFalse(run.err().contains("java.") || run.err().contains("Exception")
                || run.err().contains("Overflow"), run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), part + " in " + run.err());
        }
    }

    @Test
    void cohorts_yearsOneTo9999_isAClearErrorWithFileLineAndColumn() throws IOException {
        Path orders = file("years.csv", "customer_id,date,amount\na,2024-01-01,10\nb,0001-01-01,1\nc,9999-12-01,1\n");

        assertOneClearLine(CliRun.crm("cohorts", "--orders", orders.toString(), "--period", "week"), 1,
                "years.csv line 3, column date", "'0001-01-01' is out of range");
    }

    @Test
    void cohorts_amountsOf1e300_isAClearErrorWithFileLineAndColumn() throws IOException {
        Path orders = file("huge.csv", "customer_id,date,amount\na,2024-01-01,1e300\na,2024-02-01,1e300\n");

        for (String[] command : new String[][] {{"cohorts"}, {"rfm", "--as-of", "2024-03-01"},
                {"clv", "fit", "--observation-end", "2024-03-01", "--monetary"}}) {
            String[] args = new String[command.length + 2];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--orders";
            args[command.length + 1] = orders.toString();
            assertOneClearLine(CliRun.crm(args), 1, "huge.csv line 2, column amount", "'1e300' is out of range");
        }
    }

    @Test
    void cohorts_ordersAddingUpBeyondWhatABookHolds_namesTheLine() throws IOException {
        Path orders = file("sum.csv", "customer_id,date,amount\na,2024-01-01,90000000000000000\n"
                + "b,2024-01-02,90000000000000000\n");

        assertOneClearLine(CliRun.crm("cohorts", "--orders", orders.toString()), 1, "sum.csv line 3, column amount");
    }

    @Test
    void funnel_historyAmountWithAHugeExponent_isShortAndFast() throws IOException {
        Path history = file("history.csv", "deal_id,stage,entered_at,amount\nd1,New,2024-01-01T10:00:00Z,1e999999999\n");

        assertOneClearLine(CliRun.crm("funnel", "--history", history.toString(), "--stage-order", "New,Won"), 1,
                "history.csv line 2, column amount", "'1e999999999' is out of range");
    }

    @Test
    void rfm_oneCustomer_isCountedInTheSingular() throws IOException {
        Path orders = file("one.csv", "customer_id,date,amount\na,2024-01-01,10\n");

        CliRun run = CliRun.crm("rfm", "--orders", orders.toString(), "--as-of", "2024-03-01");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("RFM of 1 customer as of"), run.out());
    }

    @Test
    void rfm_limitWithJson_isRefusedNamingBoth() throws IOException {
        Path orders = file("one.csv", "customer_id,date,amount\na,2024-01-01,10\n");

        assertOneClearLine(CliRun.crm("rfm", "--orders", orders.toString(), "--as-of", "2024-03-01", "--limit", "5",
                "--format", "json"), 2, "--limit", "--format json");
    }

    @Test
    void clvPredict_marginWithoutMonetary_isRefusedBeforeTheFile() {
        assertOneClearLine(CliRun.crm("clv", "predict", "--orders", dir.resolve("missing.csv").toString(),
                "--observation-end", "2024-12-31", "--customer", "c1", "--horizon", "52", "--margin", "0.5"), 2,
                "--margin", "--discount-rate");
        assertOneClearLine(CliRun.crm("clv", "predict", "--orders", dir.resolve("missing.csv").toString(),
                "--observation-end", "2024-12-31", "--customer", "c1", "--horizon", "52", "--monetary",
                "--discount-rate", "1.5"), 2, "--discount-rate must be a fraction from 0 to 1");
    }

    @Test
    void clv_customersWhoNeverDropOut_fitIsNotConvergedWithTheReasonAndPredictExplains() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        for (int c = 0; c < 60; c++) {
            for (LocalDate d = LocalDate.of(2024, 1, 1).plusDays(c % 7); !d.isAfter(LocalDate.of(2024, 12, 31));
                    d = d.plusDays(7)) {
                csv.append('c').append(c).append(',').append(d).append(",10\n");
            }
        }
        Path orders = file("regular.csv", csv.toString());

        JsonNode fit = CliRun.crm("clv", "fit", "--orders", orders.toString(), "--observation-end", "2024-12-31",
                "--format", "json").json();
        assertFalse(fit.get("converged").asBoolean(), fit.toString());
        assertTrue(fit.get("reason").asText().contains("ran off") && fit.get("reason").asText().contains("What to do"),
                fit.toString());

        CliRun predict = CliRun.crm("clv", "predict", "--orders", orders.toString(), "--observation-end",
                "2024-12-31", "--customer", "c1", "--horizon", "52");
        assertEquals(0, predict.exitCode(), predict.toString());
        assertTrue(predict.out().contains("NOT CONVERGED: the parameters ran off"), predict.out());
    }
}
