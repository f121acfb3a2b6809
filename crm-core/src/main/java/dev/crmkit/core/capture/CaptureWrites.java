package dev.crmkit.core.capture;

import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.Tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the captures of a chunk staged, in the order they staged it: records created (each in its final state, at the
 * version its captures one by one would have left it), changes of records that were stored before (each as the state
 * passed to the port's update, expected version included), timeline entries and tasks. Not thread-safe; filled by one
 * {@link BulkCapture} call and read by {@link CaptureBatches#write}.
 */
public final class CaptureWrites {

    private final List<Object> log = new ArrayList<>();
    private final Map<CompanyId, Company> newCompanies = new LinkedHashMap<>();
    private final Map<ContactId, Contact> newContacts = new LinkedHashMap<>();
    private final Map<LeadId, Lead> newLeads = new LinkedHashMap<>();
    private final List<Contact> contactUpdates = new ArrayList<>();
    private final List<Lead> leadUpdates = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();

    CaptureWrites() {
    }

    /** The companies created, in order of creation. */
    public List<Company> newCompanies() {
        return List.copyOf(newCompanies.values());
    }

    /** The contacts created, in order of creation, each as the chunk left it. */
    public List<Contact> newContacts() {
        return List.copyOf(newContacts.values());
    }

    /** The leads created, in order of creation, each as the chunk left it. */
    public List<Lead> newLeads() {
        return List.copyOf(newLeads.values());
    }

    /** Each change of a contact stored before the chunk, in order: the state to write at its expected version. */
    public List<Contact> contactUpdates() {
        return List.copyOf(contactUpdates);
    }

    /** Each change of a lead stored before the chunk, in order: the state to write at its expected version. */
    public List<Lead> leadUpdates() {
        return List.copyOf(leadUpdates);
    }

    /** The timeline entries, in order. */
    public List<Activity> activities() {
        return List.copyOf(activities);
    }

    /** The tasks created, in order, as given to {@link Tasks#insert}. */
    public List<Task> tasks() {
        return List.copyOf(tasks);
    }

    /** Whether nothing was staged. */
    public boolean isEmpty() {
        return log.isEmpty();
    }

    /**
     * Makes the same port calls, in the same order, that the captures one by one would have made; a record another
     * unit of work stored meanwhile under a key the chunk claims is a {@link ConflictException}.
     */
    public void replay(Contacts contacts, Companies companies, Leads leads, Activities timeline, Tasks taskStore) {
        for (Object step : log) {
            if (step instanceof Inserted inserted) {
                insert(inserted.record(), contacts, companies, leads);
            } else if (step instanceof Contact contact) {
                ConflictException.whenKeyTaken(() -> contacts.update(contact), "contact " + contact.id());
            } else if (step instanceof Lead lead) {
                leads.update(lead);
            } else if (step instanceof Activity activity) {
                timeline.append(activity);
            } else if (step instanceof Task task) {
                taskStore.insert(task);
            }
        }
    }

    private static void insert(Object candidate, Contacts contacts, Companies companies, Leads leads) {
        Object id;
        Object stored;
        if (candidate instanceof Contact contact) {
            id = contact.id();
            stored = contacts.insertOrGet(contact).id();
        } else if (candidate instanceof Lead lead) {
            id = lead.id();
            stored = leads.insertOrGet(lead).id();
        } else {
            Company company = (Company) candidate;
            id = company.id();
            stored = companies.insertOrGet(company).id();
        }
        if (!id.equals(stored)) {
            throw new ConflictException("a concurrent unit of work stored " + stored + " under a key of " + id, null);
        }
    }

    void insertedContact(Contact candidate, Contact stored) {
        log.add(new Inserted(candidate));
        newContacts.put(stored.id(), stored);
    }

    /** A change of a contact: folded into its creation when the chunk created it, else one more update. */
    void updatedContact(Contact given, Contact stored) {
        if (newContacts.containsKey(given.id())) {
            newContacts.put(given.id(), stored);
        } else {
            contactUpdates.add(given);
        }
        log.add(given);
    }

    void insertedLead(Lead candidate, Lead stored) {
        log.add(new Inserted(candidate));
        newLeads.put(stored.id(), stored);
    }

    /** A change of a lead: folded into its creation when the chunk created it, else one more update. */
    void updatedLead(Lead given, Lead stored) {
        if (newLeads.containsKey(given.id())) {
            newLeads.put(given.id(), stored);
        } else {
            leadUpdates.add(given);
        }
        log.add(given);
    }

    void insertedCompany(Company candidate, Company stored) {
        log.add(new Inserted(candidate));
        newCompanies.put(stored.id(), stored);
    }

    void appended(Activity activity) {
        activities.add(activity);
        log.add(activity);
    }

    void inserted(Task task) {
        tasks.add(task);
        log.add(task);
    }

    /** A record given to a port's insert-or-get. */
    private record Inserted(Object record) {
    }
}
