package dev.crmkit.core.access;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of asking whether an actor may do something: allowed, with every rule that granted it, or refused,
 * naming the permission and the record and why. Immutable and thread-safe.
 */
public sealed interface AccessDecision permits AccessDecision.Allowed, AccessDecision.Refused {

    /** Who asked. */
    Actor actor();

    /** What was asked, such as {@code view contact:...}, {@code administer PIPELINES}. */
    String what();

    /** Whether it is allowed. */
    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** The decision in one line, for people. */
    String explain();

    /**
     * Allowed.
     *
     * @param actor  who asked
     * @param what   what was asked
     * @param grants every rule that granted it, at least one
     */
    record Allowed(Actor actor, String what, List<Grant> grants) implements AccessDecision {
        /** Validates presence and that some rule granted it. */
        public Allowed {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(what, "what");
            grants = List.copyOf(grants);
            if (grants.isEmpty()) {
                throw new IllegalArgumentException("an allowed decision names the rule that granted it");
            }
        }

        @Override
        public String explain() {
            return actor + " may " + what + ": " + String.join("; ", grants.stream().map(Grant::why).toList());
        }
    }

    /**
     * Refused.
     *
     * @param actor  who asked
     * @param what   what was asked
     * @param reason why no rule granted it
     */
    record Refused(Actor actor, String what, String reason) implements AccessDecision {
        /** Validates presence. */
        public Refused {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String explain() {
            return actor + " may not " + what + ": " + reason;
        }
    }
}
