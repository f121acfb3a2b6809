package dev.crmkit.core.capture;

import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.Tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stores a chunk's captures run against: what {@link CaptureBatches#find} read, plus what the chunk's earlier
 * captures staged, answering the queries capture asks exactly as the store would after those captures, without a
 * round trip. Writes go to {@link CaptureWrites}. Capture asks only the queries below; the ports' other queries
 * (listings, counts, timelines) are not part of a capture and throw {@link UnsupportedOperationException}. Not
 * thread-safe: one chunk, one thread.
 */
final class CaptureStage {

    private final CaptureBatches store;
    private final CaptureWrites writes = new CaptureWrites();
    private final Map<ContactId, Contact> contacts = new HashMap<>();
    /** Ids that resolve to another contact (merged away): asked id to the contact's own id. */
    private final Map<ContactId, ContactId> aliases = new HashMap<>();
    private final Map<String, ContactId> points = new HashMap<>();
    private final Map<LeadId, Lead> leads = new HashMap<>();
    private final Set<LeadId> stagedLeads = new HashSet<>();
    private final Map<String, LeadId> externalIds = new HashMap<>();
    private final Map<EmailAddress, LeadId> openByEmail = new HashMap<>();
    private final Map<PhoneNumber, LeadId> openByPhone = new HashMap<>();
    private final Map<WebDomain, Company> companiesByDomain = new HashMap<>();
    private final Map<String, Company> companiesByName = new HashMap<>();
    private final Map<RecordRef, List<Task>> openTasks = new HashMap<>();

    /** How often {@link #held} reads the chunk's keys again when the people behind their leads changed meanwhile. */
    private static final int HOLD_ATTEMPTS = 3;

    /**
     * The stage of a chunk, with every person it may meet locked: the contacts {@link CaptureBatches#find} found by
     * e-mail or phone (locked by it), and the people behind the leads it found, whose rows it locks afterwards (in the
     * order of their ids). The leads were read before those locks: an erasure (or an edit) that committed while the
     * chunk waited for a row may have taken the e-mail or phone off the lead it was found by. So once it held new rows
     * the stage reads the keys again, under the locks, and meets the people as a capture one by one would after the
     * erasure (a new person, flagged as suppressed), never the anonymized contact filled again with a submission's
     * values; a lead that now names another unheld person holds that one too. People that keep changing through
     * {@value #HOLD_ATTEMPTS} reads are a {@link ConflictException} (the chunk's unit of work runs again).
     */
    static CaptureStage held(CaptureBatches store, CaptureBatches.Keys keys) {
        CaptureBatches.Found found = store.find(keys);
        Map<ContactId, Optional<Contact>> behind = new HashMap<>();
        for (int attempt = 1; ; attempt++) {
            TreeSet<ContactId> unheld = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
            unheld.addAll(peopleBehindLeads(found));
            found.contactsByEmail().values().forEach(c -> unheld.remove(c.id()));
            found.contactsByPhone().values().forEach(c -> unheld.remove(c.id()));
            unheld.removeAll(behind.keySet());
            if (unheld.isEmpty()) {
                return new CaptureStage(store, found, behind);
            }
            if (attempt == HOLD_ATTEMPTS) {
                throw new ConflictException("the people behind the leads a chunk's keys meet changed "
                        + HOLD_ATTEMPTS + " times while the chunk waited for their rows; capture again", null);
            }
            for (ContactId id : unheld) {
                behind.put(id, store.lockContact(id));
            }
            // read again under the locks: what the leads hold now is what counts
            found = store.find(keys);
        }
    }

    /** The contacts of the leads found (by external id and open by e-mail or phone). */
    private static Set<ContactId> peopleBehindLeads(CaptureBatches.Found found) {
        Set<ContactId> out = new HashSet<>();
        found.leadsByExternalId().values().forEach(l -> out.add(l.contactId()));
        found.openLeadsByEmail().values().forEach(l -> out.add(l.contactId()));
        found.openLeadsByPhone().values().forEach(l -> out.add(l.contactId()));
        return out;
    }

    private CaptureStage(CaptureBatches store, CaptureBatches.Found found, Map<ContactId, Optional<Contact>> behind) {
        this.store = store;
        found.contactsByEmail().forEach((email, c) -> know(c));
        found.contactsByPhone().forEach((phone, c) -> know(c));
        found.contactsByEmail().forEach((email, c) -> points.put(point(email), c.id()));
        found.contactsByPhone().forEach((phone, c) -> points.put(point(phone), c.id()));
        found.leadsByExternalId().forEach((x, l) -> {
            leads.putIfAbsent(l.id(), l);
            externalIds.put(x, l.id());
        });
        found.openLeadsByEmail().forEach((email, l) -> {
            leads.putIfAbsent(l.id(), l);
            openByEmail.put(email, l.id());
        });
        found.openLeadsByPhone().forEach((phone, l) -> {
            leads.putIfAbsent(l.id(), l);
            openByPhone.put(phone, l.id());
        });
        companiesByDomain.putAll(found.companiesByDomain());
        found.companiesByName().forEach((name, c) -> companiesByName.put(Company.nameKey(name), c));
        // the people behind the leads, held by held() as capture holds them before deciding
        behind.forEach((id, locked) -> locked.ifPresent(c -> {
            know(c);
            if (!c.id().equals(id)) {
                aliases.put(id, c.id());
            }
        }));
        List<RecordRef> refs = leads.keySet().stream().map(id -> new RecordRef(
                dev.crmkit.core.kernel.RecordType.LEAD, id.value())).toList();
        store.openTasksAbout(refs).forEach((ref, tasks) -> openTasks.put(ref, new ArrayList<>(tasks)));
    }

