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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The store's side of {@link BulkCapture}: it reads, for a whole chunk of submissions at once, what their captures
 * could meet, and writes what they staged. Every call runs inside the chunk's unit of work. A store answers with
 * set-based statements where it can (the JDBC store: one query per kind of key, multi-row key claims, multi-row
 * inserts or COPY); {@link #over} answers through a store's ports, one record at a time, for any store.
 */
public interface CaptureBatches {

    /**
     * What is stored under the chunk's keys. The contacts found are locked for the rest of the unit of work (as
     * {@link dev.crmkit.core.contact.Contacts#lockById} locks them), so captures of the same people on other nodes
     * queue behind the chunk.
     */
    Found find(Keys keys);

    /** A contact, for a merged-away id its survivor, locked for the rest of the unit of work. */
    Optional<Contact> lockContact(ContactId id);

    /** The open tasks about each record, for records that have any. */
    Map<RecordRef, List<Task>> openTasksAbout(Collection<RecordRef> records);

    /**
     * Writes what a chunk staged, as its captures one by one would have left it. Two new leads holding the same
     * external id (which a capture never stages: it folds the repeat into the first) are refused before anything is
     * written, as {@link Leads#requireDistinctExternalIds} refuses them.
     *
     * @throws dev.crmkit.core.kernel.ValidationException on field {@code externalIds}, rule {@code unique-in-batch}
     *                                                    when two new leads hold the same external id
     * @throws dev.crmkit.core.kernel.ConflictException if another unit of work claimed a key the chunk claims (an
     *                                                  e-mail, a phone, an external id, a domain) since
     *                                                  {@link #find}, or changed a record the chunk changes; the
     *                                                  chunk's unit of work then runs again
     */
    void write(CaptureWrites writes);

    /** Answers through a store's ports, one record at a time: correct for any store, set-based for none. */
    static CaptureBatches over(Contacts contacts, Companies companies, Leads leads, Activities activities,
                               Tasks tasks) {
        return new PortCaptureBatches(Objects.requireNonNull(contacts, "contacts"),
                Objects.requireNonNull(companies, "companies"), Objects.requireNonNull(leads, "leads"),
                Objects.requireNonNull(activities, "activities"), Objects.requireNonNull(tasks, "tasks"));
    }

    /**
     * The keys of a chunk's valid submissions.
     *
     * @param emails       normalized e-mail addresses
     * @param phones       phone numbers in E.164
     * @param externalIds  trimmed external ids
     * @param domains      web domains of e-mail addresses that are not a free mail provider's
     * @param companyNames normalized company names, as given
     */
    record Keys(Set<EmailAddress> emails, Set<PhoneNumber> phones, Set<String> externalIds, Set<WebDomain> domains,
                Set<String> companyNames) {
        /** Copies the sets. */
        public Keys {
            emails = Set.copyOf(emails);
            phones = Set.copyOf(phones);
            externalIds = Set.copyOf(externalIds);
            domains = Set.copyOf(domains);
            companyNames = Set.copyOf(companyNames);
        }
    }

    /**
     * What is stored under a chunk's keys; a key with nothing stored is absent from its map.
     *
     * @param contactsByEmail   the contact holding each e-mail, locked
     * @param contactsByPhone   the contact holding each phone, locked
     * @param openLeadsByEmail  the open lead {@link dev.crmkit.core.lead.Leads#findOpenByEmail} gives for each e-mail
     * @param openLeadsByPhone  the open lead {@link dev.crmkit.core.lead.Leads#findOpenByPhone} gives for each phone
     * @param leadsByExternalId the lead holding each external id
     * @param companiesByDomain the company with each domain
     * @param companiesByName   the company {@link dev.crmkit.core.company.Companies#findByName} gives for each name
     */
    record Found(Map<EmailAddress, Contact> contactsByEmail, Map<PhoneNumber, Contact> contactsByPhone,
                 Map<EmailAddress, Lead> openLeadsByEmail, Map<PhoneNumber, Lead> openLeadsByPhone,
                 Map<String, Lead> leadsByExternalId, Map<WebDomain, Company> companiesByDomain,
                 Map<String, Company> companiesByName) {
        /** Copies the maps. */
        public Found {
            contactsByEmail = Map.copyOf(contactsByEmail);
            contactsByPhone = Map.copyOf(contactsByPhone);
            openLeadsByEmail = Map.copyOf(openLeadsByEmail);
            openLeadsByPhone = Map.copyOf(openLeadsByPhone);
            leadsByExternalId = Map.copyOf(leadsByExternalId);
            companiesByDomain = Map.copyOf(companiesByDomain);
            companiesByName = Map.copyOf(companiesByName);
        }
    }
}
