package dev.crmkit.campaigns.segment;

import dev.crmkit.core.contact.ContactId;

import java.util.List;
import java.util.Optional;

/**
 * A segment of contacts counted and paged where they are stored (adapter: {@code JdbcContactSegments}, which turns
 * the filter into a parameterised WHERE clause). Results equal {@link ContactFilter#matches} over every contact.
 * Implementations are thread-safe.
 */
public interface ContactSegments {

    /** How many contacts match. */
    long count(ContactFilter filter);

    /**
     * Up to {@code limit} matching contacts' ids after the cursor (exclusive), in the order of their ids' text
     * (lower-case UUIDs); the last id of a page is the cursor of the next.
     *
     * @throws IllegalArgumentException if the limit is not 1 to 1000
     */
    List<ContactId> page(ContactFilter filter, Optional<ContactId> after, int limit);

    /**
     * How many contacts match as of the day: conditions relative to a day count from it
     * ({@link ContactFilter#asOf}).
     */
    default long count(ContactFilter filter, java.time.LocalDate asOf) {
        return count(ContactFilter.asOf(filter, asOf));
    }

    /** A page of the matching contacts as of the day, as {@link #page(ContactFilter, Optional, int)}. */
    default List<ContactId> page(ContactFilter filter, java.time.LocalDate asOf, Optional<ContactId> after,
            int limit) {
        return page(ContactFilter.asOf(filter, asOf), after, limit);
    }
}
