package dev.crmkit.core.capture;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Task;

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

    private final CrmStore store;

    PortCaptureBatches(CrmStore store) {
        this.store = store;
    }

    @Override
    public Found find(Keys keys) {
        TreeSet<ContactId> ids = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        keys.emails().forEach(e -> store.contacts().findByEmail(e).ifPresent(c -> ids.add(c.id())));
        keys.phones().forEach(p -> store.contacts().findByPhone(p).ifPresent(c -> ids.add(c.id())));
        for (ContactId id : ids) {
            store.contacts().lockById(id);
        }
        Map<EmailAddress, Contact> byEmail = new HashMap<>();
        Map<PhoneNumber, Contact> byPhone = new HashMap<>();
        // read again under the locks: what a contact holds now is what counts
        keys.emails().forEach(e -> store.contacts().findByEmail(e).ifPresent(c -> byEmail.put(e, c)));
        keys.phones().forEach(p -> store.contacts().findByPhone(p).ifPresent(c -> byPhone.put(p, c)));
        Map<EmailAddress, Lead> openByEmail = new HashMap<>();
        Map<PhoneNumber, Lead> openByPhone = new HashMap<>();
        keys.emails().forEach(e -> store.leads().findOpenByEmail(e).ifPresent(l -> openByEmail.put(e, l)));
        keys.phones().forEach(p -> store.leads().findOpenByPhone(p).ifPresent(l -> openByPhone.put(p, l)));
        Map<String, Lead> byExternalId = new HashMap<>();
        keys.externalIds().forEach(x -> store.leads().findByExternalId(x).ifPresent(l -> byExternalId.put(x, l)));
        Map<WebDomain, Company> byDomain = new HashMap<>();
        keys.domains().forEach(d -> store.companies().findByDomain(d).ifPresent(c -> byDomain.put(d, c)));
        Map<String, Company> byName = new HashMap<>();
        keys.companyNames().forEach(n -> store.companies().findByName(n).ifPresent(c -> byName.put(n, c)));
        return new Found(byEmail, byPhone, openByEmail, openByPhone, byExternalId, byDomain, byName);
    }

    @Override
    public Optional<Contact> lockContact(ContactId id) {
        return store.contacts().lockById(id);
    }

    @Override
    public Map<RecordRef, List<Task>> openTasksAbout(Collection<RecordRef> records) {
        Map<RecordRef, List<Task>> open = new HashMap<>();
        for (RecordRef record : records) {
            List<Task> tasks = store.tasks().openAbout(record);
            if (!tasks.isEmpty()) {
                open.put(record, tasks);
            }
        }
        return open;
    }

    @Override
    public void write(CaptureWrites writes) {
        writes.replay(store.contacts(), store.companies(), store.leads(), store.activities(), store.tasks());
    }
}
