package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.privacy.Anonymized;
import dev.crmkit.core.privacy.ErasureCounts;
import dev.crmkit.core.privacy.MovedEntries;
import dev.crmkit.core.privacy.PersonalData;
import dev.crmkit.core.privacy.PersonalValues;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.Site;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.visit.CompletionReport;
import dev.crmkit.service.visit.SignOff;
import dev.crmkit.service.visit.Visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A person's data in the in-memory store: their records found by scans (erasures are rare) and replaced by their
 * {@link Anonymized} copies in the running unit of work, which undoes every replacement on rollback. Counts are named
 * after the JDBC store's tables. Thread-safe.
 */
final class InMemoryPersonalData implements PersonalData {

    private final InMemoryTransactions tx;
    private final InMemoryContacts contacts;
    private final Table<LeadId, Lead> leads;
    private final Table<ActivityId, Activity> activities;
    private final Table<TaskId, Task> tasks;
    private final Table<DealId, Deal> deals;
    private final InMemoryContactMerges merges;
    private final InMemoryAuditTrail audit;
    private final Service service;
    private final InMemoryConsentHistory consents;
    private final java.util.function.BiFunction<Set<String>, PersonalValues, Map<String, Long>> campaigns;
    /** The store's lead merges, whose snapshots hold the person's leads as they were; set once by the store. */
    private volatile InMemoryLeadMerges leadMerges;

    /** crm-service's tables of the store. */
    record Service(InMemoryInstalledEquipment equipment, InMemoryServiceRequests requests, InMemoryVisits visits,
                   InMemoryCommitments commitments) {
    }

    InMemoryPersonalData(InMemoryTransactions tx, InMemoryContacts contacts, InMemoryLeads leads,
                         InMemoryActivities activities, InMemoryTasks tasks, InMemoryDeals deals,
                         InMemoryContactMerges merges, InMemoryAuditTrail audit, Service service,
                         InMemoryConsentHistory consents,
                         java.util.function.BiFunction<Set<String>, PersonalValues, Map<String, Long>> campaigns) {
        this.tx = tx;
        this.contacts = contacts;
        this.leads = leads.rows();
        this.activities = activities.rows();
        this.tasks = tasks.rows();
        this.deals = deals.rows();
        this.merges = merges;
        this.audit = audit;
        this.service = service;
        this.consents = consents;
        this.campaigns = campaigns;
    }

    /** The erased contacts and when (the JDBC store's {@code erased_contact}); a mark made is undone on rollback. */
    private final Map<ContactId, Instant> erased = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean isErased(ContactId contact) {
        return tx.read(() -> erased.containsKey(contact));
    }

    /** The marks of erased contacts, in contact id order, restored as they were (undone on rollback). */
    MemoryArchive<dev.crmkit.kit.archive.ErasedContact> archive() {
        return new MemoryArchive<>(tx, "erased contact", (after, limit) -> tx.read(() -> KeyOrder.after(
                erased.entrySet().stream().map(e -> new dev.crmkit.kit.archive.ErasedContact(e.getKey(),
                        e.getValue())).toList(), e -> e.contact().toString(), after, limit)),
                e -> e.contact().toString(), k -> tx.read(() -> erased.containsKey(new ContactId(
                        java.util.UUID.fromString(k)))), e -> {
                    if (erased.putIfAbsent(e.contact(), e.at()) == null) {
                        tx.onRollback(() -> erased.remove(e.contact()));
                    }
                });
    }

    /** Covers the snapshots of the store's lead merges too; called once, while the store is built. */
    void coverLeadMerges(InMemoryLeadMerges merges) {
        this.leadMerges = merges;
    }

    /** The ids of a person's records. */
    private record Ids(Set<ContactId> contacts, List<Lead> leads, List<Deal> deals, Set<LeadId> mergedLeads) {
        Set<RecordRef> refs() {
            Set<RecordRef> out = new LinkedHashSet<>();
            contacts.forEach(c -> out.add(new RecordRef(RecordType.CONTACT, c.value())));
            leads.forEach(l -> out.add(new RecordRef(RecordType.LEAD, l.id().value())));
            mergedLeads.forEach(l -> out.add(new RecordRef(RecordType.LEAD, l.value())));
            deals.forEach(d -> out.add(new RecordRef(RecordType.DEAL, d.id().value())));
            return out;
        }
    }

