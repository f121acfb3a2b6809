package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.leadimport.CsvRecord;
import dev.crmkit.examples.cli.leadimport.CsvRecords;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.TimeUnit;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/**
 * Reads an orders file: CSV with a header holding a customer id, a date (ISO date, ISO date-time, or ISO date-time
 * with an offset, of which the calendar date counts; from 1900 to 2199) and an amount (a decimal, not negative, no
 * more decimals than the currency has, below 10^18; all of a file's amounts add up to what an
 * {@link OrderBook} holds). Other columns are ignored. Every bad value ends the read with the file, the line and the
 * column named (see {@link CsvCells}). A UTF-8 file is read at disk speed by {@link FastOrdersCsv}, straight from its
 * bytes into primitive columns; whatever that reader does not take, including every bad row, is read record by record
 * ({@link #readRecordByRecord}), so that the result and every error message are the same either way.
 */
public final class OrdersCsv {

    private final String customerColumn;
    private final String dateColumn;
    private final String amountColumn;
    private final Currency currency;

    /** A reader of the named columns, amounts in the currency. */
    public OrdersCsv(String customerColumn, String dateColumn, String amountColumn, Currency currency) {
        this.customerColumn = customerColumn;
        this.dateColumn = dateColumn;
        this.amountColumn = amountColumn;
        this.currency = currency;
    }

    /**
     * Every order of the file, in file order.
     *
     * @throws IllegalArgumentException naming the file, line and column of the first bad value, or a missing column
     */
    public OrderBook read(Path file) {
        return read(file, CsvFormat.UTF_8);
    }

    /**
     * Every record of a file in the given encoding and delimiter, as {@link #read(Path)} reads a UTF-8 file.
     *
     * @throws IllegalArgumentException naming the file and the line of a byte that is not valid in the encoding (and
     *                                  its byte offset), of malformed CSV, or of the first bad value
     */
    public OrderBook read(Path file, CsvFormat format) {
        if (format.charset().equals(StandardCharsets.UTF_8)) {
            try {
                OrderBook book = new FastOrdersCsv(customerColumn, dateColumn, amountColumn, currency,
                        format.delimiter()).read(file);
                if (book != null) {
                    return book;
                }
            } catch (IOException e) { // the record-by-record read below reports it as it always did
                // fall through
            }
        }
        return readRecordByRecord(file, format);
    }

    /**
     * The customers' summaries of a file as of the end of observation: what {@link CustomerSummaries#of} gives for
     * the book {@link #read(Path, CsvFormat)} reads, and the same errors. A UTF-8 file whose customers' orders lie in
     * date order (each customer's own orders; a file sorted by date or by customer and date) is summarised while it is
     * read by {@link FastOrdersCsv}, with no column per order and, from {@value FastOrdersCsv#PARALLEL_BYTES} bytes on,
     * in parallel chunks; any other file is read into a book first.
     *
     * @param file           the orders file
     * @param format         its encoding and delimiter
     * @param observationEnd the last day observed (inclusive): orders after it are ignored
     * @param unit           the unit of recency and age
     * @throws IllegalArgumentException as {@link #read(Path, CsvFormat)}
     * @throws ValidationException      as {@link CustomerSummaries#of}
     */
    public CustomerSummaries summaries(Path file, CsvFormat format, LocalDate observationEnd, TimeUnit unit) {
        return summaries(file, format, observationEnd, unit, 0);
    }

    /** {@link #summaries(Path, CsvFormat, LocalDate, TimeUnit)} in the given number of chunks (0: by the file). */
    CustomerSummaries summaries(Path file, CsvFormat format, LocalDate observationEnd, TimeUnit unit, int chunks) {
        if (format.charset().equals(StandardCharsets.UTF_8)) {
            FastOrdersCsv fast = new FastOrdersCsv(customerColumn, dateColumn, amountColumn, currency,
                    format.delimiter());
            try {
                CustomerSummaries summaries = chunks > 0 ? fast.summarise(file, observationEnd, unit, chunks)
                        : fast.summarise(file, observationEnd, unit);
                if (summaries != null) {
                    return summaries;
                }
                if (fast.bookMayRead()) {
                    return CustomerSummaries.of(read(file, format), observationEnd, unit);
                }
            } catch (IOException e) { // the record-by-record read below reports it as it always did
                // fall through
            }
        }
        return CustomerSummaries.of(readRecordByRecord(file, format), observationEnd, unit);
    }

    /**
     * Every record of a file read one by one through the CSV parser (Jackson), whatever its encoding: what
     * {@link #read(Path, CsvFormat)} does for a file the byte-level reader does not take (another encoding, a bad
     * value, unusual quoting), and so the source of every error message about a file.
     *
     * @throws IllegalArgumentException as {@link #read(Path, CsvFormat)}
     */
    public OrderBook readRecordByRecord(Path file, CsvFormat format) {
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in, format)) {
            int customer = records.requireColumn(file, customerColumn, "--customer-col names another");
            int date = records.requireColumn(file, dateColumn, "--date-col names another");
            int amount = records.requireColumn(file, amountColumn, "--amount-col names another");
            OrderBook.Builder book = OrderBook.builder(currency);
            int orders = 0;
            while (records.hasNext()) {
                CsvCells cells = new CsvCells(file, records.next());
                Order order = new Order(cells.required(customer, customerColumn), cells.date(date, dateColumn),
                        cells.money(amount, amountColumn, currency, false));
                try {
                    book.add(order);
                } catch (ValidationException e) {
                    throw new IllegalArgumentException(cells.where(amountColumn) + e.violations().get(0).message());
                }
                orders++;
            }
            if (orders == 0) {
                throw new IllegalArgumentException(file + " holds no orders, only a header");
            }
            return book.build();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "orders (%s, %s, %s in %s)", customerColumn, dateColumn, amountColumn,
                currency);
    }
}
