package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.pipeline.definition.Actor;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The command to move a deal to a stage.
 *
 * @param deal            the deal
 * @param stage           the stage to enter (ignoring case)
 * @param actor           who moves it
 * @param lostReason      why, when moving into a lost stage
 * @param expectedVersion the version of the deal the mover saw; a move based on another one is refused as stale
 */
public record MoveDeal(DealId deal, String stage, Actor actor, Optional<String> lostReason,
                       OptionalLong expectedVersion) {

    /** Validates presence. */
    public MoveDeal {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(lostReason, "lostReason");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }

    /** A move of whatever version is current. */
    public static MoveDeal to(DealId deal, String stage, Actor actor) {
        return new MoveDeal(deal, stage, actor, Optional.empty(), OptionalLong.empty());
    }

    /** The same move, based on the version the mover saw. */
    public MoveDeal atVersion(long version) {
        return new MoveDeal(deal, stage, actor, lostReason, OptionalLong.of(version));
    }

    /**
     * The same move, based on the deal the mover holds: at its version.
     *
     * @throws ValidationException if this move is for another deal (rule {@code seen-deal}) or based on another
     *                             version than the deal's (rule {@code seen-version})
     */
    public MoveDeal atVersionOf(Deal seen) {
        requireSeen(seen);
        return expectedVersion.isPresent() ? this : atVersion(seen.version()); // at that version already: as it is
    }

    /**
     * Checks that this move may be based on the deal the mover holds, as {@link #atVersionOf} does, without making
     * the move at its version: for a caller that needs that move only on some paths (a move of a deal in hand).
     *
     * @throws ValidationException if this move is for another deal (rule {@code seen-deal}) or based on another
     *                             version than the deal's (rule {@code seen-version})
     */
    public void requireSeen(Deal seen) {
        Objects.requireNonNull(seen, "seen");
        if (!seen.id().equals(deal)) {
            throw ValidationException.of("deal", "seen-deal", "the move is for deal " + deal
                    + ", the deal held is " + seen.id());
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != seen.version()) {
            throw ValidationException.of("expectedVersion", "seen-version", "the move is based on version "
                    + expectedVersion.getAsLong() + ", the deal held is at version " + seen.version());
        }
    }

    /** The same move, with a lost reason. */
    public MoveDeal because(String reason) {
        return new MoveDeal(deal, stage, actor, Optional.of(reason), expectedVersion);
    }
}
