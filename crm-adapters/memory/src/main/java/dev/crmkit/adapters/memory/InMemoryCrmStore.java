package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.Shares;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.idempotency.IdempotencyKeys;
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
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.Archives;
import dev.crmkit.kit.archive.ServiceArchives;
import dev.crmkit.kit.archive.CompanyAlias;
import dev.crmkit.kit.archive.LazyArchive;
import dev.crmkit.kit.archive.LeadAlias;
import dev.crmkit.kit.archive.StoreArchives;
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

import java.util.Map;
import java.util.Set;

/**
 * Every crmkit port held in memory: thread-safe, indexed by e-mail, phone, external id and every other lookup the
 * ports offer, with serializable units of work that roll back completely. It is also crm-pipeline's
 * {@link dev.crmkit.pipeline.PipelineStore} (pipelines, deals, stage history), sharing the same units of work, and so
 * a {@link CrmkitStore} for {@link dev.crmkit.kit.Crmkit}. The embedded default for demos, tests and single-process
 * applications; it keeps nothing when the process ends.
 *
 * <p>Some indexes are built only when first read: leads by open contact, by name keys, by status and by owner,
 * contacts by name keys, and open tasks by assignee (a capture under the default duplicate rules reads none of them).
 * That first read, once per index, walks every lead, contact or task, under the store's lock: for a large store it is
 * slower than the reads after it, and it holds back writers meanwhile (and, once a writer waits, other readers).
 *
 * <pre>{@code
 * Crm crm = Crm.builder().store(InMemoryCrmStore.create()).defaultRegion("DE").build();
 * }</pre>
 */
public final class InMemoryCrmStore implements CrmkitStore {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryContacts contacts = new InMemoryContacts(transactions);
    private final InMemoryCompanies companies = new InMemoryCompanies(transactions);
    private final InMemoryLeads leads = new InMemoryLeads(transactions);
    private final InMemoryActivities activities = new InMemoryActivities(transactions);
    private final InMemoryTasks tasks = new InMemoryTasks(transactions);
    private final InMemoryCustomFieldSchemas schemas = new InMemoryCustomFieldSchemas(transactions);
    private final InMemoryLeadScores leadScores = new InMemoryLeadScores(transactions);
    private final InMemoryProbabilityOverrides probabilityOverrides = new InMemoryProbabilityOverrides(transactions);
    private final InMemoryAssignmentState assignmentState = new InMemoryAssignmentState(transactions);
    private final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys(transactions);
    private final InMemoryPipelines pipelines = new InMemoryPipelines(transactions);
    private final InMemoryDeals deals = new InMemoryDeals(transactions);
    private final InMemoryStageHistory stageHistory = new InMemoryStageHistory(transactions);
    private final InMemoryContactMerges contactMerges = new InMemoryContactMerges(transactions, contacts, leads, tasks,
            activities, deals);
    private final InMemoryCompanyMerges companyMerges = new InMemoryCompanyMerges(transactions, companies, contacts,
            leads, tasks, activities, deals);
    private final InMemoryLeadMerges leadMerges = new InMemoryLeadMerges(transactions, leads, tasks, activities,
            deals);

