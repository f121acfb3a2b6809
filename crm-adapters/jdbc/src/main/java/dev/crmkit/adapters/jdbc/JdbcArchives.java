package dev.crmkit.adapters.jdbc;

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

/** The archives of the JDBC store's tables, each paged by its primary key. Thread-safe. */
record JdbcArchives(Archive<Contact> contacts, Archive<Company> companies,
                    Archive<CustomFieldSchema> customFieldSchemas, Archive<Lead> leads,
                    Archive<Activity> activities, Archive<Task> tasks, Archive<Pipeline> pipelineRevisions,
                    Archive<DefaultPipeline> defaultPipeline,
                    Archive<Deal> deals, Archive<StageHistoryEntry> stageHistory, Archive<LeadScore> leadScores,
                    Archive<ManualProbability> probabilityOverrides, Archive<RotationCursor> rotations,
                    Archive<QuotaUse> quotaUse, Archive<LeadClaim> leadClaims,
                    Archive<RecordedOutcome> idempotencyKeys, RestoreLog restoreLog) implements Archives {
}
