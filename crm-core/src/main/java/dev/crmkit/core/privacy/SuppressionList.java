package dev.crmkit.core.privacy;

import java.time.Instant;

/**
 * The store port of salted hashes of erased people's e-mails and phones ({@link Suppressions#hashOf}): never the
 * values themselves. Writes take part in the running unit of work. Implementations are thread-safe.
 */
public interface SuppressionList {

    /** Adds a hash; true when it was new, false when it was listed already. */
    boolean add(String hash, Instant at);

    /** Whether a hash is listed. */
    boolean contains(String hash);

    /** The number of hashes listed. */
    long count();

    /** A store without a list: {@link #contains} is always false and {@link #add} fails. */
    static SuppressionList unsupported() {
        return new SuppressionList() {
            @Override
            public boolean add(String hash, Instant at) {
                throw new UnsupportedOperationException("this store keeps no suppression list");
            }

            @Override
            public boolean contains(String hash) {
                return false;
            }

            @Override
            public long count() {
                return 0;
            }
        };
    }
}
