package dev.crmkit.core.assignment;

import dev.crmkit.core.lead.LeadId;

import java.time.LocalDate;

/**
 * The storage port for what assignment policies remember: rotation cursors, daily quota use and lead claims. Shared
 * by every application node, so each method is one atomic step (in SQL: one statement, such as
 * {@code UPDATE rotation SET n = n + 1 ... RETURNING n - 1}, or an insert that may conflict). Implementations are
 * thread-safe; a JDBC implementation takes part in the running unit of work when there is one.
 */
public interface AssignmentState {

    /**
     * Takes the next ticket of a rotation: the first call for a rotation returns 0, each later call one more. No two
     * calls, on any node, get the same ticket.
     *
     * @param rotation the rotation's name, not blank
     */
    long advance(String rotation);

    /**
     * Uses one unit of a member's quota for a day if fewer than {@code quota} are used: increments the day's use and
     * returns {@code true}, or changes nothing and returns {@code false}. Check and increment are one atomic step, so
     * the use never exceeds the quota, whatever the concurrency.
     *
     * @param member the member's user id
     * @param day    the day
     * @param quota  the day's quota, at least 0
     */
    boolean tryConsume(String member, LocalDate day, int quota);

    /** How many units of the member's quota are used on the day; 0 when none. */
    int used(String member, LocalDate day);

    /**
     * Gives back one unit a {@link #tryConsume} took, when what it was taken for did not happen. Never lowers the use
     * below 0.
     */
    void release(String member, LocalDate day);

    /**
     * Claims a lead, read at a version, for one assignment: the first claim of a lead at a version wins and returns
     * {@code true}; every later claim of the same lead and version, on any node, returns {@code false}. Only the
     * winner goes on to decide and write an owner, so a lead is never assigned twice and no rotation ticket is wasted
     * on a lead somebody else assigns.
     *
     * @param lead    the lead
     * @param version the lead's version the claimer read
     */
    boolean claim(LeadId lead, long version);

    /**
     * Withdraws a claim whose assignment did not happen (nobody was available, the write failed), so the lead can be
     * claimed again at the same version. Withdrawing a claim that does not exist changes nothing.
     */
    void releaseClaim(LeadId lead, long version);
}
