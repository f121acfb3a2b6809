package dev.crmkit.service.report;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.service.ServiceStore;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.request.Priority;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.schedule.PlanStatus;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitStatus;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The service business's reports, read from a {@link ServiceStore}: due and overdue service by week, engineer load,
 * service revenue, lost service customers and how requests kept their SLA. Every report takes its days as arguments,
 * never the clock. Thread-safe.
 */
public final class ServiceReports {

    private static final int PLAN_PAGE = 500;

    private final ServiceStore store;
    private final ZoneId zone;

    private ServiceReports(ServiceStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** The reports of a store, with days in the given zone. */
    public static ServiceReports of(ServiceStore store, ZoneId zone) {
        return new ServiceReports(Objects.requireNonNull(store, "store"), Objects.requireNonNull(zone, "zone"));
    }

    /** The week (Monday to Sunday) that holds the day: what falls due in it and what is overdue on its Monday. */
    public ServiceWeek week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<DueItem> due = new ArrayList<>();
        List<DueItem> overdue = new ArrayList<>();
        for (ServicePlan plan : store.servicePlans().active()) {
            PlanStatus status = plan.statusOn(monday);
            if (status instanceof PlanStatus.Overdue late) {
                overdue.add(item(plan, late.next().due(), late.days()));
            } else if (!(status instanceof PlanStatus.Ended)) {
                LocalDate next = plan.nextDue().orElseThrow();
                if (!next.isBefore(monday) && next.isBefore(monday.plusDays(7))) {
                    due.add(item(plan, next, 0));
                }
            }
        }
        due.sort(Comparator.comparing(DueItem::due));
        overdue.sort(Comparator.comparingLong(DueItem::daysOverdue).reversed());
        return new ServiceWeek(monday, due, overdue);
    }

