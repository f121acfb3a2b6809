package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Hostile metrics files, 10,000 of each kind, through the {@code crm} command line in-process: orders (cohorts, rfm,
 * clv fit, and the report's LTV and order channels), stage histories (funnel) and spend files (read as the report
 * reads them, and one case in a thousand through the report's LTV:CAC; the report draws charts, too slow for more).
 * Shrinking is off: a case is a seed, and the failure message shows the whole input.
 * A third of the files are well-formed and must give the right counts; the rest hold hostile cells (huge exponents,
 * years 0001 and 9999, amounts of 1e300, long text, quotes, control characters) and broken structure (missing or
 * repeated columns, ragged rows, unclosed quotes, a byte order mark, blank lines). Every run ends in exit 0 with the
 * right counts or in exit 1 with one clear line (see {@link ErrorLineAssertions}).
 */
class MetricsCsvHostileInputTest {

    private static final int CASES = Integer.getInteger("crm.hostile.cases", 10_000);
    private static final ReusedCommandLine CRM = new ReusedCommandLine(Map.of());

    private static final String[] CUSTOMERS = {"c1", "c2", "c3", " c1 ", "C1", "é"};
    private static final String[] HOSTILE_CUSTOMERS = {"", "   ", "x".repeat(3_000), "\"quoted, comma\"",
            "\"line\nbreak\"", "=cmd()", "\u0007bell", "\"unclosed"};
    private static final String[] DATES = {"2024-01-05", "2024-02-29", "2024-03-31T23:59:59", "2024-04-01T10:00:00Z",
            "2024-05-05T08:00:00+02:00", "2023-12-31"};
    private static final String[] HOSTILE_DATES = {"0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01",
            "2023-02-29", "05/01/2024", "", "+999999999-12-31", "2024-1-5", "2024-01-05T25:00:00", "d".repeat(2_000),
            "2199-12-31", "1900-01-01"};
    private static final String[] AMOUNTS = {"10", "0", "0.01", "19.99", "1200.50", "3"};
    private static final String[] HOSTILE_AMOUNTS = {"1e300", "1e999999999", "-5", "1.001", "abc", "", "NaN",
            "Infinity", "0x10", "1,5", "92233720368547758.07", "50000000000000000", "9".repeat(60), "1e-999999999",
            "+3", ".5", "5.", "1E+2", "-0", "1e17", "99999999999999999"};
    private static final String[] STAGES = {"New", "Qualified", "Won", "Lost"};
    private static final String[] HOSTILE_STAGES = {"Other", "", "won", "s".repeat(1_000)};

    @TempDir
    Path dir;

    @Test
    void orders_hostileFiles_giveTheRightCountsOrOneClearLine() {
        qt().withFixedSeed(1201).withShrinkCycles(0).withExamples(CASES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            boolean wellFormed = random.nextInt(3) == 0;
            Table table = new Table(List.of("customer_id", "date", "amount", "channel"));
            int rows = 1 + random.nextInt(6);
            for (int i = 0; i < rows; i++) {
                table.row(cell(random, wellFormed, CUSTOMERS, HOSTILE_CUSTOMERS),
                        cell(random, wellFormed, DATES, HOSTILE_DATES), cell(random, wellFormed, AMOUNTS,
                                HOSTILE_AMOUNTS), cell(random, wellFormed, new String[] {"ads", "web"},
                                HOSTILE_CUSTOMERS));
            }
            String text = wellFormed ? table.text() : table.damaged(random);
            Path file = write("orders.csv", text);
            int command = random.nextInt(1000);
            CliRun run;
            if (command < 490) {
                run = CRM.crm("cohorts", "--orders", file.toString(), "--format", "json");
            } else if (command < 980) {
                run = CRM.crm("rfm", "--orders", file.toString(), "--as-of", "2199-12-31", "--format", "json");
            } else if (command < 999) {
                run = CRM.crm("clv", "fit", "--orders", file.toString(), "--observation-end", "2199-12-31",
                        "--format", "json");
            } else {
                run = CRM.crm("report", "--orders", file.toString(), "--history", write("history.csv",
                        "deal_id,stage,entered_at\nd1,New,2024-01-01\n").toString(), "--stage-order", "New,Won",
                        "--out", dir.resolve("report").toString(), "--as-of", CliRun.AS_OF, "--format", "json");
            }
            if (run.exitCode() == 0) {
                checkOrderCounts(run, command, wellFormed ? table : null);
            } else if (wellFormed && command < 980) {
                throw new AssertionError("a well-formed file was refused: " + run + "\n" + text);
            } else {
                ErrorLineAssertions.assertFailedClearly(run, 1, text);
            }
        });
    }

    @Test
    void stageHistory_hostileFiles_giveTheRightCountsOrOneClearLine() {
        qt().withFixedSeed(1202).withShrinkCycles(0).withExamples(CASES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            boolean wellFormed = random.nextInt(3) == 0;
            Table table = new Table(List.of("deal_id", "stage", "entered_at", "source", "amount"));
            int rows = 1 + random.nextInt(6);
            for (int i = 0; i < rows; i++) {
                table.row(cell(random, wellFormed, new String[] {"d1", "d2", "d3"}, HOSTILE_CUSTOMERS),
                        cell(random, wellFormed, STAGES, HOSTILE_STAGES),
                        cell(random, wellFormed, DATES, HOSTILE_DATES), cell(random, wellFormed,
                                new String[] {"web", ""}, HOSTILE_CUSTOMERS), cell(random, wellFormed, AMOUNTS,
                                HOSTILE_AMOUNTS));
            }
            String text = wellFormed ? table.text() : table.damaged(random);
            CliRun run = CRM.crm("funnel", "--history", write("history.csv", text).toString(), "--stage-order",
                    "New,Qualified,Won", "--lost", "Lost", "--format", "json");
            if (run.exitCode() == 0) {
                long deals = run.json().get("deals").asLong();
                if (wellFormed && deals != table.distinct(0)) {
                    throw new AssertionError(deals + " deals, expected " + table.distinct(0) + ": " + run + text);
                }
            } else if (wellFormed) {
                throw new AssertionError("a well-formed file was refused: " + run + "\n" + text);
            } else {
                ErrorLineAssertions.assertFailedClearly(run, 1, text);
            }
        });
    }

    @Test
    void spend_hostileFiles_giveTheRightCountsOrOneClearLine() {
        Path orders = write("orders.csv", "customer_id,date,amount,channel\nc1,2024-01-05,10,ads\nc2,2024-02-05,20,web\n"
                + "c1,2024-03-05,5,ads\n");
        Path history = write("history.csv", "deal_id,stage,entered_at\nd1,New,2024-01-01\n");
        qt().withFixedSeed(1203).withShrinkCycles(0).withExamples(CASES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            boolean wellFormed = random.nextInt(3) == 0;
            Table table = new Table(List.of("channel", "amount", "new_customers"));
            int rows = 1 + random.nextInt(4);
            for (int i = 0; i < rows; i++) {
                table.row(cell(random, wellFormed, new String[] {"ads", "web", "fair"}, HOSTILE_CUSTOMERS),
                        cell(random, wellFormed, AMOUNTS, HOSTILE_AMOUNTS), cell(random, wellFormed,
                                new String[] {"1", "2", "", "10"}, HOSTILE_AMOUNTS));
            }
            String text = wellFormed ? table.text() : table.damaged(random);
            Path spend = write("spend.csv", text);
            if (random.nextInt(1000) == 0) {
                CliRun run = CRM.crm("report", "--orders", orders.toString(), "--spend", spend.toString(),
                        "--history", history.toString(), "--stage-order", "New,Won", "--out",
                        dir.resolve("report").toString(), "--as-of", CliRun.AS_OF, "--format", "json");
                if (run.exitCode() != 0) {
                    ErrorLineAssertions.assertFailedClearly(run, 1, text);
                }
                return;
            }
            try {
                int read = new dev.crmkit.examples.cli.metrics.SpendCsv(java.util.Currency.getInstance("EUR"))
                        .read(spend).size();
                if (read != rows && wellFormed) {
                    throw new AssertionError(read + " rows read, expected " + rows + ": " + text);
                }
            } catch (IllegalArgumentException | UncheckedIOException e) {
                if (wellFormed) {
                    throw new AssertionError("a well-formed file was refused: " + e.getMessage() + "\n" + text, e);
                }
                String line = ErrorLine.of(e);
                CliRun asPrinted = new CliRun(1, "", "crm: " + line + "\n");
                ErrorLineAssertions.assertFailedClearly(asPrinted, 1, text);
                if (!line.equals(ErrorLine.of(e.getMessage()))) {
                    throw new AssertionError("not a message for a person: " + e + "\n" + text, e);
                }
            }
        });
    }

    /** The customers counted: those of the table, when it was written well-formed (damage may drop rows). */
    private static void checkOrderCounts(CliRun run, int command, Table table) {
        if (command >= 999) {
            return; // the report: written, nothing to count
        }
        JsonNode json = run.json();
        long customers;
        if (command < 490) {
            customers = 0;
            for (JsonNode cohort : json.get("cohorts")) {
                customers += cohort.get("size").asLong();
            }
        } else if (command < 980) {
            customers = json.get("customerCount").asLong();
        } else {
            customers = json.get("customers").asLong();
        }
        if (table != null && customers != table.distinct(0)) {
            throw new AssertionError(customers + " customers, expected " + table.distinct(0) + ": " + run + "\n"
                    + table.text());
        }
    }

    private static String cell(Random random, boolean wellFormed, String[] valid, String[] hostile) {
        return wellFormed || random.nextInt(4) != 0 ? valid[random.nextInt(valid.length)]
                : hostile[random.nextInt(hostile.length)];
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV table as written, and the same table damaged. */
    private static final class Table {
        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();

        Table(List<String> header) {
            this.header = header;
        }

        void row(String... cells) {
            rows.add(List.of(cells));
        }

        /** The number of distinct values of a column, as a reader strips them. */
        long distinct(int column) {
            Set<String> values = new LinkedHashSet<>();
            rows.forEach(r -> values.add(r.get(column).strip()));
            return values.size();
        }

        String text() {
            StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
            rows.forEach(r -> out.append(String.join(",", r)).append('\n'));
            return out.toString();
        }

        String damaged(Random random) {
            String text = text();
            switch (random.nextInt(8)) {
                case 0:
                    return text.replaceFirst(header.get(random.nextInt(header.size())), "other");
                case 1:
                    return "\uFEFF" + text.replace("\n", "\n\n");
                case 2:
                    return text + "x,\"unclosed\n";
                case 3:
                    return text.replaceFirst("\n", ",extra,\"\"\n");
                case 4:
                    return header.get(0).toUpperCase() + text.substring(header.get(0).length());
                case 5:
                    return String.join(",", header) + "\n";
                case 6:
                    return text.substring(0, random.nextInt(text.length()));
                default:
                    return text;
            }
        }
    }
}
