package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of someone's work, as the activity statistics read it: a call, an e-mail, a meeting or a task, when it
 * happened, and for calls their direction, outcome and talk time (each may be unknown). Immutable and thread-safe.
 *
 * @param owner     who did it, not blank
 * @param kind      call, e-mail, meeting or task
 * @param direction in or out, for calls and e-mails; unknown counts in neither
 * @param at        when it happened (a task: when it was done, or its due time when it is overdue and open)
 * @param duration  the talk time of a call, not negative; unknown adds nothing to talk time
 * @param outcome   answered or missed for a call, done or overdue for a task; unknown counts in neither
 */
public record ActivityRecord(String owner, ActivityKind kind, Optional<Direction> direction, Instant at,
                             Optional<Duration> duration, Optional<Outcome> outcome) {

    /**
     * Validates the record.
     *
     * @throws ValidationException naming {@code owner} when blank, {@code duration} when negative or given for
     *         something other than a call, or {@code outcome} when it does not fit the kind
     */
    public ActivityRecord {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        if (owner.isBlank()) {
            throw ValidationException.of("owner", "required", "an activity needs an owner");
        }
        if (duration.isPresent() && (duration.get().isNegative() || kind != ActivityKind.CALL)) {
            throw ValidationException.of("duration", "call-talk-time", "is the talk time of a call, not negative; "
                    + "was " + duration.get().toSeconds() + " s on a " + kind.name().toLowerCase(Locale.ROOT));
        }
        if (outcome.isPresent() && !outcome.get().fits(kind)) {
            throw ValidationException.of("outcome", "fits-kind", outcome.get().name().toLowerCase(Locale.ROOT)
                    + " does not end a " + kind.name().toLowerCase(Locale.ROOT)
                    + " (calls: answered, missed; tasks: done, "
                    + "overdue)");
        }
    }

    /** A call. */
    public static ActivityRecord call(String owner, Direction direction, Instant at, Optional<Duration> duration,
                                      Optional<Outcome> outcome) {
        return new ActivityRecord(owner, ActivityKind.CALL, Optional.of(direction), at, duration, outcome);
    }

    /** An activity of a kind without duration or outcome: an e-mail or a meeting. */
    public static ActivityRecord of(String owner, ActivityKind kind, Optional<Direction> direction, Instant at) {
        return new ActivityRecord(owner, kind, direction, at, Optional.empty(), Optional.empty());
    }

    /** A task done on time ({@link Outcome#DONE}) or overdue. */
    public static ActivityRecord task(String owner, Instant at, Outcome outcome) {
        return new ActivityRecord(owner, ActivityKind.TASK, Optional.empty(), at, Optional.empty(),
                Optional.of(outcome));
    }
}
