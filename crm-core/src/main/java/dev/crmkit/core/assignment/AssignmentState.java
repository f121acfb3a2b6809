package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

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
     * on a lead somebody else assigns. A store may also write an owner without a claim when the write itself is
     * checked by the lead's version (the JDBC store's tickets ahead): a later claim at that version then returns
     * {@code true}, and the claimer's owner write is refused as stale instead.
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

    /**
     * Claims a lead at the version it was read ({@link #claim}), takes the rotation's next ticket ({@link #advance})
     * and writes the owner that ticket picks, {@code ownerByTicket.get(floorMod(ticket, ownerByTicket.size()))},
     * through the leads port's optimistic locking, as one step of the running unit of work: the stored lead becomes
     * {@code lead.withOwner(Optional.of(owner), at)} at version {@code lead.version() + 1}. The default runs the three
     * one after another and writes the owner with {@code leads.update}. A store may do the three in one statement
     * (the JDBC store on PostgreSQL does), bypassing {@code leads}, only when {@code leads} is its own leads port
     * (the instance its {@code leads()} returns); for any other port (a host's decorator around it, the leads of
     * another store) it writes the owner through {@code leads.update}, so that port sees the write.
     *
     * <p>When the claim is lost nothing is taken or written and the result is empty. When the owner write fails (the
     * lead moved on since it was read) the claim is withdrawn and the exception propagates; the caller's unit of work
     * is then expected to roll back, which gives the ticket back where tickets are transactional (a store may take
     * them from a sequence that gives none back, as the JDBC store on PostgreSQL does by default; its turn is then
     * skipped).
     *
     * @param lead          the lead as read, open and at the version to claim
     * @param rotation      the rotation's name, as for {@link #advance}
     * @param ownerByTicket the owner for each remainder of a ticket divided by the list's size, not empty
     * @param at            the time of the change, the lead's new {@code updatedAt}
     * @param leads         the leads port for the owner write, usually the same store's
     * @return the ticket taken, or empty when another thread or node holds the claim
     */
    default OptionalLong claimAndAssign(Lead lead, String rotation, List<UserId> ownerByTicket, Instant at,
                                        Leads leads) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leads, "leads");
        return claimAndWrite(lead, () -> advance(rotation), ownerByTicket, at, leads);
    }

    /**
     * Claims the lead at the version it was read, then takes the ticket {@code ticket} gives and writes the owner it
     * picks through {@code leads}; withdraws the claim when that fails. Empty when the claim is lost.
     */
    private OptionalLong claimAndWrite(Lead lead, LongSupplier ticket, List<UserId> ownerByTicket, Instant at,
                                       Leads leads) {
        if (ownerByTicket.isEmpty()) {
            throw new IllegalArgumentException("ownerByTicket needs at least one owner");
        }
        if (!claim(lead.id(), lead.version())) {
            return OptionalLong.empty();
        }
        try {
            long taken = ticket.getAsLong();
            UserId owner = ownerByTicket.get((int) Math.floorMod(taken, (long) ownerByTicket.size()));
            leads.update(lead.withOwner(Optional.of(owner), at));
            return OptionalLong.of(taken);
        } catch (RuntimeException e) {
            releaseClaim(lead.id(), lead.version());
            throw e;
        }
    }

    /**
     * Reads a lead by id as {@code leads.findById} does and, only when it is open and its owner is {@code owner},
     * claims and assigns it by the rotation as {@link #claimAndAssign} does, as one step of the running unit of work.
     * For a rotation known before the lead is read (a routing without rules). The default runs the read, then
     * {@link #claimAndAssign}. A store may read, claim, take the ticket and write the owner in one statement (the JDBC
     * store on PostgreSQL does), under the conditions {@link #claimAndAssign} names for bypassing {@code leads}.
     *
     * @param id            the lead's id
     * @param owner         the owner the lead must have to be claimed (empty: no owner)
     * @param rotation      the rotation's name, as for {@link #advance}
     * @param ownerByTicket the owner for each remainder of a ticket, as for {@link #claimAndAssign}, not empty
     * @param at            the time of the change
     * @param leads         the leads port for the read and the owner write, usually the same store's
     * @return empty when there is no such lead; otherwise the lead as read, before the owner write, with the ticket
     *         taken, which is empty when the lead was not open, had another owner, or another thread or node holds
     *         its claim (nothing was then taken or written)
     */
    default Optional<Attempt> readAndAssign(LeadId id, Optional<UserId> owner, String rotation,
                                            List<UserId> ownerByTicket, Instant at, Leads leads) {
        Objects.requireNonNull(rotation, "rotation");
        return readAndClaim(id, owner, leads, lead -> claimAndAssign(lead, rotation, ownerByTicket, at, leads));
    }

    /**
     * Takes the rotation's next ticket ({@link #advance}) ahead of the assignment of a lead that uses it, in a
     * transaction of its own that commits at once, so the rotation is not held by the assignment's unit of work: on a
     * database, the rotation's row is locked only while this one statement runs instead of until the unit commits,
     * and units that assign through one rotation no longer run one at a time. Taken only when the lead, as committed,
     * is open, owned by {@code owner} and not claimed at its version; the assignment then passes the ticket to
     * {@link #claimAndAssignTicket} with the lead when {@link #takeTicketAhead} gave it (first attempt), else to
     * {@link #readAndAssignTicket}.
     *
     * <p>The trade-off: a ticket taken ahead is never given back. When the assignment it was taken for does not
     * happen (another thread or node assigns the lead at the same time, the lead changes before the owner write, or
     * the unit of work fails for good), that ticket's turn is skipped, so the owners' counts drift apart by one per
     * skipped turn; leads assigned once, one after another or on several nodes, stay exactly round robin. Tickets
     * taken inside a unit ({@link #readAndAssign}) are given back with it and stay dense. Distinct tickets are still
     * guaranteed on every node, and the rotation's cursor is stored (and exported) as before.
     *
     * <p>Empty, with nothing taken, when the store does not take tickets ahead (the default; the JDBC store only when
     * built to), when a unit of work runs on this thread (whose rollback must give the ticket back), or when the lead
     * is not there to be assigned as described.
     *
     * @param lead     the lead to be assigned
     * @param owner    the owner it must have (empty: no owner)
     * @param rotation the rotation's name, as for {@link #advance}
     * @return the ticket taken, or empty when none was
     */
    default OptionalLong advanceAhead(LeadId lead, Optional<UserId> owner, String rotation) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(rotation, "rotation");
        return OptionalLong.empty();
    }

    /**
     * {@link #advanceAhead}, also giving the lead as the ticket's step read it (as {@code leads.findById} reads it,
     * committed), when the store read it there and {@code leads} is its own leads port: the assignment then knows the
     * lead and the owner before its unit of work and passes both to {@link #claimAndAssignTicket} instead of reading
     * the lead again. The default takes the ticket by {@link #advanceAhead} and gives no lead.
     *
     * @param lead     the lead to be assigned
     * @param owner    the owner it must have (empty: no owner)
     * @param rotation the rotation's name, as for {@link #advance}
     * @param leads    the leads port the assignment reads and writes through, usually the same store's
     * @return the ticket taken, with the lead when read; empty when no ticket was taken
     */
    default Optional<TicketAhead> takeTicketAhead(LeadId lead, Optional<UserId> owner, String rotation, Leads leads) {
        Objects.requireNonNull(leads, "leads");
        OptionalLong ticket = advanceAhead(lead, owner, rotation);
        return ticket.isEmpty() ? Optional.empty() : Optional.of(new TicketAhead(ticket.getAsLong(), Optional.empty()));
    }

    /**
     * Claims a lead as {@link #takeTicketAhead} read it, at that version, and writes the owner a ticket taken ahead
     * picks, {@code ownerByTicket.get(floorMod(ticket, ownerByTicket.size()))}, through the leads port's optimistic
     * locking, as one step of the running unit of work: the stored lead becomes
     * {@code lead.withOwner(Optional.of(owner), at)} at version {@code lead.version() + 1}. The default claims, then
     * writes with {@code leads.update}, withdrawing the claim when that fails, and returns {@code false} (nothing
     * written) when the claim is lost. A store may instead queue the step to go to the database with the unit's
     * commit (the JDBC store on PostgreSQL does, for its own leads port, under the conditions {@link #claimAndAssign}
     * names, and writes no claim row there: the owner write's version check refuses the lead another unit wrote):
     * it then returns {@code true} at once, and when at the commit the claim is taken or the lead moved on
     * since it was read, the whole unit rolls back, nothing of it written, and the commit throws a
     * {@link dev.crmkit.core.kernel.StaleVersionException}, so a retrying unit decides again on the lead as it is.
     * The ticket stays taken either way.
     *
     * @param lead          the lead as read ahead, open and owned as the assignment expects
     * @param ticket        the ticket taken ahead for this assignment
     * @param ownerByTicket the owner for each remainder of a ticket, as for {@link #claimAndAssign}, not empty
     * @param at            the time of the change
     * @param leads         the leads port for the owner write, usually the same store's
     * @return whether the owner was written (or queued to be); {@code false} when another thread or node holds the
     *         claim
     */
    default boolean claimAndAssignTicket(Lead lead, long ticket, List<UserId> ownerByTicket, Instant at,
                                         Leads leads) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leads, "leads");
        return claimAndWrite(lead, () -> ticket, ownerByTicket, at, leads).isPresent();
    }

    /**
     * {@link #readAndAssign} with a ticket already taken by {@link #advanceAhead}: reads the lead as
     * {@code leads.findById} does and, only when it is open and its owner is {@code owner}, claims it at the version
     * read and writes the owner the ticket picks, {@code ownerByTicket.get(floorMod(ticket, ownerByTicket.size()))},
     * through the leads port's optimistic locking, as one step of the running unit of work. The default runs the
     * read, the claim and {@code leads.update}; a store may run them in one statement (the JDBC store on PostgreSQL
     * does) under the conditions {@link #claimAndAssign} names for bypassing {@code leads}. When the owner write
     * fails, the claim is withdrawn and the exception propagates; the ticket stays taken.
     *
     * @param id            the lead's id
     * @param owner         the owner the lead must have to be claimed (empty: no owner)
     * @param ticket        the ticket taken ahead for this assignment
     * @param ownerByTicket the owner for each remainder of a ticket, as for {@link #claimAndAssign}, not empty
     * @param at            the time of the change
     * @param leads         the leads port for the read and the owner write, usually the same store's
     * @return as {@link #readAndAssign}: empty when there is no such lead; otherwise the lead as read with
     *         {@code ticket} when its owner was written, or with no ticket when nothing was written
     */
    default Optional<Attempt> readAndAssignTicket(LeadId id, Optional<UserId> owner, long ticket,
                                                  List<UserId> ownerByTicket, Instant at, Leads leads) {
        Objects.requireNonNull(at, "at");
        return readAndClaim(id, owner, leads, lead -> claimAndWrite(lead, () -> ticket, ownerByTicket, at, leads));
    }

    /** Reads the lead; when it is open and owned by {@code owner}, the attempt of {@code assign} on it. */
    private Optional<Attempt> readAndClaim(LeadId id, Optional<UserId> owner, Leads leads,
                                           Function<Lead, OptionalLong> assign) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leads, "leads");
        Optional<Lead> read = leads.findById(id);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Lead lead = read.get();
        if (!lead.isOpen() || !lead.owner().equals(owner)) {
            return Optional.of(new Attempt(lead, OptionalLong.empty()));
        }
        return Optional.of(new Attempt(lead, assign.apply(lead)));
    }

    /**
     * A rotation ticket {@link #takeTicketAhead} took, with the lead as its step read it when it did.
     *
     * @param ticket the ticket taken
     * @param lead   the lead as read (committed) when the ticket was taken, or empty when not read there
     */
    record TicketAhead(long ticket, Optional<Lead> lead) {
        /** Validates presence. */
        public TicketAhead {
            Objects.requireNonNull(lead, "lead");
        }
    }

    /**
     * What {@link #readAndAssign} did.
     *
     * @param lead   the lead as read, before the owner write
     * @param ticket the rotation ticket taken (the owner it picks was written), or empty when nothing was written
     */
    record Attempt(Lead lead, OptionalLong ticket) {
        /** Validates presence. */
        public Attempt {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(ticket, "ticket");
        }
    }
}
