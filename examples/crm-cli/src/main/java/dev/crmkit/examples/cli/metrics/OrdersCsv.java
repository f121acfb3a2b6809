package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.leadimport.CsvRecord;
import dev.crmkit.examples.cli.leadimport.CsvRecords;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;

/**
 * Reads an orders file: CSV with a header holding a customer id, a date (ISO date, ISO date-time, or ISO date-time
 * with an offset, of which the calendar date counts) and an amount (a plain decimal, no more decimals than the
 * currency has). Other columns are ignored. Every bad value ends the read with the line and the column named.
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
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in, format)) {
            int customer = records.requireColumn(file, customerColumn, "--customer-col names another");
            int date = records.requireColumn(file, dateColumn, "--date-col names another");
            int amount = records.requireColumn(file, amountColumn, "--amount-col names another");
            OrderBook.Builder book = OrderBook.builder(currency);
            int orders = 0;
            while (records.hasNext()) {
                CsvRecord r = records.next();
                String where = file + " line " + r.line() + ": ";
                String id = r.cell(customer).strip();
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(where + "column " + customerColumn + " is empty");
                }
                book.add(new Order(id, date(r.cell(date), where), amount(r.cell(amount), where)));
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

    private LocalDate date(String text, String where) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toLocalDate();
            }
            return LocalDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "column " + dateColumn + " is not an ISO date or date-time: \""
                    + value + "\"");
        }
    }

    private Money amount(String text, String where) {
        String value = text.strip();
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "column " + amountColumn + " is not a decimal amount: \""
                    + value + "\"");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(where + "column " + amountColumn + " must not be negative: " + value);
        }
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new IllegalArgumentException(where + "column " + amountColumn + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + "): " + value);
        }
        return Money.of(amount, currency);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "orders (%s, %s, %s in %s)", customerColumn, dateColumn, amountColumn,
                currency);
    }
}
