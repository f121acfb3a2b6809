package dev.crmkit.core.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that stands still until a test moves it, so that every time crmkit records can be predicted. Thread-safe:
 * the instant is read and moved atomically.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

    private TestClock(Instant now, ZoneId zone) {
        this.now = Objects.requireNonNull(now, "now");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A clock standing at the given instant, in the given zone. */
    public static TestClock at(Instant now, ZoneId zone) {
        return new TestClock(now, zone);
    }

    /** A clock standing at the given ISO instant ({@code 2026-03-02T09:00:00Z}), in Europe/Berlin. */
    public static TestClock at(String isoInstant) {
        return new TestClock(Instant.parse(isoInstant), ZoneId.of("Europe/Berlin"));
    }

    /** Moves the clock forward (or back, for a negative amount) and returns the new instant. */
    public synchronized Instant advance(Duration amount) {
        now = now.plus(Objects.requireNonNull(amount, "amount"));
        return now;
    }

    /** Sets the clock to an instant. */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        reads.incrementAndGet();
        return now;
    }

    /** How often the instant was read, in this zone or another: a test asserts that some work reads no clock. */
    public long reads() {
        return reads.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A clock in another zone that reads the same moving instant. */
    @Override
    public Clock withZone(ZoneId other) {
        TestClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return outer.withZone(z);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }

    @Override
    public String toString() {
        return "TestClock[" + now + ", " + zone + "]";
    }
}
