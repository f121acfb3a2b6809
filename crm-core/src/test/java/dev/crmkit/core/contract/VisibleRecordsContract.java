package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.ScopedCrm;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.User;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access enforced on every read path of {@link Crm#as}, on one store: for generated populations (a tree of teams, a
 * hierarchy of roles with random scopes, users, random default accesses and shares; contacts, companies and leads
 * owned by users, by nobody or by a user the directory does not know), each actor (every user, a stranger and a
 * system process) sees through each query path exactly the records that {@link AccessPolicy#decide} allows with
 * {@link Permission#VIEW}: 0 leaks, 0 wrongly hidden, in the order of the unrestricted list, with full pages. The
 * query paths covered:
 * <ol>
 *   <li>contacts: {@code contact(id)}, {@code contactByEmail} and {@code contactByPhone} (each on every other
 *       contact), {@code contacts(page)} (every page), {@code contactsOf(company, page)} (every company, every
 *       page), {@code contactCount()};</li>
 *   <li>companies: {@code company(id)}, {@code companies(page)}, {@code companyCount()};</li>
 *   <li>leads: {@code lead(id)}, {@code leads(page)}, {@code leadsIn(status, page)} (every status),
 *       {@code leadsOf(owner, page)} (every user), {@code leadCount()};</li>
 *   <li>{@code decide(permission, record)} for every permission and every fifth record: equal to the policy's
 *       decision;</li>
 *   <li>timelines: {@code timeline(record, page)} and {@code timeline(record, types, page)} (every third record of
 *       each type, every page): for a record the actor may view, exactly the items {@link AccessPolicy#timelineItem}
 *       allows (public ones; private ones to their owner and their participants, by id or e-mail address), newest
 *       first, an item also about another record the actor may not view masked ({@link ScopedCrm#NOT_VISIBLE_ENTRY},
 *       that record's ref gone); for a record the actor may not view, not found;</li>
 *   <li>tasks (owned by their assignee, some shared): {@code task(id)} (every task), {@code tasksDueBefore(assignee,
 *       before, limit)} (every user, a limit that cuts and one that does not), {@code tasksAbout(record)} (every
 *       third record; not found for a hidden record).</li>
 * </ol>
 * Extend it with a class that returns a fresh, empty store. Tagged {@code visible-records}, so that one database's run
 * can be picked out of the JDBC suite ({@code -Dtest=H2StoreTest -Dgroups=visible-records}).
 */
@org.junit.jupiter.api.Tag("visible-records")
public abstract class VisibleRecordsContract {


    /**
     * Whether the actor's role (a stranger's: none, so every field that can be hidden is) hides the field: then the
     * lookup or filter on it is refused naming the field ({@code AccessPolicy.checkFilter}), whatever it would find.
     */
    private static boolean refusedIfHidden(AccessPolicy policy, Actor actor, RecordType type, String field,
                                           org.junit.jupiter.api.function.Executable read) {
        if (policy.field(actor, new dev.crmkit.core.access.FieldRef(type, field))
                != dev.crmkit.core.access.FieldAccess.HIDDEN) {
            return false;
        }
        dev.crmkit.core.kernel.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.crmkit.core.kernel.ValidationException.class, read, actor + " filters on " + type + "." + field);
        assertEquals("hidden-field", e.violations().get(0).rule());
        return true;
    }
    private static final int PAGE = 4;

    /** A fresh, empty store; called once per population. */
    protected abstract CrmStore newStore();

    /** The seeds of the populations; a store that is slow to fill may run fewer. */
    protected long[] seeds() {
        return new long[] {1, 2, 3};
    }

    @Test
    void everyQueryPath_showsExactlyWhatThePolicyAllows() {
        long decisions = 0;
        long allowed = 0;
        for (long seed : seeds()) {
            Population p = Population.store(newStore(), seed);
            Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
            AccessPolicy policy = AccessPolicy.of(p.pop.organization());
            assertEquals(p.pop.organization(), p.store.accessDirectory().organization());
            for (Actor actor : p.pop.actors()) {
                ScopedCrm view = crm.as(actor);
                Predicate<AccessRecord> may = r -> policy.decide(actor, Permission.VIEW, r,
                        p.pop.sharesOf(r.ref())).allowed();
                String who = "seed " + seed + ", " + actor;
                for (Contact c : p.contacts) {
                    Optional<Contact> expected = may.test(AccessRecord.of(c)) ? Optional.of(c) : Optional.empty();
                    assertEquals(expected, view.contact(c.id()), who + ", contact(" + c.id() + ")");
                    if (c.id().value().getLeastSignificantBits() % 2 == 0) {
                        if (!refusedIfHidden(policy, actor, RecordType.CONTACT, "emails",
                                () -> view.contactByEmail(c.emails().get(0)))) {
                            assertEquals(expected, view.contactByEmail(c.emails().get(0)), who + ", contactByEmail");
                        }
                    } else if (!refusedIfHidden(policy, actor, RecordType.CONTACT, "phones",
                            () -> view.contactByPhone(c.phones().get(0)))) {
                        assertEquals(expected, view.contactByPhone(c.phones().get(0)), who + ", contactByPhone");
                    }
                    decisions++;
                    allowed += expected.isPresent() ? 1 : 0;
                }
                List<Contact> contacts = visible(p.contacts, c -> may.test(AccessRecord.of(c)));
                assertEquals(contacts, readAll(view::contacts, PAGE), who + ", contacts(page)");
                assertEquals(contacts.size(), view.contactCount(), who + ", contactCount()");
                for (Company company : p.companies) {
                    List<Contact> of = visible(p.affiliated.get(company.id()), c -> may.test(AccessRecord.of(c)));
                    if (!refusedIfHidden(policy, actor, RecordType.CONTACT, "affiliations",
                            () -> view.contactsOf(company.id(), PageRequest.first(PAGE)))) {
                        assertEquals(of, readAll(r -> view.contactsOf(company.id(), r), PAGE),
                                who + ", contactsOf(" + company.id() + ")");
                    }
                    Optional<Company> expected = may.test(record(company)) ? Optional.of(company) : Optional.empty();
                    assertEquals(expected, view.company(company.id()), who + ", company(" + company.id() + ")");
                }
                List<Company> companies = visible(p.companies, c -> may.test(record(c)));
                assertEquals(companies, readAll(view::companies, PAGE), who + ", companies(page)");
                assertEquals(companies.size(), view.companyCount(), who + ", companyCount()");
                for (Lead lead : p.leads) {
                    Optional<Lead> expected = may.test(AccessRecord.of(lead)) ? Optional.of(lead) : Optional.empty();
                    assertEquals(expected, view.lead(lead.id()), who + ", lead(" + lead.id() + ")");
                }
                List<Lead> leads = visible(p.leads, l -> may.test(AccessRecord.of(l)));
                assertEquals(leads, readAll(view::leads, PAGE), who + ", leads(page)");
                assertEquals(leads.size(), view.leadCount(), who + ", leadCount()");
                for (LeadStatus status : LeadStatus.values()) {
                    assertEquals(visible(leads, l -> l.status() == status),
                            readAll(r -> view.leadsIn(status, r), PAGE), who + ", leadsIn(" + status + ")");
                }
                for (User user : p.pop.organization().users()) {
                    if (!refusedIfHidden(policy, actor, RecordType.LEAD, "owner",
                            () -> view.leadsOf(user.id(), PageRequest.first(PAGE)))) {
                        assertEquals(visible(leads, l -> l.owner().equals(Optional.of(user.id()))),
                                readAll(r -> view.leadsOf(user.id(), r), PAGE), who + ", leadsOf(" + user.id() + ")");
                    }
                }
                for (int n = 0; n < p.pop.records().size(); n += 5) {
                    AccessRecord r = p.pop.records().get(n);
                    AccessRecord stored = r.ref().type() == RecordType.COMPANY
                            ? new AccessRecord(r.ref(), Optional.empty()) : r;
                    // the stored shares (the generated ones, checked below) in the store's order, as grants list
                    List<dev.crmkit.core.access.Share> shares = p.store.shares().of(r.ref());
                    assertEquals(java.util.Set.copyOf(p.pop.sharesOf(r.ref())), java.util.Set.copyOf(shares));
                    for (Permission permission : Permission.values()) {
                        assertEquals(policy.decide(actor, permission, stored, shares),
                                view.decide(permission, r.ref()), who + ", decide(" + permission + ", " + r.ref()
                                        + ")");
                    }
                }
            }
        }
        assertTrue(allowed > 0 && allowed < decisions, "the populations decide both ways: " + allowed + " of "
                + decisions);
    }

    @Test
    void timelines_showExactlyTheItemsThePolicyAllows_ofTheRecordsTheActorMayView() {
        long items = 0;
        long seen = 0;
        long hiddenRecords = 0;
        long masked = 0;
        for (long seed : seeds()) {
            Population p = Population.store(newStore(), seed);
            Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
            AccessPolicy policy = AccessPolicy.of(p.pop.organization());
            List<AccessRecord> records = timelineRecords(p);
            Map<RecordRef, AccessRecord> byRef = new HashMap<>();
            records.forEach(r -> byRef.put(r.ref(), r));
            Map<RecordRef, List<Activity>> timelines = storeTimelines(p, records, seed);
            for (Actor actor : p.pop.actors()) {
                ScopedCrm view = crm.as(actor);
                String who = "seed " + seed + ", " + actor;
                for (AccessRecord r : records) {
                    boolean mayView = policy.decide(actor, Permission.VIEW, r, p.pop.sharesOf(r.ref())).allowed();
                    List<Activity> all = timelines.getOrDefault(r.ref(), List.of());
                    if (!mayView) {
                        hiddenRecords++;
                        assertEquals(Optional.empty(), view.timeline(r.ref(), PageRequest.first(PAGE)),
                                who + ", timeline(" + r.ref() + ") of a hidden record is not found");
                        continue;
                    }
                    Predicate<RecordRef> mayViewOther = o -> policy.decide(actor, Permission.VIEW, byRef.get(o),
                            p.pop.sharesOf(o)).allowed();
                    List<Activity> expected = visible(all, a -> policy.timelineItem(actor, a).allowed()).stream()
                            .map(a -> shownOn(r.ref(), a, mayViewOther)).toList();
                    masked += expected.stream().filter(a -> a.subject().equals(ScopedCrm.NOT_VISIBLE_ENTRY)).count();
                    assertEquals(expected, readAll(q -> view.timeline(r.ref(), q).orElseThrow(), PAGE),
                            who + ", timeline(" + r.ref() + ")");
                    Set<ActivityType> types = Set.of(ActivityType.CALL, ActivityType.EMAIL);
                    assertEquals(visible(expected, a -> types.contains(a.type())),
                            readAll(q -> view.timeline(r.ref(), types, q).orElseThrow(), PAGE),
                            who + ", timeline(" + r.ref() + ", " + types + ")");
                    items += all.size();
                    seen += expected.size();
                }
            }
        }
        assertTrue(seen > 0 && seen < items, "the populations show and hide items: " + seen + " of " + items);
        assertTrue(hiddenRecords > 0, "some timelines are of hidden records");
        assertTrue(masked > 0 && masked < seen, "some items are about another record the actor may not view: "
                + masked + " of " + seen);
    }

    /**
     * An item as a view shows it on {@code own}'s timeline, written out: when it is also about a record the actor may
     * not view, its subject and body are the fixed mask, its participants gone, and so are those records' refs.
     */
    private static Activity shownOn(RecordRef own, Activity a, Predicate<RecordRef> mayView) {
        Set<RecordRef> kept = new java.util.LinkedHashSet<>();
        for (RecordRef about : a.about()) {
            if (about.equals(own) || mayView.test(about)) {
                kept.add(about);
            }
        }
        if (kept.size() == a.about().size()) {
            return a;
        }
        return new Activity(a.id(), a.type(), ScopedCrm.NOT_VISIBLE_ENTRY, ScopedCrm.NOT_VISIBLE_ENTRY, a.direction(),
                a.occurredAt(), List.of(), kept, a.owner(), a.visibility(), a.recordedAt(), a.outcome(),
                a.duration());
    }

    @Test
    void tasks_showExactlyWhatThePolicyAllows_ofTheRecordsTheActorMayView() {
        long decisions = 0;
        long allowed = 0;
        long hiddenRecords = 0;
        for (long seed : seeds()) {
            Population p = Population.store(newStore(), seed);
            Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
            AccessPolicy policy = AccessPolicy.of(p.pop.organization());
            List<AccessRecord> records = timelineRecords(p);
            Map<RecordRef, List<dev.crmkit.core.access.Share>> taskShares = new HashMap<>();
            List<Task> tasks = storeTasks(p, records, taskShares, seed);
            List<Task> open = visible(tasks, Task::isOpen);
            java.time.Instant before = at(2_000 + tasks.size() / 2);
            for (Actor actor : p.pop.actors()) {
                ScopedCrm view = crm.as(actor);
                String who = "seed " + seed + ", " + actor;
                Predicate<Task> may = t -> policy.decide(actor, Permission.VIEW, AccessRecord.of(t),
                        taskShares.getOrDefault(AccessRecord.of(t).ref(), List.of())).allowed();
                for (Task t : tasks) {
                    Optional<Task> expected = may.test(t) ? Optional.of(t) : Optional.empty();
                    assertEquals(expected, view.task(t.id()), who + ", task(" + t.id() + ")");
                    decisions++;
                    allowed += expected.isPresent() ? 1 : 0;
                }
                for (User user : p.pop.organization().users()) {
                    List<Task> due = visible(open, t -> t.assignee().equals(user.id()) && t.due().isBefore(before)
                            && may.test(t));
                    assertEquals(due.subList(0, Math.min(2, due.size())), view.tasksDueBefore(user.id(), before, 2),
                            who + ", tasksDueBefore(" + user.id() + ", 2)");
                    assertEquals(due, view.tasksDueBefore(user.id(), before, 1_000),
                            who + ", tasksDueBefore(" + user.id() + ")");
                }
                for (AccessRecord r : records) {
                    if (refusedIfHidden(policy, actor, RecordType.TASK, "relatedTo", () -> view.tasksAbout(r.ref()))) {
                        continue;
                    }
                    if (!policy.decide(actor, Permission.VIEW, r, p.pop.sharesOf(r.ref())).allowed()) {
                        hiddenRecords++;
                        assertEquals(Optional.empty(), view.tasksAbout(r.ref()),
                                who + ", tasksAbout(" + r.ref() + ") of a hidden record is not found");
                        continue;
                    }
                    assertEquals(Optional.of(visible(open, t -> t.relatedTo().equals(Optional.of(r.ref()))
                            && may.test(t))), view.tasksAbout(r.ref()), who + ", tasksAbout(" + r.ref() + ")");
                }
            }
        }
        assertTrue(allowed > 0 && allowed < decisions, "the populations decide both ways: " + allowed + " of "
                + decisions);
        assertTrue(hiddenRecords > 0, "some records are hidden");
    }

    /**
     * Stores tasks assigned to users (and to a user the directory does not know), about the records or about nothing,
     * some closed, each due at its own time, and shares some of them with users and teams. Returns them earliest due
     * first, as stored.
     */
    private static List<Task> storeTasks(Population p, List<AccessRecord> records,
                                         Map<RecordRef, List<dev.crmkit.core.access.Share>> shares, long seed) {
        Random random = new Random(seed * 17);
        Fixtures fx = new Fixtures(seed + 200);
        List<User> users = List.copyOf(p.pop.organization().users());
        List<dev.crmkit.core.access.Team> teams = List.copyOf(p.pop.organization().teams());
        List<Task> made = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            dev.crmkit.core.kernel.UserId assignee = random.nextInt(10) == 0 ? dev.crmkit.core.kernel.UserId.of("gone")
                    : users.get(random.nextInt(users.size())).id();
            Fixtures.TaskBuilder b = fx.task().assignee(assignee).due(at(2_000 + i)).createdAt(at(0));
            if (random.nextInt(5) != 0) {
                b.about(records.get(random.nextInt(records.size())).ref());
            }
            Task t = b.build();
            if (random.nextInt(6) == 0) {
                t = new Task(t.id(), t.version(), t.title(), t.due(), t.remindAt(), t.assignee(), t.relatedTo(),
                        dev.crmkit.core.task.TaskStatus.DONE, Optional.of(at(1_500)), t.createdAt());
            }
            made.add(t);
            if (random.nextInt(3) == 0) {
                RecordRef ref = AccessRecord.of(t).ref();
                dev.crmkit.core.access.Grantee grantee = random.nextBoolean()
                        ? dev.crmkit.core.access.Grantee.user(users.get(random.nextInt(users.size())).id().value())
                        : dev.crmkit.core.access.Grantee.team(teams.get(random.nextInt(teams.size())).id().value());
                shares.computeIfAbsent(ref, k -> new ArrayList<>()).add(new dev.crmkit.core.access.Share(ref, grantee,
                        dev.crmkit.core.access.ShareLevel.values()[random.nextInt(2)]));
            }
        }
        List<Task> stored = new ArrayList<>();
        p.store.transactions().run(() -> {
            made.forEach(t -> stored.add(p.store.tasks().insert(t)));
            shares.values().forEach(list -> list.forEach(p.store.shares()::grant));
        });
        return stored;
    }

    /** Every third record of each type, unowned companies as the store holds them. */
    private static List<AccessRecord> timelineRecords(Population p) {
        List<AccessRecord> out = new ArrayList<>();
        for (int n = 0; n < p.pop.records().size(); n += 3) {
            AccessRecord r = p.pop.records().get(n);
            out.add(r.ref().type() == RecordType.COMPANY ? new AccessRecord(r.ref(), Optional.empty()) : r);
        }
        return out;
    }

    /**
     * Stores activities about the records: public and private, owned by users (known or not), with participants named
     * by user id, by e-mail address in another case and with spaces, by a near miss and by strangers' addresses, some
     * about two records; each at its own time. Returns each record's timeline, newest first.
     */
    private static Map<RecordRef, List<Activity>> storeTimelines(Population p, List<AccessRecord> records, long seed) {
        Random random = new Random(seed * 31);
        Fixtures fx = new Fixtures(seed + 100);
        List<User> users = List.copyOf(p.pop.organization().users());
        Map<RecordRef, List<Activity>> timelines = new HashMap<>();
        ActivityType[] types = {ActivityType.NOTE, ActivityType.CALL, ActivityType.EMAIL, ActivityType.MEETING};
        int t = 0;
        List<Activity> made = new ArrayList<>();
        for (AccessRecord r : records) {
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                RecordRef other = records.get(random.nextInt(records.size())).ref();
                Fixtures.ActivityBuilder b = random.nextInt(4) == 0 && !other.equals(r.ref())
                        ? fx.activity(r.ref(), other) : fx.activity(r.ref());
                b.type(types[random.nextInt(types.length)]).occurredAt(at(1_000 + t++));
                dev.crmkit.core.kernel.UserId owner = random.nextInt(8) == 0
                        ? dev.crmkit.core.kernel.UserId.of("gone")
                        : users.get(random.nextInt(users.size())).id();
                if (random.nextInt(3) == 0) {
                    b.ownedBy(owner);
                } else {
                    b.privateTo(owner);
                }
                List<String> participants = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    User u = users.get(random.nextInt(users.size()));
                    switch (random.nextInt(5)) {
                        case 0 -> participants.add(u.id().value());
                        case 1 -> participants.add("  " + u.email().orElseThrow().toUpperCase(java.util.Locale.ROOT)
                                + " ");
                        case 2 -> participants.add(u.id().value().toUpperCase(java.util.Locale.ROOT));
                        case 3 -> participants.add("x" + u.email().orElseThrow());
                        default -> participants.add("Someone Else <someone@example.org>");
                    }
                }
                b.participants(participants.toArray(new String[0]));
                made.add(b.build());
            }
        }
        p.store.transactions().run(() -> made.forEach(p.store.activities()::append));
        for (Activity a : made) {
            a.about().forEach(ref -> timelines.computeIfAbsent(ref, k -> new ArrayList<>()).add(0, a));
        }
        return timelines;
    }

    @Test
    void mergedAwayCompanies_areNeitherListedNorCounted_asInTheUnscopedList() {
        Population p = Population.store(newStore(), 7);
        Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        Company survivor = p.companies.get(0);
        Company mergedAway = p.companies.get(1);
        assertInstanceOf(dev.crmkit.core.merge.CompanyMergeOutcome.Merged.class, crm.companyMerging()
                .merge(List.of(survivor.id(), mergedAway.id()), Optional.of(survivor.id())));
        ScopedCrm view = crm.as(Actor.system("merge check"));

        List<Company> listed = readAll(view::companies, PAGE);
        assertEquals(readAll(p.store.companies()::findAll, PAGE).stream().map(Company::id).toList(),
                listed.stream().map(Company::id).toList());
        assertTrue(listed.stream().noneMatch(c -> c.id().equals(mergedAway.id())), listed.toString());
        assertEquals(p.companies.size() - 1, view.companyCount());
    }

    @Test
    void change_isMadeExactlyWhenTheActorMayViewTheRecordAndHoldsThePermission() {
        Population p = Population.store(newStore(), 5);
        Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        AccessPolicy policy = AccessPolicy.of(p.pop.organization());
        int made = 0;
        int refused = 0;
        for (Actor actor : p.pop.actors()) {
            ScopedCrm view = crm.as(actor);
            for (int n = 0; n < p.pop.records().size(); n += 4) {
                AccessRecord r = p.pop.records().get(n);
                AccessRecord stored = r.ref().type() == RecordType.COMPANY
                        ? new AccessRecord(r.ref(), Optional.empty()) : r;
                List<dev.crmkit.core.access.Share> shares = p.store.shares().of(r.ref());
                boolean visible = policy.decide(actor, Permission.VIEW, stored, shares).allowed();
                for (Permission permission : List.of(Permission.EDIT, Permission.ASSIGN)) {
                    boolean expected = visible && policy.decide(actor, permission, stored, shares).allowed();
                    int[] runs = {0};
                    dev.crmkit.core.access.Guarded<String> outcome = view.change(permission, r.ref(), () -> {
                        runs[0]++;
                        return "changed";
                    });
                    String context = actor + " " + permission + " " + r.ref();
                    assertEquals(expected, outcome.allowed(), context);
                    assertEquals(expected ? 1 : 0, runs[0], "the change runs only when allowed: " + context);
                    assertEquals(expected ? Optional.of("changed") : Optional.empty(), outcome.value(), context);
                    String what = permission.name().toLowerCase(java.util.Locale.ROOT) + " " + r.ref();
                    assertTrue(outcome.decision().explain().contains(what), outcome.decision().explain());
                    if (!visible) {
                        assertTrue(outcome.decision().explain().endsWith("there is no " + r.ref()),
                                "a hidden record is not found: " + outcome.decision().explain());
                    }
                    made += expected ? 1 : 0;
                    refused += expected ? 0 : 1;
                }
            }
        }
        assertTrue(made > 0 && refused > 0, "changes were both made and refused: " + made + ", " + refused);
    }

    @Test
    void addEmail_refused_leavesTheContactAsItWas_allowed_changesIt() {
        Population p = Population.store(newStore(), 5);
        Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        AccessPolicy policy = AccessPolicy.of(p.pop.organization());
        int checked = 0;
        int made = 0;
        for (Actor actor : p.pop.actors()) {
            for (Contact c : p.contacts.subList(0, Math.min(4, p.contacts.size()))) {
                Contact before = p.store.contacts().findById(c.id()).orElseThrow();
                boolean mayEdit = policy.decide(actor, Permission.VIEW, AccessRecord.of(before),
                        p.pop.sharesOf(AccessRecord.of(before).ref())).allowed()
                        && policy.decide(actor, Permission.EDIT, AccessRecord.of(before),
                        p.pop.sharesOf(AccessRecord.of(before).ref())).allowed();
                String email = "added" + checked + "@example.org";
                dev.crmkit.core.access.Guarded<Contact> outcome = crm.as(actor).addEmail(c.id(), email, false);
                assertEquals(mayEdit, outcome.allowed(), actor + " " + c.id());
                Contact after = p.store.contacts().findById(c.id()).orElseThrow();
                if (mayEdit) {
                    assertEquals(Optional.of(after), outcome.value());
                    assertTrue(after.emails().stream().anyMatch(e -> e.value().equals(email)));
                } else {
                    assertEquals(before, after, "a refused change leaves the contact as it was");
                }
                checked++;
                made += mayEdit ? 1 : 0;
            }
        }
        assertTrue(made > 0 && made < checked, "additions were both made and refused: " + made + " of " + checked);
    }

    @Test
    void addEmail_ofAHiddenContact_isRefusedAsTaken_withoutNamingThatContact() {
        Population p = Population.store(newStore(), 5);
        Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        AccessPolicy policy = AccessPolicy.of(p.pop.organization());
        int checked = 0;
        for (Actor actor : p.pop.actors()) {
            Predicate<Contact> may = c -> policy.decide(actor, Permission.EDIT, AccessRecord.of(c),
                    p.pop.sharesOf(AccessRecord.of(c).ref())).allowed() && policy.decide(actor, Permission.VIEW,
                    AccessRecord.of(c), p.pop.sharesOf(AccessRecord.of(c).ref())).allowed();
            Predicate<Contact> hidden = c -> !policy.decide(actor, Permission.VIEW, AccessRecord.of(c),
                    p.pop.sharesOf(AccessRecord.of(c).ref())).allowed();
            Optional<Contact> editable = p.contacts.stream().filter(may).findFirst();
            Optional<Contact> other = p.contacts.stream().filter(hidden).findFirst();
            if (editable.isEmpty() || other.isEmpty()) {
                continue;
            }
            Contact before = p.store.contacts().findById(editable.get().id()).orElseThrow();
            String taken = other.get().emails().get(0).value();
            dev.crmkit.core.kernel.ValidationException refused = assertThrows(
                    dev.crmkit.core.kernel.ValidationException.class,
                    () -> crm.as(actor).addEmail(before.id(), taken, false));
            assertEquals("unique", refused.violations().get(0).rule());
            assertTrue(!refused.getMessage().contains(other.get().id().toString()),
                    "the hidden contact is not named: " + refused.getMessage());
            assertEquals(before, p.store.contacts().findById(before.id()).orElseThrow());
            checked++;
        }
        assertTrue(checked > 0, "some actor could edit one contact and not see another");
    }

    @Test
    void setCustomFields_aFieldTheRoleMayOnlyRead_isRefusedNamingFieldAndContact() {
        CrmStore store = newStore();
        Crm crm = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        store.transactions().run(() -> {
            store.accessDirectory().save(dev.crmkit.core.access.Role.builder("rep", "Rep")
                    .scope(RecordType.CONTACT, dev.crmkit.core.access.Scope.OWN, Permission.VIEW, Permission.EDIT)
                    .field(RecordType.CONTACT, "customFields.margin", dev.crmkit.core.access.FieldAccess.READ)
                    .build());
            store.accessDirectory().save(new User(dev.crmkit.core.kernel.UserId.of("ben"), "Ben", Optional.empty(),
                    Optional.empty(), dev.crmkit.core.access.RoleId.of("rep")));
        });
        crm.customers().defineCustomFields(CustomFieldSchema.of(RecordType.CONTACT,
                FieldDefinition.optional("margin", FieldType.TEXT), FieldDefinition.optional("note", FieldType.TEXT)));
        Contact own = store.contacts().insertOrGet(new Fixtures(7).contact()
                .owner(dev.crmkit.core.kernel.UserId.of("ben")).build());
        ScopedCrm ben = crm.as(Actor.user("ben"));

        dev.crmkit.core.access.Guarded<Contact> refused = ben.setCustomFields(own.id(), Map.of("margin", "12 %",
                "note", "x"));
        assertTrue(!refused.allowed());
        assertEquals("user:ben may not edit field contact.customFields.margin of contact:" + own.id().value()
                + ": role rep has READ on contact.customFields.margin", refused.decision().explain());
        assertEquals(own, store.contacts().findById(own.id()).orElseThrow(), "nothing was set");

        dev.crmkit.core.access.Guarded<Contact> done = ben.setCustomFields(own.id(), Map.of("note", "x"));
        assertTrue(done.allowed(), done.toString());
        assertEquals(done.value(), store.contacts().findById(own.id()));
        assertEquals(List.of(new RecordRef(RecordType.CONTACT, own.id().value())), store.auditTrail()
                .byActor(Actor.user("ben"), PageRequest.first(10)).items().stream().map(e -> e.record().orElseThrow())
                .toList(),
                "the change is audited as ben's");
    }

    @Test
    void decide_aRecordNotStored_isRefusedAsNotFound() {
        CrmStore store = newStore();
        Crm crm = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        RecordRef missing = new RecordRef(RecordType.CONTACT, new java.util.UUID(9, 9));
        assertTrue(!crm.as(Actor.system("import")).decide(Permission.VIEW, missing).allowed());
        assertThrows(IllegalArgumentException.class, () -> crm.as(Actor.system("import")).decide(Permission.VIEW,
                new RecordRef(RecordType.DEAL, new java.util.UUID(9, 9))));
    }

    @Test
    void duplicateScan_asAnActor_holdsExactlyTheContactsTheActorMayView() {
        Population p = Population.store(newStore(), 1);
        Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        AccessPolicy policy = AccessPolicy.of(p.pop.organization());
        int partial = 0;
        for (Actor actor : p.pop.actors()) {
            List<String> expected = p.contacts.stream().filter(c -> policy.decide(actor, Permission.VIEW,
                    AccessRecord.of(c), p.pop.sharesOf(AccessRecord.of(c).ref())).allowed())
                    .map(c -> c.id().toString()).toList();
            ScopedCrm view = crm.as(actor);
            assertEquals(expected, view.duplicateRecords().stream().map(dev.crmkit.core.duplicate.DuplicateRecord::id)
                    .toList(), actor + ": duplicateRecords()");
            dev.crmkit.core.duplicate.ScanResult scan = view.suspectedDuplicates(
                    dev.crmkit.core.duplicate.DuplicateScan.withDefaults().threshold(0.01));
            assertEquals(expected.size(), scan.records(), actor + ": records scanned");
            scan.pairs().forEach(pair -> assertTrue(expected.contains(pair.a()) && expected.contains(pair.b()),
                    actor + ": a pair names only visible contacts: " + pair));
            partial += !expected.isEmpty() && expected.size() < p.contacts.size() ? 1 : 0;
        }
        assertTrue(partial > 0, "some actor sees part of the contacts");
    }

    @Test
    void mergeContacts_asAnActor_needsMergeOnEveryContact_refusalNamesPermissionAndContact() {
        Population p = Population.store(newStore(), 5);
        Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        AccessPolicy policy = AccessPolicy.of(p.pop.organization());
        int merged = 0;
        int refused = 0;
        for (Actor actor : p.pop.actors()) {
            List<Contact> listed = readAll(p.store.contacts()::findAll, 50);
            if (listed.size() < 2) {
                break;
            }
            Contact a = listed.get(0);
            Contact b = listed.get(1);
            Predicate<Contact> may = c -> policy.decide(actor, Permission.VIEW, AccessRecord.of(c),
                    p.pop.sharesOf(AccessRecord.of(c).ref())).allowed() && policy.decide(actor, Permission.MERGE,
                    AccessRecord.of(c), p.pop.sharesOf(AccessRecord.of(c).ref())).allowed();
            dev.crmkit.core.access.Guarded<dev.crmkit.core.merge.MergeOutcome> outcome = crm.as(actor)
                    .mergeContacts(dev.crmkit.core.merge.MergeContacts.into(a.id(), List.of(a.id(), b.id())));
            boolean expected = may.test(a) && may.test(b);
            assertEquals(expected, outcome.allowed(), actor + ": " + outcome);
            if (expected) {
                assertInstanceOf(dev.crmkit.core.merge.MergeOutcome.Merged.class, outcome.value().orElseThrow());
                merged++;
            } else {
                Contact first = may.test(a) ? b : a;
                assertTrue(outcome.decision().explain().contains("merge contact:" + first.id().value()),
                        outcome.decision().explain());
                assertEquals(a, p.store.contacts().findById(a.id()).orElseThrow(), "nothing merged");
                assertEquals(b, p.store.contacts().findById(b.id()).orElseThrow(), "nothing merged");
                refused++;
            }
        }
        assertTrue(merged > 0 && refused > 0, "merges were both made and refused: " + merged + ", " + refused);
    }

    @Test
    void exportPersonalData_asAnActor_needsExportOnTheContact_hiddenIsNotFound() {
        Population p = Population.store(newStore(), 5);
        Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        AccessPolicy policy = AccessPolicy.of(p.pop.organization());
        int[] outcomes = new int[4];
        for (Actor actor : p.pop.actors()) {
            // the fields the actor's role hides on a type a person's data holds: the export would show them
            List<String> hides = actor instanceof Actor.Person person ? p.pop.organization().user(person.user())
                    .flatMap(u -> p.pop.organization().role(u.role())).map(role -> role.fields().entrySet().stream()
                            .filter(f -> f.getValue() == dev.crmkit.core.access.FieldAccess.HIDDEN
                                    && f.getKey().type() != RecordType.COMPANY)
                            .map(f -> f.getKey().toString()).sorted().toList()).orElse(List.of()) : List.of();
            boolean unknown = actor instanceof Actor.Person person
                    && p.pop.organization().user(person.user()).isEmpty();
            for (Contact c : p.contacts.subList(0, Math.min(6, p.contacts.size()))) {
                if (unknown) { // no role: every field is hidden, so a lookup by e-mail is refused (contactByEmail)
                    dev.crmkit.core.kernel.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                            dev.crmkit.core.kernel.ValidationException.class, () -> crm.as(actor).exportPersonalData(
                                    new dev.crmkit.core.privacy.PersonKey.ByEmail(c.emails().get(0))));
                    assertEquals("hidden-field", e.violations().get(0).rule());
                    continue;
                }
                AccessRecord r = AccessRecord.of(c);
                boolean view = policy.decide(actor, Permission.VIEW, r, p.pop.sharesOf(r.ref())).allowed();
                boolean mayExport = view && policy.decide(actor, Permission.EXPORT, r, p.pop.sharesOf(r.ref()))
                        .allowed();
                boolean export = mayExport && hides.isEmpty();
                Optional<dev.crmkit.core.access.Guarded<dev.crmkit.core.privacy.PersonalRecords>> out = crm.as(actor)
                        .exportPersonalData(new dev.crmkit.core.privacy.PersonKey.ByEmail(c.emails().get(0)));
                String who = actor + " " + c.id();
                assertEquals(view, out.isPresent(), who + ": a hidden contact is not found");
                if (view) {
                    assertEquals(export, out.get().allowed(), who);
                    if (export) {
                        assertEquals(c.id(), out.get().value().orElseThrow().contact().id(), who);
                    } else if (mayExport) {
                        String text = out.get().decision().explain();
                        assertTrue(text.startsWith(actor + " may not export contact:" + c.id().value() + ": role "),
                                text);
                        hides.forEach(f -> assertTrue(text.contains(f), f + " in " + text));
                        assertTrue(out.get().value().isEmpty(), text);
                    } else {
                        assertTrue(out.get().decision().explain().contains("export contact:" + c.id().value()),
                                out.get().decision().explain());
                    }
                }
                outcomes[!view ? 0 : export ? 1 : mayExport ? 3 : 2]++;
            }
        }
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0 && outcomes[2] > 0 && outcomes[3] > 0,
                "hidden, exported, refused, refused for a hidden field: " + java.util.Arrays.toString(outcomes));
    }

    private static <T> List<T> visible(List<T> all, Predicate<T> allowed) {
        return all.stream().filter(allowed).toList();
    }

    private static AccessRecord record(Company company) {
        return AccessRecord.of(RecordType.COMPANY, company.id().value(), Optional.empty());
    }

    /** A generated population stored: the organization, shares, and records in their store order. */
    private static final class Population {
        final CrmStore store;
        final AccessPopulation pop;
        final List<Contact> contacts = new ArrayList<>();
        final List<Company> companies = new ArrayList<>();
        final List<Lead> leads = new ArrayList<>();
        final Map<CompanyId, List<Contact>> affiliated = new HashMap<>();

        private Population(CrmStore store, AccessPopulation pop) {
            this.store = store;
            this.pop = pop;
        }

        static Population store(CrmStore store, long seed) {
            AccessPopulation pop = AccessPopulation.generate(seed, 48, RecordType.CONTACT, RecordType.COMPANY,
                    RecordType.LEAD);
            Population p = new Population(store, pop);
            Fixtures fx = new Fixtures(seed);
            Random random = new Random(seed);
            store.transactions().run(() -> {
                pop.organization().teams().forEach(store.accessDirectory()::save);
                pop.organization().roles().forEach(store.accessDirectory()::save);
                pop.organization().users().forEach(store.accessDirectory()::save);
                pop.organization().defaults().forEach(store.accessDirectory()::setDefault);
                pop.shares().forEach(store.shares()::grant);
                Map<RecordType, List<AccessRecord>> byType = new HashMap<>();
                pop.records().forEach(r -> byType.computeIfAbsent(r.ref().type(), t -> new ArrayList<>()).add(r));
                int i = 0;
                for (AccessRecord r : byType.getOrDefault(RecordType.COMPANY, List.of())) {
                    p.companies.add(store.companies().insertOrGet(fx.company().id(new CompanyId(r.ref().id()))
                            .createdAt(at(i++ / 2)).build()));
                }
                for (AccessRecord r : byType.getOrDefault(RecordType.CONTACT, List.of())) {
                    Fixtures.ContactBuilder b = fx.contact().id(new ContactId(r.ref().id())).createdAt(at(i++ / 2));
                    r.owner().ifPresent(b::owner);
                    if (!p.companies.isEmpty() && random.nextInt(4) != 0) {
                        b.worksFor(p.companies.get(random.nextInt(p.companies.size())).id());
                    }
                    p.contacts.add(store.contacts().insertOrGet(b.build()));
                }
                for (AccessRecord r : byType.getOrDefault(RecordType.LEAD, List.of())) {
                    Fixtures.LeadBuilder b = fx.lead().id(new LeadId(r.ref().id())).createdAt(at(i++ / 2))
                            .status(LeadStatus.values()[random.nextInt(LeadStatus.values().length)]);
                    r.owner().ifPresent(b::owner);
                    p.leads.add(store.leads().insertOrGet(b.build()));
                }
            });
            // the store's own order of each list (creation time, then insertion order), which the views keep
            p.contacts.clear();
            p.contacts.addAll(readAll(store.contacts()::findAll, 50));
            p.companies.clear();
            p.companies.addAll(readAll(store.companies()::findAll, 50));
            p.leads.clear();
            p.leads.addAll(readAll(store.leads()::findAll, 50));
            p.companies.forEach(c -> p.affiliated.put(c.id(), readAll(r -> store.contacts().findByCompany(c.id(), r),
                    50)));
            return p;
        }
    }
}
