package dev.crmkit.adapters.jdbc;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The lists of contacts, companies and leads restricted by an access filter, in a relational database: the filter is
 * the {@link AccessSql} fragment ({@code owner_id IN (...) OR EXISTS (share ...)}) ANDed into the list's query before
 * its keyset condition, {@code ORDER BY} and {@code LIMIT}, so the same index drives the page as for the unrestricted
 * list (or the owner index, {@code contact_owner} / {@code lead_owner}, when the planner prefers it) and no page is
 * filtered in Java. Queries, order and cursors are those of {@link JdbcContacts}, {@link JdbcCompanies} and
 * {@link JdbcLeads}. A timeline is {@link JdbcActivities}'s query with the private items of others left out in SQL
 * ({@code activity_participant}); the open tasks are {@link JdbcTasks}'s queries with the fragment over the assignee
 * ({@code AND} before ORDER BY and LIMIT). Thread-safe.
 */
final class JdbcVisibleRecords implements VisibleRecords {

    private final Jdbc jdbc;
    private final AccessSql access;
    private final JdbcContacts contacts;
    private final JdbcCompanies companies;
    private final JdbcLeads leads;
    private final JdbcActivities activities;
    private final JdbcTasks tasks;
    private final String allContacts;
    private final String companyContacts;
    private final String countContacts;
    private final String allCompanies;
    private final String countCompanies;
    private final String allLeads;
    private final String countLeads;

    JdbcVisibleRecords(Jdbc jdbc, JdbcContacts contacts, JdbcCompanies companies, JdbcLeads leads,
                       JdbcActivities activities, JdbcTasks tasks) {
        this.activities = activities;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.access = new AccessSql(jdbc.tables);
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
        // merged-away contacts keep their rows, but are no longer listed or counted
        String listed = "c." + JdbcContacts.LISTED;
        allContacts = jdbc.sql("SELECT c.* FROM {contact} c WHERE " + listed);
        companyContacts = jdbc.sql("SELECT c.* FROM {contact_company} a JOIN {contact} c ON c.id = a.contact_id "
                + "WHERE a.company_id = ?");
        countContacts = jdbc.sql("SELECT COUNT(*) FROM {contact} c WHERE " + listed);
        // and so are merged-away companies (the unscoped list's condition)
        allCompanies = jdbc.sql("SELECT o.* FROM {company} o WHERE o." + JdbcCompanies.LISTED);
        countCompanies = jdbc.sql("SELECT COUNT(*) FROM {company} o WHERE o." + JdbcCompanies.LISTED);
        // and merged-away leads
        allLeads = jdbc.sql("SELECT l.* FROM {lead} l WHERE l." + JdbcLeads.LISTED);
        countLeads = jdbc.sql("SELECT COUNT(*) FROM {lead} l WHERE l." + JdbcLeads.LISTED);
    }

    @Override
    public Page<Contact> contacts(AccessFilter filter, PageRequest page) {
        AccessSql.Fragment where = contact(filter);
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, allContacts + " AND " + where.sql(), "c.created_at", "c.seq", false,
                page, contacts::map, Contact::createdAt, where.params().toArray()));
    }

    @Override
    public Page<Contact> contactsOf(CompanyId company, AccessFilter filter, PageRequest page) {
        Objects.requireNonNull(company, "company");
        AccessSql.Fragment where = contact(filter);
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, companyContacts + " AND " + where.sql(), "a.created_at",
                "a.contact_seq", false, page, contacts::map, Contact::createdAt, params(company.value(), where)));
    }

    @Override
    public long countContacts(AccessFilter filter) {
        AccessSql.Fragment where = contact(filter);
        return jdbc.tx.read(c -> jdbc.count(c, countContacts + " AND " + where.sql(), where.params().toArray()));
    }

    @Override
    public Page<Company> companies(AccessFilter filter, PageRequest page) {
        AccessSql.Fragment where = company(filter);
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, allCompanies + " AND " + where.sql(), "o.created_at", "o.seq", false,
                page, companies::map, Company::createdAt, where.params().toArray()));
    }

    @Override
    public long countCompanies(AccessFilter filter) {
        AccessSql.Fragment where = company(filter);
        return jdbc.tx.read(c -> jdbc.count(c, countCompanies + " AND " + where.sql(), where.params().toArray()));
    }

    @Override
    public Page<Lead> leads(AccessFilter filter, PageRequest page) {
        return leadPage("", null, filter, page);
    }

    @Override
    public Page<Lead> leadsIn(LeadStatus status, AccessFilter filter, PageRequest page) {
        return leadPage(" AND l.status = ?", Objects.requireNonNull(status, "status").name(), filter, page);
    }

    @Override
    public Page<Lead> leadsOf(UserId owner, AccessFilter filter, PageRequest page) {
        return leadPage(" AND l.owner_id = ?", Objects.requireNonNull(owner, "owner").value(), filter, page);
    }

    @Override
    public long countLeads(AccessFilter filter) {
        AccessSql.Fragment where = lead(filter);
        return jdbc.tx.read(c -> jdbc.count(c, countLeads + " AND " + where.sql(), where.params().toArray()));
    }

    private Page<Lead> leadPage(String condition, Object value, AccessFilter filter, PageRequest page) {
        AccessSql.Fragment where = lead(filter);
        Jdbc.checkCursor(page);
        Object[] params = value == null ? where.params().toArray() : params(value, where);
        return jdbc.tx.read(c -> jdbc.page(c, allLeads + condition + " AND " + where.sql(), "l.created_at", "l.seq",
                false, page, leads::map, Lead::createdAt, params));
    }

    @Override
    public Page<Activity> timeline(RecordRef record, Set<ActivityType> types, PrivateItems items, PageRequest page) {
        return activities.timeline(record, types, items, page);
    }

    @Override
    public List<Task> tasksDueBefore(UserId assignee, Instant before, int limit, AccessFilter filter) {
        return tasks.openDueBefore(assignee, before, limit, task(filter));
    }

    @Override
    public List<Task> tasksAbout(RecordRef record, AccessFilter filter) {
        return tasks.openAbout(record, task(filter));
    }

    private AccessSql.Fragment task(AccessFilter filter) {
        return access.where(filter, RecordType.TASK, "t.id", "t.assignee");
    }

    private AccessSql.Fragment contact(AccessFilter filter) {
        return access.where(filter, RecordType.CONTACT, "c.id", "c.owner_id");
    }

    private AccessSql.Fragment company(AccessFilter filter) {
        return access.whereUnowned(filter, RecordType.COMPANY, "o.id");
    }

    private AccessSql.Fragment lead(AccessFilter filter) {
        return access.where(filter, RecordType.LEAD, "l.id", "l.owner_id");
    }

    private static Object[] params(Object first, AccessSql.Fragment where) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(where.params());
        return all.toArray();
    }
}
