package dev.crmkit.core.assignment;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.idempotency.IdempotencyKeys;
import dev.crmkit.core.idempotency.OnceOnly;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The assignment use case: gives leads owners by a policy, records each decision (with its explanation) on the
 * timeline of the lead and its contact, and publishes {@link AssignmentEvent}s and the lead's
 * {@link LeadEvent.LeadOwnerChanged}. Thread-safe, and safe across nodes sharing a store: each assignment first
 * claims the lead at the version it read ({@link AssignmentState#claim}), so only one thread or node decides a lead,
 * and then writes the owner through the {@link Leads} port's optimistic locking. Quota days are taken in the clock's
 * zone. For a rotation known before the lead is read (a routing without rules), outside a caller's unit of work, the
 * rotation ticket is taken ahead of the unit where the store does so ({@link AssignmentState#takeTicketAhead}, with
 * the trade-off of {@link AssignmentState#advanceAhead}: a turn skipped when that assignment does not happen) and
 * serves every attempt of the unit; when the lead came with it, the first attempt claims and writes that lead as read
 * ({@link AssignmentState#claimAndAssignTicket}) without reading it again.
 */
public final class LeadAssignment {

    /** How often one lead's decision runs at most when it conflicts with a concurrent change. */
    static final int ATTEMPTS = 5;

    private final Leads leads;
    private final AssignmentState state;
    private final AssignmentPolicy policy;
    private final Function<Lead, LeadProfile> profiles;
    private final Timeline timeline;
    private final Context context;
    private final long seed;
    private final IdempotencyKeys keys;

    /**
     * Wires the use case with profiles read by {@link LeadProfile#of(Lead)}.
     *
     * @param seed the seed of rotation orders and tie breaks; every node must use the same
     */
    public LeadAssignment(Leads leads, AssignmentState state, AssignmentPolicy policy, Timeline timeline,
                          Context context, long seed) {
        this(leads, state, policy, LeadProfile::of, timeline, context, seed);
    }

    /** Wires the use case with the host's own reading of routing attributes, without idempotency keys. */
    public LeadAssignment(Leads leads, AssignmentState state, AssignmentPolicy policy,
                          Function<Lead, LeadProfile> profiles, Timeline timeline, Context context, long seed) {
        this(leads, state, policy, profiles, timeline, context, seed, IdempotencyKeys.unsupported());
    }

    /**
     * Wires the use case with the host's own reading of routing attributes and the store's idempotency keys, for
     * {@link #assign(LeadId, IdempotencyKey)}; {@link dev.crmkit.core.Crm#assignment} does this for you.
     */
    public LeadAssignment(Leads leads, AssignmentState state, AssignmentPolicy policy,
                          Function<Lead, LeadProfile> profiles, Timeline timeline, Context context, long seed,
                          IdempotencyKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.leads = Objects.requireNonNull(leads, "leads");
        this.state = Objects.requireNonNull(state, "state");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.context = Objects.requireNonNull(context, "context");
        this.seed = seed;
    }

    /**
     * Gives an open lead without an owner an owner by the policy.
     *
     * @throws ValidationException if there is no such lead
     */
    public AssignmentOutcome assign(LeadId id) {
        return decide(id, Optional.empty(), Set.of());
    }

    /**
     * Assigns a lead at most once per key: a retry with the same key (also after a commit whose outcome is unknown)
     * returns the first call's {@code Assigned}, explanation included, with the lead as stored now, instead of
     * deciding again. A refusal records nothing, so its retry decides again.
     *
     * @throws ValidationException           if there is no such lead
     * @throws IllegalArgumentException      if the key was used for another command
     * @throws UnsupportedOperationException if the store keeps no idempotency keys
     */
    public AssignmentOutcome assign(LeadId id, IdempotencyKey key) {
        Objects.requireNonNull(id, "id");
        return new OnceOnly(keys, context.transactions(), context.clock()).run(key, AssignmentOnce.COMMAND,
                () -> assign(id), AssignmentOnce::describe, text -> AssignmentOnce.replay(text, leads));
    }

    /**
     * Assigns every open lead without an owner, reading all leads page by page (the list's order does not change as
     * owners are written, so no lead is missed), and reports each outcome to the listener as it happens.
     *
     * @return how many were assigned
     */
    public long assignUnassigned(Consumer<AssignmentOutcome> listener) {
        Objects.requireNonNull(listener, "listener");
        long assigned = 0;
        Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (request.isPresent()) {
            Page<Lead> page = leads.findAll(request.get());
            for (Lead lead : page.items()) {
                if (lead.isOpen() && lead.owner().isEmpty()) {
                    AssignmentOutcome outcome = assign(lead.id());
                    assigned += outcome instanceof AssignmentOutcome.Assigned ? 1 : 0;
                    listener.accept(outcome);
                }
            }
            request = request.get().next(page);
        }
        return assigned;
    }

    /**
     * Reassigns the open leads of an owner who leaves, by the same policy with the leaving owner excluded. Leads the
     * policy finds nobody for keep their owner (and say so in their outcome).
     *
     * @return one outcome per open lead the owner had
     */
    public List<AssignmentOutcome> reassignFrom(UserId leaving) {
        Objects.requireNonNull(leaving, "leaving");
        List<LeadId> open = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (request.isPresent()) {
            Page<Lead> page = leads.findByOwner(leaving, request.get());
            page.items().stream().filter(Lead::isOpen).map(Lead::id).forEach(open::add);
            request = request.get().next(page);
        }
        List<AssignmentOutcome> outcomes = new ArrayList<>(open.size());
        for (LeadId id : open) {
            outcomes.add(decide(id, Optional.of(leaving), Set.of(leaving)));
        }
        return outcomes;
    }

    private AssignmentOutcome decide(LeadId id, Optional<UserId> expectedOwner, Set<UserId> excluded) {
        // a conflict (the lead changed while deciding, or the database picked this unit as a deadlock victim) rolls
        // the unit back whole; deciding again on the fresh lead is then safe
        Objects.requireNonNull(id, "id");
        Ahead ahead = ticketAhead(id, expectedOwner, excluded);
        boolean[] firstAttempt = {true};
        return context.transactions().inTransactionRetrying(ATTEMPTS, () -> {
            Instant readFirst = null; // when the rotation was tried before the read: the time it took
            if (policy instanceof RoutedPolicy routed && routed.rotatesEveryLeadAlike()) {
                boolean first = firstAttempt[0];
                firstAttempt[0] = false;
                readFirst = first && ahead != null ? ahead.at() : context.clock().instant();
                Optional<RoutedPolicy.Rotation> everyLead = first && ahead != null ? Optional.of(ahead.rotation())
                        : routed.rotationOfEveryLead(policyContext(readFirst, excluded, id));
                if (everyLead.isPresent() && ahead != null && everyLead.get().name().equals(ahead.rotation().name())) {
                    // the ticket taken ahead serves every attempt: it is never given back
                    if (first && ahead.lead().isPresent()) {
                        return decideAsReadAhead(id, expectedOwner, ahead, ahead.lead().get());
                    }
                    return decideInOneStep(id, expectedOwner, everyLead.get(), readFirst, state.readAndAssignTicket(
                            id, expectedOwner, ahead.ticket(), everyLead.get().owners(), readFirst, leads));
                }
                if (everyLead.isPresent()) {
                    return decideInOneStep(id, expectedOwner, everyLead.get(), readFirst, state.readAndAssign(id,
                            expectedOwner, everyLead.get().name(), everyLead.get().owners(), readFirst, leads));
                }
            }
            Lead lead = leads.findById(id).orElseThrow(() -> noSuchLead(id));
            Optional<AssignmentOutcome> refused = refusal(id, lead, expectedOwner);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (policy instanceof RoutedPolicy routed) {
                Instant now = readFirst != null ? readFirst : context.clock().instant();
                Optional<RoutedPolicy.Rotation> rotation = routed.rotation(profiles.apply(lead),
                        policyContext(now, excluded, id));
                if (rotation.isPresent()) {
                    return decideByTicket(lead, rotation.get(), now);
                }
            }
            if (!state.claim(id, lead.version())) {
                return claimedElsewhere(id);
            }
            Instant now = readFirst != null ? readFirst : context.clock().instant();
            try {
                return decideClaimed(lead, policyContext(now, excluded, id), now);
            } catch (RuntimeException e) {
                state.releaseClaim(id, lead.version());
                throw e;
            }
        });
    }

    /**
     * A rotation ticket taken ahead of the unit of work ({@link AssignmentState#advanceAhead}), with the rotation and
     * time it was taken for: only for a rotation known before the lead is read, outside a caller's unit of work (whose
     * rollback must give the ticket back), and where the store takes tickets ahead; otherwise null.
     */
    private Ahead ticketAhead(LeadId id, Optional<UserId> expectedOwner, Set<UserId> excluded) {
        if (!(policy instanceof RoutedPolicy routed) || !routed.rotatesEveryLeadAlike()
                || context.transactions().inUnitOfWork()) {
            return null;
        }
        Instant now = context.clock().instant();
        Optional<RoutedPolicy.Rotation> rotation = routed.rotationOfEveryLead(policyContext(now, excluded, id));
        if (rotation.isEmpty()) {
            return null;
        }
        return state.takeTicketAhead(id, expectedOwner, rotation.get().name(), leads)
                .map(taken -> new Ahead(rotation.get(), taken.ticket(), now, taken.lead())).orElse(null);
    }

    /**
     * A ticket taken ahead, the rotation it is of, the time the rotation was worked out at, and the lead as the
     * ticket's step read it (empty when it did not).
     */
    private record Ahead(RoutedPolicy.Rotation rotation, long ticket, Instant at, Optional<Lead> lead) {
    }

    /**
     * The first attempt with a ticket taken ahead together with the lead: the claim of the lead at the version read
     * there and the owner write ({@link AssignmentState#claimAndAssignTicket}: on PostgreSQL queued to go with the
     * unit's commit), then the events and the timeline entry. A lead that changed since is refused by the store, and
     * the unit's next attempt reads it again.
     */
    private AssignmentOutcome decideAsReadAhead(LeadId id, Optional<UserId> expectedOwner, Ahead ahead, Lead lead) {
        Optional<AssignmentOutcome> refused = refusal(id, lead, expectedOwner);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!state.claimAndAssignTicket(lead, ahead.ticket(), ahead.rotation().owners(), ahead.at(), leads)) {
            return claimedElsewhere(lead.id());
        }
        return assignedByTicket(lead, ahead.rotation(), ahead.ticket(), ahead.at());
    }

    private PolicyContext policyContext(Instant now, Set<UserId> excluded, LeadId id) {
        return PolicyContext.of(state, LocalDate.ofInstant(now, context.clock().getZone()), excluded, seed, id);
    }

    private static ValidationException noSuchLead(LeadId id) {
        return ValidationException.of("leadId", "exists", "there is no lead " + id);
    }

    /**
     * Why a lead as read is not assigned at all: another owner than expected, or closed; empty if it may be. Named by
     * the id asked for ({@code lead} may be the survivor of a merge).
     */
    private static Optional<AssignmentOutcome> refusal(LeadId id, Lead lead, Optional<UserId> expectedOwner) {
        if (!lead.owner().equals(expectedOwner)) {
            return Optional.of(new AssignmentOutcome.NotAssigned(id, "already-assigned", "lead " + id
                    + " is owned by " + lead.owner().map(UserId::value).orElse("nobody"), Optional.empty()));
        }
        if (!lead.isOpen()) {
            return Optional.of(new AssignmentOutcome.NotAssigned(id, "closed", "lead " + id + " is "
                    + lead.status(), Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * A rotation known before the lead is read: the read, the claim, the ticket (or the one taken ahead) and the owner
     * write as one step of the store ({@link AssignmentState#readAndAssign} or
     * {@link AssignmentState#readAndAssignTicket}: on PostgreSQL one statement), whose attempt this is, then the
     * events and the timeline entry as {@link #decideByTicket} records them.
     */
    private AssignmentOutcome decideInOneStep(LeadId id, Optional<UserId> expectedOwner,
                                              RoutedPolicy.Rotation rotation, Instant now,
                                              Optional<AssignmentState.Attempt> attempted) {
        AssignmentState.Attempt attempt = attempted.orElseThrow(() -> noSuchLead(id));
        Lead lead = attempt.lead();
        Optional<AssignmentOutcome> refused = refusal(id, lead, expectedOwner);
        if (refused.isPresent()) {
            if (attempt.ticket().isPresent()) { // the unit rolls back: the store wrote what it should have refused
                throw new IllegalStateException("the assignment state assigned lead " + lead.id()
                        + ", which is not to be assigned: " + refused.get());
            }
            return refused.get();
        }
        if (attempt.ticket().isEmpty()) {
            return claimedElsewhere(lead.id());
        }
        return assignedByTicket(lead, rotation, attempt.ticket().getAsLong(), now);
    }

    private static AssignmentOutcome claimedElsewhere(LeadId id) {
        return new AssignmentOutcome.NotAssigned(id, "claimed-elsewhere", "lead " + id
                + " is being assigned by another thread or node", Optional.empty());
    }

    /**
     * A rotation's decision: the claim, the ticket and the owner write as one step of the store (one statement where
     * the store can), then the events and the timeline entry, as {@link #decideClaimed} records them.
     */
    private AssignmentOutcome decideByTicket(Lead lead, RoutedPolicy.Rotation rotation, Instant now) {
        OptionalLong ticket = state.claimAndAssign(lead, rotation.name(), rotation.owners(), now, leads);
        if (ticket.isEmpty()) {
            return claimedElsewhere(lead.id());
        }
        return assignedByTicket(lead, rotation, ticket.getAsLong(), now);
    }

    /** The decision of a ticket whose owner the store wrote, with its events and timeline entry. */
    private AssignmentOutcome assignedByTicket(Lead lead, RoutedPolicy.Rotation rotation, long ticket, Instant now) {
        Decision.Chosen chosen = rotation.decision().apply(ticket);
        Lead stored = lead.withOwner(Optional.of(chosen.owner()), now).atVersion(lead.version() + 1);
        return assigned(lead, stored, chosen, now);
    }

    private AssignmentOutcome decideClaimed(Lead lead, PolicyContext policyContext, Instant now) {
        Decision decision = policy.decide(profiles.apply(lead), policyContext);
        if (decision instanceof Decision.Chosen chosen) {
            Lead stored;
            try {
                stored = leads.update(lead.withOwner(Optional.of(chosen.owner()), now));
            } catch (RuntimeException e) {
                policy.cancel(chosen, policyContext);
                throw e;
            }
            return assigned(lead, stored, chosen, now);
        }
        state.releaseClaim(lead.id(), lead.version());
        context.events().publish(new AssignmentEvent.LeadLeftUnassigned(lead.id(), decision.explanation(), now));
        record(lead, "Lead not assigned: nobody available", decision.explanation(), now);
        return new AssignmentOutcome.NotAssigned(lead.id(), "nobody-available", decision.explanation().reason(),
                Optional.of(decision.explanation()));
    }

    private AssignmentOutcome assigned(Lead lead, Lead stored, Decision.Chosen chosen, Instant now) {
        context.events().publish(new LeadEvent.LeadOwnerChanged(lead.id(), lead.owner(),
                Optional.of(chosen.owner()), now));
        context.events().publish(new AssignmentEvent.LeadAssigned(lead.id(), lead.owner(), chosen.owner(),
                chosen.explanation(), now));
        record(stored, "Lead assigned to " + chosen.owner() + " by " + chosen.explanation().strategy(),
                chosen.explanation(), now);
        return new AssignmentOutcome.Assigned(stored, lead.owner(), chosen.explanation());
    }

    private void record(Lead lead, String subject, Explanation explanation, Instant now) {
        timeline.recordLast(Activity.system(new ActivityId(context.ids().next()), subject, explanation.describe(),
                Set.of(new RecordRef(RecordType.LEAD, lead.id().value()),
                        new RecordRef(RecordType.CONTACT, lead.contactId().value())), now));
    }
}
