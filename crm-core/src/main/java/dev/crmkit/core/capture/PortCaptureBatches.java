package dev.crmkit.core.capture;

import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.Tasks;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@link CaptureBatches} through a store's ports, one record at a time; contacts are locked in the order of their
 * ids, so two chunks never wait on each other in a cycle.
 */
final class PortCaptureBatches implements CaptureBatches {

    private final Contacts contacts;
    private final Companies companies;
    private final Leads leads;
    private final Activities activities;
    private final Tasks tasks;

    PortCaptureBatches(Contacts contacts, Companies companies, Leads leads, Activities activities, Tasks tasks) {
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
        this.activities = activities;
        this.tasks = tasks;
    }

    @Override
    public Found find(Keys keys) {
        TreeSet<ContactId> ids = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        keys.emails().forEach(e -> contacts.findByEmail(e).ifPresent(c -> ids.add(c.id())));
        keys.phones().forEach(p -> contacts.findByPhone(p).ifPresent(c -> ids.add(c.id())));
        for (ContactId id : ids) {
            contacts.lockById(id);
        }
        Map<EmailAddress, Contact> byEmail = new HashMap<>();
        Map<PhoneNumber, Contact> byPhone = new HashMap<>();
        // read again under the locks: what a contact holds now is what counts
        keys.emails().forEach(e -> contacts.findByEmail(e).ifPresent(c -> byEmail.put(e, c)));
        keys.phones().forEach(p -> contacts.findByPhone(p).ifPresent(c -> byPhone.put(p, c)));
        Map<EmailAddress, Lead> openByEmail = new HashMap<>();
        Map<PhoneNumber, Lead> openByPhone = new HashMap<>();
        keys.emails().forEach(e -> leads.findOpenByEmail(e).ifPresent(l -> openByEmail.put(e, l)));
        keys.phones().forEach(p -> leads.findOpenByPhone(p).ifPresent(l -> openByPhone.put(p, l)));
        Map<String, Lead> byExternalId = new HashMap<>();
        keys.externalIds().forEach(x -> leads.findByExternalId(x).ifPresent(l -> byExternalId.put(x, l)));
        Map<WebDomain, Company> byDomain = new HashMap<>();
        keys.domains().forEach(d -> companies.findByDomain(d).ifPresent(c -> byDomain.put(d, c)));
        Map<String, Company> byName = new HashMap<>();
        keys.companyNames().forEach(n -> companies.findByName(n).ifPresent(c -> byName.put(n, c)));
        return new Found(byEmail, byPhone, openByEmail, openByPhone, byExternalId, byDomain, byName);
    }

    @Override
    public Optional<Contact> lockContact(ContactId id) {
        return contacts.lockById(id);
    }

    @Override
    public Map<RecordRef, List<Task>> openTasksAbout(Collection<RecordRef> records) {
        Map<RecordRef, List<Task>> open = new HashMap<>();
        for (RecordRef record : records) {
            List<Task> about = tasks.openAbout(record);
            if (!about.isEmpty()) {
                open.put(record, about);
            }
        }
        return open;
    }

    @Override
    public void write(CaptureWrites writes) {
        Leads.requireDistinctExternalIds(writes.newLeads()); // before the first port call
        writes.replay(contacts, companies, leads, activities, tasks);
    }
}
