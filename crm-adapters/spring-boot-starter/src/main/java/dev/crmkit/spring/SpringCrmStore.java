package dev.crmkit.spring;

import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.Shares;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.scoring.LeadScores;
import dev.crmkit.core.scoring.ProbabilityOverrides;
import dev.crmkit.core.task.Tasks;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.Archives;
import dev.crmkit.kit.archive.ServiceArchives;
import dev.crmkit.kit.migration.ExternalIds;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.definition.Pipelines;
import dev.crmkit.service.commitment.Commitments;
import dev.crmkit.service.equipment.InstalledEquipment;
import dev.crmkit.service.plan.ServicePlans;
import dev.crmkit.service.reminder.ServiceReminders;
import dev.crmkit.service.request.ServiceRequests;
import dev.crmkit.service.visit.Visits;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * The JDBC store of a Spring Boot host: a {@link JdbcCrmStore} joined to Spring-managed transactions on the
 * application's {@link DataSource}, whose domain events reach the subscriber after the host transaction commits (and
 * never for rolled-back work). It is the store the {@code Crm} and {@code DealPipeline} beans share. Thread-safe.
 */
public final class SpringCrmStore implements CrmkitStore, dev.crmkit.adapters.jdbc.JdbcBacked {

    private final JdbcCrmStore jdbc;
    private final SpringTransactions transactions;

    /**
     * Wraps a store.
     *
     * @param jdbc       the JDBC store, built on a {@code TransactionAwareDataSourceProxy} of the data source with
     *                   {@code joinHostTransactions()}
     * @param dataSource the application's data source itself (the one Spring's transaction manager binds)
     */
    public SpringCrmStore(JdbcCrmStore jdbc, DataSource dataSource) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        Objects.requireNonNull(dataSource, "dataSource");
        this.transactions = new SpringTransactions(jdbc.transactions(), dataSource);
    }

    /**
     * The JDBC store inside, for its outbox relay, dialect and table prefix, and for the pushdowns of a JDBC store
     * ({@link dev.crmkit.adapters.jdbc.JdbcBacked}): it reads in Spring's transactions as this store does.
     */
    @Override
    public JdbcCrmStore jdbc() {
        return jdbc;
    }

    @Override
    public Contacts contacts() {
        return jdbc.contacts();
    }

    @Override
    public Companies companies() {
        return jdbc.companies();
    }

    @Override
    public Leads leads() {
        return jdbc.leads();
    }

    @Override
    public Activities activities() {
        return jdbc.activities();
    }

    @Override
    public Tasks tasks() {
        return jdbc.tasks();
    }

    @Override
    public dev.crmkit.core.merge.ContactMerges contactMerges() {
        return jdbc.contactMerges();
    }

    @Override
    public dev.crmkit.core.merge.CompanyMerges companyMerges() {
        return jdbc.companyMerges();
    }

    @Override
    public dev.crmkit.core.merge.LeadMerges leadMerges() {
        return jdbc.leadMerges();
    }

    @Override
    public CustomFieldSchemas customFieldSchemas() {
        return jdbc.customFieldSchemas();
    }

    @Override
    public LeadScores leadScores() {
        return jdbc.leadScores();
    }

    @Override
    public ProbabilityOverrides probabilityOverrides() {
        return jdbc.probabilityOverrides();
    }

    @Override
    public AssignmentState assignmentState() {
        return jdbc.assignmentState();
    }

    @Override
    public AuditTrail auditTrail() {
        return jdbc.auditTrail();
    }

    @Override
    public AccessDirectory accessDirectory() {
        return jdbc.accessDirectory();
    }

    @Override
    public Shares shares() {
        return jdbc.shares();
    }

    @Override
    public dev.crmkit.core.privacy.PersonalData personalData() {
        return jdbc.personalData();
    }

    @Override
    public dev.crmkit.core.privacy.SuppressionList suppressionList() {
        return jdbc.suppressionList();
    }

    @Override
    public dev.crmkit.core.privacy.RetentionStore retentionStore() {
        return jdbc.retentionStore();
    }

    @Override
    public dev.crmkit.core.privacy.ConsentHistory consentHistory() {
        return jdbc.consentHistory();
    }

    @Override
    public dev.crmkit.kit.archive.Archive<dev.crmkit.core.privacy.ConsentChange> consentArchive() {
        return jdbc.consentArchive();
    }

    @Override
    public dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.SuppressedHash> suppressionArchive() {
        return jdbc.suppressionArchive();
    }

    @Override
    public dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.ErasedContact> erasedContactArchive() {
        return jdbc.erasedContactArchive();
    }

    @Override
    public dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.RetentionClaim> retentionClaimArchive() {
        return jdbc.retentionClaimArchive();
    }

    @Override
    public dev.crmkit.core.capture.CaptureBatches captureBatches() {
        return jdbc.captureBatches();
    }

    @Override
    public dev.crmkit.core.access.VisibleRecords visibleRecords() {
        return jdbc.visibleRecords();
    }

    @Override
    public Pipelines pipelines() {
        return jdbc.pipelines();
    }

    @Override
    public Deals deals() {
        return jdbc.deals();
    }

    @Override
    public dev.crmkit.pipeline.deal.VisibleDeals visibleDeals() {
        return jdbc.visibleDeals();
    }

    @Override
    public StageHistory stageHistory() {
        return jdbc.stageHistory();
    }

    @Override
    public InstalledEquipment installedEquipment() {
        return jdbc.installedEquipment();
    }

    @Override
    public ServicePlans servicePlans() {
        return jdbc.servicePlans();
    }

    @Override
    public ServiceRequests serviceRequests() {
        return jdbc.serviceRequests();
    }

    @Override
    public Visits visits() {
        return jdbc.visits();
    }

    @Override
    public Commitments commitments() {
        return jdbc.commitments();
    }

    @Override
    public ServiceReminders serviceReminders() {
        return jdbc.serviceReminders();
    }

    /**
     * The store's units of work; a unit inside a Spring-managed transaction on the data source joins it, and its
     * events wait for that transaction's commit.
     */
    @Override
    public Transactions transactions() {
        return transactions;
    }

    /** The JDBC store's archives, for a full export and its restore. */
    @Override
    public Archives archives() {
        return jdbc.archives();
    }

    @Override
    public ServiceArchives serviceArchives() {
        return jdbc.serviceArchives();
    }

    /** The JDBC store's external ids of records migrated from another CRM. */
    @Override
    public ExternalIds externalIds() {
        return jdbc.externalIds();
    }

    /**
     * The JDBC store's campaign stores (message ledger, do-not-contact list); they use connections of their own, not
     * Spring's transaction. Needs crm-campaigns on the class path.
     */
    @Override
    public CampaignStores campaignStores() {
        return jdbc.campaignStores();
    }

    /**
     * Writes each event to the outbox in the unit of work that published it and hands it to the subscriber after the
     * commit: after crmkit's own commit outside a Spring transaction, after the host's commit inside one (and not at
     * all if the unit fails, even when the host goes on and commits).
     */
    @Override
    public DomainEvents events(DomainEvents subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        return new AfterCommitEvents(jdbc.events(subscriber), subscriber, transactions);
    }
}
