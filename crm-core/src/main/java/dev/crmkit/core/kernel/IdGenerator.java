package dev.crmkit.core.kernel;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The port through which every new record gets its identity. The domain never calls {@link UUID#randomUUID()}
 * itself, so tests and demos can fix identities with {@link #timeOrdered(Clock, long)} or {@link #seeded(long)}, and a
 * host with identities of its own passes them in here.
 *
 * <p>{@link #timeOrdered(Clock)}, the default of {@code Crm.builder()}, gives ids that sort in the order they were
 * made; stores do not rely on it, though: each breaks ties between equal times in the order records were inserted,
 * whatever the ids.
 *
 * <p>Implementations must be thread-safe and must never return the same id twice.
 */
@FunctionalInterface
public interface IdGenerator {

    /** The next id. */
    UUID next();

    /**
     * Time-ordered version-7 UUIDs (RFC 9562) from a clock, with a counter within each millisecond: ids made one after
     * the other compare in that order ({@link UUID#compareTo}, PostgreSQL's {@code uuid} order, their text), under any
     * clock and from any number of threads, which keeps B-tree indexes on them appending at the end. The random bits
     * come from a generator seeded once from a {@link SecureRandom}. The default of {@code Crm.builder()}.
     *
     * @param clock where the time part comes from, normally the {@code Crm}'s clock
     */
    static IdGenerator timeOrdered(Clock clock) {
        return new TimeOrderedIds(clock, new SplittableRandom(new SecureRandom().nextLong()));
    }

    /**
     * Time-ordered version-7 UUIDs like {@link #timeOrdered(Clock)} whose random bits come from a seed: the same seed
     * and the same clock readings give the same ids. For tests, demos and benchmarks.
     */
    static IdGenerator timeOrdered(Clock clock, long seed) {
        return new TimeOrderedIds(clock, new SplittableRandom(seed));
    }

    /** Random version-4 UUIDs from a {@link SecureRandom}, for hosts that want ids to reveal nothing. */
    static IdGenerator random() {
        return UUID::randomUUID;
    }

    /**
     * Deterministic version-4 UUIDs drawn from a seeded generator: the same seed gives the same sequence of ids.
     * Thread-safe; for tests that want ids in no particular order.
     */
    static IdGenerator seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return () -> {
            long hi;
            long lo;
            synchronized (random) {
                hi = random.nextLong();
                lo = random.nextLong();
            }
            hi = (hi & 0xffffffffffff0fffL) | 0x0000000000004000L; // version 4
            lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
            return new UUID(hi, lo);
        };
    }
}
