package dev.crmkit.kit.archive;

import dev.crmkit.core.access.Share;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.idempotency.RecordedOutcome;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.merge.CompanyMerge;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.ManualProbability;
import dev.crmkit.core.task.Task;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Pipeline;

/**
 * The archive of every record type of a crmkit store, one {@link Archive} per type, for a full export and its
 * restore. Keys are the records' ids as text unless a method says otherwise. Implementations are thread-safe.
 */
public interface Archives {

    /** The contacts. */
    Archive<Contact> contacts();

    /** The companies. */
    Archive<Company> companies();

    /** The custom field schemas, keyed by the name of their record type. */
    Archive<CustomFieldSchema> customFieldSchemas();

    /** The leads. */
    Archive<Lead> leads();

    /** The timeline, private items included. */
    Archive<Activity> activities();

    /** The tasks. */
    Archive<Task> tasks();

    /**
     * Every revision of every pipeline, keyed {@code <pipeline id>/<version padded to 19 digits>}: restoring them in
     * key order rebuilds each pipeline revision by revision, its last one being the current definition.
     */
    Archive<Pipeline> pipelineRevisions();

    /** The store's default pipeline, keyed {@value DefaultPipeline#KEY}; restored after the revisions. */
    Archive<DefaultPipeline> defaultPipeline();

    /** The deals. */
    Archive<Deal> deals();

    /** The stage history of every deal, keyed by the entry's id. */
    Archive<StageHistoryEntry> stageHistory();

    /** The lead scores, keyed by lead id. */
    Archive<LeadScore> leadScores();

    /** The hand-typed win probabilities, keyed by lead id. */
    Archive<ManualProbability> probabilityOverrides();

    /** The assignment rotations' cursors, keyed by rotation name. */
    Archive<RotationCursor> rotations();

    /** The daily quota use of assignment, keyed by {@link QuotaUse#key()}. */
    Archive<QuotaUse> quotaUse();

    /** The assignment claims, keyed by {@link LeadClaim#key()}. */
    Archive<LeadClaim> leadClaims();

    /** The outcomes of keyed calls, keyed by the idempotency key. */
    Archive<RecordedOutcome> idempotencyKeys();

    /**
     * The merge records of contacts, undone ones included, each with its snapshots and re-pointed list, keyed by the
     * merge id. Restoring an active merge also restores what the store keeps of its merged-away contacts, so that
     * {@code unmerge} works in the store it was restored into.
     */
    Archive<ContactMerge> contactMerges();

    /** Where merged-away contact ids resolve to, keyed by the merged-away id; restored after the merges. */
    Archive<ContactAlias> contactAliases();

    /** How far the restores of exports into this store have come. */
    RestoreLog restoreLog();

    /** The explicit shares of records, keyed by {@link ShareKey}. */
    Archive<Share> shares();

    /**
     * The audit trail, keyed by the entry's id. Entries restored into a store are listed by time, and entries with
     * the very same time in the order of their ids (the order they were restored in), which may differ from the
     * order they were appended in the store they were exported from.
     */
    Archive<AuditEntry> auditTrail();

    /**
     * crm-campaigns' ledger of due messages, with their claims and outcomes, keyed by the message's key. Only used
     * with crm-campaigns on the class path.
     */
    Archive<dev.crmkit.campaigns.delivery.MessageState> campaignMessages();

    /** crm-campaigns' do-not-contact list, keyed by {@link DoNotContactKey}; only with crm-campaigns present. */
    Archive<dev.crmkit.campaigns.audience.DoNotContact> doNotContact();

    /**
     * The merge records of companies, undone ones included, each with its snapshots (the companies and the contacts
     * affiliated before) and re-pointed list, keyed by the merge id. Restoring a merge in force also restores what the
     * store keeps of its merged-away companies, so that {@code unmerge} works in the store it was restored into.
     */
    Archive<CompanyMerge> companyMerges();

    /** Where merged-away company ids resolve to, keyed by the merged-away id; restored after the merges. */
    Archive<CompanyAlias> companyAliases();

    /**
     * The merge records of leads, undone ones included, each with its snapshots and re-pointed list, keyed by the
     * merge id. Restoring a merge in force also restores what the store keeps of its merged-away leads (their last
     * state is in the merge's snapshots, not among the leads), so that {@code unmerge} works after a restore.
     */
    Archive<LeadMerge> leadMerges();

    /** Where merged-away lead ids resolve to, keyed by the merged-away id; restored after the merges. */
    Archive<LeadAlias> leadAliases();

    /**
     * crm-campaigns' host events ({@code CampaignEvents}), keyed by the host's idempotency key; only with
     * crm-campaigns present.
     */
    Archive<CampaignEventEntry> campaignEvents();

    /**
     * crm-campaigns' sequence enrollments, keyed by {@link EnrollmentKey}, without a runner's claim (a lease of a
     * running node: a restored enrollment is unclaimed); only with crm-campaigns present.
     */
    Archive<dev.crmkit.campaigns.sequence.Enrollment> campaignEnrollments();

    /** crm-campaigns' templates, every version, keyed by {@link TemplateKey}; only with crm-campaigns present. */
    Archive<dev.crmkit.campaigns.template.StoredTemplate> campaignTemplates();

    /** crm-campaigns' saved segments, keyed by name; only with crm-campaigns present. */
    Archive<SegmentEntry> campaignSegments();

    /**
     * The cap days of crm-campaigns' ledger, keyed by the message's key, restored onto messages of
     * {@link #campaignMessages()}; only with crm-campaigns present.
     */
    Archive<CapDayEntry> campaignCapDays();

    /** crm-campaigns' A/B test plans with their variants, keyed by the test's id; only with crm-campaigns present. */
    Archive<AbTestEntry> campaignAbTests();

    /**
     * crm-campaigns' A/B exposures with their hits, keyed by {@link AbExposureEntry#key()}, restored onto plans of
     * {@link #campaignAbTests()}; only with crm-campaigns present.
     */
    Archive<AbExposureEntry> campaignAbExposures();

    /**
     * crm-campaigns' A/B winners, keyed by the test's id, restored onto plans of {@link #campaignAbTests()}; only with
     * crm-campaigns present.
     */
    Archive<dev.crmkit.campaigns.abtest.AbWinner> campaignAbWinners();
}
