package dev.crmkit.core;

import dev.crmkit.core.access.AccessDecision;
import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.FieldRedaction;
import dev.crmkit.core.access.FieldRef;
import dev.crmkit.core.access.Guarded;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.RefusedChangeException;
import dev.crmkit.core.access.VisibleRecords;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.LeadStatusChange;
import dev.crmkit.core.customer.CompanyOutcome;
import dev.crmkit.core.duplicate.CompanyCandidate;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * crmkit as one actor sees it: the reads of {@link Crm} restricted to the records that actor may view, made with
 * {@link Crm#as(Actor)}. A record the actor may not view is "not found": a finder returns {@code Optional.empty()}, a
 * list and a count leave it out, exactly as {@link AccessPolicy#decide} with {@link Permission#VIEW} says. Lists are
 * restricted inside the store's query ({@link CrmStore#visibleRecords()}), so their pages are full and their cursors
 * work as on the unrestricted lists.
 *
 * <pre>{@code
 * ScopedCrm rep = crm.as(Actor.user("anna"));
 * Page<Contact> mine = rep.contacts(PageRequest.first(50)); // only what anna may see
 * Optional<Contact> c = rep.contact(id);                     // empty if anna may not see it
 * }</pre>
 *
 * <p>Every contact, company, lead and task the view returns is shown as the actor may see it: the fields their role
 * has {@link dev.crmkit.core.access.FieldAccess#HIDDEN} are blanked ({@link #fields()}).
 *
 * <p>Changes through the view ({@link #change} and the named ones such as {@link #addEmail}) are made only when the
 * actor holds the permission on the record, and otherwise return a {@link Guarded} refusal naming the permission and
 * the record; nothing is changed then.
 *
 * <p>{@link Crm}'s own use cases stay unrestricted (they act for the host, as a system process would): lead capture's
 * de-duplication must see every contact, and imports, relays and jobs are system work. The organization (users, teams,
 * roles, defaults) is read from the store's {@link CrmStore#accessDirectory()} when the view is made, so make a view
 * per request or unit of work; shares are read when a record is looked at. Thread-safe.
 */
public final class ScopedCrm {

    private final Crm crm;
    private final CrmStore store;
    private final Actor actor;
    private final AccessPolicy policy;
    private final VisibleRecords visible;
    private final FieldRedaction redaction;

    ScopedCrm(Crm crm, Actor actor, AccessPolicy policy) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.store = crm.store();
        this.actor = Objects.requireNonNull(actor, "actor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.visible = store.visibleRecords();
        this.redaction = FieldRedaction.of(policy, actor);
    }

    /** Who is looking. */
    public Actor actor() {
        return actor;
    }

    /**
     * The actor's field permissions: every record this view returns is shown through it (the fields the actor's role
     * hides are blanked), and a change through this view that alters a field the role may only read or not see is
     * undone and refused.
     */
    public FieldRedaction fields() {
        return redaction;
    }

    /** The policy the view decides with, on the organization read when it was made. */
    public AccessPolicy policy() {
        return policy;
    }

    /** The contact with this id (or, for a merged-away id, its survivor), if the actor may view it. */
    public Optional<Contact> contact(ContactId id) {
        return store.contacts().findById(Objects.requireNonNull(id, "id")).filter(c -> mayView(AccessRecord.of(c)))
                .map(this::shown);
    }

    /**
     * The contact holding this e-mail address, if the actor may view it. A lookup by e-mail is refused when the
     * actor's role hides {@code contact.emails} (what it found would confirm the address): see
     * {@link AccessPolicy#checkFilter}.
     *
     * @throws dev.crmkit.core.kernel.ValidationException (field {@code email}, rule {@code hidden-field}) when the
     *                                                    actor's role hides {@code contact.emails}
     */
    public Optional<Contact> contactByEmail(EmailAddress email) {
        readable(RecordType.CONTACT, "emails", "email");
        return store.contacts().findByEmail(Objects.requireNonNull(email, "email"))
                .filter(c -> mayView(AccessRecord.of(c))).map(this::shown);
    }

    /**
     * The contact holding this phone number, if the actor may view it. A lookup by phone is refused when the actor's
     * role hides {@code contact.phones}: see {@link AccessPolicy#checkFilter}.
     *
     * @throws dev.crmkit.core.kernel.ValidationException (field {@code phone}, rule {@code hidden-field}) when the
     *                                                    actor's role hides {@code contact.phones}
     */
    public Optional<Contact> contactByPhone(PhoneNumber phone) {
        readable(RecordType.CONTACT, "phones", "phone");
        return store.contacts().findByPhone(Objects.requireNonNull(phone, "phone"))
                .filter(c -> mayView(AccessRecord.of(c))).map(this::shown);
    }

    /** The contacts the actor may view, in the order they were created. */
    public Page<Contact> contacts(PageRequest page) {
        return visible.contacts(filter(RecordType.CONTACT), page).map(this::shown);
    }

    /**
     * The contacts of a company that the actor may view, in the order they were created. Refused when the actor's
     * role hides {@code contact.affiliations} (the list would tell who works where): see
     * {@link AccessPolicy#checkFilter}.
     *
     * @throws dev.crmkit.core.kernel.ValidationException (field {@code company}, rule {@code hidden-field}) when the
     *                                                    actor's role hides {@code contact.affiliations}
     */
    public Page<Contact> contactsOf(CompanyId company, PageRequest page) {
        readable(RecordType.CONTACT, "affiliations", "company");
        return visible.contactsOf(Objects.requireNonNull(company, "company"), filter(RecordType.CONTACT), page)
                .map(this::shown);
    }

    /** How many contacts the actor may view. */
    public long contactCount() {
        return visible.countContacts(filter(RecordType.CONTACT));
    }

    /** The company with this id, if the actor may view it. */
    public Optional<Company> company(CompanyId id) {
        return store.companies().findById(Objects.requireNonNull(id, "id")).filter(c -> mayView(record(c)))
                .map(this::shown);
    }

    /** The companies the actor may view, in the order they were created. */
    public Page<Company> companies(PageRequest page) {
        return visible.companies(filter(RecordType.COMPANY), page).map(this::shown);
    }

    /** How many companies the actor may view. */
    public long companyCount() {
        return visible.countCompanies(filter(RecordType.COMPANY));
    }

    /** The lead with this id, if the actor may view it. */
    public Optional<Lead> lead(LeadId id) {
        return store.leads().findById(Objects.requireNonNull(id, "id")).filter(l -> mayView(AccessRecord.of(l)))
                .map(this::shown);
    }

    /** The leads the actor may view, in the order they were created. */
    public Page<Lead> leads(PageRequest page) {
        return visible.leads(filter(RecordType.LEAD), page).map(this::shown);
    }

    /** The leads in a status that the actor may view, in the order they were created. */
    public Page<Lead> leadsIn(LeadStatus status, PageRequest page) {
        return visible.leadsIn(Objects.requireNonNull(status, "status"), filter(RecordType.LEAD), page)
                .map(this::shown);
    }

    /**
     * The leads of an owner that the actor may view, in the order they were created. Refused when the actor's role
     * hides {@code lead.owner} (the list would name the owner of each lead): see {@link AccessPolicy#checkFilter}.
     *
     * @throws dev.crmkit.core.kernel.ValidationException (field {@code owner}, rule {@code hidden-field}) when the
     *                                                    actor's role hides {@code lead.owner}
     */
    public Page<Lead> leadsOf(UserId owner, PageRequest page) {
        readable(RecordType.LEAD, "owner", "owner");
        return visible.leadsOf(Objects.requireNonNull(owner, "owner"), filter(RecordType.LEAD), page)
                .map(this::shown);
    }

    /** How many leads the actor may view. */
    public long leadCount() {
        return visible.countLeads(filter(RecordType.LEAD));
    }

    /**
     * The timeline of a contact, company or lead, newest first, if the actor may view the record: its public items and
     * the private items the actor owns or took part in ({@link AccessPolicy#timelineItem}); the private items of
     * others are left out inside the store's query, so pages are full. A record the actor may not view (or that is not
     * stored) is "not found": {@code Optional.empty()}. Each entry's subject and body are shown without the values of
     * the fields the actor's role hides of every record the entry is about, not only of this one: a deal's stage
     * change, won or lost entry on its contact's or company's timeline quotes no hidden {@code deal.amount} or
     * {@code deal.lostReason} ({@link FieldRedaction#withheld}; the deal is read as crm-pipeline registered it, {@link
     * Crm#readRecordsOf}; an entry about a record that cannot be read is withheld whole from a role hiding a field of
     * its type). An entry also about a record the actor may not view ({@link Permission#VIEW} decided on each record
     * it is about other than this one: another rep's private deal), or that cannot be read, is kept but masked: its
     * subject and body read {@link #NOT_VISIBLE_ENTRY}, its participants are left out and that record's ref is gone
     * from {@code about}.
     *
     * @throws IllegalArgumentException for a deal: deals live in crm-pipeline, which decides on them itself
     */
    public Optional<Page<Activity>> timeline(RecordRef record, PageRequest page) {
        return timeline(record, Set.of(), page);
    }

    /** {@link #timeline(RecordRef, PageRequest)}, holding only items of these types (all types when empty). */
    public Optional<Page<Activity>> timeline(RecordRef record, Set<ActivityType> types, PageRequest page) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(page, "page");
        return timeline(record, find(Objects.requireNonNull(record, "record")), types, page);
    }

    /**
     * {@link #timeline(RecordRef, Set, PageRequest)} of a record that another module keeps (a deal of crm-pipeline),
     * as that module read it: {@code stored} is the record with its owner, or empty when it is not stored. The timeline
     * is read only when the actor may view the record ({@link #decide(Permission, RecordRef, Optional)}); else, as
     * for a record not stored, it is "not found". The private items of others are left out inside the store's query;
     * the entries are shown without hidden values as {@link #timeline(RecordRef, PageRequest)} says.
     *
     * @throws IllegalArgumentException if the stored record is not the one named
     */
    public Optional<Page<Activity>> timeline(RecordRef record, Optional<AccessRecord> stored,
                                             Set<ActivityType> types, PageRequest page) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(page, "page");
        if (!decide(Permission.VIEW, Objects.requireNonNull(record, "record"), stored).allowed()) {
            return Optional.empty();
        }
        return Optional.of(shownEntries(visible.timeline(record, types, policy.privateItems(actor), page), record));
    }

    /**
     * A page of timeline entries as the actor may read them: each entry's subject and body without the values of the
     * fields the actor's role hides of every record the entry is about ({@link FieldRedaction#withheld}), whichever
     * of those records' timelines it is read through: a deal's stage change read on its contact's timeline withholds
     * the deal's hidden amount or lost reason as the deal's own timeline does. A record the entry is about that
     * cannot be read (a deal when no module registered its deals, {@link Crm#readRecordsOf}, or a record no longer
     * stored) withholds the entry's subject and body whole from a role that hides a field of its type.
     * <p>
     * Before that, the actor's {@link Permission#VIEW} is decided on every record the entry is about other than
     * {@code own}, the record whose timeline is read: an entry about a record the actor may not view (another rep's
     * private deal on a shared contact's timeline), or that cannot be read, so cannot be decided on, is kept but
     * masked ({@link #NOT_VISIBLE_ENTRY}). Each record is read once per page.
     */
    private Page<Activity> shownEntries(Page<Activity> page, RecordRef own) {
        return new Page<>(shownEntries(page.items(), own), page.next());
    }

    private List<Activity> shownEntries(List<Activity> entries, RecordRef own) {
        Map<RecordRef, Optional<? extends Record>> read = new java.util.HashMap<>();
        Map<RecordRef, Boolean> viewable = new java.util.HashMap<>();
        Map<RecordRef, Set<String>> hiddenTexts = new java.util.HashMap<>();
        return entries.stream().map(a -> shownEntry(a, own, read, viewable, hiddenTexts)).toList();
    }

    private Activity shownEntry(Activity entry, RecordRef own, Map<RecordRef, Optional<? extends Record>> read,
                                Map<RecordRef, Boolean> viewable, Map<RecordRef, Set<String>> hiddenTexts) {
        Set<RecordRef> refused = new java.util.LinkedHashSet<>();
        for (RecordRef about : entry.about()) {
            if (!about.equals(own) && !viewable.computeIfAbsent(about, r -> read.computeIfAbsent(r,
                    this::readForEntries).flatMap(record -> accessOf(r, record)).map(this::mayView).orElse(false))) {
                refused.add(about);
            }
        }
        if (!refused.isEmpty()) {
            return masked(entry, refused, own);
        }
        Set<String> values = new java.util.TreeSet<>();
        for (RecordRef about : entry.about()) {
            if (redaction.showsEverything(about.type())) {
                continue;
            }
            Optional<? extends Record> record = read.computeIfAbsent(about, this::readForEntries);
            if (record.isEmpty()) {
                return withText(entry, FieldRedaction.WITHHELD, entry.body().isEmpty() ? ""
                        : FieldRedaction.WITHHELD);
            }
            values.addAll(hiddenTexts.computeIfAbsent(about, r -> redaction.hiddenTexts(r.type(), record.get())));
        }
        return values.isEmpty() ? entry : withText(entry, FieldRedaction.withhold(entry.subject(), values),
                FieldRedaction.withhold(entry.body(), values));
    }

    /**
     * The subject and the body of an entry about a record the actor may not view, as every view shows them
     * ({@link #timeline(RecordRef, PageRequest)}): the entry stays on the timeline read, for it is that record's
     * history too, but its text, its participants and the ref of every record the actor may not view are not shown.
     */
    public static final String NOT_VISIBLE_ENTRY = "[an entry about a record you may not see]";

    /** An entry about records the actor may not view: its own text and participants gone, those records' refs too. */
    private static Activity masked(Activity a, Set<RecordRef> refused, RecordRef own) {
        Set<RecordRef> about = new java.util.LinkedHashSet<>(a.about());
        about.removeAll(refused);
        if (about.isEmpty()) {
            about.add(own); // read through own's timeline (an alias of a merged contact), so it is own's history
        }
        return new Activity(a.id(), a.type(), NOT_VISIBLE_ENTRY, NOT_VISIBLE_ENTRY, a.direction(), a.occurredAt(),
                List.of(), about, a.owner(), a.visibility(), a.recordedAt(), a.outcome(), a.duration());
    }

    /**
     * What the policy needs to know of a record an entry is about: crm-core's own records as always; another
     * module's record ({@link Crm#readRecordsOf}) by its {@code owner} component, an {@code Optional<UserId>} as its
     * type's field is named ({@link dev.crmkit.core.access.RecordFields}). Empty when the record has no such component,
     * so that the actor's view of it cannot be decided.
     */
    private static Optional<AccessRecord> accessOf(RecordRef ref, Record record) {
        if (record instanceof Contact || record instanceof Company || record instanceof Lead
                || record instanceof Task) {
            return Optional.of(access(record));
        }
        for (java.lang.reflect.RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals("owner")) {
                try {
                    Object owner = component.getAccessor().invoke(record);
                    if (owner instanceof Optional<?> o && o.map(UserId.class::isInstance).orElse(true)) {
                        return Optional.of(new AccessRecord(ref, o.map(UserId.class::cast)));
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A record an entry is about, as stored: crm-core's own, or another module's ({@link Crm#readRecordsOf}). */
    private Optional<? extends Record> readForEntries(RecordRef record) {
        return switch (record.type()) {
            case CONTACT, COMPANY, LEAD, TASK -> findRecord(record);
            default -> crm.keptElsewhere(record);
        };
    }

    private static Activity withText(Activity a, String subject, String body) {
        if (subject.equals(a.subject()) && body.equals(a.body())) {
            return a;
        }
        return new Activity(a.id(), a.type(), subject.length() > Activity.MAX_SUBJECT_LENGTH
                ? subject.substring(0, Activity.MAX_SUBJECT_LENGTH) : subject, body, a.direction(), a.occurredAt(),
                a.participants(), a.about(), a.owner(), a.visibility(), a.recordedAt(), a.outcome(), a.duration());
    }

    /**
     * {@link #tasksAbout(RecordRef)} of a record that another module keeps (a deal of crm-pipeline), as that module
     * read it ({@code stored}, empty when it is not stored): the open tasks about it that the actor may view, each
     * shown as the actor sees it, if the actor may view the record; else "not found".
     *
     * @throws IllegalArgumentException                  if the stored record is not the one named
     * @throws dev.crmkit.core.kernel.ValidationException (field {@code record}, rule {@code hidden-field}) when the
     *                                                   actor's role hides {@code task.relatedTo}
     */
    public Optional<List<Task>> tasksAbout(RecordRef record, Optional<AccessRecord> stored) {
        readable(RecordType.TASK, "relatedTo", "record");
        if (!decide(Permission.VIEW, Objects.requireNonNull(record, "record"), stored).allowed()) {
            return Optional.empty();
        }
        return Optional.of(visible.tasksAbout(record, filter(RecordType.TASK)).stream().map(this::shown).toList());
    }

    /** The task with this id, if the actor may view it (tasks are owned by their assignee). */
    public Optional<Task> task(TaskId id) {
        return store.tasks().findById(Objects.requireNonNull(id, "id")).filter(t -> mayView(AccessRecord.of(t)))
                .map(this::shown);
    }

    /**
     * The open tasks of an assignee due before a time that the actor may view, earliest due first, at most
     * {@code limit}; the tasks the actor may not view are left out inside the store's query, before the limit.
     */
    public List<Task> tasksDueBefore(UserId assignee, Instant before, int limit) {
        return visible.tasksDueBefore(Objects.requireNonNull(assignee, "assignee"),
                Objects.requireNonNull(before, "before"), limit, filter(RecordType.TASK)).stream().map(this::shown)
                .toList();
    }

    /**
     * The open tasks about a contact, company or lead that the actor may view, earliest due first, if the actor may
     * view the record; a record the actor may not view (or that is not stored) is "not found":
     * {@code Optional.empty()}. Refused when the actor's role hides {@code task.relatedTo} (the list would tell what
     * each task is about): see {@link AccessPolicy#checkFilter}.
     *
     * @throws IllegalArgumentException                  for a deal: deals live in crm-pipeline, which decides on them
     *                                                   itself
     * @throws dev.crmkit.core.kernel.ValidationException (field {@code record}, rule {@code hidden-field}) when the
     *                                                   actor's role hides {@code task.relatedTo}
     */
    public Optional<List<Task>> tasksAbout(RecordRef record) {
        readable(RecordType.TASK, "relatedTo", "record");
        return tasksAbout(record, find(Objects.requireNonNull(record, "record")));
    }

    /**
     * Whether the actor may do something with a contact, company, lead or task, explained; a record that is not stored is
     * refused as "not found" without saying more.
     *
     * @throws IllegalArgumentException for a deal: deals live in crm-pipeline, which decides on them itself
     */
    public AccessDecision decide(Permission permission, RecordRef record) {
        return decide(permission, record, find(Objects.requireNonNull(record, "record")));
    }

    /**
     * Whether the actor may do something with a record that another module keeps (a deal of crm-pipeline), as that
     * module read it: {@code stored} is the record with its owner, or empty when it is not stored, which is refused as
     * "not found" without saying more. The shares are read from the store, as for {@link #decide(Permission,
     * RecordRef)}.
     *
     * @throws IllegalArgumentException if the stored record is not the one named
     */
    public AccessDecision decide(Permission permission, RecordRef record, Optional<AccessRecord> stored) {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(record, "record");
        Optional<AccessRecord> found = Objects.requireNonNull(stored, "stored");
        if (found.isPresent() && !found.get().ref().equals(record)) {
            throw new IllegalArgumentException("stored: " + found.get().ref() + " is not " + record);
        }
        String what = permission.name().toLowerCase(java.util.Locale.ROOT) + " " + record;
        if (found.isEmpty()) {
            return new AccessDecision.Refused(actor, what, "there is no " + record);
        }
        return policy.decide(actor, permission, found.get(), store.shares().of(found.get().ref()));
    }

    /**
     * Makes a change of a record if the actor may view the record and holds the permission on it, in one unit of work
     * with the decision; otherwise changes nothing and returns the refusal, which names the permission and the record
     * (a record the actor may not view is refused as "not found"). For any of {@link Crm}'s use cases:
     * {@code view.change(Permission.EDIT, ref, () -> crm.customers().addPhone(id, phone, false))}. The audit trail
     * names this view's actor as the one who made the change.
     *
     * <p>The record is locked for the unit of work before the decision (its {@code lockById}), so another unit of
     * work that reassigns it or shares it differently cannot slip in between the decision and the change. A change
     * that alters a field of the record the actor's role may only read or not see ({@link FieldRedaction#lockedChanges})
     * is undone and refused, naming the edit permission, the field and the record ({@code "edit field
     * lead.customFields.margin of lead:..."}). A contact, company, lead or task the change returns is shown as
     * the actor sees it ({@link #fields()}).
     *
     * @param change the change, run only when allowed; it must not return {@code null}
     * @throws RefusedChangeException when the view joins a unit of work the caller runs and the change altered a
     *                                field the actor may not change: the caller's unit must be rolled back, which
     *                                this exception leaving it does
     */
    public <T> Guarded<T> change(Permission permission, RecordRef record, Supplier<T> change) {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(change, "change");
        boolean joined = store.transactions().inUnitOfWork();
        try {
            return store.transactions().inTransaction(() -> {
                Optional<Record> before = lock(record);
                AccessDecision decision = decideVisible(permission, record, before.map(ScopedCrm::access));
                if (decision instanceof AccessDecision.Refused refused) {
                    return Guarded.<T>refused(refused);
                }
                // a merged-away id was locked, decided and is checked as its survivor
                RecordRef target = access(before.get()).ref();
                T value = crm.actingAs(actor, change);
                Optional<Record> after = findRecord(target).filter(r -> access(r).ref().equals(target));
                if (after.isPresent()) {
                    refuseLockedChanges(target, before.get(), after.get(), joined);
                }
                return Guarded.done((AccessDecision.Allowed) decision, shownValue(value));
            });
        } catch (Undone undone) {
            return Guarded.refused(undone.refusal);
        }
    }

    /**
     * {@link #change(Permission, RecordRef, Supplier)} for a record that another module keeps (a deal of
     * crm-pipeline), with the same guarantees: inside one unit of work, {@code lock} reads the record named and holds
     * it for the unit of work (its port's {@code lockById}; empty when it is not stored, refused as "not found"), the
     * decision is made on that locked copy with {@code access}, the change runs, {@code read} reads the record again,
     * and a change that altered a field the actor's role may only read or not see ({@link
     * FieldRedaction#lockedChanges}) is undone and refused, naming the edit permission, the field and the record. The
     * value returned is the change's as it is: the caller shows it as the actor sees it ({@link #fields()}).
     *
     * @param lock   reads and locks the record named, inside the unit of work
     * @param read   reads the record named again after the change, inside the unit of work
     * @param access the record's owner, as the decision needs it
     * @param change the change, run only when allowed; it must not return {@code null}
     * @throws RefusedChangeException when the view joins a unit of work the caller runs and the change altered a
     *                                field the actor may not change
     */
    public <R extends Record, T> Guarded<T> change(Permission permission, RecordRef record,
                                                   Supplier<Optional<R>> lock, Supplier<Optional<R>> read,
                                                   java.util.function.Function<? super R, AccessRecord> access,
                                                   Supplier<T> change) {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(change, "change");
        boolean joined = store.transactions().inUnitOfWork();
        try {
            return store.transactions().inTransaction(() -> {
                Optional<R> before = lock.get();
                AccessDecision decision = decideVisible(permission, record, before.map(access));
                if (decision instanceof AccessDecision.Refused refused) {
                    return Guarded.<T>refused(refused);
                }
                T value = crm.actingAs(actor, change);
                Optional<R> after = read.get();
                if (after.isPresent()) {
                    refuseLockedChanges(record, before.get(), after.get(), joined);
                }
                return Guarded.done((AccessDecision.Allowed) decision, value);
            });
        } catch (Undone undone) {
            return Guarded.refused(undone.refusal);
        }
    }

    /**
     * Throws the refusal of a change that altered a field of the record the actor may only read or not see
     * ({@link FieldRedaction#lockedChanges}), naming the field and the record: {@link RefusedChangeException} when the
     * caller's unit of work was joined (the caller must roll it back), else {@link Undone}, which rolls back the unit
     * this view began.
     */
    private <R extends Record> void refuseLockedChanges(RecordRef record, R before, R after, boolean joined) {
        List<FieldRef> locked = redaction.lockedChanges(record.type(), before, after);
        if (!locked.isEmpty()) {
            AccessDecision.Refused field = (AccessDecision.Refused) policy.decideField(actor, locked.get(0), true);
            AccessDecision.Refused refused = new AccessDecision.Refused(actor, field.what() + " of " + record,
                    field.reason());
            throw joined ? new RefusedChangeException(refused) : new Undone(refused);
        }
    }

    /** Carries a refused change out of the unit of work it rolls back. */
    private static final class Undone extends RuntimeException {
        private final AccessDecision.Refused refusal;

        Undone(AccessDecision.Refused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    /**
     * Adds an e-mail address to a contact, as primary if asked, if the actor may edit the contact. An address that
     * belongs to a contact the actor may not view is refused as taken without naming that contact.
     */
    public Guarded<Contact> addEmail(ContactId contact, String email, boolean primary) {
        return change(Permission.EDIT, ref(RecordType.CONTACT, contact.value()), () -> {
            store.contacts().findByEmail(EmailAddress.parse(email))
                    .filter(other -> !other.id().equals(contact) && contact(other.id()).isEmpty())
                    .ifPresent(hidden -> {
                        throw dev.crmkit.core.kernel.ValidationException.of("email", "unique",
                                "the address belongs to another contact");
                    });
            return crm.customers().addEmail(contact, email, primary);
        });
    }

    /**
     * Sets custom values of a contact from text, if the actor may edit the contact and each field named
     * ({@code contact.customFields.KEY}): a field the actor's role may only read or not see is refused, naming the
     * field and the contact, and nothing is set.
     */
    public Guarded<Contact> setCustomFields(ContactId contact, Map<String, String> values) {
        RecordRef record = ref(RecordType.CONTACT, contact.value());
        for (String key : new java.util.TreeSet<>(values.keySet())) {
            AccessDecision field = policy.decideField(actor, new FieldRef(RecordType.CONTACT, "customFields." + key),
                    true);
            if (field instanceof AccessDecision.Refused refused) {
                AccessDecision visible = decideVisible(Permission.EDIT, record, find(record));
                return Guarded.refused(visible instanceof AccessDecision.Refused hidden ? hidden
                        : new AccessDecision.Refused(actor, refused.what() + " of " + record, refused.reason()));
            }
        }
        return change(Permission.EDIT, record, () -> crm.customers().setCustomFields(contact, values));
    }

    /** Gives a lead to an owner (or none), if the actor may assign the lead. */
    public Guarded<Lead> assignLead(LeadId lead, Optional<UserId> owner) {
        return change(Permission.ASSIGN, ref(RecordType.LEAD, lead.value()), () -> crm.leads().assign(lead, owner));
    }

    /** Moves a lead to a status, as done by the actor, if the actor may edit the lead. */
    public Guarded<LeadStatusChange> changeLeadStatus(LeadId lead, LeadStatus target, String reason) {
        Optional<UserId> by = actor instanceof Actor.Person p ? Optional.of(p.user()) : Optional.empty();
        return change(Permission.EDIT, ref(RecordType.LEAD, lead.value()),
                () -> crm.leads().changeStatus(lead, target, reason, by));
    }

    /**
     * Edits a lead's submitted data under the duplicate rules for leads ({@link Crm#leadEditing()}), if the actor may
     * edit the lead, as {@link #change(Permission, RecordRef, Supplier)} does: locked, decided, and refused naming the
     * field when the edit alters a field the actor's role may only read or not see ({@code lead.email}, ...). The
     * outcome is shown as the actor may see it: the lead shown ({@link #fields()}), an alert only with the candidate
     * leads the actor may view (one whose candidates are all hidden reads as saved); a block keeps every candidate it
     * was refused for, but those the actor may not view only by id and score. A candidate's reasons quote both leads'
     * values: those on a lead field the actor's role hides ({@code lead.name}, {@code lead.companyName}) are left
     * out.
     */
    public Guarded<dev.crmkit.core.customer.LeadOutcome> editLead(LeadId lead,
                                                                  dev.crmkit.core.customer.LeadEdit edit) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(edit, "edit");
        return change(Permission.EDIT, ref(RecordType.LEAD, lead.value()), () -> crm.leadEditing().edit(lead, edit));
    }

    /**
     * The duplicates suspected among the contacts the actor may view: the scan of {@link dev.crmkit.core.duplicate.DuplicateScan#scan} over
     * exactly those contacts (read page by page through the store's restricted list, merged-away ones left out), so
     * that neither a pair nor a cluster names a contact the actor may not see.
     */
    public dev.crmkit.core.duplicate.ScanResult suspectedDuplicates(dev.crmkit.core.duplicate.DuplicateScan scan) {
        Objects.requireNonNull(scan, "scan");
        return scan.scan(duplicateRecords());
    }

    /**
     * The contacts the actor may view as the fuzzy matcher's records, in the order they were created, each as the
     * actor may see it: a field the actor's role hides is blank, so it is missing for the matcher (it neither scores
     * a pair nor appears in a reason).
     */
    public List<dev.crmkit.core.duplicate.DuplicateRecord> duplicateRecords() {
        List<dev.crmkit.core.duplicate.DuplicateRecord> out = new java.util.ArrayList<>();
        AccessFilter filter = filter(RecordType.CONTACT);
        PageRequest page = PageRequest.first(500);
        while (true) {
            Page<Contact> contacts = visible.contacts(filter, page);
            contacts.items().forEach(c -> out.add(dev.crmkit.core.duplicate.StoreRecords.of(shown(c))));
            Optional<PageRequest> next = page.next(contacts);
            if (next.isEmpty()) {
                return out;
            }
            page = next.get();
        }
    }

    /**
     * Merges contacts if the actor may view each of them and holds {@link Permission#MERGE} on each, in one unit of
     * work with the decisions; otherwise merges nothing and returns the first refusal, which names the permission and
     * the record ({@code "merge contact:..."}; a contact the actor may not view is "not found"). The audit trail names
     * this view's actor.
     *
     * <p>The contacts are locked (in id order) before the decisions, as for {@link #change(Permission, RecordRef,
     * Supplier)}. The merge rewrites the survivor from the others: when that alters a field of the survivor the actor's
     * role may only read or not see, the merge is undone and refused naming the field and the survivor
     * ({@code "edit field contact.customFields.secret of contact:..."}). The outcome's contacts are shown as the actor
     * sees them ({@link #fields()}).
     *
     * @throws RefusedChangeException when the view joins a unit of work the caller runs and the merge altered a field
     *                                the actor may not change: the caller's unit must be rolled back
     */
    public Guarded<dev.crmkit.core.merge.MergeOutcome> mergeContacts(dev.crmkit.core.merge.MergeContacts command) {
        Objects.requireNonNull(command, "command");
        boolean joined = store.transactions().inUnitOfWork();
        try {
            return store.transactions().inTransaction(() -> {
                List<AccessDecision.Allowed> allowed = new java.util.ArrayList<>();
                java.util.TreeSet<ContactId> ids = new java.util.TreeSet<>(
                        java.util.Comparator.comparing(ContactId::value)); // locked in one order: no deadlock
                ids.addAll(command.contacts());
                command.survivor().ifPresent(ids::add);
                Map<ContactId, Contact> locked = new java.util.HashMap<>();
                for (ContactId id : ids) {
                    // locked before the decision, as change does: a reassignment cannot slip in between
                    Optional<Contact> held = store.contacts().lockById(id);
                    held.ifPresent(c -> locked.put(c.id(), c));
                    AccessDecision decision = decideVisible(Permission.MERGE, ref(RecordType.CONTACT, id.value()),
                            held.map(AccessRecord::of));
                    if (decision instanceof AccessDecision.Refused refused) {
                        return Guarded.<dev.crmkit.core.merge.MergeOutcome>refused(refused);
                    }
                    allowed.add((AccessDecision.Allowed) decision);
                }
                dev.crmkit.core.merge.MergeOutcome outcome = crm.actingAs(actor, () -> crm.merging().merge(command));
                if (outcome instanceof dev.crmkit.core.merge.MergeOutcome.Merged merged) {
                    // the merge rewrites the survivor's fields from the others: an edit like any other
                    Contact survivor = merged.survivor();
                    Contact before = locked.get(survivor.id());
                    if (before != null) {
                        refuseLockedChanges(ref(RecordType.CONTACT, survivor.id().value()), before, survivor, joined);
                    }
                    ContactMerge merge = merged.merge();
                    outcome = new dev.crmkit.core.merge.MergeOutcome.Merged(new ContactMerge(merge.id(),
                            shown(merge.survivorBefore()), merge.survivorVersionAfter(),
                            merge.mergedAway().stream().map(this::shown).toList(), merge.repointed(),
                            merge.activityId(), merge.mergedAt(), merge.undoneAt()), shown(survivor));
                }
                return Guarded.done(allowed.get(0), outcome);
            });
        } catch (Undone undone) {
            return Guarded.refused(undone.refusal);
        }
    }

    /**
     * The personal-data export ({@link dev.crmkit.core.privacy.PersonalDataRights#export}) of the person the key
     * names, if the actor may view their contact; it is made only when the actor also holds {@link Permission#EXPORT}
     * on the contact, and otherwise refused naming the permission and the contact; it is refused, too, when the
     * actor's role hides a field of a record type the document holds ({@link
     * dev.crmkit.core.access.ExportAccess#hiddenFields}: a right-of-access document with fields left out would be
     * incomplete without saying so), naming the role and the fields. Empty when nobody is stored under
     * the key or the actor may not view the contact ("not found"). The export is audited as this view's actor's. Its
     * timeline entries withhold the hidden values of the other records they are about (a company whose fields the
     * role hides), as {@link #timeline(RecordRef, PageRequest)} does.
     *
     * @throws dev.crmkit.core.kernel.ValidationException (rule {@code hidden-field}) when the key is an e-mail or a
     *         phone and the actor's role hides {@code contact.emails} or {@code contact.phones}, before anything is
     *         looked up, as {@link #contactByEmail} and {@link #contactByPhone} do: the answer would confirm the value
     */
    public Optional<Guarded<dev.crmkit.core.privacy.PersonalRecords>> exportPersonalData(
            dev.crmkit.core.privacy.PersonKey key) {
        Objects.requireNonNull(key, "key");
        // found (refused or made) or not (empty) would confirm a value the role hides, as contactByEmail would
        if (key instanceof dev.crmkit.core.privacy.PersonKey.ByEmail) {
            readable(RecordType.CONTACT, "emails", "email");
        } else if (key instanceof dev.crmkit.core.privacy.PersonKey.ByPhone) {
            readable(RecordType.CONTACT, "phones", "phone");
        }
        Optional<Contact> contact = crm.personalData().find(key).filter(c -> mayView(AccessRecord.of(c)));
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        dev.crmkit.core.privacy.PersonKey exact = new dev.crmkit.core.privacy.PersonKey.ByContact(contact.get().id());
        RecordRef ref = ref(RecordType.CONTACT, contact.get().id().value());
        if (decideVisible(Permission.EXPORT, ref) instanceof AccessDecision.Allowed) {
            Optional<AccessDecision.Refused> hidden = dev.crmkit.core.access.ExportAccess.hiddenFields(policy, actor,
                    Permission.EXPORT.name().toLowerCase(java.util.Locale.ROOT) + " " + ref,
                    dev.crmkit.core.access.ExportAccess.PERSONAL_DATA);
            if (hidden.isPresent()) {
                return Optional.of(Guarded.refused(hidden.get()));
            }
        }
        Guarded<dev.crmkit.core.privacy.PersonalRecords> made = change(Permission.EXPORT, ref(RecordType.CONTACT,
                contact.get().id().value()), () -> crm.personalData().export(exact).orElseThrow());
        if (!made.allowed()) {
            return Optional.of(made);
        }
        // its timeline entries may be about records of types the refusal above does not cover (a company)
        dev.crmkit.core.privacy.PersonalRecords r = made.value().orElseThrow();
        return Optional.of(Guarded.done((AccessDecision.Allowed) made.decision(),
                new dev.crmkit.core.privacy.PersonalRecords(r.contact(), r.records(), r.leads(), r.scores(),
                        shownEntries(r.timeline(), ref), r.tasks(), r.audit(), r.consents(), r.mergedLeads())));
    }

    /**
     * {@link #decide}, but a record the actor may not view is refused as "not found" whatever the permission, so
     * that a refusal does not reveal it.
     */
    private AccessDecision decideVisible(Permission permission, RecordRef record) {
        return decideVisible(permission, record, find(Objects.requireNonNull(record, "record")));
    }

    private AccessDecision decideVisible(Permission permission, RecordRef record, Optional<AccessRecord> stored) {
        // the id of a record merged away reads as its survivor (findById, lockById): decide on the survivor, as
        // stored; a refusal to view still names only the id asked for, not the survivor the actor may not see
        RecordRef target = stored.map(AccessRecord::ref).filter(r -> r.type() == record.type()).orElse(record);
        AccessDecision view = decide(Permission.VIEW, target, stored);
        if (!view.allowed()) {
            return new AccessDecision.Refused(actor, permission.name().toLowerCase(java.util.Locale.ROOT) + " "
                    + record, "there is no " + record);
        }
        return permission == Permission.VIEW ? view : decide(permission, target, stored);
    }

    private static RecordRef ref(RecordType type, java.util.UUID id) {
        return new RecordRef(type, id);
    }

    private Optional<AccessRecord> find(RecordRef record) {
        return findRecord(record).map(ScopedCrm::access);
    }

    private Optional<Record> findRecord(RecordRef record) {
        switch (record.type()) {
            case CONTACT:
                return store.contacts().findById(new ContactId(record.id())).map(Record.class::cast);
            case COMPANY:
                return store.companies().findById(new CompanyId(record.id())).map(Record.class::cast);
            case LEAD:
                return store.leads().findById(new LeadId(record.id())).map(Record.class::cast);
            case TASK:
                return store.tasks().findById(new TaskId(record.id())).map(Record.class::cast);
            default:
                throw notHere(record);
        }
    }

    /** The record, locked for the running unit of work ({@code lockById} of its store). */
    private Optional<Record> lock(RecordRef record) {
        switch (record.type()) {
            case CONTACT:
                return store.contacts().lockById(new ContactId(record.id())).map(Record.class::cast);
            case COMPANY:
                return store.companies().lockById(new CompanyId(record.id())).map(Record.class::cast);
            case LEAD:
                return store.leads().lockById(new LeadId(record.id())).map(Record.class::cast);
            case TASK:
                return store.tasks().lockById(new TaskId(record.id())).map(Record.class::cast);
            default:
                throw notHere(record);
        }
    }

    private static IllegalArgumentException notHere(RecordRef record) {
        return new IllegalArgumentException("record: " + record.type()
                + " records are decided on by the module that keeps them");
    }

    private static AccessRecord access(Record record) {
        if (record instanceof Contact c) {
            return AccessRecord.of(c);
        } else if (record instanceof Company c) {
            return record(c);
        } else if (record instanceof Lead l) {
            return AccessRecord.of(l);
        }
        return AccessRecord.of((Task) record);
    }

    private Contact shown(Contact contact) {
        return redaction.redact(RecordType.CONTACT, contact);
    }

    private Company shown(Company company) {
        return redaction.redact(RecordType.COMPANY, company);
    }

    private Lead shown(Lead lead) {
        return redaction.redact(RecordType.LEAD, lead);
    }

    private Task shown(Task task) {
        return redaction.redact(RecordType.TASK, task);
    }

    /**
     * What a change returned, as the actor may see it: a contact, company, lead or task (or a lead's move) shown; a
     * contact, company or lead edit's outcome with only the candidates and reasons the actor may see.
     */
    @SuppressWarnings("unchecked")
    private <T> T shownValue(T value) {
        Object out = value;
        if (value instanceof Contact c) {
            out = shown(c);
        } else if (value instanceof Company c) {
            out = shown(c);
        } else if (value instanceof Lead l) {
            out = shown(l);
        } else if (value instanceof Task t) {
            out = shown(t);
        } else if (value instanceof LeadStatusChange.Changed changed) {
            out = new LeadStatusChange.Changed(shown(changed.lead()), changed.event());
        } else if (value instanceof CompanyOutcome outcome) {
            out = shown(outcome);
        } else if (value instanceof dev.crmkit.core.customer.LeadOutcome outcome) {
            out = shown(outcome);
        } else if (value instanceof dev.crmkit.core.customer.ContactOutcome outcome) {
            out = shown(outcome);
        }
        return (T) out;
    }

    /**
     * A company edit's outcome as the actor may see it: the saved company shown ({@link #fields()}), and only the
     * suspected duplicates the actor may view. An alert whose candidates are all hidden reads as saved. A block keeps
     * the candidates it was refused for, as the refusal's reason, but those the actor may not view only by id and
     * score: their reasons quote the other company's names and legal numbers. A candidate the actor may view keeps
     * only the reasons on fields the role shows ({@link #shownReasons}).
     */
    private CompanyOutcome shown(CompanyOutcome outcome) {
        if (outcome instanceof CompanyOutcome.Saved saved) {
            return new CompanyOutcome.Saved(shown(saved.saved()));
        } else if (outcome instanceof CompanyOutcome.Alerted alerted) {
            List<CompanyCandidate> seen = alerted.candidates().stream().filter(this::mayView).map(this::shownReasons)
                    .toList();
            return seen.isEmpty() ? new CompanyOutcome.Saved(shown(alerted.saved()))
                    : new CompanyOutcome.Alerted(shown(alerted.saved()), seen);
        }
        CompanyOutcome.Blocked blocked = (CompanyOutcome.Blocked) outcome;
        return new CompanyOutcome.Blocked(blocked.candidates().stream().map(c -> mayView(c) ? shownReasons(c)
                : new CompanyCandidate(c.companyId(), c.score(), List.of())).toList());
    }

    /**
     * A contact edit's outcome as the actor may see it, as {@link #shown(CompanyOutcome)} for companies: the contact
     * shown, an alert only with the candidates the actor may view (reads as saved when none is left), a block with
     * those the actor may not view by id and score only, and each candidate's reasons only on fields the role shows.
     */
    private dev.crmkit.core.customer.ContactOutcome shown(dev.crmkit.core.customer.ContactOutcome outcome) {
        if (outcome instanceof dev.crmkit.core.customer.ContactOutcome.Saved saved) {
            return new dev.crmkit.core.customer.ContactOutcome.Saved(shown(saved.saved()));
        } else if (outcome instanceof dev.crmkit.core.customer.ContactOutcome.Alerted alerted) {
            List<dev.crmkit.core.duplicate.DuplicateCandidate> seen = alerted.candidates().stream()
                    .filter(this::mayView).map(this::shownReasons).toList();
            return seen.isEmpty() ? new dev.crmkit.core.customer.ContactOutcome.Saved(shown(alerted.saved()))
                    : new dev.crmkit.core.customer.ContactOutcome.Alerted(shown(alerted.saved()), seen,
                    alerted.limitReached());
        }
        dev.crmkit.core.customer.ContactOutcome.Blocked blocked =
                (dev.crmkit.core.customer.ContactOutcome.Blocked) outcome;
        return new dev.crmkit.core.customer.ContactOutcome.Blocked(blocked.candidates().stream().map(c -> mayView(c)
                ? shownReasons(c) : new dev.crmkit.core.duplicate.DuplicateCandidate(c.contactId(), c.score(),
                List.of())).toList(), blocked.limitReached());
    }

    /** A lead edit's outcome as the actor may see it, as {@link #shown(CompanyOutcome)} for companies. */
    private dev.crmkit.core.customer.LeadOutcome shown(dev.crmkit.core.customer.LeadOutcome outcome) {
        if (outcome instanceof dev.crmkit.core.customer.LeadOutcome.Saved saved) {
            return new dev.crmkit.core.customer.LeadOutcome.Saved(shown(saved.saved()));
        } else if (outcome instanceof dev.crmkit.core.customer.LeadOutcome.Alerted alerted) {
            List<dev.crmkit.core.duplicate.LeadCandidate> seen = alerted.candidates().stream()
                    .filter(this::mayView).map(this::shownReasons).toList();
            return seen.isEmpty() ? new dev.crmkit.core.customer.LeadOutcome.Saved(shown(alerted.saved()))
                    : new dev.crmkit.core.customer.LeadOutcome.Alerted(shown(alerted.saved()), seen,
                    alerted.limitReached());
        }
        dev.crmkit.core.customer.LeadOutcome.Blocked blocked = (dev.crmkit.core.customer.LeadOutcome.Blocked) outcome;
        return new dev.crmkit.core.customer.LeadOutcome.Blocked(blocked.candidates().stream().map(c -> mayView(c)
                ? shownReasons(c) : new dev.crmkit.core.duplicate.LeadCandidate(c.leadId(), c.score(), List.of()))
                .toList(), blocked.limitReached());
    }

    private dev.crmkit.core.duplicate.LeadCandidate shownReasons(dev.crmkit.core.duplicate.LeadCandidate candidate) {
        return new dev.crmkit.core.duplicate.LeadCandidate(candidate.leadId(), candidate.score(),
                shownReasons(RecordType.LEAD, candidate.reasons()));
    }

    private CompanyCandidate shownReasons(CompanyCandidate candidate) {
        return new CompanyCandidate(candidate.companyId(), candidate.score(),
                shownReasons(RecordType.COMPANY, candidate.reasons()));
    }

    private dev.crmkit.core.duplicate.DuplicateCandidate shownReasons(
            dev.crmkit.core.duplicate.DuplicateCandidate candidate) {
        return new dev.crmkit.core.duplicate.DuplicateCandidate(candidate.contactId(), candidate.score(),
                shownReasons(RecordType.CONTACT, candidate.reasons()));
    }

    /**
     * The fields of each record type a matcher's reason compares ({@link dev.crmkit.core.duplicate.StoreRecords}):
     * a reason quotes both records' values of them. A company's identifier reason may quote its tax or its
     * registration number.
     */
    private static final Map<RecordType, Map<dev.crmkit.core.duplicate.Field, Set<String>>> REASON_FIELDS = Map.of(
            RecordType.CONTACT, Map.of(dev.crmkit.core.duplicate.Field.FIRST_NAME, Set.of("name"),
                    dev.crmkit.core.duplicate.Field.LAST_NAME, Set.of("name"),
                    dev.crmkit.core.duplicate.Field.EMAIL, Set.of("emails"),
                    dev.crmkit.core.duplicate.Field.PHONE, Set.of("phones"),
                    dev.crmkit.core.duplicate.Field.BIRTHDAY, Set.of("birthday"),
                    dev.crmkit.core.duplicate.Field.STREET, Set.of("addresses"),
                    dev.crmkit.core.duplicate.Field.PLACE, Set.of("addresses")),
            RecordType.COMPANY, Map.of(dev.crmkit.core.duplicate.Field.COMPANY_NAME, Set.of("name"),
                    dev.crmkit.core.duplicate.Field.IDENTIFIER, Set.of("taxNumber", "registrationNumber"),
                    dev.crmkit.core.duplicate.Field.STREET, Set.of("legalAddress"),
                    dev.crmkit.core.duplicate.Field.PLACE, Set.of("legalAddress")),
            RecordType.LEAD, Map.of(dev.crmkit.core.duplicate.Field.FIRST_NAME, Set.of("name"),
                    dev.crmkit.core.duplicate.Field.LAST_NAME, Set.of("name"),
                    dev.crmkit.core.duplicate.Field.COMPANY_NAME, Set.of("companyName"),
                    dev.crmkit.core.duplicate.Field.EMAIL, Set.of("email"),
                    dev.crmkit.core.duplicate.Field.PHONE, Set.of("phone")));

    /**
     * A candidate's reasons without those that compare a field of the record type the actor's role hides: a reason
     * quotes both records' values (the candidate's and the edited record's). A reason on a field no field of the type
     * stands for is left out whenever the role hides any field of the type; all are kept when it hides none. One rule
     * for contact, company and lead edits.
     */
    private List<dev.crmkit.core.duplicate.Reason> shownReasons(RecordType type,
                                                                List<dev.crmkit.core.duplicate.Reason> reasons) {
        Set<String> hidden = fields().hidden(type);
        if (hidden.isEmpty()) {
            return reasons;
        }
        Map<dev.crmkit.core.duplicate.Field, Set<String>> compared = REASON_FIELDS.get(type);
        return reasons.stream().filter(r -> {
            Set<String> quoted = compared.get(r.field());
            return quoted != null && quoted.stream().noneMatch(hidden::contains);
        }).toList();
    }

    private boolean mayView(dev.crmkit.core.duplicate.DuplicateCandidate candidate) {
        return find(ref(RecordType.CONTACT, candidate.contactId().value())).map(this::mayView).orElse(false);
    }

    private boolean mayView(dev.crmkit.core.duplicate.LeadCandidate candidate) {
        return find(ref(RecordType.LEAD, candidate.leadId().value())).map(this::mayView).orElse(false);
    }

    private boolean mayView(CompanyCandidate candidate) {
        return mayView(AccessRecord.of(RecordType.COMPANY, candidate.companyId().value(), Optional.empty()));
    }

    private static AccessRecord record(Company company) {
        return AccessRecord.of(RecordType.COMPANY, company.id().value(), Optional.empty());
    }

    private boolean mayView(AccessRecord record) {
        return policy.decide(actor, Permission.VIEW, record, store.shares().of(record.ref())).allowed();
    }

    /** Refuses a lookup or filter on a field the actor's role hides ({@link AccessPolicy#checkFilter}). */
    private void readable(RecordType type, String field, String parameter) {
        policy.checkFilter(actor, new FieldRef(type, field), parameter);
    }

    private AccessFilter filter(RecordType type) {
        return policy.filter(actor, type, Permission.VIEW);
    }
}
