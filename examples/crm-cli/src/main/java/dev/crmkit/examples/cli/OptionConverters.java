package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.BadValue;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * How {@code crm} reads option values of common types: numbers through {@link Numbers} (bounded), dates and paths
 * with messages for people. picocli's own converters name Java exceptions ({@code java.lang.NumberFormatException})
 * and quote whole values; these say what is wrong in a few words.
 */
final class OptionConverters {

    private OptionConverters() {
    }

    /** Registers the converters on a command line and all its subcommands. */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(BigDecimal.class, converter(Numbers::decimal));
        commandLine.registerConverter(Integer.class, converter(OptionConverters::integer));
        commandLine.registerConverter(Integer.TYPE, converter(OptionConverters::integer));
        commandLine.registerConverter(Long.class, converter(OptionConverters::whole));
        commandLine.registerConverter(Long.TYPE, converter(OptionConverters::whole));
        commandLine.registerConverter(Double.class, converter(Numbers::real));
        commandLine.registerConverter(Double.TYPE, converter(Numbers::real));
        commandLine.registerConverter(LocalDate.class, converter(OptionConverters::date));
        commandLine.registerConverter(Period.class, converter(OptionConverters::period));
        commandLine.registerConverter(Path.class, converter(OptionConverters::path));
        commandLine.registerConverter(java.time.Instant.class, converter(OptionConverters::instant));
        commandLine.registerConverter(java.time.LocalTime.class, converter(OptionConverters::time));
    }

    private static <T> ITypeConverter<T> converter(Function<String, T> read) {
        return value -> {
            try {
                return read.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    private static Integer integer(String text) {
        return (int) Numbers.whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static Long whole(String text) {
        return Numbers.whole(text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(BadValue.quote(text) + " is not an ISO date such as 2026-11-23");
        }
    }

    private static java.time.Instant instant(String text) {
        try {
            return java.time.Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(BadValue.quote(text) + " is not an ISO instant such as "
                    + "2026-11-23T09:30:00Z");
        }
    }

    private static java.time.LocalTime time(String text) {
        try {
            return java.time.LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(BadValue.quote(text) + " is not a time of day such as 09:30");
        }
    }

    private static Period period(String text) {
        try {
            return Period.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(BadValue.quote(text) + " is not an ISO 8601 period such as P6M, P2W or "
                    + "P14D");
        }
    }

    private static Path path(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("a file or folder name is required, got nothing");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(BadValue.quote(text) + " is not a file name: " + e.getReason());
        }
    }
}
