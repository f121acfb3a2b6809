package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.message.DueMessage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in the ledger. Immutable and thread-safe.
 *
 * @param message    the due message
 * @param claimedBy  the node of the latest claim, empty before any
 * @param leaseUntil when that claim's lease ends, empty before any
 * @param claims     how many times it was claimed (more than one after a crash or a failed send)
 * @param doneAt     when it was marked done, empty until then
 * @param outcome    what happened ({@code sent <provider id>}, {@code held: <reason>}), empty until done
 */
public record MessageState(DueMessage message, Optional<String> claimedBy, Optional<Instant> leaseUntil, int claims,
        Optional<Instant> doneAt, Optional<String> outcome) {

    /** Checks the parts are there. */
    public MessageState {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(claimedBy, "claimedBy");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(doneAt, "doneAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether it was marked done. */
    public boolean done() {
        return doneAt.isPresent();
    }
}
