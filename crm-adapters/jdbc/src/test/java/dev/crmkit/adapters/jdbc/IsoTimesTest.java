package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The times of a COPY's text and of the outbox events' JSON are written digit by digit ({@link IsoTimes}): the text
 * is exactly what {@link Instant#toString} writes for them (so the events' JSON is what Jackson wrote, and a COPY
 * reads back the same instants), from year 1 to 9999 (beyond, that is used itself), with no fraction, milliseconds,
 * microseconds and nanoseconds, before and after 1970.
 */
class IsoTimesTest {

    @Test
    void append_writesWhatInstantToStringWrites() {
        Random random = new Random(17);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        List<Instant> times = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(min),
                Instant.ofEpochSecond(max, 999_999_999), Instant.ofEpochSecond(-1, 1000), Instant.ofEpochSecond(-1, 1),
                Instant.parse("2026-03-02T08:00:00.120Z"), Instant.parse("2024-02-29T23:59:59.000001Z"),
                Instant.parse("2024-02-29T23:59:59.100000001Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-01T12:00:00.5Z"), Instant.MIN, Instant.MAX));
        for (int i = 0; i < 40_000; i++) {
            long seconds = min + (long) (random.nextDouble() * (max - min));
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            times.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant t : times) {
            StringBuilder out = new StringBuilder("x");
            IsoTimes.append(out, t);
            assertEquals("x" + t, out.toString());
        }
    }
}
