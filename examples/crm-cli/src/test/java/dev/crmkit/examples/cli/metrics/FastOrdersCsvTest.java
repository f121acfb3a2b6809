package dev.crmkit.examples.cli.metrics;

import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The byte-level orders reader against the record-by-record (Jackson) reader: on clean files with quotes, CRLF, a byte
 * order mark, blank lines, huge fields and non-ASCII ids it reads them itself to the same book; on thousands of
 * seeded hostile files {@link OrdersCsv#read} gives exactly what the record-by-record read gives: the same book, or the
 * same exception with the same message (file, line, column and rule).
 */
class FastOrdersCsvTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final OrdersCsv ORDERS = new OrdersCsv("customer_id", "date", "amount", EUR);

    private static final String[] IDS = {"c1", "c2", "c3", " c1 ", "C1", "é", "\"c1\"", "\"a,b\"", "\"say \"\"hi\"\"\"",
        "\"multi\nline\"", "\u3000c2\u3000", "ü\u2003", "\uFEFFc1", "x".repeat(3_000), "\"\"", "", "  ", "a\"b",
        "\"open", "\"c1\" ", "\u0007bell", "\"c3\r\n\""};
    private static final String[] DATES = {"2024-01-05", "2024-02-29", " 2024-03-31 ", "2024-03-31T23:59:59",
        "2024-04-01T10:00:00Z", "2024-05-05T08:00:00+02:00", "\"2023-12-31\"", "1900-01-01", "2199-12-31",
        "1899-12-31", "2200-01-01", "2023-02-29", "2024-04-31", "05/01/2024", "", "2024-1-5", "2024-01-05T25:00:00",
        "d".repeat(2_000), "0001-01-01", "+999999999-12-31", "2024-13-01", "2024-00-10", "２０２４-01-05"};
    private static final String[] AMOUNTS = {"10", "0", "0.01", "19.99", "1200.50", "3", " 7.5 ", ".5", "5.",
        "0012.30", "12.300", "\"4.20\"", "1e300", "1e999999999", "-5", "1.001", "abc", "", "NaN", "0x10", "1,5",
        "92233720368547758.07", "50000000000000000", "9".repeat(60), "+3", "1E+2", "-0", "1e17", "99999999999999999",
        "999999999999999999", "1000000000000000000", "0.000", ".", "１"};
    private static final String[] BREAKS = {"\n", "\r\n", "\r"};

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static OrderBook fast(Path file) throws IOException {
        return new FastOrdersCsv("customer_id", "date", "amount", EUR, Optional.empty()).read(file);
    }

    private static void assertSameBook(OrderBook expected, OrderBook actual) {
        assertEquals(expected.currency(), actual.currency());
        assertEquals(expected.size(), actual.size(), "orders");
        assertEquals(expected.customerCount(), actual.customerCount(), "customers");
        for (int c = 0; c < expected.customerCount(); c++) {
            assertEquals(expected.customerId(c), actual.customerId(c), "customer " + c);
        }
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.customerOf(i), actual.customerOf(i), "customer of order " + i);
            assertEquals(expected.epochDay(i), actual.epochDay(i), "day of order " + i);
            assertEquals(expected.minorUnits(i), actual.minorUnits(i), "amount of order " + i);
        }
    }

    /** The fast reader takes the file itself and gives the record-by-record reader's book. */
    private void assertFastReads(String text) throws IOException {
        Path file = write("clean.csv", text);
        OrderBook book = fast(file);
        assertNotNull(book, "the byte-level reader gave up on a clean file");
        assertSameBook(ORDERS.readRecordByRecord(file, CsvFormat.UTF_8), book);
    }

    @Test
    void cleanFiles_quotesCrlfBomBlankLinesAndUnicode_readByBytesToTheSameBook() throws IOException {
        assertFastReads("customer_id,date,amount\nc1,2024-01-05,10.50\nc2,2024-01-06,3\nc1,2024-02-29,0.01\n");
        assertFastReads("\uFEFFcustomer_id,date,amount\r\nc1,2024-01-05,10.50\r\n\r\nc2,2024-01-06,3\r\n");
        assertFastReads("Amount;Customer_ID;note;DATE\r1.5;c1;\"x;y\";2024-01-05\r\r2;c2;;2024-01-06");
        assertFastReads("\"customer_id\",\"date\",\"amount\"\n\"c \"\"1\"\"\",\"2024-01-05\",\"10.00\"\n"
                + "\"line\nbreak\",2024-03-31T23:59:59,.5\n\"c,1\",2024-04-01T10:00:00Z,5.\n");
        assertFastReads("customer_id\tdate\tamount\nÉmile\t2024-01-05\t12.300\n\u3000Émile\u3000\t 2024-01-05 \t0012.30\n"
                + "日本\t2024-05-05T08:00:00+02:00\t1E+2\n");
        assertFastReads("customer_id,date,amount,comment\nc1,2024-01-05,1,\"" + "long ".repeat(500_000)
                + "\"\nc2,2024-01-06,2," + "z".repeat(3_000_000) + "\n" + "c".repeat(2_500_000) + ",2024-01-07,3\n");
    }

    @Test
    void manyRowsAcrossBufferBoundaries_sameBook() throws IOException {
        StringBuilder text = new StringBuilder("customer_id,date,amount\r\n");
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            text.append('c').append(random.nextInt(20_000)).append(",20").append(10 + random.nextInt(15)).append("-0")
                    .append(1 + random.nextInt(9)).append('-').append(10 + random.nextInt(18)).append(',')
                    .append(random.nextInt(100_000)).append('.').append(random.nextInt(10)).append("\r\n");
        }
        assertFastReads(text.toString());
    }

    @Test
    void smallFile_readAndSummarised_allocatesNearItsSize_notAMegabytePerReader() throws IOException {
        Path file = write("small.csv", "customer_id,date,amount\nc1,2024-01-05,10.50\nc2,2024-01-06,3\n");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        FastOrdersCsv warmUp = new FastOrdersCsv("customer_id", "date", "amount", EUR, Optional.empty());
        assertNotNull(warmUp.summarise(file, java.time.LocalDate.of(2024, 3, 31),
                dev.crmkit.metrics.clv.TimeUnit.WEEK, 1));
        assertNotNull(fast(file));

        long before = threads.getCurrentThreadAllocatedBytes();
        assertNotNull(fast(file));
        long read = threads.getCurrentThreadAllocatedBytes() - before;
        before = threads.getCurrentThreadAllocatedBytes();
        assertNotNull(new FastOrdersCsv("customer_id", "date", "amount", EUR, Optional.empty()).summarise(file,
                java.time.LocalDate.of(2024, 3, 31), dev.crmkit.metrics.clv.TimeUnit.WEEK, 1));
        long summarised = threads.getCurrentThreadAllocatedBytes() - before;

        // a 61-byte file: the reader's tables (ids, summaries, batches) are some 200 KB; its buffer was 1 MB
        assertTrue(read < 512 * 1024, "reading 61 bytes allocated " + read + " bytes");
        assertTrue(summarised < 512 * 1024, "summarising 61 bytes allocated " + summarised + " bytes");
    }

    @Test
    void badRows_fastReaderGivesUp_andReadGivesTheRecordByRecordError() throws IOException {
        String[] bad = {"c1,2024-02-30,1", "c1,2024-01-05,-5", "c1,2024-01-05,1.001", ",2024-01-05,1", "c1,,1",
            "c1,2024-01-05", "c1,1899-12-31,1", "\"c1\"x,2024-01-05,1", "c1,2024-01-05,\"1", "   "};
        for (String row : bad) {
            Path file = write("bad.csv", "customer_id,date,amount\nc0,2024-01-01,1\n" + row + "\nc2,2024-01-06,2\n");
            assertNull(fast(file), row);
            assertSameOutcome(file);
        }
        assertNull(fast(write("none.csv", "customer_id,date,amount\n")));
        assertNull(fast(write("empty.csv", "")));
        assertNull(fast(write("nocolumn.csv", "customer,date,amount\nc1,2024-01-05,1\n")));
        byte[] latin1 = "customer_id,date,amount\nc\u00e9,2024-01-05,1\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("latin1.csv");
        Files.write(file, latin1);
        assertNull(fast(file));
        assertSameOutcome(file);
    }

    @Test
    void hostileFiles_readGivesExactlyTheRecordByRecordOutcome() throws IOException {
        Random random = new Random(1717);
        int fastRead = 0;
        int clean = 0;
        for (int n = 0; n < 3_000; n++) {
            boolean tidy = random.nextInt(2) == 0;
            String text = file(random, tidy);
            Path path = write("hostile.csv", text);
            assertSameOutcome(path);
            if (tidy) {
                clean++;
                if (fast(path) != null) {
                    fastRead++;
                }
            }
        }
        assertTrue(fastRead > clean / 2, "the byte-level reader took only " + fastRead + " of " + clean
                + " tidy files");
    }

    /** A random file: header columns shuffled, with an extra column; rows from the value lists, random line breaks. */
    static String file(Random random, boolean tidy) {
        List<String> header = new ArrayList<>(List.of("customer_id", "date", "amount", "note"));
        java.util.Collections.shuffle(header, random);
        String delimiter = random.nextInt(4) == 0 ? ";" : ",";
        String lineBreak = BREAKS[random.nextInt(BREAKS.length)];
        StringBuilder text = new StringBuilder(random.nextInt(10) == 0 ? "\uFEFF" : "");
        text.append(String.join(delimiter, header)).append(lineBreak);
        int rows = 1 + random.nextInt(8);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(10) == 0) {
                text.append(lineBreak);
            }
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                cells.add(switch (column) {
                    case "customer_id" -> pick(random, IDS, tidy ? 6 : IDS.length);
                    case "date" -> pick(random, DATES, tidy ? 9 : DATES.length);
                    case "amount" -> pick(random, AMOUNTS, tidy ? 12 : AMOUNTS.length);
                    default -> random.nextBoolean() ? "" : "\"n" + delimiter + "o\"";
                });
            }
            if (!tidy && random.nextInt(15) == 0) {
                cells.remove(cells.size() - 1);
            }
            text.append(String.join(delimiter, cells));
            if (r < rows - 1 || random.nextBoolean()) {
                text.append(lineBreak);
            }
        }
        return text.toString();
    }

    private static String pick(Random random, String[] values, int bound) {
        return values[random.nextInt(bound)];
    }

    private static void assertSameOutcome(Path file) {
        Object expected = outcome(() -> ORDERS.readRecordByRecord(file, CsvFormat.UTF_8));
        Object actual = outcome(() -> ORDERS.read(file));
        if (expected instanceof OrderBook book) {
            if (!(actual instanceof OrderBook other)) {
                fail("record by record read a book, read gave " + actual);
                return;
            }
            assertSameBook(book, other);
        } else {
            assertEquals(expected, actual);
        }
    }

    private static Object outcome(java.util.function.Supplier<OrderBook> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void givenDelimiter_isUsedInsteadOfDetection() throws IOException {
        Path file = write("tabs.csv", "customer_id;x\tdate\tamount\nc1;y\t2024-01-05\t1\n");
        OrderBook book = new FastOrdersCsv("customer_id;x", "date", "amount", EUR, Optional.of('\t')).read(file);
        assertNotNull(book);
        assertArrayEquals(new String[] {"c1;y"}, new String[] {book.customerId(0)});
    }
}
