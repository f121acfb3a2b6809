package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.ContactMerges;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.CommitmentId;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.plan.ServicePlanId;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.request.ServiceRequestId;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitId;

import java.time.Instant;
import java.util.Optional;

/**
 * Merges of contacts in memory: leads, tasks, timeline entries and deals of a merged-away contact are re-pointed
 * ({@link InMemoryMerges}), and crm-service's records of it once {@link #linkService linked}. Thread-safe.
 */
final class InMemoryContactMerges extends InMemoryMerges<Contact, ContactId, ContactMerge> implements ContactMerges {

    private final InMemoryContacts contacts;

    InMemoryContactMerges(InMemoryTransactions tx, InMemoryContacts contacts, InMemoryLeads leads,
                          InMemoryTasks tasks, InMemoryActivities activities, InMemoryDeals deals) {
        super(tx, RecordType.CONTACT, contacts.aliases(), ContactId::new, ContactId::value, Contact::version,
                UndoSteps::written, tasks, activities);
        this.contacts = contacts;
        link(new Link<>(Repointed.Kind.LEAD, leads.rows(), LeadId::new, Lead::id, LeadId::value,
                l -> Optional.of(l.contactId().value()), (l, to) -> l.aboutContact(new ContactId(to)),
                (l, at) -> UndoSteps.written(l, l.version(), at)));
        link(new Link<>(Repointed.Kind.DEAL, deals.rows(), DealId::new, Deal::id, DealId::value,
                d -> d.contactId().map(ContactId::value), (d, to) -> d.withContactRef(new ContactId(to)),
                InMemoryDeals::changedAt));
    }

    /**
     * Re-points crm-service's records of a merged-away contact too: its equipment, service plans, service requests,
     * visits and commitments (by their customer).
     */
    void linkService(InMemoryInstalledEquipment equipment, InMemoryServicePlans plans,
                     InMemoryServiceRequests requests, InMemoryVisits visits, InMemoryCommitments commitments) {
        link(new Link<>(Repointed.Kind.EQUIPMENT, equipment.rows(), EquipmentId::new, Equipment::id,
                EquipmentId::value, e -> Optional.of(e.customer().value()),
                (e, to) -> e.withCustomerRef(new ContactId(to))));
        link(new Link<>(Repointed.Kind.SERVICE_PLAN, plans.rows(), ServicePlanId::new, ServicePlan::id,
                ServicePlanId::value, p -> Optional.of(p.customer().value()),
                (p, to) -> p.withCustomerRef(new ContactId(to))));
        link(new Link<>(Repointed.Kind.SERVICE_REQUEST, requests.rows(), ServiceRequestId::new, ServiceRequest::id,
                ServiceRequestId::value, r -> Optional.of(r.customer().value()),
                (r, to) -> r.withCustomerRef(new ContactId(to))));
        link(new Link<>(Repointed.Kind.VISIT, visits.rows(), VisitId::new, Visit::id, VisitId::value,
                v -> Optional.of(v.customer().value()), (v, to) -> v.withCustomerRef(new ContactId(to))));
        link(new Link<>(Repointed.Kind.COMMITMENT, commitments.rows(), CommitmentId::new, Commitment::id,
                CommitmentId::value, c -> Optional.of(c.customer().value()),
                (c, to) -> c.withCustomerRef(new ContactId(to))));
    }

    @Override
    ContactId idOfRecord(Contact record) {
        return record.id();
    }

    @Override
    ContactMerge stepped(ContactMerge merge, UndoSteps steps) {
        return steps.apply(merge);
    }

    @Override
    void restore(Contact exact) {
        contacts.restore(exact);
    }

    @Override
    Instant changedAt(Contact record) {
        return record.updatedAt();
    }

    @Override
    ContactMerge undone(ContactMerge merge, Instant at) {
        return merge.undone(at);
    }
}
