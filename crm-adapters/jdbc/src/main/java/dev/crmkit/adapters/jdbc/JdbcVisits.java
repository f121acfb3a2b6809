package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitId;
import dev.crmkit.service.visit.VisitStatus;
import dev.crmkit.service.visit.Visits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Visits in a relational database, one row each with a version for optimistic locking; the completion report is
 * JSON. Holding an engineer's calendar updates the engineer's row of {@code service_calendar} (inserted on first use),
 * a row lock the database keeps until the transaction ends: every node's scheduling for that engineer waits for it,
 * so the clash check and the insert of one scheduling never interleave with another's. Thread-safe.
 */
final class JdbcVisits implements Visits {

    private final Jdbc jdbc;
    private final ServiceRowSql sql;
    private final String insertCalendar;
    private final String lockCalendar;
    private final String ofEngineer;
    private final String startingBetween;
    private final String ofCustomer;
    private final String completedBetween;

    JdbcVisits(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.sql = new ServiceRowSql(jdbc, "service_visit", "visit", List.of("engineer", "customer_id",
                "equipment_id", "plan_id", "request_id", "starts_at", "ends_at", "status", "report", "completed_on", "created_at"),
                Set.of("report"));
        this.insertCalendar = jdbc.dialect.insertIgnoring(jdbc.tables.name("service_calendar"), 1, "engineer",
                "version");
        this.lockCalendar = jdbc.sql("UPDATE {service_calendar} SET version = version + 1 WHERE engineer = ?");
        this.ofEngineer = jdbc.sql("SELECT * FROM {service_visit} WHERE engineer = ? AND starts_at < ? "
                + "AND ends_at > ? ORDER BY starts_at, seq");
        this.startingBetween = jdbc.sql("SELECT * FROM {service_visit} WHERE starts_at >= ? AND starts_at < ? "
                + "ORDER BY starts_at, seq");
        this.ofCustomer = jdbc.sql("SELECT * FROM {service_visit} WHERE customer_id = ? ORDER BY starts_at, seq");
        this.completedBetween = jdbc.sql("SELECT * FROM {service_visit} WHERE completed_on >= ? AND completed_on <= ? "
                + "ORDER BY completed_on, seq");
    }

    @Override
    public void lockCalendar(UserId engineer) {
        Objects.requireNonNull(engineer, "engineer");
        if (!jdbc.tx.inUnitOfWork()) {
            throw new IllegalStateException("an engineer's calendar can only be held inside a unit of work");
        }
        jdbc.tx.write(c -> {
            // the update alone once the row exists: an insert that finds the row would take a shared lock first, and
            // two such waiters upgrading to the update's exclusive lock deadlock (InnoDB)
            if (jdbc.update(c, lockCalendar, engineer.value()) == 1) {
                return null;
            }
            jdbc.insertIgnoring(c, insertCalendar, engineer.value(), 0L);
            if (jdbc.update(c, lockCalendar, engineer.value()) != 1) {
                throw new IllegalStateException("the calendar row of " + engineer + " is missing after its insert");
            }
            return null;
        });
    }

    @Override
    public Visit insert(Visit visit) {
        Objects.requireNonNull(visit, "visit");
        return jdbc.tx.write(c -> {
            sql.insert(c, visit.id(), visit.version(), values(visit, true));
            return visit.atVersion(1);
        });
    }

    @Override
    public Visit update(Visit visit) {
        Objects.requireNonNull(visit, "visit");
        return jdbc.tx.write(c -> {
            sql.update(c, visit.id(), visit.id().value(), visit.version(), values(visit, false));
            return visit.atVersion(visit.version() + 1);
        });
    }

    @Override
    public Optional<Visit> findById(VisitId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, sql.selectById, this::map, id.value()));
    }

    @Override
    public List<Visit> ofEngineer(UserId engineer, Instant from, Instant to) {
        Objects.requireNonNull(engineer, "engineer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return jdbc.tx.read(c -> jdbc.list(c, ofEngineer, this::map, engineer.value(), to, from));
    }

    @Override
    public List<Visit> startingBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return jdbc.tx.read(c -> jdbc.list(c, startingBetween, this::map, from, to));
    }

    @Override
    public List<Visit> completedBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return jdbc.tx.read(c -> jdbc.list(c, completedBetween, this::map, from, to));
    }

    @Override
    public List<Visit> ofCustomer(ContactId customer) {
        Objects.requireNonNull(customer, "customer");
        return jdbc.tx.read(c -> jdbc.list(c, ofCustomer, this::map, customer.value()));
    }

    private Object[] values(Visit x, boolean insert) {
        List<Object> v = new ArrayList<>(14);
        if (insert) {
            v.add(x.id().value());
        }
        v.add(x.engineer().value());
        v.add(x.customer().value());
        v.add(x.equipment().map(e -> (Object) e.value()).orElse(Jdbc.Null.UUID));
        v.add(x.plan().map(p -> (Object) p.value()).orElse(Jdbc.Null.UUID));
        v.add(x.request().map(r -> (Object) r.value()).orElse(Jdbc.Null.UUID));
        v.add(x.start());
        v.add(x.end());
        v.add(x.status().name());
        v.add(x.report().map(r -> (Object) jdbc.json.write(r)).orElse(Jdbc.Null.TEXT));
        v.add(x.report().map(r -> (Object) r.completedOn()).orElse(Jdbc.Null.DATE));
        v.add(x.createdAt());
        if (!insert) {
            v.add(x.id().value());
            v.add(x.version());
        }
        return v.toArray();
    }

    private Visit map(ResultSet rs) throws SQLException {
        Dialect d = jdbc.dialect;
        String report = d.getJson(rs, "report");
        return new Visit(new VisitId(d.getUuid(rs, "id")), rs.getLong("version"), new UserId(rs.getString("engineer")),
                new ContactId(d.getUuid(rs, "customer_id")),
                Optional.ofNullable(d.getUuid(rs, "equipment_id")).map(EquipmentId::new),
                Optional.ofNullable(d.getUuid(rs, "plan_id")).map(ServicePlanId::new),
                Optional.ofNullable(d.getUuid(rs, "request_id")).map(ServiceRequestId::new),
                d.getInstant(rs, "starts_at"), d.getInstant(rs, "ends_at"),
                VisitStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(report).map(json -> jdbc.json.read(json, CompletionReport.class)),
                d.getInstant(rs, "created_at"));
    }

    /** The archive of the rows, keyed by id, restored at their versions: export and restore only. */
    JdbcArchive<Visit> archive() {
        return JdbcArchive.versioned(jdbc, "service_visit", this::map, Visit::id, Visit::version,
                r -> insert(r.atVersion(0)));
    }
}
