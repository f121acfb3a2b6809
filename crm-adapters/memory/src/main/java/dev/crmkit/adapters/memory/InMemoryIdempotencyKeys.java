package dev.crmkit.adapters.memory;

import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.idempotency.IdempotencyKeys;
import dev.crmkit.core.idempotency.RecordedOutcome;
import dev.crmkit.core.kernel.ConflictException;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The outcomes of keyed calls in memory, undone with the unit of work that recorded them. Thread-safe. */
final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final InMemoryTransactions tx;
    private final Map<IdempotencyKey, RecordedOutcome> outcomes = new HashMap<>();

    InMemoryIdempotencyKeys(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<RecordedOutcome> find(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        return tx.read(() -> Optional.ofNullable(outcomes.get(key)));
    }

    @Override
    public void record(RecordedOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        tx.run(() -> {
            if (outcomes.putIfAbsent(outcome.key(), outcome) != null) {
                throw new ConflictException("idempotency key '" + outcome.key() + "' is recorded already", null);
            }
            tx.onRollback(() -> outcomes.remove(outcome.key()));
        });
    }

    /** The archive of the recorded outcomes, keyed by the idempotency key: export and restore only. */
    MemoryArchive<RecordedOutcome> archive() {
        return new MemoryArchive<>(tx, "idempotency key", (after, limit) -> KeyOrder.after(outcomes.values(),
                o -> o.key().value(), after, limit), o -> o.key().value(),
                k -> outcomes.containsKey(IdempotencyKey.of(k)), this::record);
    }
}
