package dev.crmkit.examples.cli.team;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.examples.cli.leadimport.CsvRecord;
import dev.crmkit.examples.cli.leadimport.CsvRecords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a team statistics CSV file as its reader sees it: the cells by column name, with the file and line for
 * messages. Every bad value is refused as {@code FILE line N: column C ...}, an {@link IllegalArgumentException}.
 * Files are read with {@link CsvRecords}. Not thread-safe.
 */
final class TeamCsv {

    /** Reads one record into a value. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(TeamCsv row);
    }

    private final Path file;
    private final Map<String, Integer> columns;
    private final ZoneId zone;
    private CsvRecord record;

    private TeamCsv(Path file, Map<String, Integer> columns, ZoneId zone) {
        this.file = file;
        this.columns = columns;
        this.zone = zone;
    }

    /**
     * Every row of a file, in file order, read by {@code reader}.
     *
     * @param required the columns the file must have
     * @param optional the columns it may have
     * @param zone     the zone of date-times without an offset
     * @throws IllegalArgumentException naming the file (and line and column) of a missing file or column or of the
     *                                  first bad value
     */
    static <T> List<T> read(Path file, List<String> required, List<String> optional, ZoneId zone,
                            RowReader<T> reader) {
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in)) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            String needs = "it needs the columns " + String.join(", ", required);
            for (String name : required) {
                columns.put(name, records.requireColumn(file, name, needs));
            }
            for (String name : optional) {
                columns.put(name, records.column(name));
            }
            TeamCsv row = new TeamCsv(file, columns, zone);
            List<T> out = new ArrayList<>();
            while (records.hasNext()) {
                row.record = records.next();
                out.add(row.readWith(reader));
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private <T> T readWith(RowReader<T> reader) {
        try {
            return reader.read(this);
        } catch (ValidationException e) {
            Violation v = e.violations().get(0);
            throw bad(columnOf(v.field()), v.message() + " [" + v.rule() + "]");
        }
    }

    /** The column a domain field comes from: the field's own name, or its snake-case column. */
    private String columnOf(String field) {
        String snake = field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        if (columns.containsKey(snake)) {
            return snake;
        }
        return columns.keySet().stream().filter(c -> c.startsWith(snake)).findFirst().orElse(field);
    }

    /** A refusal of the current row's column. */
    IllegalArgumentException bad(String column, String problem) {
        return new IllegalArgumentException(file + " line " + record.line() + ": column " + column + " " + problem);
    }

    /** The stripped value of a column; empty when the column is absent or the cell blank. */
    Optional<String> optional(String column) {
        int index = columns.getOrDefault(column, -1);
        return index < 0 ? Optional.empty() : Optional.of(record.cell(index).strip()).filter(v -> !v.isEmpty());
    }

    /** The stripped value of a column that must not be empty. */
    String required(String column) {
        return optional(column).orElseThrow(() -> bad(column, "is empty"));
    }

    /** The value of a column, one of the words given (case ignored), lower-cased; empty when blank. */
    Optional<String> word(String column, List<String> words) {
        Optional<String> value = optional(column).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isPresent() && !words.contains(value.get())) {
            throw bad(column, "must be one of " + String.join(", ", words) + ", was \"" + value.get() + "\"");
        }
        return value;
    }

    /** An ISO instant, date-time with or without offset (then in the zone), or date (its start in the zone). */
    Instant instant(String column) {
        String value = required(column);
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.endsWith("z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(column, "is not an ISO date-time: \"" + value + "\"");
        }
    }

    /** The calendar day of an ISO date, or of a date-time in the zone. */
    LocalDate day(String column) {
        return instant(column).atZone(zone).toLocalDate();
    }

    /** A whole number of at least zero; empty when blank. */
    Optional<Long> count(String column) {
        Optional<String> value = optional(column);
        try {
            Optional<Long> n = value.map(Long::parseLong);
            if (n.isPresent() && n.get() < 0) {
                throw bad(column, "must not be negative, was " + n.get());
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(column, "is not a whole number: \"" + value.orElse("") + "\"");
        }
    }

    /** Money of an amount column and a currency column, exact to the currency's decimals. */
    Money money(String amountColumn, String currencyColumn) {
        String code = required(currencyColumn);
        Currency currency;
        try {
            currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(currencyColumn, "is not an ISO 4217 currency code: \"" + code + "\"");
        }
        String text = required(amountColumn);
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw bad(amountColumn, "is not a decimal amount: \"" + text + "\"");
        }
        if (amount.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())) {
            throw bad(amountColumn, "has more decimals than " + currency.getCurrencyCode() + " allows ("
                    + currency.getDefaultFractionDigits() + "): " + text);
        }
        return Money.of(amount, currency);
    }

    /** The zone of times without offset. */
    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone must be a time zone such as UTC or Europe/Berlin, got "
                    + text);
        }
    }
}
