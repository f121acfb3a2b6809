package dev.crmkit.core.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * What a keyed call did, as the store keeps it: the command it was, and a short text from which the command rebuilds
 * its outcome (the ids of what it created or changed). Immutable and thread-safe.
 *
 * @param key        the call's key
 * @param command    the command, 1 to 40 characters, for example {@code capture} or {@code deal.move}
 * @param outcome    the command's own description of its outcome, at most {@value #MAX_OUTCOME} characters
 * @param recordedAt when the call did its work
 */
public record RecordedOutcome(IdempotencyKey key, String command, String outcome, Instant recordedAt) {

    /** The longest outcome text, in characters. */
    public static final int MAX_OUTCOME = 2000;

    /** Validates presence and lengths. */
    public RecordedOutcome {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (command.isEmpty() || command.length() > 40) {
            throw new IllegalArgumentException("command must be 1 to 40 characters: '" + command + "'");
        }
        if (outcome.length() > MAX_OUTCOME) {
            throw new IllegalArgumentException("outcome must be at most " + MAX_OUTCOME + " characters, not "
                    + outcome.length());
        }
    }
}
