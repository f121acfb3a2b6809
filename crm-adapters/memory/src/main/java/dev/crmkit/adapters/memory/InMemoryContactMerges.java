package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.ContactMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Merges in memory: the merge records, and the re-pointing of leads, tasks, timeline entries and deals, which are
 * found by a scan of their tables (merges are rare; no index is kept for them). Thread-safe.
 */
final class InMemoryContactMerges implements ContactMerges {

    private final InMemoryTransactions tx;
    private final InMemoryContacts contacts;
    private final Table<LeadId, Lead> leads;
    private final Table<TaskId, Task> tasks;
    private final Table<dev.crmkit.core.activity.ActivityId, Activity> activities;
    private final Table<DealId, Deal> deals;
    private final Map<MergeId, ContactMerge> records = new HashMap<>();

    InMemoryContactMerges(InMemoryTransactions tx, InMemoryContacts contacts, InMemoryLeads leads,
                          InMemoryTasks tasks, InMemoryActivities activities, InMemoryDeals deals) {
        this.tx = tx;
        this.contacts = contacts;
        this.leads = leads.rows();
        this.tasks = tasks.rows();
        this.activities = activities.rows();
        this.deals = deals.rows();
    }

    @Override
    public List<Repointed> retire(Contact merged, ContactId survivor, MergeId merge) {
        Objects.requireNonNull(merge, "merge");
        return tx.inTransaction(() -> {
            ContactId gone = merged.id();
            UUID from = gone.value();
            UUID to = survivor.value();
            List<Repointed> out = new ArrayList<>();
            for (Lead l : byId(leads.scan(l -> l.contactId().equals(gone)), l -> l.id().value())) {
                out.add(Repointed.of(Repointed.Kind.LEAD, l.id().value(), from, to,
                        leads.update(l.aboutContact(survivor)).version()));
            }
            Optional<RecordRef> goneRef = Optional.of(ref(gone));
            for (Task t : byId(tasks.scan(t -> t.relatedTo().equals(goneRef)), t -> t.id().value())) {
                out.add(Repointed.of(Repointed.Kind.TASK, t.id().value(), from, to,
                        tasks.update(t.aboutRecord(ref(survivor))).version()));
            }
            for (Deal d : byId(deals.scan(d -> d.contactId().equals(Optional.of(gone))), d -> d.id().value())) {
                out.add(Repointed.of(Repointed.Kind.DEAL, d.id().value(), from, to,
                        deals.update(d.withContactRef(survivor)).version()));
            }
            for (Activity a : byId(activities.scan(a -> a.about().contains(ref(gone))), a -> a.id().value())) {
                Set<RecordRef> about = new LinkedHashSet<>();
                a.about().forEach(r -> about.add(r.equals(ref(gone)) ? ref(survivor) : r));
                activities.restore(a.withAbout(about));
                out.add(new Repointed(Repointed.Kind.ACTIVITY, a.id().value(), from, to, 0,
                        a.about().stream().map(RecordRef::toString).toList()));
            }
            for (ContactId earlier : contacts.retire(gone, survivor)) {
                out.add(Repointed.of(Repointed.Kind.ALIAS, earlier.value(), from, to, 0));
            }
            return out;
        });
    }

    @Override
    public void save(ContactMerge merge) {
        MapWrites.put(tx, records, merge.id(), merge);
    }

    /** Every merge record, for a person's erasure: a scan. */
    List<ContactMerge> all() {
        return tx.read(() -> List.copyOf(records.values()));
    }

    @Override
    public Optional<ContactMerge> find(MergeId id) {
        Objects.requireNonNull(id, "id");
        return tx.read(() -> Optional.ofNullable(records.get(id)));
    }

