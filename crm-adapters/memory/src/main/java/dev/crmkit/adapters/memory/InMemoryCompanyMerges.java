package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.CompanyMerge;
import dev.crmkit.core.merge.CompanyMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Company merges in memory: the merge records, and the re-pointing of contact affiliations, leads, tasks, timeline
 * entries and deals, found by a scan of their tables (merges are rare). Thread-safe.
 */
final class InMemoryCompanyMerges implements CompanyMerges {

    private final InMemoryTransactions tx;
    private final InMemoryCompanies companies;
    private final InMemoryContacts contacts;
    private final Table<LeadId, Lead> leads;
    private final Table<TaskId, Task> tasks;
    private final Table<ActivityId, Activity> activities;
    private final Table<DealId, Deal> deals;
    private final Map<MergeId, CompanyMerge> records = new HashMap<>();

    InMemoryCompanyMerges(InMemoryTransactions tx, InMemoryCompanies companies, InMemoryContacts contacts,
                          InMemoryLeads leads, InMemoryTasks tasks, InMemoryActivities activities,
                          InMemoryDeals deals) {
        this.tx = tx;
        this.companies = companies;
        this.contacts = contacts;
        this.leads = leads.rows();
        this.tasks = tasks.rows();
        this.activities = activities.rows();
        this.deals = deals.rows();
    }

    @Override
    public List<Contact> affiliatedWith(CompanyId company) {
        return contacts.affiliatedWith(Objects.requireNonNull(company, "company"));
    }

    @Override
    public List<Repointed> retire(Company merged, CompanyId survivor, MergeId merge) {
        Objects.requireNonNull(merge, "merge");
        return tx.inTransaction(() -> {
            CompanyId gone = merged.id();
            UUID from = gone.value();
            UUID to = survivor.value();
            List<Repointed> out = new ArrayList<>();
            for (Contact c : contacts.affiliatedWith(gone)) {
                out.add(Repointed.of(Repointed.Kind.CONTACT, c.id().value(), from, to,
                        contacts.update(repoint(c, gone, survivor)).version()));
            }
            for (Lead l : leads.scan(l -> l.companyId().equals(Optional.of(gone)))) {
                out.add(Repointed.of(Repointed.Kind.LEAD, l.id().value(), from, to,
                        leads.update(l.aboutCompany(Optional.of(survivor))).version()));
            }
            Optional<RecordRef> goneRef = Optional.of(ref(gone));
            for (Task t : tasks.scan(t -> t.relatedTo().equals(goneRef))) {
                out.add(Repointed.of(Repointed.Kind.TASK, t.id().value(), from, to,
                        tasks.update(t.aboutRecord(ref(survivor))).version()));
            }
            for (Deal d : deals.scan(d -> d.companyId().equals(Optional.of(gone)))) {
                out.add(Repointed.of(Repointed.Kind.DEAL, d.id().value(), from, to,
                        deals.update(d.withCompanyRef(Optional.of(survivor))).version()));
            }
            for (Activity a : activities.scan(a -> a.about().contains(ref(gone)))) {
                Set<RecordRef> about = new LinkedHashSet<>();
                a.about().forEach(r -> about.add(r.equals(ref(gone)) ? ref(survivor) : r));
                activities.restore(a.withAbout(about));
                out.add(new Repointed(Repointed.Kind.ACTIVITY, a.id().value(), from, to, 0,
                        a.about().stream().map(RecordRef::toString).toList()));
            }
            for (CompanyId earlier : companies.retire(gone, survivor)) {
                out.add(Repointed.of(Repointed.Kind.ALIAS, earlier.value(), from, to, 0));
            }
            return out;
        });
    }

    /** The contact affiliated with the survivor instead; a contact affiliated with both keeps the survivor's. */
    private static Contact repoint(Contact c, CompanyId gone, CompanyId survivor) {
        boolean hasSurvivor = c.affiliations().stream().anyMatch(a -> a.companyId().equals(survivor));
        List<Affiliation> affiliations = new ArrayList<>();
        for (Affiliation a : c.affiliations()) {
            if (!a.companyId().equals(gone)) {
                affiliations.add(a);
            } else if (!hasSurvivor) {
                affiliations.add(new Affiliation(survivor, a.roles(), a.site()));
            }
        }
        return new Contact(c.id(), c.version(), c.name(), c.emails(), c.phones(), c.addresses(), c.language(),
                c.birthday(), c.consent(), affiliations, c.customFields(), c.owner(), c.createdAt(), c.updatedAt());
    }

