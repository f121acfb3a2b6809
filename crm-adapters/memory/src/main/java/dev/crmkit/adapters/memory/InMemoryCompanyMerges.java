package dev.crmkit.adapters.memory;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.CompanyMerge;
import dev.crmkit.core.merge.CompanyMerges;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges of companies in memory: contact affiliations, leads, tasks, timeline entries and deals of a merged-away
 * company are re-pointed ({@link InMemoryMerges}); unmerge restores the affiliated contacts from the merge record's
 * snapshots. Thread-safe.
 */
final class InMemoryCompanyMerges extends InMemoryMerges<Company, CompanyId, CompanyMerge> implements CompanyMerges {

    private final InMemoryCompanies companies;
    private final InMemoryContacts contacts;

    InMemoryCompanyMerges(InMemoryTransactions tx, InMemoryCompanies companies, InMemoryContacts contacts,
                          InMemoryLeads leads, InMemoryTasks tasks, InMemoryActivities activities,
                          InMemoryDeals deals) {
        super(tx, RecordType.COMPANY, companies.aliases(), CompanyId::new, CompanyId::value, Company::version,
                UndoSteps::written, tasks, activities);
        this.companies = companies;
        this.contacts = contacts;
        link(new Link<>(Repointed.Kind.LEAD, leads.rows(), LeadId::new, Lead::id, LeadId::value,
                l -> l.companyId().map(CompanyId::value),
                (l, to) -> l.aboutCompany(Optional.of(new CompanyId(to))),
                (l, at) -> UndoSteps.written(l, l.version(), at)));
        link(new Link<>(Repointed.Kind.DEAL, deals.rows(), DealId::new, Deal::id, DealId::value,
                d -> d.companyId().map(CompanyId::value),
                (d, to) -> d.withCompanyRef(Optional.of(new CompanyId(to))), InMemoryDeals::changedAt));
    }

    @Override
    public List<Contact> affiliatedWith(CompanyId company) {
        return contacts.affiliatedWith(Objects.requireNonNull(company, "company"));
    }

    @Override
    List<Repointed> retireFirst(Company merged, UUID from, UUID to) {
        List<Repointed> out = new ArrayList<>();
        for (Contact c : contacts.affiliatedWith(merged.id())) {
            out.add(Repointed.of(Repointed.Kind.CONTACT, c.id().value(), from, to,
                    contacts.update(CompanyMerges.reaffiliated(c, merged.id(), new CompanyId(to))).version()));
        }
        return out;
    }

    @Override
    Optional<Long> versionOfOther(Repointed r) {
        return contacts.findById(new ContactId(r.id())).filter(c -> c.id().value().equals(r.id()))
                .map(Contact::version);
    }

    @Override
    void undoLast(CompanyMerge merge, Instant at) {
        // a contact re-pointed from two merged-away companies is restored from its first snapshot, a version up
        // from its last re-pointing (UndoSteps)
        Map<UUID, Long> versions = new HashMap<>();
        Repointed.lastOfEach(merge.repointed()).stream().filter(r -> r.kind() == Repointed.Kind.CONTACT)
                .forEach(r -> versions.put(r.id(), UndoSteps.putBackVersion(r)));
        Map<UUID, Contact> first = new LinkedHashMap<>();
        merge.contactsBefore().forEach(c -> first.putIfAbsent(c.id().value(), c));
        // a snapshot the merge did not re-point (un-affiliated between its reads) stays as it is
        first.values().stream().filter(c -> versions.containsKey(c.id().value()))
                .forEach(c -> contacts.restore(UndoSteps.written(c, versions.get(c.id().value()), at)));
    }

    @Override
    CompanyId idOfRecord(Company record) {
        return record.id();
    }

    @Override
    CompanyMerge stepped(CompanyMerge merge, UndoSteps steps) {
        return steps.apply(merge);
    }

    @Override
    void restore(Company exact) {
        companies.restore(exact);
    }

    @Override
    Instant changedAt(Company record) {
        return record.updatedAt();
    }

    @Override
    CompanyMerge undone(CompanyMerge merge, Instant at) {
        return merge.undone(at);
    }
}
