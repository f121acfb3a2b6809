package dev.crmkit.service.visit;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The repository port of visits: the engineers' calendars. Implementations are thread-safe. */
public interface Visits {

    /**
     * Holds an engineer's calendar until the running unit of work ends, so that the check for clashing visits and the
     * insert that follows cannot interleave with another scheduling for the same engineer, on this node or another
     * one sharing the store (the JDBC store locks a row per engineer). Must be called inside a unit of work.
     */
    void lockCalendar(UserId engineer);

    /**
     * Stores a new visit at version 1.
     *
     * @throws IllegalArgumentException if its id is taken
     */
    Visit insert(Visit visit);

    /**
     * Replaces the visit read at {@code visit.version()} with the copy at the next version.
     *
     * @throws dev.crmkit.core.kernel.StaleVersionException if it changed since it was read
     */
    Visit update(Visit visit);

    /** The visit with this id. */
    Optional<Visit> findById(VisitId id);

    /** An engineer's visits that start before {@code to} and end after {@code from}, by start. */
    List<Visit> ofEngineer(UserId engineer, Instant from, Instant to);

    /** Every engineer's visits that start in {@code [from, to)}, by start. */
    List<Visit> startingBetween(Instant from, Instant to);

    /**
     * The visits whose completion report says they were done on a day in {@code [from, to]}, by that day (then in
     * the order recorded), however long after the visit the report was typed in.
     */
    List<Visit> completedBetween(LocalDate from, LocalDate to);

    /** A customer's visits, by start. */
    List<Visit> ofCustomer(ContactId customer);
}
