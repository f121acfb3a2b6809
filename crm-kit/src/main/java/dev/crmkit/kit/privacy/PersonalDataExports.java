package dev.crmkit.kit.privacy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.core.privacy.PersonalRecords;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.visit.Visit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The export of a person's data from every module of a {@link CrmkitStore}, in one unit of work: crm-core's part
 * through {@link dev.crmkit.core.privacy.PersonalDataRights#export} (which records the export in the audit trail),
 * then the deals and service records of the same person. Thread-safe.
 */
public final class PersonalDataExports {

    private final Crm crm;
    private final CrmkitStore store;

    /** Wires the export; {@code Crmkit.personalDataExports()} does this for you. */
    public PersonalDataExports(Crm crm, CrmkitStore store) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Everything crmkit holds about the person; empty when nobody is stored under the key. */
    public Optional<PersonalDataExport> export(PersonKey key) {
        Objects.requireNonNull(key, "key");
        return store.transactions().inTransaction(() -> crm.personalData().export(key).map(core -> compose(key,
                core)));
    }

    private PersonalDataExport compose(PersonKey key, PersonalRecords core) {
        List<Deal> deals = new ArrayList<>();
        List<Equipment> equipment = new ArrayList<>();
        List<ServicePlan> plans = new ArrayList<>();
        List<ServiceRequest> requests = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        List<Commitment> commitments = new ArrayList<>();
        for (RecordRef r : core.records()) {
            if (r.type() == RecordType.DEAL) {
                store.deals().findById(new DealId(r.id())).ifPresent(deals::add);
            } else if (r.type() == RecordType.CONTACT) {
                ContactId customer = new ContactId(r.id());
                equipment.addAll(store.installedEquipment().ofCustomer(customer));
                plans.addAll(store.servicePlans().ofCustomer(customer));
                requests.addAll(store.serviceRequests().ofCustomer(customer));
                visits.addAll(store.visits().ofCustomer(customer));
                commitments.addAll(store.commitments().ofCustomer(customer));
            }
        }
        return new PersonalDataExport(key, crm.clock().instant(), core, deals, equipment, plans, requests, visits,
                commitments);
    }
}