    private void know(Contact c) {
        contacts.putIfAbsent(c.id(), c);
    }

    CaptureWrites writes() {
        return writes;
    }

    private static String point(EmailAddress email) {
        return "e:" + email.value();
    }

    private static String point(PhoneNumber phone) {
        return "p:" + phone;
    }

    private static Set<String> pointsOf(Contact c) {
        Set<String> all = new TreeSet<>();
        c.emails().forEach(e -> all.add(point(e)));
        c.phones().forEach(p -> all.add(point(p)));
        return all;
    }

    private static UnsupportedOperationException notInCapture() {
        return new UnsupportedOperationException("a bulk capture's staging area answers only capture's queries");
    }

    /** The staged contacts. */
    final class StagedContacts implements Contacts {
        @Override
        public Optional<Contact> findById(ContactId id) {
            return Optional.ofNullable(contacts.get(aliases.getOrDefault(id, id)));
        }

        @Override
        public Optional<Contact> lockById(ContactId id) {
            return findById(id); // the stage holds every contact it knows locked (CaptureBatches#find)
        }

        @Override
        public Optional<Contact> findByEmail(EmailAddress email) {
            return Optional.ofNullable(points.get(point(email))).map(contacts::get);
        }

        @Override
        public Optional<Contact> findByPhone(PhoneNumber phone) {
            return Optional.ofNullable(points.get(point(phone))).map(contacts::get);
        }

        @Override
        public Contact insertOrGet(Contact candidate) {
            for (String p : pointsOf(candidate)) {
                ContactId holder = points.get(p);
                if (holder != null) {
                    return contacts.get(holder);
                }
            }
            Contact stored = candidate.atVersion(1);
            contacts.put(stored.id(), stored);
            pointsOf(stored).forEach(p -> points.put(p, stored.id()));
            writes.insertedContact(candidate, stored);
            return stored;
        }

        @Override
        public Contact update(Contact contact) {
            Contact before = contacts.get(contact.id());
            if (before == null || before.version() != contact.version()) {
                throw new ConflictException("contact " + contact.id() + " changed during the chunk", null);
            }
            for (String p : pointsOf(contact)) {
                ContactId holder = points.get(p);
                if (holder != null && !holder.equals(contact.id())) {
                    throw ValidationException.of(p.startsWith("e:") ? "emails" : "phones", "unique",
                            p.substring(2) + " already belongs to contact " + holder);
                }
            }
            pointsOf(before).forEach(points::remove);
            Contact stored = contact.atVersion(contact.version() + 1);
            contacts.put(stored.id(), stored);
            pointsOf(stored).forEach(p -> points.put(p, stored.id()));
            writes.updatedContact(contact, stored);
            return stored;
        }

        @Override
        public Page<Contact> findByCompany(CompanyId companyId, PageRequest page) {
            throw notInCapture();
        }

        @Override
        public Page<Contact> findAll(PageRequest page) {
            throw notInCapture();
        }

        @Override
        public long count() {
            throw notInCapture();
        }
    }

    /** The staged leads. */
    final class StagedLeads implements Leads {
        @Override
        public Optional<Lead> findById(LeadId id) {
            return Optional.ofNullable(leads.get(id));
        }

        @Override
        public Optional<Lead> lockById(LeadId id) {
            throw notInCapture();
        }

        @Override
        public Optional<Lead> findByExternalId(String externalId) {
            return Optional.ofNullable(externalIds.get(externalId)).map(leads::get);
        }

        @Override
        public Optional<Lead> findOpenByEmail(EmailAddress email) {
            return Optional.ofNullable(openByEmail.get(email)).map(leads::get);
        }

        @Override
        public Optional<Lead> findOpenByPhone(PhoneNumber phone) {
            return Optional.ofNullable(openByPhone.get(phone)).map(leads::get);
        }

        @Override
        public Lead insertOrGet(Lead candidate) {
            for (String x : candidate.externalIds()) {
                LeadId holder = externalIds.get(x);
                if (holder != null) {
                    return leads.get(holder);
                }
            }
            Lead stored = candidate.atVersion(1);
            stagedLeads.add(stored.id());
            index(stored);
            writes.insertedLead(candidate, stored);
            return stored;
        }

