package dev.crmkit.service.contract;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.ServiceStore;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentStatus;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.visit.Visit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link ServiceStore} passes: records read back exactly (every optional part, the nested
 * completion report), versions are optimistic and a stale write changes nothing, and the lists return what they say
 * in their order. Extend it with a class that returns a fresh, empty store.
 */
public abstract class ServiceStoreContract {

    /** A fresh, empty store; called before every test. */
    protected abstract ServiceStores newStore();

    private ServiceStore store;
    private Transactions tx;
    private ServiceFixtures fx;
    private final ContactId customer = new ContactId(new UUID(7, 1));
    private final ContactId other = new ContactId(new UUID(7, 2));

    @BeforeEach
    void createStore() {
        store = newStore().service();
        tx = store.transactions();
        fx = new ServiceFixtures();
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.inTransaction(work);
    }

    private Equipment equipment() {
        return inTx(() -> store.installedEquipment().insert(fx.equipment(customer, Optional.empty())));
    }

    @Test
    void equipment_withParent_readsBackExactlyAtVersion1() {
        Equipment whole = equipment();
        Equipment part = inTx(() -> store.installedEquipment().insert(fx.equipment(customer,
                Optional.of(whole.id()))));
        assertEquals(1, part.version());
        assertEquals(part, store.installedEquipment().findById(part.id()).orElseThrow());
        assertEquals(List.of(whole, part), store.installedEquipment().ofCustomer(customer));
        assertEquals(List.of(), store.installedEquipment().ofCustomer(other));
    }

    @Test
    void equipment_update_bumpsTheVersionAndAStaleOneChangesNothing() {
        Equipment stored = equipment();
        Equipment changed = inTx(() -> store.installedEquipment().update(stored.withStatus(
                EquipmentStatus.OUT_OF_ORDER)));
        assertEquals(2, changed.version());
        assertThrows(StaleVersionException.class, () -> inTx(() -> store.installedEquipment().update(
                stored.withStatus(EquipmentStatus.REMOVED))));
        assertEquals(changed, store.installedEquipment().findById(stored.id()).orElseThrow());
    }

    @Test
    void equipment_takenId_isRefused() {
        Equipment stored = equipment();
        assertThrows(IllegalArgumentException.class, () -> inTx(() -> store.installedEquipment().insert(
                stored.withStatus(EquipmentStatus.REMOVED))));
        assertEquals(stored, store.installedEquipment().findById(stored.id()).orElseThrow());
    }

    @Test
    void plan_fullTerms_readBackExactly_andCompletionsKeepTheirOrder() {
        ServicePlan plan = inTx(() -> store.servicePlans().insert(fx.plan(equipment())));
        assertEquals(plan, store.servicePlans().findById(plan.id()).orElseThrow());
        ServicePlan more = inTx(() -> store.servicePlans().update(plan.completedOn(LocalDate.of(2027, 1, 5))));
        ServicePlan read = store.servicePlans().findById(plan.id()).orElseThrow();
        assertEquals(more, read);
        assertEquals(LocalDate.of(2027, 1, 5), read.completions().get(2));
        assertEquals(2, read.version());
    }

    @Test
    void plan_active_leavesOutCancelledPlans() {
        Equipment equipment = equipment();
        ServicePlan first = inTx(() -> store.servicePlans().insert(fx.plan(equipment)));
        ServicePlan second = inTx(() -> store.servicePlans().insert(fx.plan(equipment)));
        ServicePlan cancelled = inTx(() -> store.servicePlans().update(first.cancelled()));
        assertEquals(List.of(second), store.servicePlans().active());
        assertEquals(List.of(cancelled, second), store.servicePlans().ofCustomer(customer));
    }

    @Test
    void plan_findAll_pagesEveryPlanIncludingCancelled_inRecordedOrder() {
        Equipment equipment = equipment();
        ServicePlan first = inTx(() -> store.servicePlans().insert(fx.plan(equipment)));
        ServicePlan second = inTx(() -> store.servicePlans().insert(fx.plan(equipment)));
        ServicePlan third = inTx(() -> store.servicePlans().insert(fx.plan(equipment)));
        ServicePlan cancelled = inTx(() -> store.servicePlans().update(second.cancelled()));
        Page<ServicePlan> one = store.servicePlans().findAll(PageRequest.first(2));
        assertEquals(List.of(first, cancelled), one.items());
        assertTrue(one.hasNext());
        Page<ServicePlan> two = store.servicePlans().findAll(PageRequest.first(2).next(one).orElseThrow());
        assertEquals(List.of(third), two.items());
        assertFalse(two.hasNext());
        assertThrows(IllegalArgumentException.class,
                () -> store.servicePlans().findAll(PageRequest.after("not-a-cursor", 2)));
    }

