package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.idempotency.RecordedOutcome;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.ManualProbability;
import dev.crmkit.core.task.Task;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.Archives;
import dev.crmkit.kit.archive.DefaultPipeline;
import dev.crmkit.kit.archive.LeadClaim;
import dev.crmkit.kit.archive.QuotaUse;
import dev.crmkit.kit.archive.RestoreLog;
import dev.crmkit.kit.archive.RotationCursor;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Pipeline;

/**
 * The archives of the in-memory store. A page in key order is picked in one pass over the record type's rows
 * ({@link KeyOrder}), so the store keeps no extra index for the rare export; an export of n rows in pages of p costs
 * O(n * n / p) comparisons and O(p) memory. Thread-safe.
 */
record InMemoryArchives(Archive<Contact> contacts, Archive<Company> companies,
                        Archive<CustomFieldSchema> customFieldSchemas, Archive<Lead> leads,
                        Archive<Activity> activities, Archive<Task> tasks, Archive<Pipeline> pipelineRevisions,
                        Archive<DefaultPipeline> defaultPipeline,
                        Archive<Deal> deals, Archive<StageHistoryEntry> stageHistory, Archive<LeadScore> leadScores,
                        Archive<ManualProbability> probabilityOverrides, Archive<RotationCursor> rotations,
                        Archive<QuotaUse> quotaUse, Archive<LeadClaim> leadClaims,
                        Archive<RecordedOutcome> idempotencyKeys, RestoreLog restoreLog) implements Archives {
}
