package dev.crmkit.core.assignment;

import java.util.Optional;

/**
 * A filter that removes team members who cannot take a lead now (away, at capacity). A filter that rations something
 * ({@link MemberFilters#capacity()}) also takes its unit atomically once a member is picked, through
 * {@link #reserve}, and gives it back through {@link #release} when the assignment does not happen.
 */
public interface MemberFilter {

    /** The filter's name, shown in explanations as the rule of a {@link Skip}. */
    String name();

    /** Why the member cannot take the lead, or empty when they can. */
    Optional<String> skip(Member member, PolicyContext context);

    /** Takes what the picked member uses up; {@code false} when someone else took the last of it meanwhile. */
    default boolean reserve(Member member, PolicyContext context) {
        return true;
    }

    /** Gives back what {@link #reserve} took. */
    default void release(Member member, PolicyContext context) {
    }
}
