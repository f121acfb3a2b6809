package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.Shares;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.adapters.json.PipelineJson;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.idempotency.IdempotencyKeys;
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
import dev.crmkit.kit.archive.LazyArchive;
import dev.crmkit.kit.archive.ServiceArchives;
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

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Objects;

/**
 * Every crmkit port in a relational database (PostgreSQL 13+, MariaDB 10.6+ or H2 2.x) through plain JDBC, on a
 * {@link DataSource} the host application provides and pools. Several application nodes may share one database: the
 * unique keys that de-duplication rests on (normalized e-mail, phone, external submission id, web domain) are
 * constraints of the database, every aggregate row carries a version for optimistic locking, and domain events go to
 * a transactional outbox that {@link OutboxRelay} delivers. It is also crm-pipeline's {@link dev.crmkit.pipeline.PipelineStore}
 * (pipelines with every revision, deals, stage history), sharing the same units of work, so a deal move writes the
 * deal, its history, its timeline entries and its tasks in one database transaction.
 *
 * <pre>{@code
 * CrmSchema.migrate(dataSource);                            // once per start; creates or updates the crm_ tables
 * JdbcCrmStore store = JdbcCrmStore.builder(dataSource).build();
 * Crm crm = Crm.builder().store(store).defaultRegion("DE").build();
 * DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
 * }</pre>
 *
 * <p>Times are kept to the microsecond. Thread-safe.
 */
public final class JdbcCrmStore implements CrmkitStore {

    private final Dialect dialect;
    private final Tables tables;
    private final JdbcTransactions transactions;
    private final JdbcContacts contacts;
    private final JdbcCompanies companies;
    private final JdbcLeads leads;
    private final JdbcActivities activities;
    private final JdbcTasks tasks;
    private final JdbcInstalledEquipment installedEquipment;
    private final JdbcServicePlans servicePlans;
    private final JdbcServiceRequests serviceRequests;
    private final JdbcVisits visits;
    private final JdbcCommitments commitments;
    private final JdbcServiceReminders serviceReminders;
    private final JdbcCustomFieldSchemas schemas;
    private final JdbcLeadScores leadScores;
    private final JdbcProbabilityOverrides probabilityOverrides;
    private final JdbcAssignmentState assignmentState;
    private final JdbcIdempotencyKeys idempotencyKeys;
    private final JdbcExternalIds externalIds;
    private final JdbcAuditTrail auditTrail;
    private final JdbcAccessDirectory accessDirectory;
    private final JdbcShares shares;
    private final JdbcVisibleRecords visibleRecords;
    private final JdbcPipelines pipelines;
    private final JdbcDeals deals;
    private final JdbcVisibleDeals visibleDeals;
    private final JdbcStageHistory stageHistory;
    private final JdbcContactMerges contactMerges;
    private final JdbcCompanyMerges companyMerges;
    private final JdbcLeadMerges leadMerges;
    private final JdbcPersonalData personalData;
    private final JdbcSuppressionList suppressionList;
    private final JdbcRetention retention;
    private final JdbcConsentHistory consentHistory;
    private final Jdbc jdbc;
    private final Duration queryTimeout;
    private final StoreArchives archives;
    private final ServiceArchives serviceArchives;
    private final DataSource campaignDataSource;
    private CampaignStores campaignStores;

