package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.request.Priority;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.request.ServiceRequests;
import dev.crmkit.service.request.Sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Service requests in a relational database, one row each with a version for optimistic locking; the SLA is JSON.
 * A customer's requests list oldest first. Thread-safe.
 */
final class JdbcServiceRequests implements ServiceRequests {

    private final Jdbc jdbc;
    private final ServiceRowSql sql;
    private final String ofCustomer;
    private final String openedBetween;

    JdbcServiceRequests(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.sql = new ServiceRowSql(jdbc, "service_request", "service request", List.of("customer_id",
                "equipment_id", "channel", "priority", "summary", "sla", "opened_at", "responded_at", "resolved_at"),
                Set.of("sla"));
        this.ofCustomer = jdbc.sql("SELECT * FROM {service_request} WHERE customer_id = ? ORDER BY opened_at, seq");
        this.openedBetween = jdbc.sql("SELECT * FROM {service_request} WHERE opened_at >= ? AND opened_at < ? "
                + "ORDER BY opened_at, seq");
    }

    @Override
    public ServiceRequest insert(ServiceRequest request) {
        Objects.requireNonNull(request, "request");
        return jdbc.tx.write(c -> {
            sql.insert(c, request.id(), request.version(), values(request, true));
            return request.atVersion(1);
        });
    }

    @Override
    public ServiceRequest update(ServiceRequest request) {
        Objects.requireNonNull(request, "request");
        return jdbc.tx.write(c -> {
            sql.update(c, request.id(), request.id().value(), request.version(), values(request, false));
            return request.atVersion(request.version() + 1);
        });
    }

    @Override
    public Optional<ServiceRequest> findById(ServiceRequestId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, sql.selectById, this::map, id.value()));
    }

    @Override
    public List<ServiceRequest> ofCustomer(ContactId customer) {
        Objects.requireNonNull(customer, "customer");
        return jdbc.tx.read(c -> jdbc.list(c, ofCustomer, this::map, customer.value()));
    }

    private Object[] values(ServiceRequest r, boolean insert) {
        List<Object> v = new ArrayList<>(12);
        if (insert) {
            v.add(r.id().value());
        }
        v.add(r.customer().value());
        v.add(r.equipment().map(e -> (Object) e.value()).orElse(Jdbc.Null.UUID));
        v.add(r.channel());
        v.add(r.priority().name());
        v.add(r.summary());
        v.add(jdbc.json.write(r.sla()));
        v.add(r.openedAt());
        v.add(r.respondedAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT));
        v.add(r.resolvedAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT));
        if (!insert) {
            v.add(r.id().value());
            v.add(r.version());
        }
        return v.toArray();
    }

    private ServiceRequest map(ResultSet rs) throws SQLException {
        Dialect d = jdbc.dialect;
        return new ServiceRequest(new ServiceRequestId(d.getUuid(rs, "id")), rs.getLong("version"),
                new ContactId(d.getUuid(rs, "customer_id")),
                Optional.ofNullable(d.getUuid(rs, "equipment_id")).map(EquipmentId::new), rs.getString("channel"),
                Priority.valueOf(rs.getString("priority")), rs.getString("summary"),
                jdbc.json.read(d.getJson(rs, "sla"), Sla.class), d.getInstant(rs, "opened_at"),
                Optional.ofNullable(d.getInstant(rs, "responded_at")),
                Optional.ofNullable(d.getInstant(rs, "resolved_at")));
    }

    @Override
    public List<ServiceRequest> openedBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return jdbc.tx.read(c -> jdbc.list(c, openedBetween, this::map, from, to));
    }

    /** The archive of the rows, keyed by id, restored at their versions: export and restore only. */
    JdbcArchive<ServiceRequest> archive() {
        return JdbcArchive.versioned(jdbc, "service_request", this::map, ServiceRequest::id, ServiceRequest::version,
                r -> insert(r.atVersion(0)));
    }
}