    private CampaignStores campaignStores;
    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail(transactions);
    private final InMemoryShares shares = new InMemoryShares(transactions);
    private final StoreArchives archives = new StoreArchives(contacts.archive(transactions),
            companies.archive(transactions), schemas.archive(), leads.archive(transactions),
            activities.archive(transactions), tasks.archive(transactions), pipelines.archive(),
            pipelines.defaultArchive(),
            deals.archive(transactions), stageHistory.archive(transactions), leadScores.archive(),
            probabilityOverrides.archive(), assignmentState.rotationArchive(), assignmentState.quotaArchive(),
            assignmentState.claimArchive(), idempotencyKeys.archive(), contactMerges.archive(),
            contacts.aliasArchive(transactions, contactMerges::mergeOf), new InMemoryRestoreLog(transactions),
            shares.archive(), auditTrail.archive(),
            LazyArchive.of(() -> CampaignPart.messageArchive(transactions, campaignStores())),
            LazyArchive.of(() -> CampaignPart.doNotContactArchive(transactions, campaignStores())),
            companyMerges.archive(), companyMerges.aliasArchive(CompanyAlias::new, CompanyAlias::merged,
            CompanyAlias::survivor), leadMerges.archive(), leadMerges.aliasArchive(LeadAlias::new, LeadAlias::merged,
            LeadAlias::survivor),
            LazyArchive.of(() -> CampaignPart.eventArchive(transactions, campaignStores())),
            LazyArchive.of(() -> CampaignPart.enrollmentArchive(transactions, campaignStores())),
            LazyArchive.of(() -> CampaignPart.templateArchive(transactions, campaignStores())),
            LazyArchive.of(() -> CampaignPart.segmentArchive(transactions, campaignStores())),
            LazyArchive.of(() -> CampaignPart.capDayArchive(transactions, campaignStores())),
            LazyArchive.of(() -> CampaignPart.abTestArchive(transactions, campaignStores())),
            LazyArchive.of(() -> CampaignPart.abExposureArchive(transactions, campaignStores())),
            LazyArchive.of(() -> CampaignPart.abWinnerArchive(transactions, campaignStores())));
    private final InMemoryAccessDirectory accessDirectory = new InMemoryAccessDirectory(transactions);
    private final InMemoryVisibleRecords visibleRecords = new InMemoryVisibleRecords(contacts, companies, leads,
            activities, tasks, shares);
    private final InMemoryVisibleDeals visibleDeals = new InMemoryVisibleDeals(deals, shares);
    private final InMemoryInstalledEquipment installedEquipment = new InMemoryInstalledEquipment(transactions);
    private final InMemoryServicePlans servicePlans = new InMemoryServicePlans(transactions);
    private final InMemoryServiceRequests serviceRequests = new InMemoryServiceRequests(transactions);
    private final InMemoryVisits visits = new InMemoryVisits(transactions);
    private final InMemoryCommitments commitments = new InMemoryCommitments(transactions);
    private final InMemoryServiceReminders serviceReminders = new InMemoryServiceReminders(transactions);
    private final ServiceArchives serviceArchives = new ServiceArchives(installedEquipment.archive(),
            servicePlans.archive(), serviceRequests.archive(), visits.archive(), commitments.archive(),
            serviceReminders.archive());
    private final InMemoryExternalIds externalIds = new InMemoryExternalIds(transactions);
    private final InMemoryConsentHistory consentHistory = new InMemoryConsentHistory(transactions);
    private final InMemoryPersonalData personalData = new InMemoryPersonalData(transactions, contacts, leads,
            activities, tasks, deals, contactMerges, auditTrail, new InMemoryPersonalData.Service(installedEquipment,
            serviceRequests, visits, commitments), consentHistory, this::eraseCampaignRows);
    private final InMemoryRetention retention = new InMemoryRetention(transactions, contacts, leads, deals,
            activities, tasks, commitments, new InMemoryRetention.Service(servicePlans, installedEquipment,
            serviceRequests, visits), consentHistory, this::campaignActive, this::repointedTasks);
    private final InMemorySuppressionList suppressionList = new InMemorySuppressionList(transactions);

    private InMemoryCrmStore() {
        contactMerges.linkService(installedEquipment, servicePlans, serviceRequests, visits, commitments);
        InMemoryMerges.together(java.util.List.of(contactMerges, companyMerges, leadMerges));
        personalData.coverLeadMerges(leadMerges);
        retention.coverAuditTrail(auditTrail);
    }

    /** An empty store. */
    public static InMemoryCrmStore create() {
        return new InMemoryCrmStore();
    }

