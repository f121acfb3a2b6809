package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.privacy.Anonymized;
import dev.crmkit.core.privacy.RetentionStore;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.service.commitment.Commitment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The retention job's questions and changes in the in-memory store: scans in id text order (retention runs rarely),
 * changes in the running unit of work (claims undone on rollback), which here run one at a time, so each record is
 * changed by one caller only. Thread-safe.
 */
final class InMemoryRetention implements RetentionStore {

    private final InMemoryTransactions tx;
    private final Table<ContactId, Contact> contacts;
    private final Table<dev.crmkit.core.lead.LeadId, Lead> leads;
    private final Table<dev.crmkit.pipeline.deal.DealId, Deal> deals;
    private final Table<ActivityId, Activity> activities;
    private final Table<TaskId, Task> tasks;
    private final Table<dev.crmkit.service.commitment.CommitmentId, Commitment> commitments;
    private final Service service;
    private final InMemoryConsentHistory consents;
    private final BiPredicate<String, Instant> campaignActive;
    private final Supplier<Set<java.util.UUID>> repointedTasks;
    /** The audit trail, whose old entries the audit rule removes ({@link #coverAuditTrail}). */
    private volatile InMemoryAuditTrail auditTrail;
    /** The claimed people and when they were claimed. */
    private final java.util.Map<ContactId, Instant> claimed = new ConcurrentHashMap<>();

    /** crm-service's stores the rule looks at besides the commitments. */
    record Service(InMemoryServicePlans plans, InMemoryInstalledEquipment equipment, InMemoryServiceRequests requests,
                   InMemoryVisits visits) {
    }

    /**
     * @param campaignActive whether crm-campaigns has a host event about the contact (its id as text) since the
     *                       cutoff or an active enrollment of it
     * @param repointedTasks the ids of the tasks a contact, company or lead merge still in force re-pointed
     */
    InMemoryRetention(InMemoryTransactions tx, InMemoryContacts contacts, InMemoryLeads leads, InMemoryDeals deals,
                      InMemoryActivities activities, InMemoryTasks tasks, InMemoryCommitments commitments,
                      Service service, InMemoryConsentHistory consents, BiPredicate<String, Instant> campaignActive,
                      Supplier<Set<java.util.UUID>> repointedTasks) {
        this.tx = tx;
        this.contacts = contacts.rows();
        this.leads = leads.rows();
        this.deals = deals.rows();
        this.activities = activities.rows();
        this.tasks = tasks.rows();
        this.commitments = commitments.rows();
        this.service = service;
        this.consents = consents;
        this.campaignActive = campaignActive;
        this.repointedTasks = repointedTasks;
    }

    /** Counts the store's audit trail for a dry run too; called once, while the store is built. */
    void coverAuditTrail(InMemoryAuditTrail trail) {
        this.auditTrail = trail;
    }

    /** The ids of the claimed people, for the store's walk in tests and the export. */
    Set<ContactId> claimed() {
        return Set.copyOf(claimed.keySet());
    }

    /** The archive of the claims, keyed by contact id: export and restore only (a restore is undone on rollback). */
    MemoryArchive<dev.crmkit.kit.archive.RetentionClaim> archive() {
        return new MemoryArchive<>(tx, "retention claim", (after, limit) -> tx.read(() -> KeyOrder.after(
                claimed.entrySet().stream().map(e -> new dev.crmkit.kit.archive.RetentionClaim(e.getKey(),
                        e.getValue())).toList(), c -> c.contact().toString(), after, limit)),
                c -> c.contact().toString(), k -> tx.read(() -> claimed.containsKey(new ContactId(
                        java.util.UUID.fromString(k)))), c -> claimPerson(c.contact(), c.at()));
    }

    @Override
    public List<ContactId> neverConverted(Instant cutoff, Optional<ContactId> after, int limit) {
        return tx.read(() -> page(contacts.scan(c -> eligible(c, cutoff)).stream().map(Contact::id),
                ContactId::toString, after, limit));
    }

    @Override
    public boolean isNeverConverted(ContactId contact, Instant cutoff) {
        return tx.read(() -> contacts.get(contact).filter(c -> eligible(c, cutoff)).isPresent());
    }

    private boolean eligible(Contact c, Instant cutoff) {
        if (claimed.containsKey(c.id()) || !c.updatedAt().isBefore(cutoff)) {
            return false;
        }
        List<Lead> own = leads.scan(l -> l.contactId().equals(c.id()));
        if (own.isEmpty() || own.stream().anyMatch(l -> l.status() == LeadStatus.CONVERTED
                || !l.updatedAt().isBefore(cutoff))) {
            return false;
        }
        Set<dev.crmkit.core.lead.LeadId> ids = own.stream().map(Lead::id).collect(Collectors.toSet());
        if (!deals.scan(d -> d.contactId().filter(c.id()::equals).isPresent()
                || d.leadId().filter(ids::contains).isPresent()).isEmpty()) {
            return false;
        }
        Set<RecordRef> refs = own.stream().map(l -> new RecordRef(RecordType.LEAD, l.id().value()))
                .collect(Collectors.toSet());
        refs.add(new RecordRef(RecordType.CONTACT, c.id().value()));
        return activities.scan(a -> !a.occurredAt().isBefore(cutoff) && a.about().stream().anyMatch(refs::contains))
                .isEmpty() && !stillACustomer(c.id(), refs, cutoff);
    }

