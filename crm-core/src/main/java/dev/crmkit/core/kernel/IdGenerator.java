package dev.crmkit.core.kernel;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The port through which every new record gets its identity. The domain never calls {@link UUID#randomUUID()}
 * itself, so tests and demos can fix identities with {@link #seeded(long)}.
 *
 * <p>Implementations must be thread-safe and must never return the same id twice.
 */
@FunctionalInterface
public interface IdGenerator {

    /** The next id. */
    UUID next();

    /** Random version-4 UUIDs from a {@link SecureRandom}: the production default. */
    static IdGenerator random() {
        return UUID::randomUUID;
    }

    /**
     * Deterministic version-4 UUIDs drawn from a seeded generator: the same seed gives the same sequence of ids.
     * Thread-safe; for tests, demos and benchmarks.
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
