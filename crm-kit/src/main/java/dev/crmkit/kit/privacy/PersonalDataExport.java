package dev.crmkit.kit.privacy;

import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.core.privacy.PersonalRecords;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.visit.Visit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything crmkit holds about a person, from every module: crm-core's {@link PersonalRecords} (contact, consent,
 * leads, scores, timeline, tasks, audit entries), crm-pipeline's deals and crm-service's records of them as a
 * customer. Immutable and thread-safe.
 *
 * @param key         how the person was named
 * @param exportedAt  when, from the clock
 * @param core        crm-core's records
 * @param deals       the deals of their contact or leads, in id order
 * @param equipment   equipment installed for them
 * @param plans       their service plans
 * @param requests    their service requests
 * @param visits      service visits to them
 * @param commitments promises made to them
 */
public record PersonalDataExport(PersonKey key, Instant exportedAt, PersonalRecords core, List<Deal> deals,
                                 List<Equipment> equipment, List<ServicePlan> plans, List<ServiceRequest> requests,
                                 List<Visit> visits, List<Commitment> commitments) {

    /** Validates presence and copies the lists. */
    public PersonalDataExport {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(core, "core");
        deals = List.copyOf(deals);
        equipment = List.copyOf(equipment);
        plans = List.copyOf(plans);
        requests = List.copyOf(requests);
        visits = List.copyOf(visits);
        commitments = List.copyOf(commitments);
    }
}
