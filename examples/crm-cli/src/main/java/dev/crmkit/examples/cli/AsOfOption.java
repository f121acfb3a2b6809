package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.BadValue;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code --as-of}: the moment a command takes as "now" (score decay, due dates, stage times, the report's month).
 * Without it a command reads the system clock; with it, the same store and arguments give the same answer on any day.
 */
public final class AsOfOption {

    @Option(names = "--as-of", paramLabel = "DATE|INSTANT", converter = Converter.class,
            description = "Take this moment as now instead of the system clock: an instant (2026-11-23T09:00:00Z) "
                    + "or a date (2026-11-23, meaning the end of that day in UTC).")
    Instant asOf;

    /** The clock the command runs on: fixed at {@code --as-of} when given, else the system clock in UTC. */
    public Clock clock() {
        return clock(ZoneOffset.UTC);
    }

    /** The clock the command runs on, in the given zone. */
    public Clock clock(ZoneId zone) {
        return asOf == null ? Clock.system(zone) : Clock.fixed(asOf, zone);
    }

    /** The moment given with {@code --as-of}, if any. */
    public Optional<Instant> instant() {
        return Optional.ofNullable(asOf);
    }

    /** Reads an ISO-8601 instant, or a date as the last instant of that day in UTC. */
    static final class Converter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String text = value.strip();
            try {
                if (text.length() <= 10) {
                    return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
                }
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(BadValue.quote(text) + " is neither a date (2026-11-23) nor an "
                        + "instant (2026-11-23T09:00:00Z)");
            }
        }
    }
}