    /** The mirror of JdbcRetention's STILL_A_CUSTOMER: crm-service, consent, tasks, crm-campaigns. */
    private boolean stillACustomer(ContactId id, Set<RecordRef> refs, Instant cutoff) {
        Predicate<Instant> since = at -> !at.isBefore(cutoff);
        return !service.plans().rows().scan(p -> p.customer().equals(id)
                        && (p.active() || since.test(p.createdAt()))).isEmpty()
                || !service.equipment().rows().scan(e -> e.customer().equals(id)
                        && (e.status() != dev.crmkit.service.equipment.EquipmentStatus.REMOVED
                        || since.test(e.createdAt()))).isEmpty()
                || !service.requests().rows().scan(r -> r.customer().equals(id) && (r.open()
                        || since.test(r.openedAt()) || r.respondedAt().filter(since).isPresent()
                        || r.resolvedAt().filter(since).isPresent())).isEmpty()
                || !service.visits().rows().scan(v -> v.customer().equals(id)
                        && (since.test(v.createdAt()) || since.test(v.end()))).isEmpty()
                || !commitments.scan(m -> m.customer().equals(id) && (m.open() || since.test(m.recordedAt())))
                        .isEmpty()
                || consents.of(List.of(id)).stream().anyMatch(e -> since.test(e.at()))
                || !tasks.scan(t -> t.relatedTo().filter(refs::contains).isPresent() && (t.isOpen()
                        || since.test(t.createdAt()) || since.test(t.due()) || t.closedAt().filter(since).isPresent()))
                        .isEmpty()
                || campaignActive.test(id.toString(), cutoff);
    }

    @Override
    public long leadsOf(ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return tx.read(() -> (long) leads.scan(l -> l.contactId().equals(contact)).size());
    }

    @Override
    public long auditEntriesBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        InMemoryAuditTrail trail = auditTrail;
        if (trail == null) {
            throw new UnsupportedOperationException("this store's retention does not cover an audit trail");
        }
        return trail.countBefore(cutoff);
    }

    /**
     * Nothing to hold: the in-memory store runs its units of work one at a time, so no conversion can change a lead
     * between the re-check and the anonymization of the same unit of work.
     */
    @Override
    public void lockLeads(ContactId contact) {
        Objects.requireNonNull(contact, "contact");
    }

    @Override
    public boolean claimPerson(ContactId contact, Instant at) {
        Objects.requireNonNull(at, "at");
        return tx.inTransaction(() -> {
            if (claimed.putIfAbsent(contact, at) != null) {
                return false;
            }
            tx.onRollback(() -> claimed.remove(contact));
            return true;
        });
    }

    @Override
    public List<TaskId> closedTasks(Instant cutoff, Optional<TaskId> after, int limit) {
        return tx.read(() -> page(tasks.scan(closedBefore(cutoff)).stream().map(Task::id), TaskId::toString, after,
                limit));
    }

    private Predicate<Task> closedBefore(Instant cutoff) {
        Set<TaskId> named = commitments.scan(c -> c.task().isPresent()).stream()
                .map(c -> c.task().orElseThrow()).collect(Collectors.toSet());
        Set<java.util.UUID> repointed = repointedTasks.get();
        return t -> t.closedAt().filter(at -> at.isBefore(cutoff)).isPresent() && !named.contains(t.id())
                && !repointed.contains(t.id().value());
    }

    @Override
    public boolean deleteClosedTask(TaskId task, Instant cutoff) {
        return tx.inTransaction(() -> {
            if (tasks.get(task).filter(closedBefore(cutoff)).isEmpty()) {
                return false;
            }
            tasks.delete(task); // for good: nothing kept for a reinstate
            return true;
        });
    }

    @Override
    public List<ActivityId> timelineBefore(Instant cutoff, Optional<ActivityId> after, int limit) {
        return tx.read(() -> page(activities.scan(a -> holdsText(a, cutoff)).stream().map(Activity::id),
                ActivityId::toString, after, limit));
    }

    private static boolean holdsText(Activity a, Instant cutoff) {
        return a.occurredAt().isBefore(cutoff) && !Anonymized.activity(a).equals(a);
    }

    @Override
    public boolean anonymizeActivity(ActivityId activity, Instant cutoff) {
        return tx.inTransaction(() -> {
            Optional<Activity> a = activities.get(activity).filter(x -> holdsText(x, cutoff));
            a.ifPresent(x -> activities.restore(Anonymized.activity(x)));
            return a.isPresent();
        });
    }

    private static <I> List<I> page(java.util.stream.Stream<I> ids, Function<I, String> key, Optional<I> after,
                                    int limit) {
        Optional<String> from = after.map(key);
        return ids.filter(i -> from.isEmpty() || key.apply(i).compareTo(from.get()) > 0)
                .sorted(Comparator.comparing(key)).limit(limit).toList();
    }
}
