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
 * The archives of a store, one per record type, as the store builds them: the {@link Archives} of crmkit's in-memory
 * and JDBC stores. Immutable; thread-safe when its archives are.
 *
 * @param contacts             the contacts
 * @param companies            the companies
 * @param customFieldSchemas   the custom field schemas
 * @param leads                the leads
 * @param activities           the timeline
 * @param tasks                the tasks
 * @param pipelineRevisions    every pipeline revision
 * @param defaultPipeline      the default pipeline marker
 * @param deals                the deals
 * @param stageHistory         the stage history
 * @param leadScores           the lead scores
 * @param probabilityOverrides the probability overrides
 * @param rotations            the assignment rotations
 * @param quotaUse             the daily quota use
 * @param leadClaims           the assignment claims
 * @param idempotencyKeys      the outcomes of keyed calls
 * @param contactMerges        the merge records of contacts
 * @param contactAliases       the aliases of merged-away contacts
 * @param restoreLog           the restore progress
 * @param shares               the explicit shares
 * @param auditTrail           the audit trail
 * @param campaignMessages     crm-campaigns' ledger of due messages (a {@link LazyArchive}: crm-campaigns is optional)
 * @param doNotContact         crm-campaigns' do-not-contact list (a {@link LazyArchive})
 * @param companyMerges        the merge records of companies
 * @param companyAliases       the aliases of merged-away companies
 * @param leadMerges           the merge records of leads
 * @param leadAliases          the aliases of merged-away leads
 * @param campaignEvents       crm-campaigns' host events (a {@link LazyArchive})
 * @param campaignEnrollments  crm-campaigns' sequence enrollments (a {@link LazyArchive})
 * @param campaignTemplates    crm-campaigns' template versions (a {@link LazyArchive})
 * @param campaignSegments     crm-campaigns' saved segments (a {@link LazyArchive})
 * @param campaignCapDays      the cap days of crm-campaigns' ledger (a {@link LazyArchive})
 * @param campaignAbTests      crm-campaigns' A/B test plans (a {@link LazyArchive})
 * @param campaignAbExposures  crm-campaigns' A/B exposures and hits (a {@link LazyArchive})
 * @param campaignAbWinners    crm-campaigns' A/B winners (a {@link LazyArchive})
 */
public record StoreArchives(Archive<Contact> contacts, Archive<Company> companies,
                            Archive<CustomFieldSchema> customFieldSchemas, Archive<Lead> leads,
                            Archive<Activity> activities, Archive<Task> tasks, Archive<Pipeline> pipelineRevisions,
                            Archive<DefaultPipeline> defaultPipeline,
                            Archive<Deal> deals, Archive<StageHistoryEntry> stageHistory, Archive<LeadScore> leadScores,
                            Archive<ManualProbability> probabilityOverrides, Archive<RotationCursor> rotations,
                            Archive<QuotaUse> quotaUse, Archive<LeadClaim> leadClaims,
                            Archive<RecordedOutcome> idempotencyKeys, Archive<ContactMerge> contactMerges,
                            Archive<ContactAlias> contactAliases, RestoreLog restoreLog,
                            Archive<Share> shares, Archive<AuditEntry> auditTrail,
                            Archive<dev.crmkit.campaigns.delivery.MessageState> campaignMessages,
                            Archive<dev.crmkit.campaigns.audience.DoNotContact> doNotContact,
                            Archive<CompanyMerge> companyMerges, Archive<CompanyAlias> companyAliases,
                            Archive<LeadMerge> leadMerges, Archive<LeadAlias> leadAliases,
                            Archive<CampaignEventEntry> campaignEvents,
                            Archive<dev.crmkit.campaigns.sequence.Enrollment> campaignEnrollments,
                            Archive<dev.crmkit.campaigns.template.StoredTemplate> campaignTemplates,
                            Archive<SegmentEntry> campaignSegments,
                            Archive<CapDayEntry> campaignCapDays,
                            Archive<AbTestEntry> campaignAbTests,
                            Archive<AbExposureEntry> campaignAbExposures,
                            Archive<dev.crmkit.campaigns.abtest.AbWinner> campaignAbWinners)
        implements Archives {
}
