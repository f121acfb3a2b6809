package dev.crmkit.core.privacy;

import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditLog;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LeadScores;
import dev.crmkit.core.task.TaskId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A person's rights over their data: the export of what crm-core holds about them (right of access) and the erasure
 * of every personal value of theirs in every table of the store (right to erasure), with their e-mails and phones
 * put on the suppression list as salted hashes so that a later capture or import of them is flagged. Both are
 * recorded in the audit trail ({@link AuditAction#EXPORT}, {@link AuditAction#ERASE}) without any of the person's
 * values. Thread-safe.
 */
public final class PersonalDataRights {

    /** The longest reason accepted for an erasure. */
    public static final int MAX_REASON_LENGTH = 500;

    private static final int PAGE = 500;

    private final Stores store;
    private final Suppressions suppressions;
    private final AuditLog audit;
    private final Context context;

    /**
     * The ports the use case reads and writes, all of one store.
     *
     * @param contacts     the contacts
     * @param leads        the leads
     * @param leadScores   the lead scores
     * @param activities   the timeline
     * @param auditTrail   the audit trail
     * @param personalData the store's personal-data port
     * @param consentHistory the consent history
     * @param leadMerges   the lead merges, whose records keep a person's leads merged into another person's lead
     *                     as they were ({@link LeadMerges#unsupported()} for a store that keeps none)
     */
    public record Stores(Contacts contacts, Leads leads, LeadScores leadScores, Activities activities,
                         AuditTrail auditTrail, PersonalData personalData, ConsentHistory consentHistory,
                         LeadMerges leadMerges) {
        /** Validates presence. */
        public Stores {
            Objects.requireNonNull(leadMerges, "leadMerges");
            Objects.requireNonNull(contacts, "contacts");
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(leadScores, "leadScores");
            Objects.requireNonNull(activities, "activities");
            Objects.requireNonNull(auditTrail, "auditTrail");
            Objects.requireNonNull(personalData, "personalData");
            Objects.requireNonNull(consentHistory, "consentHistory");
        }

        /** The ports of a store without a consent history. */
        public Stores(Contacts contacts, Leads leads, LeadScores leadScores, Activities activities,
                      AuditTrail auditTrail, PersonalData personalData) {
            this(contacts, leads, leadScores, activities, auditTrail, personalData, ConsentHistory.unsupported());
        }

        /** The ports of a store without lead merges. */
        public Stores(Contacts contacts, Leads leads, LeadScores leadScores, Activities activities,
                      AuditTrail auditTrail, PersonalData personalData, ConsentHistory consentHistory) {
            this(contacts, leads, leadScores, activities, auditTrail, personalData, consentHistory,
                    LeadMerges.unsupported());
        }
    }

    /** Wires the use case; {@link dev.crmkit.core.Crm#personalData()} does this for you. */
    public PersonalDataRights(Stores store, Suppressions suppressions, AuditLog audit, Context context) {
        this.store = Objects.requireNonNull(store, "store");
        this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The contact the key names, if one is stored (a merged-away id resolves to its survivor). */
    public Optional<Contact> find(PersonKey key) {
        Objects.requireNonNull(key, "key");
        return key.email().flatMap(store.contacts()::findByEmail)
                .or(() -> key.phone().flatMap(store.contacts()::findByPhone))
                .or(() -> key.contactId().flatMap(store.contacts()::findById));
    }

    /**
     * Everything crm-core holds about the person, read in one unit of work, which also records the export in the
     * audit trail; empty when nobody is stored under the key.
     */
    public Optional<PersonalRecords> export(PersonKey key) {
        Objects.requireNonNull(key, "key");
        return context.transactions().inTransaction(() -> {
            Optional<Contact> contact = find(key);
            if (contact.isEmpty()) {
                return Optional.<PersonalRecords>empty();
            }
            PersonalRecords records = collect(contact.get());
            audit.record(AuditAction.EXPORT, Optional.of(ref(contact.get().id())), List.of(),
                    "personal data export: " + records.records().size() + " records");
            return Optional.of(records);
        });
    }

    private PersonalRecords collect(Contact contact) {
        Sorted sorted = sorted(contact.id(), store.personalData().recordsOf(contact.id()));
        List<RecordRef> records = new ArrayList<>(sorted.records());
        records.sort(Comparator.comparing(RecordRef::toString));
        List<Lead> leads = leadsOf(records);
        leads.sort(Comparator.comparing(Lead::createdAt).thenComparing(l -> l.id().toString()));
        List<LeadId> leadIds = new ArrayList<>(leads.stream().map(Lead::id).toList());
        // a merged-away lead's score stays under its id
        records.stream().filter(r -> r.type() == RecordType.LEAD).map(r -> new LeadId(r.id()))
                .filter(id -> !leadIds.contains(id)).forEach(leadIds::add);
        List<LeadScore> scores = new ArrayList<>();
        for (LeadId id : leadIds) {
            store.leadScores().find(id).ifPresent(scores::add);
        }
        Map<Object, Activity> timeline = new LinkedHashMap<>();
        List<AuditEntry> entries = new ArrayList<>();
        MovedEntries moved = sorted.moved();
        for (RecordRef r : records) {
            all(p -> store.activities().timeline(r, TimelineFilter.everything(), p)).stream()
                    .filter(a -> !moved.others().contains(a.id())).forEach(a -> timeline.putIfAbsent(a.id(), a));
            entries.addAll(all(p -> store.auditTrail().forRecord(r, p)));
        }
        for (ActivityId id : moved.theirs()) { // public ones, as the timeline above reads them
            store.activities().findById(id).filter(a -> a.visibility() == Visibility.PUBLIC)
                    .ifPresent(a -> timeline.putIfAbsent(a.id(), a));
        }
        List<Activity> activities = new ArrayList<>(timeline.values());
        activities.sort(Comparator.comparing(Activity::occurredAt).thenComparing(a -> a.id().toString()));
        entries.sort(Comparator.comparing(AuditEntry::at).thenComparing(e -> e.id().toString()));
        List<ContactId> contacts = records.stream().filter(r -> r.type() == RecordType.CONTACT)
                .map(r -> new ContactId(r.id())).toList();
        return new PersonalRecords(contact, records, leads, scores, activities,
                store.personalData().tasksAbout(records, moved), entries, store.consentHistory().of(contacts),
                mergedLeadsOf(records, leads));
    }

    /**
     * The person's leads that a merge in force took into another lead (another person's, or one of theirs), as the
     * merge record keeps them (as they were before it): each merged-away id among the records.
     */
    private List<Lead> mergedLeadsOf(Collection<RecordRef> records, List<Lead> current) {
        if (store.leadMerges() == LeadMerges.unsupported()) {
            return List.of();
        }
        Set<java.util.UUID> contacts = new LinkedHashSet<>();
        records.stream().filter(r -> r.type() == RecordType.CONTACT).forEach(r -> contacts.add(r.id()));
        Set<LeadId> own = new LinkedHashSet<>(current.stream().map(Lead::id).toList());
        List<Lead> out = new ArrayList<>();
        for (RecordRef r : records) {
            LeadId id = new LeadId(r.id());
            if (r.type() != RecordType.LEAD || own.contains(id)) {
                continue;
            }
            store.leadMerges().findByMergedAway(id).flatMap(m -> m.mergedAway().stream()
                            .filter(l -> l.id().equals(id)).findFirst())
                    .filter(l -> contacts.contains(l.contactId().value())).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(l -> l.id().toString()));
        return out;
    }

    /**
     * The person's records with what lead merges in force moved sorted by whose it is (see {@link MovedEntries}).
     *
     * @param records the person's records with the moved deals sorted ({@link PersonalData#recordsOf(ContactId,
     *                MovedEntries)})
     * @param moved   the moved timeline entries, tasks and deals
     */
    private record Sorted(Set<RecordRef> records, MovedEntries moved) {
    }

    /**
     * Sorts what lead merges in force moved to or from the person's leads (see {@link MovedEntries}), read through
     * every merge that merged one of the person's leads away or into one of them, oldest first: for each moved record
     * the first of those merges that moved it says what it was about before, and it is the person's when that named
     * one of their records (a task's or deal's merged-away lead; an entry's records before, among the person's records
     * with the moved deals sorted first). Nothing counts as moved when the store's port does not list merges by
     * survivor ({@link LeadMerges#findBySurvivor}'s default).
     */
    private Sorted sorted(ContactId contact, Set<RecordRef> records) {
        List<LeadMerge> oldestFirst = mergesAbout(records);
        if (oldestFirst.isEmpty()) {
            return new Sorted(records, MovedEntries.none());
        }
        Set<String> leads = new HashSet<>();
        records.stream().filter(r -> r.type() == RecordType.LEAD).forEach(r -> leads.add(r.toString()));
        Map<java.util.UUID, Boolean> taskWasMine = new LinkedHashMap<>();
        Map<java.util.UUID, Boolean> dealWasMine = new LinkedHashMap<>();
        for (LeadMerge m : oldestFirst) {
            for (Repointed p : m.repointed()) {
                Map<java.util.UUID, Boolean> into = p.kind() == Repointed.Kind.TASK ? taskWasMine
                        : p.kind() == Repointed.Kind.DEAL ? dealWasMine : null;
                if (into != null) {
                    into.putIfAbsent(p.id(), leads.contains(new RecordRef(RecordType.LEAD, p.from()).toString()));
                }
            }
        }
        Set<TaskId> theirTasks = new LinkedHashSet<>();
        Set<TaskId> otherTasks = new LinkedHashSet<>();
        taskWasMine.forEach((id, yes) -> (yes ? theirTasks : otherTasks).add(new TaskId(id)));
        Set<java.util.UUID> theirDeals = new LinkedHashSet<>();
        Set<java.util.UUID> otherDeals = new LinkedHashSet<>();
        dealWasMine.forEach((id, yes) -> (yes ? theirDeals : otherDeals).add(id));
        MovedEntries tasksAndDeals = new MovedEntries(Set.of(), Set.of(), theirTasks, otherTasks, theirDeals,
                otherDeals);
        Set<RecordRef> mineNow = tasksAndDeals.isEmpty() ? records
                : store.personalData().recordsOf(contact, tasksAndDeals);
        Set<String> mine = new HashSet<>();
        mineNow.forEach(r -> mine.add(r.toString()));
        Map<ActivityId, Boolean> wasMine = new LinkedHashMap<>();
        for (LeadMerge m : oldestFirst) {
            m.repointed().stream().filter(p -> p.kind() == Repointed.Kind.ACTIVITY).forEach(p -> wasMine.putIfAbsent(
                    new ActivityId(p.id()), p.refsBefore().stream().anyMatch(mine::contains)));
        }
        Set<ActivityId> theirs = new LinkedHashSet<>();
        Set<ActivityId> others = new LinkedHashSet<>();
        wasMine.forEach((id, yes) -> (yes ? theirs : others).add(id));
        return new Sorted(mineNow, tasksAndDeals.withEntries(theirs, others));
    }

    /**
     * The lead merges in force that merged one of the person's leads away or into one of them, oldest first (then by
     * id); none when the store keeps no lead merges or its port does not list them by survivor.
     */
    private List<LeadMerge> mergesAbout(Collection<RecordRef> records) {
        if (store.leadMerges() == LeadMerges.unsupported()) {
            return List.of();
        }
        Map<MergeId, LeadMerge> merges = new LinkedHashMap<>();
        for (RecordRef r : records) {
            if (r.type() == RecordType.LEAD) {
                LeadId id = new LeadId(r.id());
                store.leadMerges().findByMergedAway(id).ifPresent(m -> merges.putIfAbsent(m.id(), m));
                try {
                    store.leadMerges().findBySurvivor(id).forEach(m -> merges.putIfAbsent(m.id(), m));
                } catch (UnsupportedOperationException e) {
                    // a host's port written before findBySurvivor (its default): nothing counts as moved
                    return List.of();
                }
            }
        }
        List<LeadMerge> oldestFirst = new ArrayList<>(merges.values());
        oldestFirst.sort(Comparator.comparing(LeadMerge::mergedAt).thenComparing(m -> m.id().toString()));
        return oldestFirst;
    }

    /**
     * Erases the person in one unit of work: their e-mails and phones (the contact's and their leads') go on the
     * suppression list as salted hashes, every personal value in every table of the store is removed or anonymized
     * ({@link PersonalData#erase}), and an {@link AuditAction#ERASE} entry records who, when and why, without the
     * erased values.
     *
     * @param key    who
     * @param reason why, for the audit trail (1 to {@value #MAX_REASON_LENGTH} characters; name no personal value)
     * @throws IllegalArgumentException naming {@code reason} when it is blank or too long; nothing is changed
     * @throws IllegalStateException    naming {@code suppressionSalt} when no salt was configured; nothing is changed
     */
    public ErasureOutcome erase(PersonKey key, String reason) {
        Objects.requireNonNull(key, "key");
        String why = checkReason(reason);
        if (!suppressions.isOn()) {
            throw new IllegalStateException("suppressionSalt was not set: an erasure puts the person's e-mail and "
                    + "phone on the suppression list as salted hashes and needs the salt");
        }
        return context.transactions().inTransaction(() -> {
            Optional<Contact> found = find(key).flatMap(c -> store.contacts().lockById(c.id()));
            if (found.isEmpty()) {
                return new ErasureOutcome.NotFound(key);
            }
            Contact contact = found.get();
            int[] suppressed = {0};
            ErasureCounts counts = anonymize(contact, key, why, (emails, phones) ->
                    suppressed[0] = suppressions.suppress(emails, phones, context.clock().instant()));
            return new ErasureOutcome.Erased(contact.id(), counts, suppressed[0]);
        });
    }

    /**
     * The erasure's one body, shared by {@link #erase} and the {@link RetentionJob}: with the contact locked in the
     * running unit of work, locks the person's leads ({@link Leads#lockById}, in id order: a lead edit holds only its
     * lead), gathers the person's e-mails and phones (the key's, the contact's, their leads'), hands them to
     * {@code beforeErase} (the erasure lists them; retention does not), erases every personal value through
     * {@link PersonalData#erase} and records an {@link AuditAction#ERASE} entry with the reason scrubbed of the
     * person's values.
     */
    ErasureCounts anonymize(Contact contact, PersonKey key, String why,
                            java.util.function.BiConsumer<Set<EmailAddress>, Set<PhoneNumber>> beforeErase) {
        Instant now = context.clock().instant();
        Set<EmailAddress> emails = new LinkedHashSet<>(contact.emails());
        Set<PhoneNumber> phones = new LinkedHashSet<>(contact.phones());
        key.email().ifPresent(emails::add);
        key.phone().ifPresent(phones::add);
        List<RecordRef> records = List.copyOf(store.personalData().recordsOf(contact.id()));
        // a lead edit holds only its lead: hold the person's leads too (after the contact, in id order, as the
        // retention job does) so an edit that committed meanwhile is read below, and one still to come waits
        records.stream().filter(r -> r.type() == RecordType.LEAD).map(RecordRef::id).distinct()
                .sorted(Comparator.comparing(java.util.UUID::toString))
                .forEach(id -> store.leads().lockById(new LeadId(id)));
        List<Lead> leads = leadsOf(records);
        leads.forEach(l -> {
            l.email().ifPresent(emails::add);
            l.phone().ifPresent(phones::add);
        });
        beforeErase.accept(emails, phones);
        List<Lead> withMerged = new ArrayList<>(leads);
        withMerged.addAll(mergedLeadsOf(records, leads)); // what a merge into another person's lead kept of them
        PersonalValues values = PersonalValues.of(List.of(contact), withMerged);
        ErasureCounts counts = store.personalData().erase(contact.id(), values, now,
                sorted(contact.id(), Set.copyOf(records)).moved());
        audit.record(AuditAction.ERASE, Optional.of(ref(contact.id())), List.of(),
                "erased: " + values.scrub(why) + " (" + counts.total() + " rows in " + counts.perTable().size()
                        + " tables)"); // the reason may quote the person: scrubbed like every other text
        return counts;
    }

    /** The store ports this use case works on. */
    Stores stores() {
        return store;
    }

    /** The audit log this use case writes. */
    AuditLog auditLog() {
        return audit;
    }

    /** The clock, ids and transactions. */
    Context context() {
        return context;
    }

    /**
     * The person's leads as they are stored now, each once. A merged-away lead's id is among the person's records
     * (what is still held under it: its score, audit entries) but reads as its survivor, which is the person's only
     * when its contact is one of the person's contacts: another person's survivor is neither exported nor erased.
     */
    private List<Lead> leadsOf(Collection<RecordRef> records) {
        Set<java.util.UUID> contacts = new LinkedHashSet<>();
        records.stream().filter(r -> r.type() == RecordType.CONTACT).forEach(r -> contacts.add(r.id()));
        Map<LeadId, Lead> out = new LinkedHashMap<>();
        for (RecordRef r : records) {
            if (r.type() == RecordType.LEAD) {
                store.leads().findById(new LeadId(r.id())).filter(l -> contacts.contains(l.contactId().value()))
                        .ifPresent(l -> out.putIfAbsent(l.id(), l));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String checkReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        String r = reason.strip();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("reason: must not be blank [required]");
        }
        if (r.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason: at most " + MAX_REASON_LENGTH + " characters, got "
                    + r.length() + " [length]");
        }
        return r;
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> read) {
        List<T> out = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<T> page = read.apply(request);
            out.addAll(page.items());
            Optional<PageRequest> next = request.next(page);
            if (next.isEmpty()) {
                return out;
            }
            request = next.get();
        }
    }

    private static RecordRef ref(ContactId id) {
        return new RecordRef(RecordType.CONTACT, id.value());
    }
}
