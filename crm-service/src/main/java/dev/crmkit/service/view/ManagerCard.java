package dev.crmkit.service.view;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.visit.Visit;

import java.util.List;
import java.util.Objects;

/**
 * The manager's view of a service customer: everything. Immutable and thread-safe.
 *
 * @param customer    the contact
 * @param equipment   the installed equipment
 * @param plans       the plans with their state on the view's day
 * @param requests    every service request, oldest first
 * @param visits      every visit, by start, with the completion reports
 * @param commitments every promise made, by due day
 * @param timeline    the latest timeline entries, newest first
 */
public record ManagerCard(Contact customer, List<Equipment> equipment, List<PlanLine> plans,
                          List<ServiceRequest> requests, List<Visit> visits, List<Commitment> commitments,
                          List<Activity> timeline) {

    /** Copies the lists. */
    public ManagerCard {
        Objects.requireNonNull(customer, "customer");
        equipment = List.copyOf(equipment);
        plans = List.copyOf(plans);
        requests = List.copyOf(requests);
        visits = List.copyOf(visits);
        commitments = List.copyOf(commitments);
        timeline = List.copyOf(timeline);
    }
}