    /**
     * The person's records: their contacts, leads, merged-away leads and deals. A deal is theirs by its contact, by a
     * lead of theirs unless a lead merge moved it there from another person's lead ({@link
     * MovedEntries#otherDeals()}), or when a lead merge moved it away from a lead of theirs ({@link
     * MovedEntries#theirDeals()}).
     */
    private Ids ids(ContactId contact, MovedEntries moved) {
        Set<ContactId> ids = new LinkedHashSet<>();
        ids.add(contact);
        ids.addAll(contacts.aliasesOf(contact));
        List<Lead> own = leads.scan(l -> ids.contains(l.contactId()));
        Set<LeadId> leadIds = own.stream().map(Lead::id).collect(Collectors.toSet());
        List<Deal> dealsOf = deals.scan(d -> d.contactId().filter(ids::contains).isPresent()
                || (d.leadId().filter(leadIds::contains).isPresent() && !moved.otherDeals().contains(d.id().value()))
                || moved.theirDeals().contains(d.id().value()));
        return new Ids(ids, own, dealsOf, mergedLeadsOf(ids));
    }

    /**
     * The person's leads merged away by a lead merge in force, as the JDBC store finds their rows: by the contact of
     * the merged-away lead as it was merged (the person's contact or one merged into it).
     */
    private Set<LeadId> mergedLeadsOf(Set<ContactId> ids) {
        Set<LeadId> out = new java.util.TreeSet<>(java.util.Comparator.comparing(LeadId::toString));
        InMemoryLeadMerges lm = leadMerges;
        if (lm != null) {
            lm.all().stream().filter(m -> m.undoneAt().isEmpty()).flatMap(m -> m.mergedAway().stream())
                    .filter(l -> ids.contains(l.contactId())).forEach(l -> out.add(l.id()));
        }
        return out;
    }

    @Override
    public Set<RecordRef> recordsOf(ContactId contact) {
        return recordsOf(contact, MovedEntries.none());
    }

    @Override
    public Set<RecordRef> recordsOf(ContactId contact, MovedEntries moved) {
        return tx.read(() -> ids(contact, moved).refs());
    }

    @Override
    public List<Task> tasksAbout(Collection<RecordRef> records) {
        return tasksAbout(records, MovedEntries.none());
    }

    @Override
    public List<Task> tasksAbout(Collection<RecordRef> records, MovedEntries moved) {
        Set<RecordRef> about = Set.copyOf(records);
        return tasks.scan(t -> moved.isThePersonsTask(t.id(), t.relatedTo(), about));
    }

    @Override
    public ErasureCounts erase(ContactId contact, PersonalValues known, Instant at) {
        return erase(contact, known, at, MovedEntries.none());
    }

