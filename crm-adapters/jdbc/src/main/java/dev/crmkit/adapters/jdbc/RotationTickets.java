package dev.crmkit.adapters.jdbc;

import java.util.Locale;

/**
 * How a {@link JdbcCrmStore} takes the tickets of its assignment rotations, as its builder and its database decide
 * (see {@link JdbcCrmStore#rotationTickets()}): a rotation's ticket picks the next owner round robin.
 */
public enum RotationTickets {

    /**
     * From a sequence per rotation, inside the assignment's unit of work: PostgreSQL's default
     * ({@link JdbcCrmStore.Builder#rotationTicketsFromSequence()}).
     */
    SEQUENCE,

    /** On the rotation's row, ahead of the assignment's unit ({@link JdbcCrmStore.Builder#rotationTicketsAhead()}). */
    AHEAD,

    /** On the rotation's row inside the unit, refusing a rotation with a sequence (PostgreSQL's strict rotation). */
    STRICT,

    /**
     * On the rotation's row inside the unit, where there is no other way: H2, MariaDB, or the host's transactions
     * joined.
     */
    ROW;

    /** The mode's word in reports and logs: {@code sequence}, {@code ahead}, {@code strict} or {@code row}. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
