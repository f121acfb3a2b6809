package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.service.contract.ServiceFixtures;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.report.EngineerLoad;
import dev.crmkit.service.report.LostCustomer;
import dev.crmkit.service.report.ServiceReports;
import dev.crmkit.service.report.ServiceWeek;
import dev.crmkit.service.report.SlaLine;
import dev.crmkit.service.request.Priority;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.Sla;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.Visit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service reports' edges, on records put straight into the in-memory store. */
class ServiceReportsTest {

    private final InMemoryCrmStore store = InMemoryCrmStore.create();
    private final ServiceReports reports = ServiceReports.of(store, ZoneOffset.UTC);
    private final ServiceFixtures fx = new ServiceFixtures();
    private final ContactId customer = new ContactId(new UUID(3, 1));

    private <T> T tx(java.util.function.Supplier<T> work) {
        return store.transactions().inTransaction(work);
    }

    @Test
    void week_leavesOutEndedAndCancelledPlans_andCountsOverdueFromItsMonday() {
        Equipment e = tx(() -> store.installedEquipment().insert(fx.equipment(customer, Optional.empty())));
        // fixture plan: schedule anchor from 31 Aug 2026, every 6 months, window 3 before / 5 after, 2 completions
        ServicePlan open = tx(() -> store.servicePlans().insert(fx.plan(e)));
        ServicePlan cancelled = tx(() -> store.servicePlans().insert(fx.plan(e)));
        tx(() -> store.servicePlans().update(cancelled.cancelled()));
        assertEquals(LocalDate.of(2028, 2, 29), open.nextDue().orElseThrow());
        ServiceWeek due = reports.week(LocalDate.of(2028, 3, 1));
        assertEquals(LocalDate.of(2028, 2, 28), due.monday());
        assertEquals(1, due.due().size());
        assertEquals(List.of(), due.overdue());
        // on Monday 6 March the window (5 days after) has closed: overdue by 6 days, once, not a list
        ServiceWeek late = reports.week(LocalDate.of(2028, 3, 6));
        assertEquals(6, late.overdue().get(0).daysOverdue());
        assertEquals(1, late.overdue().size());
        assertEquals(List.of(), late.due());
        assertThrows(IllegalArgumentException.class, () -> reports.weeks(LocalDate.of(2028, 3, 6), 0));
        assertEquals(3, reports.weeks(LocalDate.of(2028, 3, 6), 3).size());
    }