    @Override
    public ErasureCounts erase(ContactId contact, PersonalValues known, Instant at, MovedEntries moved) {
        return tx.inTransaction(() -> {
            Ids ids = ids(contact, moved);
            Set<RecordRef> refs = ids.refs();
            Set<UUID> refIds = refs.stream().map(RecordRef::id).collect(Collectors.toSet());
            Map<String, Long> counts = new TreeMap<>();
            List<Contact> snapshots = new ArrayList<>();
            merges.all().forEach(m -> snapshotsOf(m, ids.contacts(), snapshots));
            Contact stored = contacts.findById(contact).orElseThrow();
            PersonalValues values = known.plus(PersonalValues.of(snapshots, List.of()))
                    .plus(PersonalValues.of(List.of(stored), ids.leads()));
            counts.put("contact_point", (long) stored.emails().size() + stored.phones().size());
            contacts.restore(Anonymized.contact(stored, stored.version() + 1, at));
            counts.put("contact", 1L);
            counts.put("contact_merge_snapshot", eraseSnapshots(ids.contacts()));
            counts.put("lead_external_id", ids.leads().stream().mapToLong(l -> l.externalIds().size()).sum());
            ids.leads().forEach(l -> leads.restore(Anonymized.lead(l, at)));
            counts.put("lead", (long) ids.leads().size());
            counts.put("lead_merge_snapshot", eraseLeadSnapshots(ids.contacts()));
            ids.deals().forEach(d -> deals.restore(erased(d, at)));
            counts.put("deal", (long) ids.deals().size());
            // the person's entries: about their records, or moved away from a lead of theirs by a lead merge
            List<Activity> about = activities.scan(a -> moved.isThePersons(a, refs));
            Set<dev.crmkit.core.activity.ActivityId> whole = about.stream().map(Activity::id)
                    .collect(Collectors.toSet());
            about.forEach(a -> activities.restore(Anonymized.activity(a)));
            counts.put("activity", (long) about.size() + scrubLeadMergeEntries(ids.contacts(), whole, values));
            // items about other records (a meeting about a company) keep the rest of their participants
            Set<String> emails = emailsOf(stored, snapshots, ids.leads());
            activities.scan(a -> !whole.contains(a.id())
                    && a.participants().stream().anyMatch(p -> emails.contains(key(p))))
                    .forEach(a -> activities.restore(new Activity(a.id(), a.type(), a.subject(), a.body(),
                            a.direction(), a.occurredAt(), a.participants().stream()
                            .filter(p -> !emails.contains(key(p))).toList(), a.about(), a.owner(), a.visibility(),
                            a.recordedAt(), a.outcome(), a.duration())));
            // the person's tasks: about their records, or moved away from a lead of theirs by a lead merge
            List<Task> taskList = tasks.scan(t -> moved.isThePersonsTask(t.id(), t.relatedTo(), refs));
            taskList.forEach(t -> tasks.restore(Anonymized.task(t).atVersion(t.version() + 1)));
            counts.put("task", (long) taskList.size());
            keepMergesUndoable(ids.deals(), taskList, ids.leads());
            long[] changes = {0};
            counts.put("audit_entry", audit.rewrite(e -> e.record().filter(refs::contains).isPresent(), e -> {
                changes[0] += e.changes().size();
                return new AuditEntry(e.id(), e.actor(), e.origin(), e.at(), e.action(), e.record(),
                        e.changes().stream().map(InMemoryPersonalData::erased).toList(), values.scrub(e.note()));
            }));
            counts.put("audit_change", changes[0]);
            eraseService(ids.contacts(), values, counts);
            counts.put("consent_change", consents.erase(ids.contacts()));
            // crm-campaigns' ledger and do-not-contact list refer to the contact by its id as text
            counts.putAll(campaigns.apply(ids.contacts().stream().map(ContactId::toString)
                    .collect(Collectors.toSet()), values));
            // the mark that refuses later edits of the anonymous contact; not a personal value, not counted.
            // Every id of the person is marked, the merged-away ones too: an unmerge or a merge naming one is refused
            for (ContactId id : ids.contacts()) {
                if (erased.putIfAbsent(id, at) == null) {
                    tx.onRollback(() -> erased.remove(id));
                }
            }
            return new ErasureCounts(counts);
        });
    }

    /**
     * Scrubs the person's values from the timeline entries of lead merges that took a lead of theirs into another
     * person's lead: such an entry is about the survivor (not theirs) but names the merged-away lead's person.
     */
    private long scrubLeadMergeEntries(Set<ContactId> ids, Set<dev.crmkit.core.activity.ActivityId> erasedWhole,
                                       PersonalValues values) {
        InMemoryLeadMerges lm = leadMerges;
        if (lm == null) {
            return 0;
        }
        Set<dev.crmkit.core.activity.ActivityId> entries = lm.all().stream()
                .filter(m -> m.mergedAway().stream().anyMatch(l -> ids.contains(l.contactId())))
                .map(LeadMerge::activityId).collect(Collectors.toSet());
        List<Activity> hit = activities.scan(a -> entries.contains(a.id()) && !erasedWhole.contains(a.id())
                && (values.hits(a.subject()) || values.hits(a.body())));
        hit.forEach(a -> activities.restore(new Activity(a.id(), a.type(), values.scrub(a.subject()),
                values.scrub(a.body()), a.direction(), a.occurredAt(), a.participants(), a.about(), a.owner(),
                a.visibility(), a.recordedAt(), a.outcome(), a.duration())));
        return hit.size();
    }

