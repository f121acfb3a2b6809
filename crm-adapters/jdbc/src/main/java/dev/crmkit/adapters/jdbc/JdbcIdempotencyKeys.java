package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.idempotency.IdempotencyKeys;
import dev.crmkit.core.idempotency.RecordedOutcome;
import dev.crmkit.core.kernel.ConflictException;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcomes of keyed calls in {@code <prefix>idempotency_key}, one row per key, inserted in the unit of work of
 * the call's changes with the dialect's insert-or-ignore: of two concurrent calls with one key, the second waits for
 * the first's row and, once that commits, finds its key taken and is rerun. Thread-safe.
 */
final class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final Jdbc jdbc;
    private final String find;
    private final String insert;

    JdbcIdempotencyKeys(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.find = jdbc.sql("SELECT command, outcome, recorded_at FROM {idempotency_key} WHERE idem_key = ?");
        this.insert = jdbc.dialect.insertIgnoring(jdbc.tables.name("idempotency_key"), 1, "idem_key", "command",
                "outcome", "recorded_at");
    }

    @Override
    public Optional<RecordedOutcome> find(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        return jdbc.tx.read(c -> jdbc.one(c, find, rs -> new RecordedOutcome(key, rs.getString("command"),
                rs.getString("outcome"), jdbc.dialect.getInstant(rs, "recorded_at")), key.value()));
    }

    @Override
    public void record(RecordedOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        boolean inserted = jdbc.tx.write(c -> jdbc.insertIgnoring(c, insert, outcome.key().value(), outcome.command(),
                outcome.outcome(), outcome.recordedAt()));
        if (!inserted) {
            throw new ConflictException("idempotency key '" + outcome.key() + "' is recorded already, by a call "
                    + "that committed first; run the unit again to get its outcome", null);
        }
    }

    /** The archive of the recorded outcomes, keyed by the idempotency key: export and restore only. */
    JdbcArchive<RecordedOutcome> archive() {
        String key = jdbc.dialect.binaryText("idem_key");
        return new JdbcArchive<>(jdbc, "idempotency key",
                "SELECT idem_key, command, outcome, recorded_at FROM {idempotency_key}",
                key + " > " + jdbc.dialect.binaryText("?"), key, "idem_key = ?",
                rs -> new RecordedOutcome(IdempotencyKey.of(rs.getString("idem_key")), rs.getString("command"),
                        rs.getString("outcome"), jdbc.dialect.getInstant(rs, "recorded_at")),
                o -> o.key().value(), k -> new Object[]{k}, k -> new Object[]{k}, (c, o) -> record(o))
                .restoringAll((c, all) -> jdbc.batch(c, jdbc.sql("INSERT INTO {idempotency_key} (idem_key, command, "
                        + "outcome, recorded_at) VALUES (?, ?, ?, ?)"), all, o -> new Object[]{o.key().value(),
                        o.command(), o.outcome(), o.recordedAt()}));
    }
}
