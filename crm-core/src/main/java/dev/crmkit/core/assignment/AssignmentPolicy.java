package dev.crmkit.core.assignment;

/**
 * Decides who works a lead. A plain Java object: the built-in {@link RoutedPolicy} composes routing rules, member
 * filters and a strategy; an embedder can write their own. Implementations are thread-safe and keep their memory
 * (cursors, counters) in the context's {@link AssignmentState}, never in fields, so several nodes share it.
 */
public interface AssignmentPolicy {

    /** Decides an owner for the lead, with the explanation; may take rotation tickets and quota units. */
    Decision decide(LeadProfile lead, PolicyContext context);

    /**
     * Gives back what {@link #decide} reserved (quota units) for a chosen owner when the assignment did not happen.
     * The default gives back nothing.
     */
    default void cancel(Decision.Chosen decision, PolicyContext context) {
    }
}