    /**
     * Blanks the person's leads in the snapshots of lead merges as an erased lead is blanked (version and time of the
     * snapshot kept): a merged-away lead lives on only there.
     */
    private long eraseLeadSnapshots(Set<ContactId> ids) {
        InMemoryLeadMerges lm = leadMerges;
        if (lm == null) {
            return 0;
        }
        long n = 0;
        for (LeadMerge m : lm.all()) {
            List<Lead> all = new ArrayList<>();
            all.add(m.survivorBefore());
            all.addAll(m.mergedAway());
            long mine = all.stream().filter(l -> ids.contains(l.contactId())).count();
            if (mine == 0) {
                continue;
            }
            List<Lead> blanked = all.stream().map(l -> ids.contains(l.contactId())
                    ? Anonymized.lead(l, l.updatedAt()).atVersion(l.version()) : l).toList();
            lm.save(new LeadMerge(m.id(), blanked.get(0), m.survivorVersionAfter(), blanked.subList(1,
                    blanked.size()), m.repointed(), m.activityId(), m.mergedAt(), m.undoneAt()));
            n += mine;
        }
        return n;
    }

    /**
     * The erasure raises the version of each deal, task and lead it blanks by one; a merge in force of any kind
     * (contact, company, lead) that re-pointed one of them and found it unchanged since would refuse its undo
     * ("changed since the merge") for that step alone. Its record takes the erased version instead ({@link
     * Anonymized#afterErasure}), so the merge stays undoable (the undo puts back the reference, not the erased
     * texts). A record changed since the merge keeps refusing.
     *
     * @param before      the deals as they were before the erasure
     * @param tasksBefore the tasks as they were before the erasure
     * @param leadsBefore the leads as they were before the erasure
     */
    private void keepMergesUndoable(List<Deal> before, List<Task> tasksBefore, List<Lead> leadsBefore) {
        Map<Repointed.Kind, Map<UUID, Long>> versions = new java.util.EnumMap<>(Repointed.Kind.class);
        versions.put(Repointed.Kind.DEAL, before.stream().collect(Collectors.toMap(
                d -> d.id().value(), Deal::version)));
        versions.put(Repointed.Kind.TASK, tasksBefore.stream().collect(Collectors.toMap(
                t -> t.id().value(), Task::version)));
        versions.put(Repointed.Kind.LEAD, leadsBefore.stream().collect(Collectors.toMap(
                l -> l.id().value(), Lead::version)));
        merges.stepEveryKind(Anonymized.afterErasure(versions));
    }

    private static void snapshotsOf(ContactMerge m, Set<ContactId> ids, List<Contact> out) {
        if (ids.contains(m.survivorBefore().id())) {
            out.add(m.survivorBefore());
        }
        m.mergedAway().stream().filter(c -> ids.contains(c.id())).forEach(out::add);
    }

    private long eraseSnapshots(Set<ContactId> ids) {
        long n = 0;
        for (ContactMerge m : merges.all()) {
            List<Contact> mine = new ArrayList<>();
            snapshotsOf(m, ids, mine);
            if (mine.isEmpty()) {
                continue;
            }
            Contact survivor = ids.contains(m.survivorBefore().id()) ? blank(m.survivorBefore()) : m.survivorBefore();
            List<Contact> away = m.mergedAway().stream().map(c -> ids.contains(c.id()) ? blank(c) : c).toList();
            merges.save(new ContactMerge(m.id(), survivor, m.survivorVersionAfter(), away, m.repointed(),
                    m.activityId(), m.mergedAt(), m.undoneAt()));
            n += mine.size();
        }
        return n;
    }

