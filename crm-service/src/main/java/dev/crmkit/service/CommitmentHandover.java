package dev.crmkit.service;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Task;
import dev.crmkit.service.commitment.Commitment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns commitments that fell due into tasks for whoever owns the customer at that moment (not who made the promise),
 * each once, in one unit of work.
 */
final class CommitmentHandover {

    private final Crm crm;
    private final ServiceStore store;
    private final ZoneId zone;

    CommitmentHandover(Crm crm, ServiceStore store, ZoneId zone) {
        this.crm = crm;
        this.store = store;
        this.zone = zone;
    }

    List<Handover> handOver(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return store.transactions().inTransaction(() -> {
            List<Handover> out = new ArrayList<>();
            for (Commitment commitment : store.commitments().openDueBy(day)) {
                // a customer merged into another since resolves to the survivor: its owner gets the task about it
                Optional<Contact> customer = crm.store().contacts().findById(commitment.customer());
                Optional<UserId> owner = customer.flatMap(Contact::owner);
                if (owner.isEmpty()) {
                    out.add(new Handover.NoOwner(commitment));
                    continue;
                }
                Task task = crm.tasks().create(NewTask.of(
                        BadValue.abbreviate("Keep the promise: " + commitment.promise(), Task.MAX_TITLE_LENGTH),
                        commitment.due().atStartOfDay(zone).toInstant(), owner.get(),
                        Optional.of(CustomerTimeline.of(customer.get().id()))));
                out.add(new Handover.HandedOver(store.commitments().update(commitment.handedOverAs(task.id())),
                        task, owner.get()));
            }
            return out;
        });
    }
}