    @Test
    void engineerLoadAndRevenue_leaveOutCancelledVisits_andSumEachCurrencyApart() {
        UserId eng = UserId.of("eng");
        Instant nine = Instant.parse("2027-03-01T09:00:00Z");
        Visit done = tx(() -> store.visits().insert(fx.visit(eng, customer, nine, Duration.ofHours(2))));
        tx(() -> store.visits().update(done.completed(fx.report(LocalDate.of(2027, 3, 1)))));
        Visit chf = tx(() -> store.visits().insert(fx.visit(eng, customer, nine.plusSeconds(86400),
                Duration.ofHours(1))));
        CompletionReport inFrancs = fx.report(LocalDate.of(2027, 3, 2));
        tx(() -> store.visits().update(chf.completed(new CompletionReport(inFrancs.completedOn(),
                inFrancs.workDone(), inFrancs.parts(), inFrancs.timeOnSite(), inFrancs.checklist(),
                inFrancs.documents(), inFrancs.signOff(), Money.of("30.00", "CHF")))));
        Visit off = tx(() -> store.visits().insert(fx.visit(eng, customer, nine.plusSeconds(7200),
                Duration.ofHours(1))));
        tx(() -> store.visits().update(off.cancelled()));
        assertEquals(List.of(new EngineerLoad(eng, 2, 2, Duration.ofHours(3), Duration.ofMinutes(90))),
                reports.engineerLoad(nine, nine.plus(Duration.ofDays(7))));
        assertEquals(List.of(Money.of("30.00", "CHF"), Money.of("45.50", "EUR")),
                reports.serviceRevenue(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)));
        assertEquals(List.of(Money.of("30.00", "CHF")),
                reports.serviceRevenue(LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 2)));
    }

    @Test
    void lostCustomers_countsFromTheLatestServiceOfAnyActivePlan() {
        Equipment e = tx(() -> store.installedEquipment().insert(fx.equipment(customer, Optional.empty())));
        tx(() -> store.servicePlans().insert(fx.plan(e))); // last completion 30 August 2027
        assertEquals(List.of(), reports.lostCustomers(LocalDate.of(2028, 5, 1), Period.ofMonths(9)));
        assertEquals(customer, reports.lostCustomers(LocalDate.of(2028, 6, 1), Period.ofMonths(9)).get(0)
                .customer());
        assertEquals(LocalDate.of(2027, 8, 30), reports.lostCustomers(LocalDate.of(2028, 6, 1), Period.ofMonths(9))
                .get(0).lastService());
    }

    @Test
    void lostCustomers_countsCancelledPlansToo_andAServiceOnAnyPlanKeepsTheCustomer() {
        ContactId cancelledOnly = new ContactId(new UUID(3, 2));
        Equipment gone = tx(() -> store.installedEquipment().insert(fx.equipment(cancelledOnly, Optional.empty())));
        ServicePlan stopped = tx(() -> store.servicePlans().insert(fx.plan(gone))); // last completion 30 Aug 2027
        tx(() -> store.servicePlans().update(stopped.cancelled()));
        Equipment e = tx(() -> store.installedEquipment().insert(fx.equipment(customer, Optional.empty())));
        ServicePlan old = tx(() -> store.servicePlans().insert(fx.plan(e)));
        tx(() -> store.servicePlans().update(old.completedOn(LocalDate.of(2028, 2, 1)).cancelled()));
        tx(() -> store.servicePlans().insert(fx.plan(e))); // active, last completion 30 Aug 2027
        List<LostCustomer> lost =
                reports.lostCustomers(LocalDate.of(2028, 6, 1), Period.ofMonths(9));
        assertEquals(List.of(cancelledOnly), lost.stream().map(LostCustomer::customer).toList());
        assertEquals(LocalDate.of(2027, 8, 30), lost.get(0).lastService());
        assertEquals(List.of(cancelledOnly, customer), reports.lostCustomers(LocalDate.of(2028, 11, 2),
                Period.ofMonths(9)).stream().map(LostCustomer::customer).toList());
    }

    @Test
    void revenue_countsAReportTypedTwoWeeksAfterTheVisit_inThePeriodOfItsCompletionDay() {
        UserId eng = UserId.of("eng");
        Instant visitDay = Instant.parse("2027-02-20T09:00:00Z");
        Visit visit = tx(() -> store.visits().insert(fx.visit(eng, customer, visitDay, Duration.ofHours(2))));
        // the report is typed in on 6 March, two weeks after the visit started, and says the work was done then
        tx(() -> store.visits().update(visit.completed(fx.report(LocalDate.of(2027, 3, 6)))));
        assertEquals(List.of(Money.of("45.50", "EUR")),
                reports.serviceRevenue(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)));
        assertEquals(List.of(), reports.serviceRevenue(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)));
    }

    @Test
    void lostCustomers_aCompletedVisitForARequest_isServiceToo_untilItIsTooOldItself() {
        Equipment e = tx(() -> store.installedEquipment().insert(fx.equipment(customer, Optional.empty())));
        tx(() -> store.servicePlans().insert(fx.plan(e))); // last plan completion 30 August 2027
        Visit repair = tx(() -> store.visits().insert(fx.visit(UserId.of("eng"), customer,
                Instant.parse("2028-01-10T09:00:00Z"), Duration.ofHours(1))));
        tx(() -> store.visits().update(repair.completed(fx.report(LocalDate.of(2028, 1, 10)))));
        Visit cancelled = tx(() -> store.visits().insert(fx.visit(UserId.of("eng"), customer,
                Instant.parse("2028-05-10T09:00:00Z"), Duration.ofHours(1))));
        tx(() -> store.visits().update(cancelled.cancelled()));
        assertEquals(List.of(), reports.lostCustomers(LocalDate.of(2028, 6, 1), Period.ofMonths(9)),
                "the repair visit of 10 January keeps the customer");
        List<LostCustomer> lost = reports.lostCustomers(LocalDate.of(2028, 10, 11), Period.ofMonths(9));
        assertEquals(List.of(new LostCustomer(customer, LocalDate.of(2028, 1, 10), 275)), lost);
        // a report of a day after the report's day does not count yet
        assertEquals(LocalDate.of(2027, 8, 30), reports.lostCustomers(LocalDate.of(2028, 1, 9), Period.ofMonths(3))
                .get(0).lastService());
    }

    @Test
    void sla_countsPerPriority_respondedAndResolvedInTime_breaches_andOpenRequests() {
        Instant monday = Instant.parse("2027-03-01T00:00:00Z");
        Instant asOf = Instant.parse("2027-03-10T00:00:00Z");
        // HIGH: respond within 4 h, resolve within 2 days (the fixture's SLA)
        ServiceRequest onTime = request(monday.plusSeconds(3600));
        tx(() -> store.serviceRequests().update(onTime.respondedAt(monday.plusSeconds(7200))
                .resolvedAt(monday.plusSeconds(86_400))));
        ServiceRequest lateAnswer = request(monday.plusSeconds(7200));
        tx(() -> store.serviceRequests().update(lateAnswer.respondedAt(monday.plus(Duration.ofHours(10)))));
        ServiceRequest urgentOpen = tx(() -> store.serviceRequests().insert(new ServiceRequest(
                new dev.crmkit.service.request.ServiceRequestId(fx.uuid()), 0, customer, Optional.empty(), "phone",
                Priority.URGENT, "No water", new Sla(Duration.ofHours(1), Duration.ofDays(30)), monday.plusSeconds(60),
                Optional.empty(), Optional.empty())));
        request(monday.minusSeconds(1)); // opened before the period
        request(monday.plus(Duration.ofDays(7))); // opened at its end: outside [from, to)
        List<SlaLine> lines = reports.sla(monday, monday.plus(Duration.ofDays(7)), asOf);
        assertEquals(List.of(new SlaLine(Priority.LOW, 0, 0, 0, 0, 0), new SlaLine(Priority.NORMAL, 0, 0, 0, 0, 0),
                new SlaLine(Priority.HIGH, 2, 1, 1, 1, 1), new SlaLine(Priority.URGENT, 1, 0, 0, 1, 1)), lines);
        assertEquals(urgentOpen.id(), store.serviceRequests().openedBetween(monday, monday.plusSeconds(61)).get(0)
                .id());
        // judged an hour after opening, the urgent request has not missed its response yet
        assertEquals(new SlaLine(Priority.URGENT, 1, 0, 0, 0, 1), reports.sla(monday, monday.plus(Duration.ofDays(7)),
                monday.plusSeconds(60 + 3600)).get(3));
        ValidationException e = assertThrows(ValidationException.class, () -> reports.sla(monday, monday, asOf));
        assertEquals("to", e.violations().get(0).field());
        assertEquals("asOf", assertThrows(ValidationException.class, () -> reports.sla(monday,
                monday.plusSeconds(1), monday.minusSeconds(1))).violations().get(0).field());
    }

    private ServiceRequest request(Instant openedAt) {
        return tx(() -> store.serviceRequests().insert(fx.request(customer, Optional.empty(), openedAt)));
    }
}