    private JdbcCrmStore(Builder b) {
        this.dialect = b.dialect != null ? b.dialect : CrmSchema.dialectOf(b.dataSource);
        this.tables = new Tables(b.tablePrefix);
        JsonCodec json = new JsonCodec();
        Outbox outbox = b.outbox ? new Outbox(dialect, tables, json) : null;
        this.queryTimeout = b.queryTimeout;
        DataSource timed = QueryTimeoutDataSource.wrap(b.dataSource, b.queryTimeout);
        this.campaignDataSource = timed;
        this.transactions = new JdbcTransactions(timed, dialect, b.joinHost, outbox, b.hostCommit);
        this.jdbc = new Jdbc(dialect, tables, json, transactions);
        this.contacts = new JdbcContacts(jdbc);
        this.companies = new JdbcCompanies(jdbc);
        this.leads = new JdbcLeads(jdbc);
        this.activities = new JdbcActivities(jdbc);
        this.tasks = new JdbcTasks(jdbc);
        this.installedEquipment = new JdbcInstalledEquipment(jdbc);
        this.servicePlans = new JdbcServicePlans(jdbc);
        this.serviceRequests = new JdbcServiceRequests(jdbc);
        this.visits = new JdbcVisits(jdbc);
        this.commitments = new JdbcCommitments(jdbc);
        this.serviceReminders = new JdbcServiceReminders(jdbc);
        this.schemas = new JdbcCustomFieldSchemas(jdbc);
        this.pipelines = new JdbcPipelines(jdbc, b.pipelineJson);
        this.stageHistory = new JdbcStageHistory(jdbc);
        this.deals = new JdbcDeals(jdbc, stageHistory);
        this.visibleDeals = new JdbcVisibleDeals(jdbc, deals);
        this.leadScores = new JdbcLeadScores(jdbc);
        this.probabilityOverrides = new JdbcProbabilityOverrides(jdbc);
        this.assignmentState = new JdbcAssignmentState(jdbc, leads, b.tickets);
        this.idempotencyKeys = new JdbcIdempotencyKeys(jdbc);
        this.contactMerges = new JdbcContactMerges(jdbc, contacts);
        this.auditTrail = new JdbcAuditTrail(jdbc);
        this.shares = new JdbcShares(jdbc);
        this.companyMerges = new JdbcCompanyMerges(jdbc, companies, contacts);
        this.leadMerges = new JdbcLeadMerges(jdbc, leads);
        this.archives = new StoreArchives(contacts.archive(), companies.archive(), schemas.archive(), leads.archive(),
                activities.archive(), tasks.archive(), pipelines.archive(), pipelines.defaultArchive(),
                deals.archive(), stageHistory.archive(),
                leadScores.archive(), probabilityOverrides.archive(), assignmentState.rotationArchive(),
                assignmentState.quotaArchive(), assignmentState.claimArchive(), idempotencyKeys.archive(),
                contactMerges.archive(), contactMerges.aliasArchive(), new JdbcRestoreLog(jdbc),
                shares.archive(), auditTrail.archive(), LazyArchive.of(() -> CampaignPart.messageArchive(jdbc)),
                LazyArchive.of(() -> CampaignPart.doNotContactArchive(jdbc)),
                companyMerges.archive(), companyMerges.aliasArchive(), leadMerges.archive(),
                leadMerges.aliasArchive(),
                LazyArchive.of(() -> CampaignPart.eventArchive(jdbc)),
                LazyArchive.of(() -> CampaignPart.enrollmentArchive(jdbc)),
                LazyArchive.of(() -> CampaignPart.templateArchive(jdbc)),
                LazyArchive.of(() -> CampaignPart.segmentArchive(jdbc)),
                LazyArchive.of(() -> CampaignPart.capDayArchive(jdbc)),
                LazyArchive.of(() -> CampaignPart.abTestArchive(jdbc)),
                LazyArchive.of(() -> CampaignPart.abExposureArchive(jdbc)),
                LazyArchive.of(() -> CampaignPart.abWinnerArchive(jdbc)));
        this.serviceArchives = new ServiceArchives(installedEquipment.archive(), servicePlans.archive(),
                serviceRequests.archive(), visits.archive(), commitments.archive(), serviceReminders.archive());
        this.accessDirectory = new JdbcAccessDirectory(jdbc);
        this.externalIds = new JdbcExternalIds(jdbc);
        this.personalData = new JdbcPersonalData(jdbc, tasks);
        this.suppressionList = new JdbcSuppressionList(jdbc);
        this.retention = new JdbcRetention(jdbc);
        this.consentHistory = new JdbcConsentHistory(jdbc);
        this.visibleRecords = new JdbcVisibleRecords(jdbc, contacts, companies, leads, activities,
                tasks);
    }