    @Test
    void plan_staleUpdate_changesNothing() {
        ServicePlan plan = inTx(() -> store.servicePlans().insert(fx.plan(equipment())));
        inTx(() -> store.servicePlans().update(plan.completedOn(LocalDate.of(2028, 1, 1))));
        assertThrows(StaleVersionException.class, () -> inTx(() -> store.servicePlans().update(plan.cancelled())));
        assertTrue(store.servicePlans().findById(plan.id()).orElseThrow().active());
    }

    @Test
    void request_readsBackExactly_throughResponseAndResolution() {
        Equipment equipment = equipment();
        ServiceRequest request = inTx(() -> store.serviceRequests().insert(fx.request(customer,
                Optional.of(equipment.id()), ServiceFixtures.T0)));
        assertEquals(request, store.serviceRequests().findById(request.id()).orElseThrow());
        ServiceRequest responded = inTx(() -> store.serviceRequests().update(
                request.respondedAt(ServiceFixtures.T0.plusSeconds(60))));
        ServiceRequest resolved = inTx(() -> store.serviceRequests().update(
                responded.resolvedAt(ServiceFixtures.T0.plusSeconds(3600))));
        assertEquals(resolved, store.serviceRequests().findById(request.id()).orElseThrow());
        assertEquals(List.of(resolved), store.serviceRequests().ofCustomer(customer));
    }

    @Test
    void requestsOpenedBetween_areTheHalfOpenPeriodsOnes_oldestFirst_ofEveryCustomer() {
        Instant t = ServiceFixtures.T0;
        ServiceRequest later = inTx(() -> store.serviceRequests().insert(fx.request(other, Optional.empty(),
                t.plusSeconds(120))));
        ServiceRequest first = inTx(() -> store.serviceRequests().insert(fx.request(customer, Optional.empty(), t)));
        inTx(() -> store.serviceRequests().insert(fx.request(customer, Optional.empty(), t.minusNanos(1000))));
        inTx(() -> store.serviceRequests().insert(fx.request(customer, Optional.empty(), t.plusSeconds(180))));
        assertEquals(List.of(first, later), store.serviceRequests().openedBetween(t, t.plusSeconds(180)));
        assertEquals(List.of(), store.serviceRequests().openedBetween(t.plusSeconds(1), t.plusSeconds(120)));
    }

    @Test
    void visit_withFullReport_readsBackExactly() {
        Instant start = Instant.parse("2027-02-20T09:00:00Z");
        Visit visit = inTx(() -> store.visits().insert(fx.visit(UserId.of("eng-1"), customer, start,
                Duration.ofHours(1))));
        assertEquals(visit, store.visits().findById(visit.id()).orElseThrow());
        Visit done = inTx(() -> store.visits().update(visit.completed(fx.report(LocalDate.of(2027, 2, 20)))));
        assertEquals(done, store.visits().findById(visit.id()).orElseThrow());
        assertEquals(2, done.version());
    }

