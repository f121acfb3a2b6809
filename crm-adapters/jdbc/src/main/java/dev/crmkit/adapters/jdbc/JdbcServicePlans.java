package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.plan.ServicePlans;
import dev.crmkit.service.schedule.PlanTerms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Service plans in a relational database, one row each with a version for optimistic locking; the terms and the
 * completion days are JSON, the price an amount column beside a currency column. Lists are in the order recorded.
 * Thread-safe.
 */
final class JdbcServicePlans implements ServicePlans {

    private static final TypeReference<List<LocalDate>> DAYS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ServiceRowSql sql;
    private final String ofCustomer;
    private final String active;
    private final String selectAll;

    JdbcServicePlans(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.sql = new ServiceRowSql(jdbc, "service_plan", "service plan", List.of("customer_id", "equipment_id",
                "terms", "preferred_engineer", "price", "price_currency", "completions", "active", "created_at"),
                Set.of("terms", "completions"));
        this.ofCustomer = jdbc.sql("SELECT * FROM {service_plan} WHERE customer_id = ? ORDER BY created_at, seq");
        this.active = jdbc.sql("SELECT * FROM {service_plan} WHERE active = ? ORDER BY created_at, seq");
        this.selectAll = jdbc.sql("SELECT * FROM {service_plan} WHERE 1 = 1");
    }

    @Override
    public ServicePlan insert(ServicePlan plan) {
        Objects.requireNonNull(plan, "plan");
        return jdbc.tx.write(c -> {
            sql.insert(c, plan.id(), plan.version(), values(plan, true));
            return plan.atVersion(1);
        });
    }

    @Override
    public ServicePlan update(ServicePlan plan) {
        Objects.requireNonNull(plan, "plan");
        return jdbc.tx.write(c -> {
            sql.update(c, plan.id(), plan.id().value(), plan.version(), values(plan, false));
            return plan.atVersion(plan.version() + 1);
        });
    }

    @Override
    public Optional<ServicePlan> findById(ServicePlanId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, sql.selectById, this::map, id.value()));
    }

    @Override
    public List<ServicePlan> ofCustomer(ContactId customer) {
        Objects.requireNonNull(customer, "customer");
        return jdbc.tx.read(c -> jdbc.list(c, ofCustomer, this::map, customer.value()));
    }

    @Override
    public Page<ServicePlan> findAll(PageRequest page) {
        Objects.requireNonNull(page, "page");
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, selectAll, "created_at", "seq", false, page, this::map,
                ServicePlan::createdAt));
    }

    @Override
    public List<ServicePlan> active() {
        return jdbc.tx.read(c -> jdbc.list(c, active, this::map, Boolean.TRUE));
    }

    private Object[] values(ServicePlan p, boolean insert) {
        List<Object> v = new ArrayList<>(12);
        if (insert) {
            v.add(p.id().value());
        }
        v.add(p.customer().value());
        v.add(p.equipment().value());
        v.add(jdbc.json.write(p.terms()));
        v.add(p.preferredEngineer().map(e -> (Object) e.value()).orElse(Jdbc.Null.TEXT));
        v.add(p.pricePerVisit().amount());
        v.add(p.pricePerVisit().currency().getCurrencyCode());
        v.add(jdbc.json.write(p.completions()));
        v.add(p.active());
        v.add(p.createdAt());
        if (!insert) {
            v.add(p.id().value());
            v.add(p.version());
        }
        return v.toArray();
    }

    private ServicePlan map(ResultSet rs) throws SQLException {
        Dialect d = jdbc.dialect;
        return new ServicePlan(new ServicePlanId(d.getUuid(rs, "id")), rs.getLong("version"),
                new ContactId(d.getUuid(rs, "customer_id")), new EquipmentId(d.getUuid(rs, "equipment_id")),
                jdbc.json.read(d.getJson(rs, "terms"), PlanTerms.class),
                Optional.ofNullable(rs.getString("preferred_engineer")).map(UserId::new),
                Money.of(rs.getBigDecimal("price"), Currency.getInstance(rs.getString("price_currency"))),
                jdbc.json.read(d.getJson(rs, "completions"), DAYS), rs.getBoolean("active"),
                d.getInstant(rs, "created_at"));
    }

    /** The archive of the rows, keyed by id, restored at their versions: export and restore only. */
    JdbcArchive<ServicePlan> archive() {
        return JdbcArchive.versioned(jdbc, "service_plan", this::map, ServicePlan::id, ServicePlan::version,
                r -> insert(r.atVersion(0)));
    }
}
