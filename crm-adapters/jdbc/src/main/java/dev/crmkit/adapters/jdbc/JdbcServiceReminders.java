package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.kit.archive.ServiceArchives;
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

    /** The archive of the marks, keyed {@code <plan id>/<occurrence due date>}: export and restore only. */
    JdbcArchive<ServiceReminder> archive() {
        return new JdbcArchive<>(jdbc, "service reminder", "SELECT * FROM {service_reminder}",
                "(plan_id > ? OR (plan_id = ? AND occurrence_due > ?))", "plan_id, occurrence_due",
                "plan_id = ? AND occurrence_due = ?", this::map, ServiceArchives::reminderKey,
                k -> {
                    Object[] key = key(k);
                    return new Object[]{key[0], key[0], key[1]};
                }, JdbcServiceReminders::key, (c, r) -> {
                    if (!claim(r)) {
                        throw new IllegalArgumentException("service reminder " + ServiceArchives.reminderKey(r)
                                + " is already stored");
                    }
                });
    }

    /** The plan id and the occurrence's due date of an archive key. */
    private static Object[] key(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a reminder key (plan id/date): '" + key + "'");
        }
        return new Object[]{JdbcArchive.uuid(key.substring(0, slash)), LocalDate.parse(key.substring(slash + 1))};
    }
}
