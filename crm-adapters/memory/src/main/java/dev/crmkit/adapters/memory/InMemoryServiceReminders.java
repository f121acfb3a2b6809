package dev.crmkit.adapters.memory;

import dev.crmkit.kit.archive.ServiceArchives;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.reminder.ServiceReminders;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reminder marks in memory, per plan by occurrence due date. A claim checks and writes under the store's lock in the
 * running unit of work and is undone with it. Thread-safe.
 */
final class InMemoryServiceReminders implements ServiceReminders {

    private final InMemoryTransactions tx;
    private final Map<ServicePlanId, TreeMap<LocalDate, ServiceReminder>> byPlan = new HashMap<>();

    InMemoryServiceReminders(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean claim(ServiceReminder reminder) {
        Objects.requireNonNull(reminder, "reminder");
        return tx.inTransaction(() -> {
            TreeMap<LocalDate, ServiceReminder> marks = byPlan.computeIfAbsent(reminder.plan(), p -> new TreeMap<>());
            if (marks.putIfAbsent(reminder.occurrenceDue(), reminder) != null) {
                return false;
            }
            tx.onRollback(() -> {
                marks.remove(reminder.occurrenceDue());
                if (marks.isEmpty()) {
                    byPlan.remove(reminder.plan());
                }
            });
            return true;
        });
    }

    @Override
    public Optional<ServiceReminder> find(ServicePlanId plan, LocalDate occurrenceDue) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(occurrenceDue, "occurrenceDue");
        return tx.read(() -> Optional.ofNullable(byPlan.get(plan)).map(m -> m.get(occurrenceDue)));
    }

    @Override
    public List<ServiceReminder> ofPlan(ServicePlanId plan) {
        Objects.requireNonNull(plan, "plan");
        return tx.read(() -> List.copyOf(byPlan.getOrDefault(plan, new TreeMap<>()).values()));
    }

    /** The archive of the marks, keyed {@code <plan id>/<occurrence due date>}: export and restore only. */
    MemoryArchive<ServiceReminder> archive() {
        return new MemoryArchive<>(tx, "service reminder", (after, limit) -> KeyOrder.after(
                byPlan.values().stream().flatMap(m -> m.values().stream()).toList(), ServiceArchives::reminderKey,
                after, limit), ServiceArchives::reminderKey, this::containsKey, this::claim);
    }

    private boolean containsKey(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return false;
        }
        TreeMap<LocalDate, ServiceReminder> marks = byPlan.get(new ServicePlanId(UUID.fromString(key.substring(0,
                slash))));
        return marks != null && marks.containsKey(LocalDate.parse(key.substring(slash + 1)));
    }
}
