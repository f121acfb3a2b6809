package dev.crmkit.adapters.memory;

import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.access.PrivateItems;
import dev.crmkit.core.access.VisibleRecords;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.Task;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The lists of contacts, companies and leads restricted by an access filter, in memory: the filter (owner, then the
 * record's shares) is tested on each record while the list's index is walked, before the page is cut (and a
 * timeline's private items by {@link PrivateItems} while the timeline's index is walked, and the open tasks by the
 * filter while their index is walked, before the limit), so pages are
 * full and cursors are those of the unrestricted lists. Thread-safe.
 */
final class InMemoryVisibleRecords implements VisibleRecords {

    private final InMemoryContacts contacts;
    private final InMemoryCompanies companies;
    private final InMemoryLeads leads;
    private final InMemoryActivities activities;
    private final InMemoryTasks tasks;
    private final InMemoryShares shares;

    InMemoryVisibleRecords(InMemoryContacts contacts, InMemoryCompanies companies, InMemoryLeads leads,
                           InMemoryActivities activities, InMemoryTasks tasks, InMemoryShares shares) {
        this.contacts = contacts;
        this.tasks = tasks;
        this.activities = activities;
        this.companies = companies;
        this.leads = leads;
        this.shares = shares;
    }

    @Override
    public Page<Contact> contacts(AccessFilter filter, PageRequest page) {
        return contacts.rows().page(page, contact(filter));
    }

    @Override
    public Page<Contact> contactsOf(CompanyId company, AccessFilter filter, PageRequest page) {
        Objects.requireNonNull(company, "company");
        return contacts.rows().page(InMemoryContacts.COMPANY, company, page, false, contact(filter));
    }

    @Override
    public long countContacts(AccessFilter filter) {
        return contacts.rows().count(contact(filter));
    }

    @Override
    public Page<Company> companies(AccessFilter filter, PageRequest page) {
        return companies.rows().page(page, company(filter));
    }

    @Override
    public long countCompanies(AccessFilter filter) {
        return companies.rows().count(company(filter));
    }

    @Override
    public Page<Lead> leads(AccessFilter filter, PageRequest page) {
        return leads.rows().page(page, lead(filter));
    }

    @Override
    public Page<Lead> leadsIn(LeadStatus status, AccessFilter filter, PageRequest page) {
        Objects.requireNonNull(status, "status");
        return leads.rows().page(InMemoryLeads.STATUS, status, page, false, lead(filter));
    }

    @Override
    public Page<Lead> leadsOf(UserId owner, AccessFilter filter, PageRequest page) {
        Objects.requireNonNull(owner, "owner");
        return leads.rows().page(InMemoryLeads.OWNER, owner, page, false, lead(filter));
    }

    @Override
    public long countLeads(AccessFilter filter) {
        return leads.rows().count(lead(filter));
    }

    @Override
    public Page<Activity> timeline(RecordRef record, Set<ActivityType> types, PrivateItems items, PageRequest page) {
        Objects.requireNonNull(record, "record");
        Set<ActivityType> wanted = Set.copyOf(types);
        Objects.requireNonNull(items, "items");
        return activities.rows().page(InMemoryActivities.ABOUT, record, page, true,
                a -> (wanted.isEmpty() || wanted.contains(a.type())) && items.allows(a));
    }

    @Override
    public List<Task> tasksDueBefore(UserId assignee, Instant before, int limit, AccessFilter filter) {
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(before, "before");
        return tasks.rows().before(InMemoryTasks.OPEN_BY_ASSIGNEE, assignee, OrderKey.before(before), limit,
                task(filter));
    }

    @Override
    public List<Task> tasksAbout(RecordRef record, AccessFilter filter) {
        Objects.requireNonNull(record, "record");
        return tasks.rows().all(InMemoryTasks.OPEN_ABOUT, record, task(filter));
    }

    private Predicate<Task> task(AccessFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return t -> shares.passes(filter, new RecordRef(RecordType.TASK, t.id().value()), Optional.of(t.assignee()));
    }

    private Predicate<Contact> contact(AccessFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return c -> shares.passes(filter, new RecordRef(RecordType.CONTACT, c.id().value()), c.owner());
    }

    private Predicate<Company> company(AccessFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return c -> shares.passes(filter, new RecordRef(RecordType.COMPANY, c.id().value()), Optional.empty());
    }

    private Predicate<Lead> lead(AccessFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return l -> shares.passes(filter, new RecordRef(RecordType.LEAD, l.id().value()), l.owner());
    }
}