    /**
     * An empty store whose indexes built on their first read ({@link Table#lazyGroup}) are built at once, so that
     * every write keeps them from the start: for tests of those writes, which a first read after the writes would
     * not reach (it would test the build instead). Not public API.
     */
    static InMemoryCrmStore withLazyIndexesBuilt() {
        InMemoryCrmStore store = new InMemoryCrmStore();
        store.leads.rows().buildLazyGroups();
        store.contacts.rows().buildLazyGroups();
        store.tasks.rows().buildLazyGroups();
        return store;
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
    public LeadScores leadScores() {
        return leadScores;
    }

    @Override
    public ProbabilityOverrides probabilityOverrides() {
        return probabilityOverrides;
    }

    @Override
    public AssignmentState assignmentState() {
        return assignmentState;
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public AccessDirectory accessDirectory() {
        return accessDirectory;
    }

    @Override
    public Shares shares() {
        return shares;
    }

    @Override
    public dev.crmkit.core.privacy.PersonalData personalData() {
        return personalData;
    }

    @Override
    public dev.crmkit.core.privacy.SuppressionList suppressionList() {
        return suppressionList;
    }

    @Override
    public dev.crmkit.core.privacy.RetentionStore retentionStore() {
        return retention;
    }

    @Override
    public dev.crmkit.core.privacy.ConsentHistory consentHistory() {
        return consentHistory;
    }

    @Override
    public dev.crmkit.kit.archive.Archive<dev.crmkit.core.privacy.ConsentChange> consentArchive() {
        return consentHistory.archive();
    }

    @Override
    public dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.SuppressedHash> suppressionArchive() {
        return suppressionList.archive();
    }

    @Override
    public dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.ErasedContact> erasedContactArchive() {
        return personalData.archive();
    }

    @Override
    public dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.RetentionClaim> retentionClaimArchive() {
        return retention.archive();
    }

    @Override
    public dev.crmkit.core.access.VisibleRecords visibleRecords() {
        return visibleRecords;
    }

    @Override
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    @Override
    public Pipelines pipelines() {
        return pipelines;
    }

    @Override
    public Deals deals() {
        return deals;
    }

    @Override
    public dev.crmkit.pipeline.deal.VisibleDeals visibleDeals() {
        return visibleDeals;
    }

    @Override
    public StageHistory stageHistory() {
        return stageHistory;
    }

    @Override
    public dev.crmkit.core.merge.ContactMerges contactMerges() {
        return contactMerges;
    }

    @Override
    public dev.crmkit.core.merge.CompanyMerges companyMerges() {
        return companyMerges;
    }

    @Override
    public dev.crmkit.core.merge.LeadMerges leadMerges() {
        return leadMerges;
    }

    @Override
    public InstalledEquipment installedEquipment() {
        return installedEquipment;
    }

    @Override
    public ServicePlans servicePlans() {
        return servicePlans;
    }

    @Override
    public ServiceRequests serviceRequests() {
        return serviceRequests;
    }

    @Override
    public Visits visits() {
        return visits;
    }

    @Override
    public Commitments commitments() {
        return commitments;
    }

    @Override
    public ServiceReminders serviceReminders() {
        return serviceReminders;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Archives archives() {
        return archives;
    }

    @Override
    public ServiceArchives serviceArchives() {
        return serviceArchives;
    }

    @Override
    public ExternalIds externalIds() {
        return externalIds;
    }

    /**
     * crm-campaigns' stores in memory, made on first use (so a host without crm-campaigns on the class path loads
     * none of its classes).
     */
    @Override
    public synchronized CampaignStores campaignStores() {
        if (campaignStores == null) {
            campaignStores = CampaignPart.create();
        }
        return campaignStores;
    }

    @Override
    public DomainEvents events(DomainEvents subscriber) {
        return transactions.events(subscriber);
    }

    /** Loaded only when campaign stores are asked for. */
    /**
     * Erases the person's rows in crm-campaigns' stores, if they were ever made (a store that never handed them out
     * holds none, and crm-campaigns need not be on the class path then).
     */
    private Map<String, Long> eraseCampaignRows(Set<String> contacts, dev.crmkit.core.privacy.PersonalValues values) {
        CampaignStores made;
        synchronized (this) {
            made = campaignStores;
        }
        return made == null ? Map.of() : CampaignPart.erase(transactions, made, contacts, values);
    }

    /** The tasks a contact, company or lead merge still in force re-pointed: unmerge puts them back. */
    private Set<java.util.UUID> repointedTasks() {
        Set<java.util.UUID> out = new java.util.HashSet<>();
        java.util.List<dev.crmkit.core.merge.MergeRecord<?, ?>> merges = new java.util.ArrayList<>(contactMerges.all());
        merges.addAll(companyMerges.all());
        merges.addAll(leadMerges.all());
        for (dev.crmkit.core.merge.MergeRecord<?, ?> m : merges) {
            if (m.undoneAt().isEmpty()) {
                m.repointed().stream().filter(r -> r.kind() == dev.crmkit.core.merge.Repointed.Kind.TASK)
                        .forEach(r -> out.add(r.id()));
            }
        }
        return out;
    }

    /**
     * Whether crm-campaigns still works with the contact (a host event since the cutoff, an active enrollment), if
     * its stores were ever made (a store that never handed them out holds none).
     */
    private boolean campaignActive(String contact, java.time.Instant cutoff) {
        CampaignStores made;
        synchronized (this) {
            made = campaignStores;
        }
        return made != null && CampaignPart.active(made, contact, cutoff);
    }

    private static final class CampaignPart {
        private CampaignPart() {
        }

        static boolean active(CampaignStores stores, String contact, java.time.Instant cutoff) {
            return stores.events().of(contact).stream().anyMatch(e -> !e.at().isBefore(cutoff))
                    || ((InMemoryEnrollments) stores.enrollments()).anyActive(contact);
        }

        static Map<String, Long> erase(InMemoryTransactions tx, CampaignStores stores, Set<String> contacts,
                                       dev.crmkit.core.privacy.PersonalValues values) {
            return Map.of("campaign_message", (long) ((InMemoryCampaignMessages) stores.messages()).erase(contacts,
                    values::hits, tx), "campaign_do_not_contact", (long) ((InMemoryDoNotContactList)
                    stores.doNotContact()).erase(contacts, tx), "campaign_event", (long) ((InMemoryCampaignEvents)
                    stores.events()).erase(contacts, tx), "campaign_enrollment", (long) ((InMemoryEnrollments)
                    stores.enrollments()).erase(contacts, values::hits, tx));
        }

        static CampaignStores create() {
            return new InMemoryCampaignStores();
        }

        static Archive<MessageState> messageArchive(InMemoryTransactions tx, CampaignStores stores) {
            return ((InMemoryCampaignMessages) stores.messages()).archive(tx);
        }

        static Archive<DoNotContact> doNotContactArchive(InMemoryTransactions tx, CampaignStores stores) {
            return ((InMemoryDoNotContactList) stores.doNotContact()).archive(tx);
        }

        static Archive<dev.crmkit.kit.archive.CampaignEventEntry> eventArchive(InMemoryTransactions tx,
                                                                              CampaignStores stores) {
            return ((InMemoryCampaignEvents) stores.events()).archive(tx);
        }

        static Archive<dev.crmkit.campaigns.sequence.Enrollment> enrollmentArchive(InMemoryTransactions tx,
                                                                                  CampaignStores stores) {
            return ((InMemoryEnrollments) stores.enrollments()).archive(tx);
        }

        static Archive<dev.crmkit.campaigns.template.StoredTemplate> templateArchive(InMemoryTransactions tx,
                                                                                    CampaignStores stores) {
            return ((InMemoryTemplateStore) stores.templates()).archive(tx);
        }

        static Archive<dev.crmkit.kit.archive.SegmentEntry> segmentArchive(InMemoryTransactions tx,
                                                                         CampaignStores stores) {
            return ((InMemorySavedSegments) stores.segments()).archive(tx);
        }

        static Archive<dev.crmkit.kit.archive.CapDayEntry> capDayArchive(InMemoryTransactions tx,
                                                                       CampaignStores stores) {
            return ((InMemoryCampaignMessages) stores.messages()).capDayArchive(tx);
        }

        static Archive<dev.crmkit.kit.archive.AbTestEntry> abTestArchive(InMemoryTransactions tx,
                                                                        CampaignStores stores) {
            return ((InMemoryAbTestStore) stores.abTests()).planArchive(tx);
        }

        static Archive<dev.crmkit.kit.archive.AbExposureEntry> abExposureArchive(InMemoryTransactions tx,
                                                                                CampaignStores stores) {
            return ((InMemoryAbTestStore) stores.abTests()).exposureArchive(tx);
        }

        static Archive<dev.crmkit.campaigns.abtest.AbWinner> abWinnerArchive(InMemoryTransactions tx,
                                                                            CampaignStores stores) {
            return ((InMemoryAbTestStore) stores.abTests()).winnerArchive(tx);
        }
    }
}
