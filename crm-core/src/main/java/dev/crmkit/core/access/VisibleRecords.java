package dev.crmkit.core.access;

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
import java.util.Set;

/**
 * The port of the list queries that an {@link AccessFilter} restricts: the same lists and counts as
 * {@link dev.crmkit.core.contact.Contacts}, {@link dev.crmkit.core.company.Companies} and
 * {@link dev.crmkit.core.lead.Leads} (and the timelines of {@link dev.crmkit.core.activity.Activities}, restricted by
 * {@link PrivateItems}, and the open tasks of {@link dev.crmkit.core.task.Tasks}), in the same order and with the same cursors, holding only the records the filter
 * passes. A store applies the filter inside the query, before the page is cut (the in-memory store while it walks
 * its index, the JDBC store as a condition of the SQL before {@code ORDER BY ... LIMIT}), so a page is full whenever
 * enough visible records follow and paging never leaks a hidden record. The filter comes from
 * {@link AccessPolicy#filter} for the record type the method lists and {@link Permission#VIEW}; hosts use these
 * queries through {@code Crm.as(actor)} rather than directly. Implementations are thread-safe.
 */
public interface VisibleRecords {

    /** All contacts that pass, in the order they were created; merged-away contacts are left out. */
    Page<Contact> contacts(AccessFilter filter, PageRequest page);

    /** The contacts affiliated with a company that pass, in the order they were created. */
    Page<Contact> contactsOf(CompanyId company, AccessFilter filter, PageRequest page);

    /** How many contacts pass. */
    long countContacts(AccessFilter filter);

    /** All companies that pass, in the order they were created. Companies have no owner: only shares, a public
     * default and {@link Scope#EVERYTHING} reach them. */
    Page<Company> companies(AccessFilter filter, PageRequest page);

    /** How many companies pass. */
    long countCompanies(AccessFilter filter);

    /** All leads that pass, in the order they were created. */
    Page<Lead> leads(AccessFilter filter, PageRequest page);

    /** The leads in a status that pass, in the order they were created. */
    Page<Lead> leadsIn(LeadStatus status, AccessFilter filter, PageRequest page);

    /** The leads of an owner that pass, in the order they were created. */
    Page<Lead> leadsOf(UserId owner, AccessFilter filter, PageRequest page);

    /** How many leads pass. */
    long countLeads(AccessFilter filter);

    /**
     * The timeline of one record as {@link dev.crmkit.core.activity.Activities#timeline} orders and pages it (newest
     * first, the same cursors), holding only its items of the given types (all types when empty) that the
     * {@link PrivateItems} pass: public items and the private items the actor owns or took part in. The caller has
     * decided that the actor may view the record; the store applies the item filter inside the query, before the page
     * is cut.
     */
    Page<Activity> timeline(RecordRef record, Set<ActivityType> types, PrivateItems items, PageRequest page);

    /**
     * The open tasks of an assignee due before a time that pass the filter (for {@link RecordType#TASK}, where a
     * task's owner is its assignee), earliest due first, at most {@code limit}: as
     * {@link dev.crmkit.core.task.Tasks#openDueBefore}, with the filter applied before the limit.
     */
    List<Task> tasksDueBefore(UserId assignee, Instant before, int limit, AccessFilter filter);

    /**
     * The open tasks about a record that pass the filter (for {@link RecordType#TASK}), earliest due first: as
     * {@link dev.crmkit.core.task.Tasks#openAbout}. The caller has decided that the actor may view the record.
     */
    List<Task> tasksAbout(RecordRef record, AccessFilter filter);
}
