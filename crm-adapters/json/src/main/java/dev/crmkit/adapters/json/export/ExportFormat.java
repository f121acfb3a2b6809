package dev.crmkit.adapters.json.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.crmkit.adapters.json.CrmkitModule;
import dev.crmkit.adapters.json.PipelineJson;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.User;
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
import dev.crmkit.kit.archive.AccessDefault;
import dev.crmkit.kit.archive.CompanyAlias;
import dev.crmkit.kit.archive.ContactAlias;
import dev.crmkit.kit.archive.LeadAlias;
import dev.crmkit.kit.archive.DefaultPipeline;
import dev.crmkit.kit.archive.DirectoryArchives;
import dev.crmkit.kit.archive.LeadClaim;
import dev.crmkit.kit.archive.QuotaUse;
import dev.crmkit.kit.archive.RoleEntry;
import dev.crmkit.kit.archive.RotationCursor;
import dev.crmkit.kit.archive.TeamEntry;
import dev.crmkit.kit.migration.ExternalId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.visit.Visit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The full export format of a crmkit store, version {@value #VERSION}: the record types it holds, in the order they
 * are written and restored, and the JSON mapping of their records (crmkit's {@link CrmkitModule}, map entries by key,
 * times as ISO-8601 text). The format is described in {@code docs/export-format.md}. Immutable and thread-safe.
 */
public final class ExportFormat {

    /** The version of the format this crmkit writes and reads. */
    public static final int VERSION = 1;

    /** The name a manifest gives the format. */
    public static final String NAME = "crmkit-export";

    private final List<RecordFormat<?>> records;
    private final ObjectMapper mapper;
    private final PipelineJson pipelines;

    private ExportFormat(List<RecordFormat<?>> records, PipelineJson pipelines) {
        Set<String> names = new HashSet<>();
        for (RecordFormat<?> r : records) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("record type " + r.name() + " is listed twice");
            }
        }
        this.records = List.copyOf(records);
        this.pipelines = pipelines;
        this.mapper = JsonMapper.builder()
                .addModule(new CrmkitModule(pipelines))
                // a set is read back in the order it was written (an activity's records keep their order)
                .addModule(new SimpleModule("crmkit-export").addAbstractTypeMapping(Set.class, LinkedHashSet.class))
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                // keys without an order (a role's FieldRefs) are written in the order their archive gives
                .disable(SerializationFeature.FAIL_ON_ORDER_MAP_BY_INCOMPARABLE_KEY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    /**
     * The record types of crm-core, crm-pipeline and crm-service (and crm-campaigns' when it is on the class path),
     * pipelines with the built-in stage rules and entry actions.
     */
    public static ExportFormat standard() {
        return standard(PipelineJson.standard());
    }

    /**
     * The record types of crm-core, crm-pipeline and crm-service (and crm-campaigns' when it is on the class path),
     * pipelines in a format that knows an embedder's own rules.
     */
    public static ExportFormat standard(PipelineJson pipelines) {
        Objects.requireNonNull(pipelines, "pipelines");
        return CampaignFormats.added(new ExportFormat(List.of(
                new RecordFormat<>("contacts", Contact.class, s -> s.archives().contacts()),
                new RecordFormat<>("companies", Company.class, s -> s.archives().companies()),
                new RecordFormat<>("custom-field-schemas", CustomFieldSchema.class,
                        s -> s.archives().customFieldSchemas()),
                new RecordFormat<>("leads", Lead.class, s -> s.archives().leads()),
                new RecordFormat<>("activities", Activity.class, s -> s.archives().activities()),
                new RecordFormat<>("tasks", Task.class, s -> s.archives().tasks()),
                new RecordFormat<>("pipeline-revisions", Pipeline.class, s -> s.archives().pipelineRevisions()),
                new RecordFormat<>("default-pipeline", DefaultPipeline.class, s -> s.archives().defaultPipeline()),
                new RecordFormat<>("deals", Deal.class, s -> s.archives().deals()),
                new RecordFormat<>("stage-history", StageHistoryEntry.class, s -> s.archives().stageHistory()),
                new RecordFormat<>("lead-scores", LeadScore.class, s -> s.archives().leadScores()),
                new RecordFormat<>("probability-overrides", ManualProbability.class,
                        s -> s.archives().probabilityOverrides()),
                new RecordFormat<>("assignment-rotations", RotationCursor.class, s -> s.archives().rotations()),
                new RecordFormat<>("assignment-quota-use", QuotaUse.class, s -> s.archives().quotaUse()),
                new RecordFormat<>("assignment-claims", LeadClaim.class, s -> s.archives().leadClaims()),
                new RecordFormat<>("idempotency-keys", RecordedOutcome.class, s -> s.archives().idempotencyKeys()),
                new RecordFormat<>("contact-merges", ContactMerge.class, s -> s.archives().contactMerges()),
                new RecordFormat<>("contact-aliases", ContactAlias.class, s -> s.archives().contactAliases()),
                new RecordFormat<>("company-merges", CompanyMerge.class, s -> s.archives().companyMerges()),
                new RecordFormat<>("company-aliases", CompanyAlias.class, s -> s.archives().companyAliases()),
                new RecordFormat<>("lead-merges", LeadMerge.class, s -> s.archives().leadMerges()),
                new RecordFormat<>("lead-aliases", LeadAlias.class, s -> s.archives().leadAliases()),
                new RecordFormat<>("access-teams", TeamEntry.class, s -> DirectoryArchives.teams(s.accessDirectory())),
                new RecordFormat<>("access-roles", RoleEntry.class, s -> DirectoryArchives.roles(s.accessDirectory())),
                new RecordFormat<>("access-users", User.class, s -> DirectoryArchives.users(s.accessDirectory())),
                new RecordFormat<>("access-defaults", AccessDefault.class,
                        s -> DirectoryArchives.defaults(s.accessDirectory())),
                new RecordFormat<>("access-shares", Share.class, s -> s.archives().shares()),
                new RecordFormat<>("audit-trail", AuditEntry.class, s -> s.archives().auditTrail()),
                new RecordFormat<>("service-equipment", Equipment.class, s -> s.serviceArchives().equipment()),
                new RecordFormat<>("service-plans", ServicePlan.class, s -> s.serviceArchives().plans()),
                new RecordFormat<>("service-requests", ServiceRequest.class, s -> s.serviceArchives().requests()),
                new RecordFormat<>("service-visits", Visit.class, s -> s.serviceArchives().visits()),
                new RecordFormat<>("service-commitments", Commitment.class, s -> s.serviceArchives().commitments()),
                new RecordFormat<>("service-reminders", ServiceReminder.class, s -> s.serviceArchives().reminders()),
                new RecordFormat<>("external-ids", ExternalId.class, s -> s.externalIds().archive()),
                new RecordFormat<>("consent-history", dev.crmkit.core.privacy.ConsentChange.class,
                        s -> s.consentArchive()),
                new RecordFormat<>("suppression-list", dev.crmkit.kit.archive.SuppressedHash.class,
                        s -> s.suppressionArchive()),
                new RecordFormat<>("retention-claims", dev.crmkit.kit.archive.RetentionClaim.class,
                        s -> s.retentionClaimArchive()),
                new RecordFormat<>("erased-contacts", dev.crmkit.kit.archive.ErasedContact.class,
                        s -> s.erasedContactArchive())),
                pipelines));
    }

    /**
     * This format with one more record type, written and restored after the others: how a module that adds record
     * types (service, campaigns) extends the export.
     *
     * @throws IllegalArgumentException if a record type of that name is listed already
     */
    public ExportFormat with(RecordFormat<?> record) {
        List<RecordFormat<?>> more = new ArrayList<>(records);
        more.add(Objects.requireNonNull(record, "record"));
        return new ExportFormat(more, pipelines);
    }

    /** The record types, in the order they are written and restored. */
    public List<RecordFormat<?>> records() {
        return records;
    }

    /** The record type of this name. */
    public Optional<RecordFormat<?>> record(String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The mapper records are written and read with. */
    ObjectMapper mapper() {
        return mapper;
    }
}
