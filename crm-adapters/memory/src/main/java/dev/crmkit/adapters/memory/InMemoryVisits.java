package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitId;
import dev.crmkit.service.visit.Visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Visits in memory, indexed by engineer, by customer and all together, each by start. Units of work run one at a
 * time, so holding an engineer's calendar needs nothing more than being inside one. Thread-safe.
 */
final class InMemoryVisits implements Visits {

    private static final String ENGINEER = "engineer";
    private static final String CUSTOMER = "customer";
    private static final String ALL = "all";

    private final InMemoryTransactions tx;
    private final Table<VisitId, Visit> table;

    InMemoryVisits(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<VisitId, Visit>("visit", tx, Visit::id, Visit::version, Visit::atVersion,
                Visit::createdAt)
                .group(ENGINEER, v -> List.of(v.engineer()), Visit::start)
                .group(CUSTOMER, v -> List.of(v.customer()), Visit::start)
                .group(ALL, v -> List.of(Boolean.TRUE), Visit::start);
    }

    @Override
    public void lockCalendar(UserId engineer) {
        Objects.requireNonNull(engineer, "engineer");
        if (!tx.inUnitOfWork()) {
            throw new IllegalStateException("an engineer's calendar can only be held inside a unit of work");
        }
    }

    @Override
    public Visit insert(Visit visit) {
        return table.insert(Objects.requireNonNull(visit, "visit"));
    }

    @Override
    public Visit update(Visit visit) {
        return table.update(Objects.requireNonNull(visit, "visit"));
    }

    @Override
    public Optional<Visit> findById(VisitId id) {
        return table.get(id);
    }

    @Override
    public List<Visit> ofEngineer(UserId engineer, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return table.all(ENGINEER, Objects.requireNonNull(engineer, "engineer")).stream()
                .filter(v -> v.start().isBefore(to) && v.end().isAfter(from)).toList();
    }

    @Override
    public List<Visit> startingBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return table.all(ALL, Boolean.TRUE).stream()
                .filter(v -> !v.start().isBefore(from) && v.start().isBefore(to)).toList();
    }

    @Override
    public List<Visit> completedBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return table.all(ALL, Boolean.TRUE).stream()
                .filter(v -> v.report().filter(r -> !r.completedOn().isBefore(from)
                        && !r.completedOn().isAfter(to)).isPresent())
                .sorted(Comparator.comparing((Visit v) -> v.report().orElseThrow().completedOn()))
                .toList();
    }

    @Override
    public List<Visit> ofCustomer(ContactId customer) {
        return table.all(CUSTOMER, Objects.requireNonNull(customer, "customer"));
    }

    /** The archive of the visits, keyed by id: export and restore only. */
    MemoryArchive<Visit> archive() {
        return MemoryArchive.of(tx, "visit", table, Visit::id,
                k -> new VisitId(java.util.UUID.fromString(k)));
    }

    /** The table, for a person's erasure. */
    Table<VisitId, Visit> rows() {
        return table;
    }
}
