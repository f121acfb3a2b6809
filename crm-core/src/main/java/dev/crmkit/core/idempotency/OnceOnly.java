package dev.crmkit.core.idempotency;

import dev.crmkit.core.kernel.Transactions;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a command at most once per {@link IdempotencyKey}: in one unit of work, it looks the key up and, if a call with
 * it committed before, rebuilds that call's outcome instead of doing the work; otherwise it does the work and records
 * the outcome in the same unit. An outcome that changed nothing (a refusal) is not recorded, so a retry decides again.
 * A unit that loses a race for the same key to a concurrent one is rerun and then finds the winner's outcome. The
 * use cases wire this for you; it is public for embedders' own commands. Thread-safe.
 */
public final class OnceOnly {

    /** How often a keyed call runs in all when a concurrent unit gets in the way. */
    private static final int ATTEMPTS = 10;

    private final IdempotencyKeys keys;
    private final Transactions transactions;
    private final Clock clock;

    /** Runs keyed commands on these keys, in these units of work, recording times from the clock. */
    public OnceOnly(IdempotencyKeys keys, Transactions transactions, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs a command once for a key.
     *
     * @param key      the call's key
     * @param command  the command's name, recorded with the outcome; a key recorded for another command is refused
     * @param work     the command's work, run inside the unit of work
     * @param describe the text to record for an outcome, or empty for an outcome that changed nothing
     * @param replay   the outcome rebuilt from a recorded text
     * @throws IllegalArgumentException if the key was recorded for another command
     */
    public <T> T run(IdempotencyKey key, String command, Supplier<T> work, Function<T, Optional<String>> describe,
                     Function<String, T> replay) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(command, "command");
        return transactions.inTransactionRetrying(ATTEMPTS, () -> {
            Optional<RecordedOutcome> seen = keys.find(key);
            if (seen.isPresent()) {
                if (!seen.get().command().equals(command)) {
                    throw new IllegalArgumentException("idempotency key '" + key + "' was used for "
                            + seen.get().command() + " at " + seen.get().recordedAt() + ", not for " + command);
                }
                return replay.apply(seen.get().outcome());
            }
            T outcome = work.get();
            describe.apply(outcome).ifPresent(text ->
                    keys.record(new RecordedOutcome(key, command, text, clock.instant())));
            return outcome;
        });
    }
}
