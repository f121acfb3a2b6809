package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.LeadStatusChange;
import dev.crmkit.core.lead.Leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link AssignmentState#claimAndAssign}, whether a store runs its three steps one after another or
 * in one statement: the owner the ticket picks is written at the next version, a lost claim takes no ticket and
 * writes nothing, and a lead that moved on since it was read is refused with the claim and the ticket given back.
 * The owner is written through the leads port it is given: a host's decorator around the store's leads sees the
 * write. Each store's test calls {@link #check} with a fresh, empty store, once for each way it takes tickets
 * ({@link Refusal}): a store whose refused unit gives its ticket back (on a rotation's row), and one that skips it
 * (PostgreSQL's tickets from a sequence, which is not transactional).
 */
public final class ClaimAndAssignContract {

    private static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ROTATION = "round-robin:sales";
    private static final List<UserId> OWNERS = List.of(UserId.of("ana"), UserId.of("ben"));

    private ClaimAndAssignContract() {
    }

    /** What happens to the ticket of a claim won whose owner write is refused (the lead moved on). */
    public enum Refusal {
        /** The ticket is given back with the claim: the next assignment takes it. */
        GIVES_THE_TICKET_BACK,
        /** The ticket stays taken (a sequence's value): the rotation goes on one turn later. */
        SKIPS_THE_TICKET
    }

    /** Runs the contract on a fresh, empty store that gives a refused claim's ticket back. */
    public static void check(CrmStore store) {
        check(store, Refusal.GIVES_THE_TICKET_BACK);
    }

    /**
     * Runs the contract on a fresh, empty store.
     *
     * @param store   the store
     * @param refusal what the store does with the ticket of a claim whose owner write is refused
     */
    public static void check(CrmStore store, Refusal refusal) {
        // how many tickets the refusal below skips: every later ticket is that many further on
        long skip = refusal == Refusal.SKIPS_THE_TICKET ? 1 : 0;
        Fixtures fixtures = new Fixtures();
        AssignmentState state = store.assignmentState();
        Lead first = store.leads().insertOrGet(fixtures.lead().build());
        Lead second = store.leads().insertOrGet(fixtures.lead().build());
        Lead third = store.leads().insertOrGet(fixtures.lead().build());

        // the first ticket of the rotation (0) picks the first owner; the lead is written at the next version
        assertEquals(OptionalLong.of(0), store.transactions().inTransaction(
                () -> state.claimAndAssign(first, ROTATION, OWNERS, T1, store.leads())));
        Lead stored = store.leads().findById(first.id()).orElseThrow();
        assertEquals(first.withOwner(Optional.of(UserId.of("ana")), T1).atVersion(first.version() + 1), stored);

        // a lost claim: no ticket taken, nothing written
        assertEquals(OptionalLong.empty(), store.transactions().inTransaction(
                () -> state.claimAndAssign(first, ROTATION, OWNERS, T1.plusSeconds(1), store.leads())));
        assertEquals(stored, store.leads().findById(first.id()).orElseThrow());
        assertEquals(1, state.advance(ROTATION));

        // the lead moved on since it was read: refused, the claim given back, and the ticket (or skipped)
        Lead moved = store.leads().update(second.withOwner(Optional.of(UserId.of("cem")), T1));
        assertThrows(StaleVersionException.class, () -> store.transactions().run(
                () -> state.claimAndAssign(second, ROTATION, OWNERS, T1, store.leads())));
        assertEquals(moved, store.leads().findById(second.id()).orElseThrow());
        assertEquals(2 + skip, state.advance(ROTATION), refusal.toString());
        assertTrue(state.claim(second.id(), second.version()), "the claim was given back");

        // ticket 3 (4 when one was skipped) of two owners picks the second (the first)
        assertEquals(OptionalLong.of(3 + skip), store.transactions().inTransaction(
                () -> state.claimAndAssign(third, ROTATION, OWNERS, T1, store.leads())));
        assertEquals(Optional.of(ownerOf(3 + skip)), store.leads().findById(third.id()).orElseThrow().owner());

        // a leads port other than the store's own (here a host's decorator around it) gets the owner write
        Lead fourth = store.leads().insertOrGet(fixtures.lead().build());
        RecordingLeads recording = new RecordingLeads(store.leads());
        assertEquals(OptionalLong.of(4 + skip), store.transactions().inTransaction(
                () -> state.claimAndAssign(fourth, ROTATION, OWNERS, T1, recording)));
        Lead owned = fourth.withOwner(Optional.of(ownerOf(4 + skip)), T1);
        assertEquals(List.of(owned), recording.updates, "the owner is written through the leads port given");
        assertEquals(owned.atVersion(fourth.version() + 1), store.leads().findById(fourth.id()).orElseThrow());

        checkReadAndAssign(store, fixtures, 5 + skip);
        checkReadAndAssignTicket(store, fixtures, 8 + skip);
    }

    /** The owner a ticket picks of {@link #OWNERS}. */
    private static UserId ownerOf(long ticket) {
        return OWNERS.get((int) (ticket % OWNERS.size()));
    }

    /**
     * {@link AssignmentState#readAndAssignTicket}: the owner the given ticket picks is written and the lead as read
     * comes back with that ticket, taking none from the rotation; refusals write nothing. {@link
     * AssignmentState#advanceAhead} takes nothing inside a unit of work, whose rollback must give a ticket back.
     * {@code next} is the rotation's next ticket.
     */
    private static void checkReadAndAssignTicket(CrmStore store, Fixtures fixtures, long next) {
        AssignmentState state = store.assignmentState();
        Lead seventh = store.leads().insertOrGet(fixtures.lead().build());
        Lead eighth = store.leads().insertOrGet(fixtures.lead().build());

        assertEquals(OptionalLong.empty(), store.transactions().inTransaction(
                () -> state.advanceAhead(seventh.id(), Optional.empty(), ROTATION)));

        // ticket 11, taken ahead, of two owners picks the second; the lead comes back as it was read
        assertEquals(Optional.of(new AssignmentState.Attempt(seventh, OptionalLong.of(11))),
                store.transactions().inTransaction(() -> state.readAndAssignTicket(seventh.id(), Optional.empty(),
                        11, OWNERS, T1, store.leads())));
        Lead owned = seventh.withOwner(Optional.of(UserId.of("ben")), T1).atVersion(seventh.version() + 1);
        assertEquals(owned, store.leads().findById(seventh.id()).orElseThrow());

        // owned by somebody else than expected: read, nothing written
        assertEquals(Optional.of(new AssignmentState.Attempt(owned, OptionalLong.empty())),
                store.transactions().inTransaction(() -> state.readAndAssignTicket(seventh.id(), Optional.empty(),
                        12, OWNERS, T1.plusSeconds(1), store.leads())));
        assertEquals(owned, store.leads().findById(seventh.id()).orElseThrow());

        // claimed elsewhere at the version read: nothing written
        assertTrue(state.claim(eighth.id(), eighth.version()));
        assertEquals(Optional.of(new AssignmentState.Attempt(eighth, OptionalLong.empty())),
                store.transactions().inTransaction(() -> state.readAndAssignTicket(eighth.id(), Optional.empty(),
                        12, OWNERS, T1, store.leads())));
        assertEquals(eighth, store.leads().findById(eighth.id()).orElseThrow());

        // no such lead: empty
        assertEquals(Optional.empty(), store.transactions().inTransaction(() -> state.readAndAssignTicket(
                new LeadId(java.util.UUID.nameUUIDFromBytes(new byte[] {18})), Optional.empty(), 12, OWNERS, T1,
                store.leads())));

        // the tickets given took none of the rotation's
        assertEquals(next, state.advance(ROTATION));
    }

    /**
     * {@link AssignmentState#readAndAssign}: the lead as read comes back with the ticket; a lead with another owner
     * than expected, a closed one, or one claimed elsewhere comes back without a ticket, and nothing is taken or
     * written; an unknown id is empty. Tickets go on from {@code next}, which {@link #check} leaves next.
     */
    private static void checkReadAndAssign(CrmStore store, Fixtures fixtures, long next) {
        AssignmentState state = store.assignmentState();
        Lead fifth = store.leads().insertOrGet(fixtures.lead().build());
        Lead sixth = store.leads().insertOrGet(fixtures.lead().build());

        // ticket next picks its owner; the lead comes back as it was read, before the write
        AssignmentState.Attempt attempt = store.transactions().inTransaction(() -> state.readAndAssign(fifth.id(),
                Optional.empty(), ROTATION, OWNERS, T1, store.leads())).orElseThrow();
        assertEquals(new AssignmentState.Attempt(fifth, OptionalLong.of(next)), attempt);
        Lead owned = fifth.withOwner(Optional.of(ownerOf(next)), T1).atVersion(fifth.version() + 1);
        assertEquals(owned, store.leads().findById(fifth.id()).orElseThrow());

        // owned by somebody else than expected: read, nothing taken or written
        assertEquals(Optional.of(new AssignmentState.Attempt(owned, OptionalLong.empty())),
                store.transactions().inTransaction(() -> state.readAndAssign(fifth.id(), Optional.empty(), ROTATION,
                        OWNERS, T1.plusSeconds(1), store.leads())));
        assertEquals(owned, store.leads().findById(fifth.id()).orElseThrow());

        // owned as expected (a reassignment): claimed at the version read, ticket next + 1 picks the other owner
        assertEquals(Optional.of(new AssignmentState.Attempt(owned, OptionalLong.of(next + 1))),
                store.transactions().inTransaction(() -> state.readAndAssign(fifth.id(),
                        Optional.of(ownerOf(next)), ROTATION, OWNERS, T1.plusSeconds(2), store.leads())));
        assertEquals(owned.withOwner(Optional.of(ownerOf(next + 1)), T1.plusSeconds(2)).atVersion(
                owned.version() + 1), store.leads().findById(fifth.id()).orElseThrow());

        // claimed elsewhere at the version read: nothing taken or written
        assertTrue(state.claim(sixth.id(), sixth.version()));
        assertEquals(Optional.of(new AssignmentState.Attempt(sixth, OptionalLong.empty())),
                store.transactions().inTransaction(() -> state.readAndAssign(sixth.id(), Optional.empty(), ROTATION,
                        OWNERS, T1, store.leads())));
        assertEquals(sixth, store.leads().findById(sixth.id()).orElseThrow());

        // closed: nothing taken or written
        Lead closed = store.leads().update(((LeadStatusChange.Changed) sixth.changeStatus(LeadStatus.DISQUALIFIED,
                "spam", Optional.empty(), T1)).lead());
        assertEquals(Optional.of(new AssignmentState.Attempt(closed, OptionalLong.empty())),
                store.transactions().inTransaction(() -> state.readAndAssign(sixth.id(), Optional.empty(), ROTATION,
                        OWNERS, T1, store.leads())));
        assertEquals(closed, store.leads().findById(sixth.id()).orElseThrow());

        // no such lead: empty
        assertEquals(Optional.empty(), store.transactions().inTransaction(() -> state.readAndAssign(
                new LeadId(java.util.UUID.nameUUIDFromBytes(new byte[] {17})), Optional.empty(), ROTATION, OWNERS,
                T1, store.leads())));

        // none of the refusals took a ticket
        assertEquals(next + 2, state.advance(ROTATION));
    }

    /** A host's decorator around a store's leads: passes every call on and records the updates. */
    private static final class RecordingLeads implements Leads {

        private final Leads leads;
        private final List<Lead> updates = new ArrayList<>();

        private RecordingLeads(Leads leads) {
            this.leads = leads;
        }

        @Override
        public Optional<Lead> findById(LeadId id) {
            return leads.findById(id);
        }

        @Override
        public Optional<Lead> lockById(LeadId id) {
            return leads.lockById(id);
        }

        @Override
        public Optional<Lead> findByExternalId(String externalId) {
            return leads.findByExternalId(externalId);
        }

        @Override
        public Optional<Lead> findOpenByEmail(EmailAddress email) {
            return leads.findOpenByEmail(email);
        }

        @Override
        public Optional<Lead> findOpenByPhone(PhoneNumber phone) {
            return leads.findOpenByPhone(phone);
        }

        @Override
        public Lead insertOrGet(Lead candidate) {
            return leads.insertOrGet(candidate);
        }

        @Override
        public Lead update(Lead lead) {
            updates.add(lead);
            return leads.update(lead);
        }

        @Override
        public Page<Lead> findByStatus(LeadStatus status, PageRequest page) {
            return leads.findByStatus(status, page);
        }

        @Override
        public Page<Lead> findByOwner(UserId owner, PageRequest page) {
            return leads.findByOwner(owner, page);
        }

        @Override
        public Page<Lead> findAll(PageRequest page) {
            return leads.findAll(page);
        }

        @Override
        public long count() {
            return leads.count();
        }

        @Override
        public List<Lead> findOpenByContacts(Collection<ContactId> contacts, int limit) {
            return leads.findOpenByContacts(contacts, limit);
        }

        @Override
        public List<Lead> findOpenBySoundOfName(PersonName name, int limit) {
            return leads.findOpenBySoundOfName(name, limit);
        }
    }
}
