package dev.crmkit.core.access;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a change made through an actor's view ({@code Crm.as(actor)}): the decision, and when it allowed
 * the change, what the change returned. A refused change changed nothing, and its {@link AccessDecision.Refused}
 * names the permission and the record ({@code "edit contact:..."}) and why; a record the actor may not view is
 * refused as "not found", so a refusal does not tell whether a hidden record exists. Immutable and thread-safe if
 * the value is.
 *
 * @param <T> what the change returns
 */
public final class Guarded<T> {

    private final AccessDecision decision;
    private final T value;

    private Guarded(AccessDecision decision, T value) {
        this.decision = Objects.requireNonNull(decision, "decision");
        this.value = value;
    }

    /** A change that was allowed and made. */
    public static <T> Guarded<T> done(AccessDecision.Allowed decision, T value) {
        return new Guarded<>(decision, Objects.requireNonNull(value, "value"));
    }

    /** A change that was refused and not made. */
    public static <T> Guarded<T> refused(AccessDecision.Refused decision) {
        return new Guarded<>(decision, null);
    }

    /** Whether the change was allowed and made. */
    public boolean allowed() {
        return decision.allowed();
    }

    /** The decision: every rule that allowed it, or why it was refused. */
    public AccessDecision decision() {
        return decision;
    }

    /** What the change returned; empty when it was refused. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    @Override
    public String toString() {
        return allowed() ? "Done[" + value + "]" : "Refused[" + decision.explain() + "]";
    }
}