    /** Starts configuring a store on a data source; the dialect is read from the database unless set. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The dialect in use. */
    public Dialect dialect() {
        return dialect;
    }

    /** How long one statement may run before the driver cancels it; zero for no limit. */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** The table prefix in use. */
    public String tablePrefix() {
        return tables.prefix();
    }

    @Override
    public Contacts contacts() {
        return contacts;
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

    /**
     * How this store takes rotation tickets on its database, as its builder and its database decide:
     * {@link RotationTickets#SEQUENCE} (PostgreSQL's default, {@link Builder#rotationTicketsFromSequence()}),
     * {@link RotationTickets#AHEAD} ({@link Builder#rotationTicketsAhead()}), {@link RotationTickets#STRICT}
     * ({@link Builder#strictRotation()} on PostgreSQL) or {@link RotationTickets#ROW} (inside the assignment's unit on
     * the rotation's row: H2, MariaDB, or the host's transactions joined). A sequence store also says how many of the
     * rotations it used so far it takes ahead on their rows, as its database role may not create or use their
     * sequences ({@link RotationTicketsInUse#rotationsOnTheRow()}); its {@code toString()} is the text for reports.
     *
     * @return the mode and the rotations on the row, as of now
     */
    public RotationTicketsInUse rotationTickets() {
        return assignmentState.ticketMode();
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
    public ExternalIds externalIds() {
        return externalIds;
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

    /** The units of work of this store: one object for its CrmStore and its PipelineStore side. */
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

    /**
     * Bulk capture's reads and writes with set-based statements: one query per kind of key, multi-row key claims and
     * JDBC batches ({@link JdbcCaptureBatches}).
     */
    @Override
    public dev.crmkit.core.capture.CaptureBatches captureBatches() {
        return new JdbcCaptureBatches(jdbc, contacts, companies, leads, activities, tasks);
    }

    @Override
    public ServiceReminders serviceReminders() {
        return serviceReminders;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    /**
     * A publisher bound to this store's units of work. Each event is written to the outbox table in the transaction
     * that published it (unless the outbox is off) and handed to the subscriber right after the commit, in order; it
     * is dropped if the unit rolls back. Direct delivery is lost if the process dies between commit and delivery;
     * {@link OutboxRelay} delivers from the outbox at least once. Inside a host-managed transaction only the outbox
     * is written.
     */
    @Override
    public DomainEvents events(DomainEvents subscriber) {
        return transactions.events(subscriber);
    }

    /**
     * Runs the reads in one read-only transaction at REPEATABLE READ on one connection (PostgreSQL and MariaDB read
     * one snapshot, taken at the first read; H2 as its MVCC gives it), so a full export is one consistent state of
     * the database while others write. Inside a running unit of work, or joined to a host's transaction, they run in
     * that one instead.
     */
    @Override
    public <T> T readConsistently(java.util.function.Supplier<T> reads) {
        return transactions.inSnapshot(reads);
    }

    /** The archives of every table, for a full export and its restore; see {@link Archives}. */
    @Override
    public Archives archives() {
        return archives;
    }

    @Override
    public ServiceArchives serviceArchives() {
        return serviceArchives;
    }

    /**
     * crm-campaigns' stores on this store's database and table prefix ({@link JdbcCampaignStores}), made on first use
     * so a host without crm-campaigns on the class path loads none of its classes. They use connections of their own,
     * outside a unit of work.
     */
    @Override
    public synchronized CampaignStores campaignStores() {
        if (campaignStores == null) {
            campaignStores = CampaignPart.create(campaignDataSource, tables.prefix());
        }
        return campaignStores;
    }

    /** The plumbing, for the relay and the batch import of this package. */
    Jdbc jdbc() {
        return jdbc;
    }

    /**
     * Starts configuring an {@link OutboxRelay} that delivers this store's outbox (same data source, dialect and table
     * prefix) at least once and in order; the same as {@link OutboxRelay#builder(JdbcCrmStore)}.
     */
    public OutboxRelay.Builder outboxRelay() {
        return OutboxRelay.builder(this);
    }

    /** The query timeout of a store whose builder sets none: 30 seconds. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

    /** Configures a {@link JdbcCrmStore}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private String tablePrefix = Tables.DEFAULT_PREFIX;
        private boolean joinHost;
        private HostCommit hostCommit;
        private boolean outbox = true;
        private PipelineJson pipelineJson = PipelineJson.standard();
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private JdbcAssignmentState.Tickets tickets = JdbcAssignmentState.Tickets.SEQUENCE;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The dialect, when it should not be read from the database's metadata. */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * The prefix of every table name; default {@code crm_}. Must be the one {@link CrmSchema#migrate} ran with.
         *
         * @throws IllegalArgumentException unless 1 to 30 lower-case letters, digits and underscores from a letter
         */
        public Builder tablePrefix(String value) {
            this.tablePrefix = Tables.checkPrefix(value);
            return this;
        }

        /**
         * Joins transactions the host application runs on the same data source, as Spring's
         * {@code TransactionAwareDataSourceProxy} or a Jakarta EE container hands them out: when a unit of work finds
         * its connection already inside a transaction (auto-commit off), it runs under a savepoint of that
         * transaction and leaves commit and rollback to the host; events then reach handlers only through the
         * {@link OutboxRelay}, and only if the host commits, unless {@link #joinHostTransactions(HostCommit)} says how
         * to learn of the host's commit. Without a host transaction, units run on their own. A {@code Crm} with an
         * in-process event subscriber refuses such a store, so that no event is dropped silently.
         *
         * <p>Off by default, because a pool may hand out connections with auto-commit off outside any transaction.
         */
        public Builder joinHostTransactions() {
            this.joinHost = true;
            return this;
        }

        /**
         * Joins the host's transactions like {@link #joinHostTransactions()}, and delivers the domain events of work
         * done inside one to the in-process subscriber after the host commits it (never when it rolls back), through
         * the given hook. The Spring Boot starter passes a transaction synchronization.
         */
        public Builder joinHostTransactions(HostCommit afterHostCommit) {
            this.joinHost = true;
            this.hostCommit = Objects.requireNonNull(afterHostCommit, "afterHostCommit");
            return this;
        }

        /**
         * How long one SQL statement may run before the driver cancels it and the call fails with a
         * {@link JdbcStoreException}: a lock another session holds without end, or a database that stopped
         * answering a query, then ends in an error instead of a hang. Default {@link JdbcCrmStore#DEFAULT_QUERY_TIMEOUT} (30 s);
         * {@link Duration#ZERO} for no limit. Applied with {@link java.sql.Statement#setQueryTimeout} (whole seconds,
         * rounded up) to every statement of the store and its {@link OutboxRelay}. A dead network is the job of the
         * driver's socket timeout, which the host sets on its pool (PostgreSQL {@code socketTimeout}, MariaDB
         * {@code socketTimeout}); keep it above this one.
         *
         * @throws IllegalArgumentException if negative or beyond {@link Integer#MAX_VALUE} seconds
         */
        public Builder queryTimeout(Duration value) {
            QueryTimeoutDataSource.seconds(Objects.requireNonNull(value, "queryTimeout"));
            this.queryTimeout = value;
            return this;
        }

        /** Whether domain events are written to the outbox table; default true. Turn off only without a relay. */
        public Builder outbox(boolean value) {
            this.outbox = value;
            return this;
        }

        /**
         * The JSON format pipeline definitions are stored in; default {@link PipelineJson#standard()}. An embedder
         * whose pipelines hold rules or actions of its own registers their record types here
         * ({@code PipelineJson.builder().rule("credit-check", CreditCheck.class).build()}); storing a definition with
         * an unregistered type is refused with an {@link IllegalArgumentException}.
         */
        public Builder pipelineJson(PipelineJson value) {
            this.pipelineJson = Objects.requireNonNull(value, "pipelineJson");
            return this;
        }

        /**
         * On PostgreSQL, takes every rotation ticket from a database sequence of the rotation's own, inside the
         * assignment's unit of work (the default): the read of the lead, its claim, {@code nextval} and the owner
         * write are one statement, and the timeline entry, the outbox rows and the commit a second round trip; one
         * transaction, one commit, and no row lock on the rotation, so assignments through one rotation do not wait
         * for each other's commits. The sequence is created the first time a node uses the rotation, in a transaction
         * of its own (it starts at the rotation's stored cursor, so a rotation used before keeps its order), and the
         * rotation's row names it from then on.
         *
         * <p>This is round robin as an auto-number taken modulo the team's size, as {@link #rotationTicketsAhead()}:
         * exactly in order while every assignment goes through; a sequence is not transactional, so a ticket whose
         * unit rolls back (another node assigned the same lead first and the unit is rerun, the lead changed, the
         * unit failed for good) is not given back and its turn is skipped, and the owners' counts drift apart by one
         * per skipped turn. A lead another node holds the claim of takes no ticket (the claim is taken first, in the
         * same statement).
         *
         * <p>Privileges: {@link CrmSchema#migrate(DataSource)} may run with an owner role and the store with a role
         * that may only read and write the tables. A store whose role may not create a rotation's sequence (no CREATE
         * on the schema, SQLState 42501) takes that rotation's tickets ahead on its row instead, as
         * {@link #rotationTicketsAhead()} does (the same fairness), remembered for the store's life (not tried again
         * per assignment; a grant made later takes effect with a new store). So does a store whose role may not use
         * the sequence another node named on the rotation's row (neither USAGE nor UPDATE on it): it does not fail,
         * but its tickets, on the row, are a second series beside the sequence's, so the owners' counts may drift
         * apart by up to one more than with one series (no lead is assigned twice: the claim and the version check
         * are separate). Grant USAGE on the schema's sequences (e.g. {@code ALTER DEFAULT PRIVILEGES ... GRANT USAGE
         * ON SEQUENCES}) to keep one series; {@link JdbcCrmStore#rotationTickets()} says which way a store went.
         *
         * <p>Mixed nodes: a node built with {@link #rotationTicketsAhead()} takes the ticket of a rotation whose row
         * names a sequence it may use from that sequence ({@code nextval} in its ticket-ahead statement), so both
         * modes hand out one series. A node with {@link #strictRotation()} refuses such a rotation with an
         * {@link IllegalStateException} naming the rotation and the mode (a sequence cannot give a rolled-back ticket
         * back, which is strict rotation's promise). Nodes of crmkit versions before this mode (during a rolling
         * upgrade) advance the row, which a sequence rotation no longer reads: while they run, their tickets are a
         * second series, as above.
         *
         * <p>No effect on H2 and MariaDB (their tickets are taken inside the unit on the rotation's row, as with
         * {@link #strictRotation()}: this change builds sequences for PostgreSQL only), nor with the host's
         * transactions joined (the sequence must be created in a transaction of the store's own).
         */
        public Builder rotationTicketsFromSequence() {
            this.tickets = JdbcAssignmentState.Tickets.SEQUENCE;
            return this;
        }

        /**
         * On PostgreSQL, takes the rotation ticket of an assignment by a routing without rules ahead of its unit of
         * work (the default before {@link #rotationTicketsFromSequence()}; opt-in). The ticket is taken in a
         * statement of its own that commits at once
         * ({@link dev.crmkit.core.assignment.AssignmentState#advanceAhead}), so assignments through one rotation do
         * not wait for each other's commits, and the rotation's row is locked only while that statement runs. The
         * statement also reads the lead, so the unit then writes its owner at that version, checked, with its
         * timeline entry, outbox rows and commit in one round trip: two round trips and two transactions an
         * assignment. A lead another node edited after its ticket was taken (still open, same owner) is read again
         * and assigned with the same ticket.
         *
         * <p>This is round robin as an auto-number taken modulo the team's size: exactly in order while every
         * assignment goes through (leads assigned one after another, or on several nodes, each once); a ticket whose
         * assignment is abandoned (another node assigned the same lead first, the lead was closed or its owner changed
         * meanwhile, the unit failed for good) is not given back, and its turn is skipped, so the owners' counts drift
         * apart by one per skipped turn. No effect on other databases, inside a caller's unit of work, or with the
         * host's transactions joined: there tickets are taken inside the unit, as with {@link #strictRotation()}.
         * A rotation whose row names a sequence (a node with {@link #rotationTicketsFromSequence()} used it) takes
         * its tickets from that sequence, ahead or in the unit alike, so the nodes hand out one series.
         *
         * <p>The same as {@code rotationTicketsAhead(true)}.
         */
        public Builder rotationTicketsAhead() {
            return rotationTicketsAhead(true);
        }

        /**
         * {@code true}: tickets ahead ({@link #rotationTicketsAhead()}); {@code false}: {@link #strictRotation()}.
         * The default is neither: {@link #rotationTicketsFromSequence()}.
         */
        public Builder rotationTicketsAhead(boolean value) {
            this.tickets = value ? JdbcAssignmentState.Tickets.AHEAD : JdbcAssignmentState.Tickets.STRICT;
            return this;
        }

        /**
         * Strict rotation: every rotation ticket is taken inside the assignment's unit of work on the rotation's row,
         * so a unit that rolls back (it lost the race for its lead, the lead changed, it failed) gives its ticket back
         * and the tickets stay dense: the owners' counts stay within one of each other whatever the races (a
         * guarantee no sequence can give, as a sequence never takes a value back). The price: the rotation's row
         * stays locked until the unit commits, its WAL flush included, so every assignment through one rotation, on
         * every node, runs one after another. Opt-in; the same as {@code rotationTicketsAhead(false)}. On PostgreSQL
         * a rotation whose row names a sequence (a node with {@link #rotationTicketsFromSequence()} used it) is
         * refused with an {@link IllegalStateException} naming the rotation and the mode, nothing written: its
         * promise cannot be kept there.
         */
        public Builder strictRotation() {
            return rotationTicketsAhead(false);
        }

        /** The store. */
        public JdbcCrmStore build() {
            return new JdbcCrmStore(this);
        }
    }

    /** Loaded only when campaign stores are asked for. */
    private static final class CampaignPart {
        private CampaignPart() {
        }

        static CampaignStores create(DataSource dataSource, String prefix) {
            return new JdbcCampaignStores(dataSource, prefix);
        }

        static Archive<MessageState> messageArchive(Jdbc jdbc) {
            return JdbcCampaignArchives.messages(jdbc);
        }

        static Archive<DoNotContact> doNotContactArchive(Jdbc jdbc) {
            return JdbcCampaignArchives.doNotContact(jdbc);
        }

        static Archive<dev.crmkit.kit.archive.CampaignEventEntry> eventArchive(Jdbc jdbc) {
            return JdbcCampaignArchives.events(jdbc);
        }

        static Archive<dev.crmkit.campaigns.sequence.Enrollment> enrollmentArchive(Jdbc jdbc) {
            return JdbcCampaignArchives.enrollments(jdbc);
        }

        static Archive<dev.crmkit.campaigns.template.StoredTemplate> templateArchive(Jdbc jdbc) {
            return JdbcCampaignArchives.templates(jdbc);
        }

        static Archive<dev.crmkit.kit.archive.SegmentEntry> segmentArchive(Jdbc jdbc) {
            return JdbcCampaignArchives.segments(jdbc);
        }

        static Archive<dev.crmkit.kit.archive.CapDayEntry> capDayArchive(Jdbc jdbc) {
            return JdbcCampaignArchives.capDays(jdbc);
        }

        static Archive<dev.crmkit.kit.archive.AbTestEntry> abTestArchive(Jdbc jdbc) {
            return JdbcAbTestArchive.plans(jdbc);
        }

        static Archive<dev.crmkit.kit.archive.AbExposureEntry> abExposureArchive(Jdbc jdbc) {
            return JdbcAbTestArchive.exposures(jdbc);
        }

        static Archive<dev.crmkit.campaigns.abtest.AbWinner> abWinnerArchive(Jdbc jdbc) {
            return JdbcAbTestArchive.winners(jdbc);
        }
    }
}
