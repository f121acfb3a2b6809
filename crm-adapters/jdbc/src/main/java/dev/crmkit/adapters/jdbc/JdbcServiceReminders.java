package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.reminder.ServiceReminders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reminder marks in {@code <prefix>service_reminder}, whose primary key is (plan, occurrence due date). A claim is the
 * dialect's insert-or-ignore in the running unit of work: of two units claiming one occurrence, on one node or two,
 * the second waits on the key until the first commits and then inserts nothing. Thread-safe.
 */
final class JdbcServiceReminders implements ServiceReminders {

    private final Jdbc jdbc;
    private final String claim;
    private final String find;
    private final String ofPlan;

    JdbcServiceReminders(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.claim = jdbc.dialect.insertIgnoring(jdbc.tables.name("service_reminder"), 2, "plan_id",
                "occurrence_due", "occurrence", "customer_id", "recipient_id", "reminded_on", "recorded_at");
        this.find = jdbc.sql("SELECT * FROM {service_reminder} WHERE plan_id = ? AND occurrence_due = ?");
        this.ofPlan = jdbc.sql("SELECT * FROM {service_reminder} WHERE plan_id = ? ORDER BY occurrence_due");
    }

    @Override
    public boolean claim(ServiceReminder r) {
        Objects.requireNonNull(r, "reminder");
        return jdbc.tx.write(c -> jdbc.insertIgnoring(c, claim, r.plan().value(), r.occurrenceDue(), r.occurrence(),
                r.customer().value(), r.recipient().value(), r.remindedOn(), r.recordedAt()));
    }

    @Override
    public Optional<ServiceReminder> find(ServicePlanId plan, LocalDate occurrenceDue) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(occurrenceDue, "occurrenceDue");
        return jdbc.tx.read(c -> jdbc.one(c, find, this::map, plan.value(), occurrenceDue));
    }

    @Override
    public List<ServiceReminder> ofPlan(ServicePlanId plan) {
        Objects.requireNonNull(plan, "plan");
        return jdbc.tx.read(c -> jdbc.list(c, ofPlan, this::map, plan.value()));
    }

    private ServiceReminder map(ResultSet rs) throws SQLException {
        Dialect d = jdbc.dialect;
        return new ServiceReminder(new ServicePlanId(d.getUuid(rs, "plan_id")),
                rs.getObject("occurrence_due", LocalDate.class), rs.getInt("occurrence"),
                new ContactId(d.getUuid(rs, "customer_id")), new ContactId(d.getUuid(rs, "recipient_id")),
                rs.getObject("reminded_on", LocalDate.class), d.getInstant(rs, "recorded_at"));
    }
}
