package dev.crmkit.examples.cli.metrics;

import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Summarising while reading ({@link FastOrdersCsv#summarise}, in one piece and in parallel chunks) against reading the
 * book record by record and summarising it ({@link CustomerSummaries#of}): the same summaries to the bit, or the same
 * error, on generated files in date order, on files out of order, on files whose chunk split falls inside a quoted
 * field, and on thousands of seeded hostile files.
 */
class FastOrdersSummaryTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final OrdersCsv ORDERS = new OrdersCsv("customer_id", "date", "amount", EUR);
    private static final LocalDate END = LocalDate.of(2024, 3, 31);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static FastOrdersCsv fast() {
        return new FastOrdersCsv("customer_id", "date", "amount", EUR, Optional.empty());
    }

    private static CustomerSummaries expected(Path file, TimeUnit unit) {
        return CustomerSummaries.of(ORDERS.readRecordByRecord(file, CsvFormat.UTF_8), END, unit);
    }

    private static void assertSameSummaries(CustomerSummaries expected, CustomerSummaries actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": customers");
        assertEquals(expected.unit(), actual.unit(), what);
        assertEquals(expected.currency(), actual.currency(), what);
        for (int row = 0; row < expected.size(); row++) {
            assertEquals(expected.customerId(row), actual.customerId(row), what + ": id of row " + row);
            assertEquals(expected.frequency(row), actual.frequency(row), what + ": frequency of row " + row);
            assertEquals(Double.doubleToLongBits(expected.recency(row)),
                    Double.doubleToLongBits(actual.recency(row)), what + ": recency of row " + row);
            assertEquals(Double.doubleToLongBits(expected.age(row)), Double.doubleToLongBits(actual.age(row)),
                    what + ": age of row " + row);
            assertEquals(expected.monetaryValue(row), actual.monetaryValue(row), what + ": monetary of row " + row);
        }
    }

    /** Orders in date order: same-day repeats, customers first seen after the end, blank lines, mixed breaks. */
    private static String dateOrdered(Random random, int rows, int customers) {
        StringBuilder text = new StringBuilder("customer_id,date,amount\n");
        LocalDate day = END.minusDays(400);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(7) == 0) {
                day = day.plusDays(1 + random.nextInt(3));
            }
            text.append('c').append(random.nextInt(customers)).append(',').append(day).append(',')
                    .append(random.nextInt(50_000)).append('.').append(random.nextInt(100))
                    .append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            if (random.nextInt(500) == 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void dateOrderedFile_inOneToFourChunks_givesTheBooksSummariesToTheBit() throws IOException {
        Random random = new Random(17);
        for (int n = 0; n < 4; n++) {
            Path file = write("ordered.csv", dateOrdered(random, 30_000, 4_000));
            for (TimeUnit unit : TimeUnit.values()) {
                CustomerSummaries expected = expected(file, unit);
                for (int chunks = 1; chunks <= 4; chunks++) {
                    CustomerSummaries actual = fast().summarise(file, END, unit, chunks);
                    assertNotNull(actual, "gave up on a clean file in date order, chunks " + chunks);
                    assertSameSummaries(expected, actual, unit + " in " + chunks + " chunks");
                }
            }
        }
    }

    @Test
    void manyCustomers_theStateGrowsPastOddLengths_sameSummaries() throws IOException {
        StringBuilder text = new StringBuilder("customer_id,date,amount\n");
        for (int i = 0; i < 150_000; i++) {
            text.append("k").append(i).append(",2024-01-").append(10 + i % 20).append(",1\n");
        }
        for (int i = 0; i < 150_000; i += 7) {
            text.append("k").append(i).append(",2024-02-01,2\n");
        }
        Path file = write("many.csv", text.toString());
        CustomerSummaries expected = expected(file, TimeUnit.DAY);
        for (int chunks = 1; chunks <= 2; chunks++) {
            CustomerSummaries actual = fast().summarise(file, END, TimeUnit.DAY, chunks);
            assertNotNull(actual);
            assertSameSummaries(expected, actual, chunks + " chunks");
        }
    }

    /**
     * Customers with short ids (their own key), long ids (keyed by hash, compared in the arena) and non-ASCII ids
     * (looked up one by one, not in a batch) buy again on later days while the id table and the summaries grow many
     * times over, in one to four chunks: the book's summaries to the bit.
     */
    @Test
    void shortLongAndNonAsciiIds_asTheTablesGrow_inOneToFourChunks_sameSummaries() throws IOException {
        Random random = new Random(29);
        StringBuilder text = new StringBuilder("customer_id,date,amount\n");
        LocalDate day = END.minusDays(300);
        int customers = 60_000;
        for (int i = 0; i < 240_000; i++) {
            if (i % 800 == 0) {
                day = day.plusDays(1);
            }
            int c = i < customers ? i : random.nextInt(customers);
            String id = switch (c % 3) {
                case 0 -> "s" + c;
                case 1 -> "long-customer-" + c;
                default -> "kund\u00e9-" + c;
            };
            text.append(id).append(',').append(day).append(',').append(1 + random.nextInt(900)).append('.')
                    .append(random.nextInt(10)).append('\n');
        }
        Path file = write("slots.csv", text.toString());
        CustomerSummaries expected = expected(file, TimeUnit.DAY);
        assertEquals(customers, expected.size());
        for (int chunks = 1; chunks <= 4; chunks++) {
            CustomerSummaries actual = fast().summarise(file, END, TimeUnit.DAY, chunks);
            assertNotNull(actual, "gave up in " + chunks + " chunks");
            assertSameSummaries(expected, actual, chunks + " chunks");
        }
    }

    @Test
    void customerSpanningChunks_sameDayAtTheSplit_countsOnePurchaseDayAndKeepsTheFirstDayTotal() throws IOException {
        StringBuilder text = new StringBuilder("customer_id,date,amount\n");
        for (int i = 0; i < 400; i++) {
            text.append("a,2024-01-0").append(1 + i / 200).append(",1.25\n").append("b,2024-01-02,2\n");
        }
        text.append("a,2024-02-01,7\nb,2024-05-01,9\n");
        Path file = write("split.csv", text.toString());
        CustomerSummaries expected = expected(file, TimeUnit.DAY);
        for (int chunks = 2; chunks <= 4; chunks++) {
            CustomerSummaries actual = fast().summarise(file, END, TimeUnit.DAY, chunks);
            assertNotNull(actual);
            assertSameSummaries(expected, actual, chunks + " chunks");
        }
        assertEquals(2, expected.frequency(0));
        assertEquals(0, expected.frequency(1));
    }

    @Test
    void ordersOutOfDateOrder_summariseGivesWayToTheBook_andTheSummariesAreTheSame() throws IOException {
        Path file = write("unordered.csv",
                "customer_id,date,amount\nc1,2024-01-05,1\nc2,2024-01-06,2\nc1,2024-01-04,3\nc1,2024-01-05,4\n");
        FastOrdersCsv reader = fast();
        assertNull(reader.summarise(file, END, TimeUnit.DAY, 1));
        assertTrue(reader.bookMayRead());
        assertSameSummaries(expected(file, TimeUnit.DAY), ORDERS.summaries(file, CsvFormat.UTF_8, END, TimeUnit.DAY),
                "unordered");
        Path bad = write("bad.csv", "customer_id,date,amount\nc1,2024-01-05,1\nc1,2024-01-0x,1\n");
        FastOrdersCsv badReader = fast();
        assertNull(badReader.summarise(bad, END, TimeUnit.DAY, 2));
        assertFalse(badReader.bookMayRead());
    }

    @Test
    void quotedLineBreakAcrossTheSplit_readInOnePiece_sameSummaries() throws IOException {
        StringBuilder text = new StringBuilder("customer_id,date,amount,note\n");
        for (int i = 0; i < 50; i++) {
            text.append("c").append(i % 7).append(",2024-01-").append(10 + i / 5).append(",3,\"")
                    .append("line\n".repeat(20)).append("\"\n");
        }
        Path file = write("quoted.csv", text.toString());
        for (int chunks = 1; chunks <= 4; chunks++) {
            CustomerSummaries actual = fast().summarise(file, END, TimeUnit.WEEK, chunks);
            assertNotNull(actual, chunks + " chunks");
            assertSameSummaries(expected(file, TimeUnit.WEEK), actual, chunks + " chunks");
        }
    }

    @Test
    void hostileFiles_summariesGiveExactlyTheBooksOutcome_inOneAndInSeveralChunks() throws IOException {
        Random random = new Random(1718);
        int summarised = 0;
        for (int n = 0; n < 2_000; n++) {
            Path path = write("hostile.csv", FastOrdersCsvTest.file(random, random.nextInt(2) == 0));
            Object expected = outcome(() -> expected(path, TimeUnit.WEEK));
            for (int chunks = 1; chunks <= 3; chunks++) {
                int c = chunks;
                Object actual = outcome(() -> ORDERS.summaries(path, CsvFormat.UTF_8, END, TimeUnit.WEEK, c));
                if (expected instanceof CustomerSummaries summaries) {
                    if (!(actual instanceof CustomerSummaries other)) {
                        fail("the book gave summaries, summaries() gave " + actual);
                        return;
                    }
                    assertSameSummaries(summaries, other, "file " + n + " in " + chunks + " chunks");
                } else {
                    assertEquals(expected, actual, "file " + n + " in " + chunks + " chunks");
                }
            }
            if (fast().summarise(path, END, TimeUnit.WEEK, 2) != null) {
                summarised++;
            }
        }
        assertTrue(summarised > 100, "summarised while reading only " + summarised + " of 2,000 files");
    }

    /**
     * The summarise reads a plain record (ASCII id, {@code YYYY-MM-DD}, plain decimal) in a loop of its own and leaves
     * every other record to the general reader: a record that is nearly plain, among plain ones of the same
     * customers (the later ones late enough that an impossible day read as the next month's stays in date order),
     * gives the book's summaries or its very error, in one to three chunks.
     */
    @Test
    void nearlyPlainRecords_amongPlainOnes_giveTheBooksOutcome() throws IOException {
        String[] nearlyPlain = {" c1,2024-01-12,3.00", "c1\t,2024-01-12,3.00", "c2 ,2024-01-12,1", "c 1,2024-01-12,1",
            "c1,2024-02-30,3.00", "c1,2023-02-29,3.00", "c1,2024-13-01,1", "c1,2024-00-10,1", "c1,2024-01-00,1",
            "c1,2024-1-09,1", "c1, 2024-01-12,1", "c1,2024-01-12 ,1", "c1,2024-01-12T10:00,1",
            "c1,2024-01-12,+3", "c1,2024-01-12,3e2", "c1,2024-01-12, 3", "c1,2024-01-12,3 ", "c1,2024-01-12,1.234",
            "c1,2024-01-12,1.2.3", "c1,2024-01-12,", "c1,2024-01-12,.5", "c1,2024-01-12,3.",
            "c1,2024-01-12,3,x", "\"c1\",2024-01-12,3", "c1,2024-01-12", ",2024-01-12,3", "c\u00e9,2024-01-12,3",
            "c1,0000-01-09,3", "c1,9999-12-31,3", "c1,2024-01-12,99999999999999999999"};
        for (String row : nearlyPlain) {
            String text = "customer_id,date,amount\n" + "c1,2024-01-02,1.50\nc2,2024-01-02,2\r\n" + row + "\n"
                    + "c1,2024-03-10,4.25\rc2,2024-03-11,7\nc3,2024-03-11,0.01\n";
            Path path = write("nearly.csv", text);
            Object expected = outcome(() -> expected(path, TimeUnit.DAY));
            for (int chunks = 1; chunks <= 3; chunks++) {
                int c = chunks;
                Object actual = outcome(() -> ORDERS.summaries(path, CsvFormat.UTF_8, END, TimeUnit.DAY, c));
                String what = "row [" + row + "] in " + chunks + " chunks";
                if (expected instanceof CustomerSummaries summaries) {
                    if (!(actual instanceof CustomerSummaries other)) {
                        fail(what + ": the book gave summaries, summaries() gave " + actual);
                        return;
                    }
                    assertSameSummaries(summaries, other, what);
                } else {
                    assertEquals(expected, actual, what);
                }
            }
        }
    }

    private static Object outcome(java.util.function.Supplier<CustomerSummaries> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