    @Override
    public void save(CompanyMerge merge) {
        MapWrites.put(tx, records, merge.id(), merge);
    }

    @Override
    public Optional<CompanyMerge> find(MergeId id) {
        Objects.requireNonNull(id, "id");
        return tx.read(() -> Optional.ofNullable(records.get(id)));
    }

    @Override
    public List<String> conflicts(CompanyMerge merge) {
        return tx.read(() -> {
            List<String> out = new ArrayList<>();
            // a contact of two merged-away companies is re-pointed twice: only its last version counts
            Map<UUID, Repointed> last = new java.util.LinkedHashMap<>();
            merge.repointed().forEach(r -> last.put(r.id(), r));
            for (Repointed r : last.values()) {
                String what = r.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + r.id();
                if (r.kind() == Repointed.Kind.ALIAS) {
                    if (!companies.aliasOf(new CompanyId(r.id())).equals(Optional.of(new CompanyId(r.to())))) {
                        out.add("company " + r.id() + " no longer resolves to " + r.to());
                    }
                    continue;
                }
                Optional<Long> version = versionOf(r);
                if (version.isEmpty()) {
                    out.add(what + " is no longer stored");
                } else if (version.get() != r.versionAfter()) {
                    out.add(what + " changed since the merge (version " + r.versionAfter() + " then, "
                            + version.get() + " now)");
                }
            }
            return out;
        });
    }

    private Optional<Long> versionOf(Repointed r) {
        switch (r.kind()) {
            case CONTACT:
                return contacts.findById(new ContactId(r.id())).filter(c -> c.id().value().equals(r.id()))
                        .map(Contact::version);
            case LEAD:
                return leads.get(new LeadId(r.id())).map(Lead::version);
            case TASK:
                return tasks.get(new TaskId(r.id())).map(Task::version);
            case DEAL:
                return deals.get(new DealId(r.id())).map(Deal::version);
            default:
                return activities.get(new ActivityId(r.id())).map(a -> 0L);
        }
    }

    @Override
    public CompanyMerge undo(CompanyMerge merge, Instant at) {
        return tx.inTransaction(() -> {
            companies.restore(merge.survivorBefore());
            merge.mergedAway().forEach(companies::reinstate);
            List<Repointed> backwards = new ArrayList<>(merge.repointed());
            Collections.reverse(backwards);
            for (Repointed r : backwards) {
                putBack(r);
            }
            // a contact re-pointed from two merged-away companies is restored from its snapshot, once
            List<Contact> snapshots = new ArrayList<>(merge.contactsBefore());
            Collections.reverse(snapshots);
            snapshots.forEach(contacts::restore);
            CompanyMerge undone = merge.undone(at);
            save(undone);
            return undone;
        });
    }

    private void putBack(Repointed r) {
        Optional<CompanyId> from = Optional.of(new CompanyId(r.from()));
        long before = r.versionAfter() - 1;
        switch (r.kind()) {
            case CONTACT:
                break;
            case LEAD:
                leads.restore(leads.get(new LeadId(r.id())).orElseThrow().aboutCompany(from).atVersion(before));
                break;
            case TASK:
                tasks.restore(tasks.get(new TaskId(r.id())).orElseThrow().aboutRecord(ref(from.get()))
                        .atVersion(before));
                break;
            case DEAL:
                deals.restore(deals.get(new DealId(r.id())).orElseThrow().withCompanyRef(from).atVersion(before));
                break;
            case ACTIVITY:
                Activity a = activities.get(new ActivityId(r.id())).orElseThrow();
                Set<RecordRef> about = new LinkedHashSet<>();
                r.refsBefore().forEach(text -> about.add(RecordRef.parse(text)));
                activities.restore(a.withAbout(about));
                break;
            default:
                companies.alias(new CompanyId(r.id()), from.get());
        }
    }

    private static RecordRef ref(CompanyId id) {
        return new RecordRef(RecordType.COMPANY, id.value());
    }
}