    /**
     * {@code count} weeks from the one holding {@code from}, each as {@link #week}.
     *
     * @throws IllegalArgumentException if the count is not 1 to 520
     */
    public List<ServiceWeek> weeks(LocalDate from, int count) {
        if (count < 1 || count > 520) {
            throw new IllegalArgumentException("weeks must be 1 to 520, was " + count);
        }
        List<ServiceWeek> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(week(from.plusWeeks(i)));
        }
        return out;
    }

    private static DueItem item(ServicePlan plan, LocalDate due, long days) {
        return new DueItem(plan.id(), plan.customer(), plan.equipment(), due, days);
    }

    /** Each engineer's visits that start in {@code [from, to)}, by engineer id. */
    public List<EngineerLoad> engineerLoad(Instant from, Instant to) {
        Map<UserId, List<Visit>> byEngineer = new TreeMap<>(Comparator.comparing(UserId::value));
        for (Visit visit : store.visits().startingBetween(from, to)) {
            if (visit.holdsCalendar()) {
                byEngineer.computeIfAbsent(visit.engineer(), e -> new ArrayList<>()).add(visit);
            }
        }
        List<EngineerLoad> out = new ArrayList<>();
        byEngineer.forEach((engineer, visits) -> {
            Duration booked = Duration.ZERO;
            Duration onSite = Duration.ZERO;
            int completed = 0;
            for (Visit v : visits) {
                booked = booked.plus(Duration.between(v.start(), v.end()));
                if (v.status() == VisitStatus.COMPLETED) {
                    completed++;
                    onSite = onSite.plus(v.report().orElseThrow().timeOnSite());
                }
            }
            out.add(new EngineerLoad(engineer, visits.size(), completed, booked, onSite));
        });
        return out;
    }

    /**
     * What completed visits were charged with completion days in {@code [from, to]}, one sum per currency in
     * currency-code order. Visits are read by the completion day of their report, so a report typed in weeks after
     * its visit counts in the period of the day the service was done.
     */
    public List<Money> serviceRevenue(LocalDate from, LocalDate to) {
        Map<String, Money> sums = new TreeMap<>();
        for (Visit visit : store.visits().completedBetween(from, to)) {
            Optional<CompletionReport> report = visit.report();
            if (report.isEmpty()) {
                continue;
            }
            Money charged = report.get().charged();
            sums.merge(charged.currency().getCurrencyCode(), charged, Money::plus);
        }
        return List.copyOf(sums.values());
    }

    /** Zero in a currency, for hosts that show an empty revenue as 0. */
    public static Money zero(Currency currency) {
        return Money.of(BigDecimal.ZERO, currency);
    }

    /**
     * The lost service customers on {@code day}, longest first. A customer is <em>lost</em> when no service visit
     * happened for them for more than {@code noServiceFor}: the customer's last service, the latest over ALL their
     * plans whatever the plan's state (active, cancelled or ended) of each plan's last completion day, or its
     * installation day when it has none, lies before {@code day - noServiceFor}. A customer who cancelled the plan is
     * therefore counted once the time has passed, and one service on any plan keeps the customer, as does a completed
     * visit outside the plans (for a service request) on or before {@code day}. Customers without any plan are not
     * service customers and never appear. Plans are read page by page, so any number fits.
     */
    public List<LostCustomer> lostCustomers(LocalDate day, Period noServiceFor) {
        LocalDate cutoff = day.minus(noServiceFor);
        Map<ContactId, LocalDate> last = new LinkedHashMap<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(PLAN_PAGE));
        while (next.isPresent()) {
            Page<ServicePlan> page = store.servicePlans().findAll(next.get());
            for (ServicePlan plan : page.items()) {
                LocalDate latest = plan.completions().stream().max(Comparator.naturalOrder())
                        .orElse(plan.terms().installedOn());
                last.merge(plan.customer(), latest, (a, b) -> a.isAfter(b) ? a : b);
            }
            next = next.get().next(page);
        }
        List<LostCustomer> out = new ArrayList<>();
        last.forEach((customer, byPlans) -> {
            if (byPlans.isBefore(cutoff)) {
                // a visit outside the plans (for a service request) is service too: read only for the candidates
                LocalDate lastService = store.visits().ofCustomer(customer).stream()
                        .filter(v -> v.status() == VisitStatus.COMPLETED)
                        .map(v -> v.report().orElseThrow().completedOn())
                        .filter(d -> !d.isAfter(day))
                        .reduce(byPlans, (a, b) -> a.isAfter(b) ? a : b);
                if (lastService.isBefore(cutoff)) {
                    out.add(new LostCustomer(customer, lastService, ChronoUnit.DAYS.between(lastService, day)));
                }
            }
        });
        out.sort(Comparator.comparingLong(LostCustomer::daysSince).reversed());
        return out;
    }

    /**
     * How the service requests opened in {@code [from, to)} kept their SLA, judged at {@code asOf}: one line per
     * priority, in the order of {@link Priority} (a priority without requests has a line of zeros).
     *
     * @throws ValidationException if {@code to} is not after {@code from}, or {@code asOf} is before {@code from}
     */
    public List<SlaLine> sla(Instant from, Instant to, Instant asOf) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
        if (!to.isAfter(from)) {
            throw ValidationException.of("to", "after-from", "must be after from (" + from + "), was " + to);
        }
        if (asOf.isBefore(from)) {
            throw ValidationException.of("asOf", "not-before-from", "must not be before from (" + from + "), was "
                    + asOf);
        }
        Map<Priority, int[]> counts = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            counts.put(p, new int[5]);
        }
        for (ServiceRequest r : store.serviceRequests().openedBetween(from, to)) {
            int[] c = counts.get(r.priority());
            c[0]++;
            c[1] += r.respondedAt().filter(t -> !t.isAfter(r.respondBy())).isPresent() ? 1 : 0;
            c[2] += r.resolvedAt().filter(t -> !t.isAfter(r.resolveBy())).isPresent() ? 1 : 0;
            c[3] += r.slaBreachedAt(asOf) ? 1 : 0;
            c[4] += r.open() ? 1 : 0;
        }
        List<SlaLine> out = new ArrayList<>();
        counts.forEach((p, c) -> out.add(new SlaLine(p, c[0], c[1], c[2], c[3], c[4])));
        return out;
    }
}
