package dev.crmkit.service.contract;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.reminder.ServiceReminders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every store's {@link ServiceReminders} passes: a mark reads back exactly, a second claim of one plan's
 * occurrence loses and changes nothing, a claim rolled back with its unit of work leaves no mark, and of several
 * concurrent claims of one occurrence exactly one wins. Extend it with a class that returns a fresh, empty store.
 */
public abstract class ServiceRemindersContract {

    /** A fresh, empty store; called before every test. */
    protected abstract ServiceStores newStore();

    private static final Instant AT = Instant.parse("2027-02-14T06:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2027, 2, 28);

    private ServiceReminders reminders;
    private Transactions tx;
    private final ServicePlanId plan = new ServicePlanId(new UUID(38, 1));
    private final ServicePlanId otherPlan = new ServicePlanId(new UUID(38, 2));
    private final ContactId customer = new ContactId(new UUID(38, 3));
    private final ContactId siteContact = new ContactId(new UUID(38, 4));

    @BeforeEach
    void createStore() {
        ServiceStores stores = newStore();
        reminders = stores.service().serviceReminders();
        tx = stores.service().transactions();
    }

    private ServiceReminder mark(ServicePlanId of, LocalDate due, int occurrence, LocalDate remindedOn) {
        return new ServiceReminder(of, due, occurrence, customer, siteContact, remindedOn, AT);
    }

    private boolean claim(ServiceReminder reminder) {
        return tx.inTransaction(() -> reminders.claim(reminder));
    }

    @Test
    void claim_readsBackExactly_andASecondClaimOfTheOccurrenceLoses_andChangesNothing() {
        ServiceReminder first = mark(plan, DUE, 1, LocalDate.of(2027, 2, 14));
        assertTrue(claim(first));
        assertEquals(Optional.of(first), reminders.find(plan, DUE));
        ServiceReminder later = new ServiceReminder(plan, DUE, 1, customer, customer, LocalDate.of(2027, 2, 15),
                AT.plusSeconds(86_400));
        assertFalse(claim(later));
        assertEquals(Optional.of(first), reminders.find(plan, DUE));
        assertEquals(List.of(first), reminders.ofPlan(plan));
    }

    @Test
    void claim_rolledBackWithItsUnitOfWork_leavesNoMark_andCanBeClaimedAgain() {
        ServiceReminder mark = mark(plan, DUE, 1, LocalDate.of(2027, 2, 14));
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            assertTrue(reminders.claim(mark));
            throw new IllegalStateException("the timeline entry failed");
        }));
        assertEquals(Optional.empty(), reminders.find(plan, DUE));
        assertEquals(List.of(), reminders.ofPlan(plan));
        assertTrue(claim(mark));
    }

    @Test
    void ofPlan_listsItsOwnMarksByOccurrenceDue_andFindIsByPlanAndDay() {
        ServiceReminder second = mark(plan, LocalDate.of(2027, 8, 31), 2, LocalDate.of(2027, 8, 17));
        ServiceReminder first = mark(plan, DUE, 1, LocalDate.of(2027, 2, 14));
        ServiceReminder others = mark(otherPlan, DUE, 1, LocalDate.of(2027, 2, 14));
        assertTrue(claim(second));
        assertTrue(claim(first));
        assertTrue(claim(others), "the same day of another plan is another occurrence");
        assertEquals(List.of(first, second), reminders.ofPlan(plan));
        assertEquals(List.of(others), reminders.ofPlan(otherPlan));
        assertEquals(Optional.empty(), reminders.find(plan, DUE.plusDays(1)));
        assertEquals(List.of(), reminders.ofPlan(new ServicePlanId(new UUID(38, 9))));
    }

    @Test
    void concurrentClaimsOfOneOccurrence_exactlyOneWins() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                ServiceReminder mark = mark(plan, DUE, 1, LocalDate.of(2027, 2, 14 + t));
                runs.add(pool.submit(() -> {
                    start.await();
                    return claim(mark);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> run : runs) {
                won += run.get(1, TimeUnit.MINUTES) ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reminders.ofPlan(plan).size());
    }
}