    @Test
    void visit_completedBetween_readsByTheReportsDay_notByTheStart() {
        UserId eng = UserId.of("eng-1");
        Instant feb = Instant.parse("2027-02-20T09:00:00Z");
        Visit typedLate = inTx(() -> store.visits().insert(fx.visit(eng, customer, feb, Duration.ofHours(1))));
        Visit onTime = inTx(() -> store.visits().insert(fx.visit(eng, customer, feb.plusSeconds(86400 * 10),
                Duration.ofHours(1))));
        inTx(() -> store.visits().insert(fx.visit(eng, customer, feb.plusSeconds(86400 * 11), Duration.ofHours(1))));
        Visit late = inTx(() -> store.visits().update(typedLate.completed(fx.report(LocalDate.of(2027, 3, 6)))));
        Visit early = inTx(() -> store.visits().update(onTime.completed(fx.report(LocalDate.of(2027, 3, 2)))));
        assertEquals(List.of(early, late), store.visits().completedBetween(LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 31)));
        assertEquals(List.of(late), store.visits().completedBetween(LocalDate.of(2027, 3, 6),
                LocalDate.of(2027, 3, 6)));
        assertEquals(List.of(), store.visits().completedBetween(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)));
    }

    @Test
    void visit_ofEngineer_returnsTheVisitsOverlappingTheRange_byStart() {
        UserId eng = UserId.of("eng-1");
        Instant nine = Instant.parse("2027-03-01T09:00:00Z");
        Visit late = inTx(() -> store.visits().insert(fx.visit(eng, customer, nine.plusSeconds(7200),
                Duration.ofHours(1))));
        Visit early = inTx(() -> store.visits().insert(fx.visit(eng, customer, nine, Duration.ofHours(1))));
        inTx(() -> store.visits().insert(fx.visit(UserId.of("eng-2"), customer, nine, Duration.ofHours(1))));
        assertEquals(List.of(early, late), store.visits().ofEngineer(eng, nine, nine.plusSeconds(10800)));
        // the range is half-open at both ends: a visit ending at 'from' or starting at 'to' is outside
        assertEquals(List.of(late), store.visits().ofEngineer(eng, nine.plusSeconds(3600), nine.plusSeconds(7201)));
        assertEquals(List.of(), store.visits().ofEngineer(eng, nine.plusSeconds(3600), nine.plusSeconds(7200)));
    }

    @Test
    void visit_startingBetween_andOfCustomer_listByStart() {
        Instant nine = Instant.parse("2027-03-01T09:00:00Z");
        Visit second = inTx(() -> store.visits().insert(fx.visit(UserId.of("a"), other, nine.plusSeconds(60),
                Duration.ofHours(1))));
        Visit first = inTx(() -> store.visits().insert(fx.visit(UserId.of("b"), customer, nine,
                Duration.ofHours(1))));
        inTx(() -> store.visits().insert(fx.visit(UserId.of("a"), customer, nine.plusSeconds(86400),
                Duration.ofHours(1))));
        assertEquals(List.of(first, second), store.visits().startingBetween(nine, nine.plusSeconds(86400)));
        assertEquals(first, store.visits().ofCustomer(customer).get(0));
        assertEquals(2, store.visits().ofCustomer(customer).size());
    }

    @Test
    void visit_lockCalendar_insideAUnitOfWork_letsTheUnitInsert() {
        UserId eng = UserId.of("eng-lock");
        Visit visit = inTx(() -> {
            store.visits().lockCalendar(eng);
            store.visits().lockCalendar(eng); // again in the same unit: still held, no deadlock
            return store.visits().insert(fx.visit(eng, customer, ServiceFixtures.T0, Duration.ofHours(1)));
        });
        assertEquals(visit, store.visits().findById(visit.id()).orElseThrow());
    }

    @Test
    void commitment_readsBack_andOpenDueByLeavesOutLaterAndHandedOverOnes() {
        Commitment june = inTx(() -> store.commitments().insert(fx.commitment(customer, LocalDate.of(2028, 6, 1))));
        Commitment march = inTx(() -> store.commitments().insert(fx.commitment(other, LocalDate.of(2028, 3, 1))));
        Commitment later = inTx(() -> store.commitments().insert(fx.commitment(customer, LocalDate.of(2029, 1, 1))));
        assertEquals(june, store.commitments().findById(june.id()).orElseThrow());
        assertEquals(List.of(march, june), store.commitments().openDueBy(LocalDate.of(2028, 6, 1)));
        Commitment handed = inTx(() -> store.commitments().update(march.handedOverAs(fx.taskId())));
        assertEquals(handed, store.commitments().findById(march.id()).orElseThrow());
        assertEquals(List.of(june), store.commitments().openDueBy(LocalDate.of(2028, 12, 31)));
        assertEquals(List.of(june, later), store.commitments().ofCustomer(customer));
        assertThrows(StaleVersionException.class, () -> inTx(() -> store.commitments().update(
                march.handedOverAs(fx.taskId()))));
    }
}
