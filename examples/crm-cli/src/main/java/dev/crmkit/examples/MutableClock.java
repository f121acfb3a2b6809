package dev.crmkit.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that can be set by hand, for replaying events at the times they happened (a lead submitted yesterday at
 * 07:42) and for demos that need a fixed "now". Until it is {@link #set set}, and again after {@link #reset()}, it
 * follows its base clock. Thread-safe.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Instant> pinned;

    private MutableClock(Clock base, AtomicReference<Instant> pinned) {
        this.base = base;
        this.pinned = pinned;
    }

    /** A clock that follows {@code base} until it is set. */
    public static MutableClock following(Clock base) {
        return new MutableClock(Objects.requireNonNull(base, "base"), new AtomicReference<>());
    }

    /** A clock standing at {@code now} in {@code zone}; {@link #reset()} returns it to {@code now}. */
    public static MutableClock fixedAt(Instant now, ZoneId zone) {
        return following(Clock.fixed(now, zone));
    }

    /** Sets the time; it stays there until set again or reset. */
    public void set(Instant instant) {
        pinned.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Lets the clock follow its base clock again. */
    public void reset() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at != null ? at : base.instant();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The same clock seen in another zone: setting either one sets both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(base.withZone(zone), pinned);
    }
}
