package dev.crmkit.core.access;

import java.util.Objects;

/**
 * A change made through an actor's view altered a field the actor may not change, inside a unit of work the caller
 * runs: the view cannot undo it alone, so this exception leaves the caller's unit, which rolls it back. Outside a
 * caller's unit the view undoes the change itself and returns the refusal as a value instead.
 */
public final class RefusedChangeException extends RuntimeException {

    private final transient AccessDecision.Refused refusal;

    /** The refusal, naming the permission, the field and the record. */
    public RefusedChangeException(AccessDecision.Refused refusal) {
        super(Objects.requireNonNull(refusal, "refusal").explain());
        this.refusal = refusal;
    }

    /** Why the change was refused. */
    public AccessDecision.Refused refusal() {
        return refusal;
    }
}
