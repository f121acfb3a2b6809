package dev.crmkit.core.idempotency;

import java.util.Optional;

/**
 * The port that remembers the outcome of each keyed call, written in the unit of work of the call's changes, so the
 * record exists if and only if the changes committed. Implementations are thread-safe.
 */
public interface IdempotencyKeys {

    /** The outcome recorded under a key, if a call with it committed. */
    Optional<RecordedOutcome> find(IdempotencyKey key);

    /**
     * Records a call's outcome, in the running unit of work (or in one of its own).
     *
     * @throws dev.crmkit.core.kernel.ConflictException if the key is recorded already, also by a concurrent unit that
     *                                                   committed first: rerun the unit, which then finds it
     */
    void record(RecordedOutcome outcome);

    /**
     * The keys of a store that keeps none: every call fails with an {@link UnsupportedOperationException} that says
     * so. The default of {@link dev.crmkit.core.CrmStore#idempotencyKeys()} for stores written before keys existed.
     */
    static IdempotencyKeys unsupported() {
        return new IdempotencyKeys() {
            @Override
            public Optional<RecordedOutcome> find(IdempotencyKey key) {
                throw refusal();
            }

            @Override
            public void record(RecordedOutcome outcome) {
                throw refusal();
            }

            private UnsupportedOperationException refusal() {
                return new UnsupportedOperationException("this store keeps no idempotency keys: calls with an "
                        + "IdempotencyKey need a store whose idempotencyKeys() is implemented (crmkit's in-memory and "
                        + "JDBC stores)");
            }
        };
    }
}