    @Override
    public List<String> conflicts(ContactMerge merge) {
        return tx.read(() -> {
            List<String> out = new ArrayList<>();
            for (Repointed r : merge.repointed()) {
                String what = r.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + r.id();
                Optional<Long> version = versionOf(r);
                if (r.kind() == Repointed.Kind.ALIAS) {
                    if (!contacts.aliasOf(new ContactId(r.id())).equals(Optional.of(new ContactId(r.to())))) {
                        out.add("contact " + r.id() + " no longer resolves to " + r.to());
                    }
                } else if (version.isEmpty()) {
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
            case LEAD:
                return leads.get(new LeadId(r.id())).map(Lead::version);
            case TASK:
                return tasks.get(new TaskId(r.id())).map(Task::version);
            case DEAL:
                return deals.get(new DealId(r.id())).map(Deal::version);
            case ACTIVITY:
                return activities.get(new dev.crmkit.core.activity.ActivityId(r.id())).map(a -> 0L);
            default:
                return Optional.of(0L);
        }
    }

    @Override
    public ContactMerge undo(ContactMerge merge, Instant at) {
        return tx.inTransaction(() -> {
            contacts.restore(merge.survivorBefore());
            merge.mergedAway().forEach(contacts::reinstate);
            List<Repointed> backwards = new ArrayList<>(merge.repointed());
            java.util.Collections.reverse(backwards);
            for (Repointed r : backwards) {
                putBack(r);
            }
            ContactMerge undone = merge.undone(at);
            save(undone);
            return undone;
        });
    }

    private void putBack(Repointed r) {
        ContactId from = new ContactId(r.from());
        long before = r.versionAfter() - 1;
        switch (r.kind()) {
            case LEAD:
                leads.restore(leads.get(new LeadId(r.id())).orElseThrow().aboutContact(from).atVersion(before));
                break;
            case TASK:
                tasks.restore(tasks.get(new TaskId(r.id())).orElseThrow().aboutRecord(ref(from)).atVersion(before));
                break;
            case DEAL:
                deals.restore(deals.get(new DealId(r.id())).orElseThrow().withContactRef(from).atVersion(before));
                break;
            case ACTIVITY:
                Activity a = activities.get(new dev.crmkit.core.activity.ActivityId(r.id())).orElseThrow();
                Set<RecordRef> about = new LinkedHashSet<>();
                r.refsBefore().forEach(text -> about.add(RecordRef.parse(text)));
                activities.restore(a.withAbout(about));
                break;
            default:
                contacts.alias(new ContactId(r.id()), from);
        }
    }

    /**
     * The archive of the merge records, keyed by merge id. Restoring a merge in force also makes its merged-away
     * contacts known as taken out of the contacts, as the merge left them, so that unmerge can reinstate them.
     */
    MemoryArchive<ContactMerge> archive() {
        Function<ContactMerge, String> key = m -> m.id().toString();
        return new MemoryArchive<>(tx, "contact merge", (after, limit) -> KeyOrder.after(records.values(), key,
                after, limit), key, k -> records.containsKey(MergeId.parse(k)), m -> {
                    save(m);
                    if (m.undoneAt().isEmpty()) {
                        m.mergedIds().forEach(contacts::takenOut);
                    }
                });
    }

    /** The merge in force that merged a contact away (an alias's merge). */
    MergeId mergeOf(ContactId merged) {
        return records.values().stream().filter(m -> m.undoneAt().isEmpty() && m.mergedIds().contains(merged))
                .map(ContactMerge::id).min(java.util.Comparator.comparing(MergeId::toString))
                .orElseThrow(() -> new IllegalStateException("no merge in force merged away contact " + merged));
    }

    /**
     * Rows in the order of their ids' text, the order the JDBC store re-points them in (a database orders UUIDs by
     * their bytes), so both stores write the same merge record.
     */
    private static <R> List<R> byId(List<R> rows, Function<R, UUID> id) {
        List<R> out = new ArrayList<>(rows);
        out.sort(java.util.Comparator.comparing(r -> id.apply(r).toString()));
        return out;
    }

    private static RecordRef ref(ContactId id) {
        return new RecordRef(RecordType.CONTACT, id.value());
    }
}
