package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.task.Tasks;

/**
 * Every crmkit port held in memory: thread-safe, indexed by e-mail, phone, external id and every other lookup the
 * ports offer, with serializable units of work that roll back completely. The embedded default for demos, tests and
 * single-process applications; it keeps nothing when the process ends.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().store(InMemoryCrmStore.create()).defaultRegion("DE").build();
 * }</pre>
 */
public final class InMemoryCrmStore implements CrmStore {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryContacts contacts = new InMemoryContacts(transactions);
    private final InMemoryCompanies companies = new InMemoryCompanies(transactions);
    private final InMemoryLeads leads = new InMemoryLeads(transactions);
    private final InMemoryActivities activities = new InMemoryActivities(transactions);
    private final InMemoryTasks tasks = new InMemoryTasks(transactions);
    private final InMemoryCustomFieldSchemas schemas = new InMemoryCustomFieldSchemas(transactions);

    private InMemoryCrmStore() {
    }

    /** An empty store. */
    public static InMemoryCrmStore create() {
        return new InMemoryCrmStore();
    }

    @Override
    public Contacts contacts() {
        return contacts;
    }

    @Override
    public Companies companies() {
        return companies;
    }

    @Override
    public Leads leads() {
        return leads;
    }

    @Override
    public Activities activities() {
        return activities;
    }

    @Override
    public Tasks tasks() {
        return tasks;
    }

    @Override
    public CustomFieldSchemas customFieldSchemas() {
        return schemas;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public DomainEvents events(DomainEvents subscriber) {
        return transactions.events(subscriber);
    }
}
