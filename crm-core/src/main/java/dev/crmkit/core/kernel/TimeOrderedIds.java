package dev.crmkit.core.kernel;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562, section 5.7) with a dedicated counter (section 6.2, method 1): the first 48 bits are the
 * clock's Unix time in milliseconds, then 42 bits of a counter (the 12 bits of {@code rand_a} and the top 30 of
 * {@code rand_b}), then 32 random bits. The counter starts at a random value below 2^41 in each new millisecond and
 * counts up within one, so ids compare (as unsigned numbers, as PostgreSQL and {@link UUID#compareTo} for these
 * ids do) in the order they were made, also under a fixed clock, a clock that goes back, and several threads. When
 * the counter runs out the timestamp moves one millisecond ahead of the clock, as the RFC allows.
 *
 * <p>Thread-safe (one lock around the state). The random bits are not secret: v7 ids reveal when they were made.
 */
final class TimeOrderedIds implements IdGenerator {

    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final long COUNTER_BITS = 42;
    private static final long COUNTER_LIMIT = 1L << COUNTER_BITS;
    private static final long START_LIMIT = 1L << (COUNTER_BITS - 1);

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private long counter;

    TimeOrderedIds(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = random;
    }

    @Override
    public UUID next() {
        long now = clock.millis();
        if (now < 0 || now > MAX_MILLIS) {
            throw new IllegalStateException("a version 7 UUID needs a time from 1970 to 10889, the clock says "
                    + clock.instant());
        }
        long millis;
        long count;
        long tail;
        synchronized (this) {
            if (now > lastMillis) {
                lastMillis = now;
                counter = random.nextLong(START_LIMIT);
            } else if (++counter == COUNTER_LIMIT) {
                lastMillis++;
                counter = random.nextLong(START_LIMIT);
            }
            millis = lastMillis;
            count = counter;
            tail = random.nextLong() & 0xffffffffL;
        }
        long hi = millis << 16 | 0x7000L | count >>> 30;                      // unix_ts_ms, ver 7, rand_a
        long lo = 0x8000000000000000L | (count & 0x3fffffffL) << 32 | tail;   // var 10, rand_b
        return new UUID(hi, lo);
    }

    @Override
    public String toString() {
        return "time-ordered ids (UUID v7) from " + clock;
    }
}