    private static Contact blank(Contact c) {
        return Anonymized.contact(c, c.version(), c.updatedAt());
    }

    private static FieldChange erased(FieldChange c) {
        return new FieldChange(c.field(), c.before().map(v -> Anonymized.ERASED),
                c.after().map(v -> Anonymized.ERASED));
    }

    private static Deal erased(Deal d, Instant at) {
        return new Deal(d.id(), d.version() + 1, d.pipelineId(), Anonymized.ERASED, d.stage(),
                d.stageEnteredAt(), d.stageProbability(), d.probabilityOverride(), d.amount(), d.expectedCloseDate(),
                d.expectedMargin(), d.owner(), d.contactId(), d.companyId(), d.leadId(), d.source(),
                CustomFields.empty(), Map.of(), d.approvals(), d.lostReason(), d.wonAt(), d.lostAt(), d.createdAt(), at);
    }

    private void eraseService(Set<ContactId> ids, PersonalValues values, Map<String, Long> counts) {
        List<ServiceRequest> requests = service.requests().rows().scan(r -> ids.contains(r.customer()));
        requests.forEach(r -> service.requests().rows().restore(new ServiceRequest(r.id(), r.version(),
                r.customer(), r.equipment(), r.channel(), r.priority(), Anonymized.ERASED, r.sla(), r.openedAt(),
                r.respondedAt(), r.resolvedAt())));
        counts.put("service_request", (long) requests.size());
        List<Commitment> promises = service.commitments().rows().scan(c -> ids.contains(c.customer()));
        promises.forEach(c -> service.commitments().rows().restore(new Commitment(c.id(), c.version(), c.customer(),
                Anonymized.ERASED, c.due(), c.recordedBy(), c.recordedAt(), c.task())));
        counts.put("service_commitment", (long) promises.size());
        long sites = 0;
        for (Equipment e : service.equipment().rows().scan(e -> ids.contains(e.customer()))) {
            Address a = e.site().address();
            Address clean = new Address(values.scrub(a.label()), values.scrub(a.street()),
                    values.scrub(a.postalCode()), values.scrub(a.city()), values.scrub(a.region()), a.country());
            if (!clean.equals(a)) {
                service.equipment().rows().restore(new Equipment(e.id(), e.version(), e.customer(), e.product(),
                        e.serialNumber(), new Site(clean, e.site().siteContact()), e.installedOn(), e.warrantyEnd(),
                        e.parent(), e.status(), e.createdAt()));
                sites++;
            }
        }
        counts.put("service_equipment", sites);
        long reports = 0;
        for (Visit v : service.visits().rows().scan(v -> ids.contains(v.customer()) && v.report().isPresent())) {
            CompletionReport r = v.report().orElseThrow();
            Optional<SignOff> signOff = r.signOff().map(s -> new SignOff(values.scrub(s.signedBy()), s.signedAt()));
            CompletionReport clean = new CompletionReport(r.completedOn(), values.scrub(r.workDone()), r.parts(),
                    r.timeOnSite(), r.checklist(), r.documents(), signOff, r.charged());
            if (!clean.equals(r)) {
                service.visits().rows().restore(new Visit(v.id(), v.version(), v.engineer(), v.customer(),
                        v.equipment(), v.plan(), v.request(), v.start(), v.end(), v.status(), Optional.of(clean),
                        v.createdAt()));
                reports++;
            }
        }
        counts.put("service_visit", reports);
    }

    /** The person's e-mail addresses (contact, merged-away snapshots, leads), as participant keys. */
    private static Set<String> emailsOf(Contact stored, List<Contact> snapshots, List<Lead> leads) {
        Set<String> out = new java.util.HashSet<>();
        stored.emails().forEach(e -> out.add(key(e.value())));
        snapshots.forEach(c -> c.emails().forEach(e -> out.add(key(e.value()))));
        leads.forEach(l -> l.email().ifPresent(e -> out.add(key(e.value()))));
        return out;
    }

    private static String key(String participant) {
        return participant.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