        @Override
        public Lead update(Lead lead) {
            Lead before = leads.get(lead.id());
            if (before == null || before.version() != lead.version()) {
                throw new ConflictException("lead " + lead.id() + " changed during the chunk", null);
            }
            for (String x : lead.externalIds()) {
                LeadId holder = externalIds.get(x);
                if (holder != null && !holder.equals(lead.id())) {
                    throw ValidationException.of("externalIds", "unique", x + " already belongs to lead " + holder);
                }
            }
            Lead stored = lead.atVersion(lead.version() + 1);
            unindex(before);
            index(stored);
            writes.updatedLead(lead, stored);
            return stored;
        }

        /**
         * Puts a lead where the store's queries find it: its external ids, and, while open, its e-mail and phone if
         * it is the most recent open lead of them (the later of two with the same creation time was stored later).
         */
        private void index(Lead lead) {
            leads.put(lead.id(), lead);
            lead.externalIds().forEach(x -> externalIds.put(x, lead.id()));
            if (lead.isOpen()) {
                lead.email().ifPresent(e -> openByEmail.merge(e, lead.id(), this::later));
                lead.phone().ifPresent(p -> openByPhone.merge(p, lead.id(), this::later));
            }
        }

        private void unindex(Lead lead) {
            lead.externalIds().forEach(x -> externalIds.remove(x, lead.id()));
            lead.email().ifPresent(e -> openByEmail.remove(e, lead.id()));
            lead.phone().ifPresent(p -> openByPhone.remove(p, lead.id()));
        }

        private LeadId later(LeadId held, LeadId other) {
            if (held.equals(other)) {
                return held;
            }
            Instant a = leads.get(held).createdAt();
            Instant b = leads.get(other).createdAt();
            if (b.isAfter(a)) {
                return other;
            }
            return b.equals(a) && stagedLeads.contains(other) ? other : held;
        }

        @Override
        public Page<Lead> findByStatus(LeadStatus status, PageRequest page) {
            throw notInCapture();
        }

        @Override
        public Page<Lead> findByOwner(UserId owner, PageRequest page) {
            throw notInCapture();
        }

        @Override
        public Page<Lead> findAll(PageRequest page) {
            throw notInCapture();
        }

        @Override
        public long count() {
            throw notInCapture();
        }
    }

    /** The staged companies. */
    final class StagedCompanies implements Companies {
        @Override
        public Optional<Company> findById(CompanyId id) {
            throw notInCapture();
        }

        @Override
        public Optional<Company> lockById(CompanyId id) {
            throw notInCapture();
        }

        @Override
        public Optional<Company> findByDomain(WebDomain domain) {
            return Optional.ofNullable(companiesByDomain.get(domain));
        }

        @Override
        public Optional<Company> findByName(String name) {
            return Optional.ofNullable(companiesByName.get(Company.nameKey(name)));
        }

        @Override
        public Company insertOrGet(Company candidate) {
            if (candidate.webDomain().isPresent() && companiesByDomain.containsKey(candidate.webDomain().get())) {
                return companiesByDomain.get(candidate.webDomain().get());
            }
            Company stored = candidate.atVersion(1);
            stored.webDomain().ifPresent(d -> companiesByDomain.put(d, stored));
            companiesByName.putIfAbsent(stored.nameKey(), stored);
            writes.insertedCompany(candidate, stored);
            return stored;
        }

        @Override
        public Company update(Company company) {
            throw notInCapture();
        }

        @Override
        public Page<Company> findAll(PageRequest page) {
            throw notInCapture();
        }

        @Override
        public long count() {
            throw notInCapture();
        }
    }

    /** The staged timeline: appends only. */
    final class StagedActivities implements Activities {
        @Override
        public void append(Activity activity) {
            writes.appended(activity);
        }

        @Override
        public Optional<Activity> findById(ActivityId id) {
            throw notInCapture();
        }

        @Override
        public Page<Activity> timeline(RecordRef record, TimelineFilter filter, PageRequest page) {
            throw notInCapture();
        }
    }

    /** The staged tasks: inserts, and the open tasks about a lead. */
    final class StagedTasks implements Tasks {
        @Override
        public Task insert(Task task) {
            Task stored = task.atVersion(1);
            stored.relatedTo().ifPresent(r -> openTasks.computeIfAbsent(r, k -> new ArrayList<>()).add(stored));
            writes.inserted(task);
            return stored;
        }

        @Override
        public List<Task> openAbout(RecordRef record) {
            return List.copyOf(openTasks.getOrDefault(record, List.of()));
        }

        @Override
        public Task update(Task task) {
            throw notInCapture();
        }

        @Override
        public Optional<Task> lockById(TaskId id) {
            throw notInCapture();
        }

        @Override
        public Optional<Task> findById(TaskId id) {
            throw notInCapture();
        }

        @Override
        public List<Task> openDueBefore(UserId assignee, Instant before, int limit) {
            throw notInCapture();
        }

        @Override
        public List<Task> openWithReminderBefore(Instant before, int limit) {
            throw notInCapture();
        }
    }
}
