package dev.crmkit.adapters.metrics;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.metrics.quality.RecordFill;
import dev.crmkit.pipeline.deal.Deal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fill records crm-metrics' {@link dev.crmkit.metrics.quality.FillRates} reads, made from crmkit's records: which
 * standard fields ({@link #STANDARD_FIELDS}) and which custom fields of the record type's schema hold a value. Text
 * counts as filled when not empty; a custom field as {@code custom.<key>} when it has a value. Record types are named
 * in lower case ({@code lead}, {@code contact}, {@code company}, {@code deal}). What
 * {@link dev.crmkit.adapters.jdbc.JdbcTeamMetrics#fillRates} computes in the database follows these definitions.
 */
public final class QualityRecords {

    /** The standard fields looked at, per record type, in the order reports list them. */
    public static final Map<RecordType, List<String>> STANDARD_FIELDS = Map.of(
            RecordType.LEAD, List.of("firstName", "lastName", "email", "phone", "companyName", "owner", "request",
                    "campaign"),
            RecordType.CONTACT, List.of("firstName", "lastName", "email", "phone", "company", "language", "birthday",
                    "owner"),
            RecordType.COMPANY, List.of("legalName", "registrationNumber", "taxNumber", "legalAddress", "webDomain",
                    "industry", "size"),
            RecordType.DEAL, List.of("amount", "expectedCloseDate", "owner", "contact", "company"));

    /** The standard fields a record is expected to have unless the caller says otherwise. */
    public static final Map<String, Set<String>> DEFAULT_REQUIRED = Map.of(
            "lead", Set.of("email", "owner"),
            "contact", Set.of("lastName", "email"),
            "company", Set.of("industry"),
            "deal", Set.of("amount", "expectedCloseDate", "owner"));

    /** The fields of {@link dev.crmkit.core.access.RecordFields} the standard fields of the reports are about. */
    private static final Map<String, String> RECORD_FIELDS = Map.ofEntries(
            Map.entry("lead.firstName", "name"), Map.entry("lead.lastName", "name"),
            Map.entry("lead.campaign", "source"),
            Map.entry("contact.firstName", "name"), Map.entry("contact.lastName", "name"),
            Map.entry("contact.email", "emails"), Map.entry("contact.phone", "phones"),
            Map.entry("contact.company", "affiliations"),
            Map.entry("deal.contact", "contactId"), Map.entry("deal.company", "companyId"));

    private QualityRecords() {
    }

    /**
     * The field of the record ({@link dev.crmkit.core.access.RecordFields}, as a role's field permissions name it) a
     * field of the reports is about: {@code firstName} and {@code lastName} are about {@code name}, a contact's
     * {@code email} about {@code emails}, {@code custom.KEY} about {@code customFields.KEY}, and so on; most are
     * named alike.
     */
    public static String recordField(RecordType type, String field) {
        if (field.startsWith("custom.")) {
            return dev.crmkit.core.access.RecordFields.CUSTOM + "." + field.substring("custom.".length());
        }
        return RECORD_FIELDS.getOrDefault(name(type) + "." + field, field);
    }

    /**
     * Whether a field of the reports counts for a scope: not when the actor's role hides the field of the record it
     * is about ({@link dev.crmkit.core.access.StatisticsScope#shows}), whose fill rate would tell about values the
     * actor may not see.
     */
    public static boolean counted(dev.crmkit.core.access.StatisticsScope scope, RecordType type, String field) {
        return scope.shows(type, recordField(type, field));
    }

    /**
     * A record's fill as a scope counts it: without the fields the actor's role hides ({@link #counted}), and without
     * its owner when the role hides the record's {@code owner} (a figure per owner would name the owners).
     */
    public static RecordFill visible(RecordFill fill, RecordType type, dev.crmkit.core.access.StatisticsScope scope) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        fill.fields().forEach((field, filled) -> {
            if (counted(scope, type, field)) {
                fields.put(field, filled);
            }
        });
        return new RecordFill(fill.recordType(), scope.shows(type, "owner") ? fill.owner() : Optional.empty(),
                fields);
    }

    /** The name of a record type in reports: {@code lead}. */
    public static String name(RecordType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The required fields of the types: the given standard ones and every custom field the schemas mark required,
     * as {@code custom.<key>}.
     */
    public static Map<String, Set<String>> required(Map<String, Set<String>> standard,
                                                    List<CustomFieldSchema> schemas) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        standard.forEach((type, fields) -> out.put(type, new TreeSet<>(fields)));
        for (CustomFieldSchema schema : schemas) {
            for (FieldDefinition f : schema.fields()) {
                if (f.required()) {
                    out.computeIfAbsent(name(schema.recordType()), t -> new TreeSet<>()).add("custom." + f.key());
                }
            }
        }
        return out;
    }

    /** A lead's fill. */
    public static RecordFill lead(Lead lead, CustomFieldSchema schema) {
        return fill(RecordType.LEAD, lead.owner(), schema, lead.customFields(), !lead.name().first().isEmpty(),
                !lead.name().last().isEmpty(), lead.email().isPresent(), lead.phone().isPresent(),
                !lead.companyName().isEmpty(), lead.owner().isPresent(), !lead.request().isEmpty(),
                !lead.source().campaign().isEmpty());
    }

    /** A contact's fill. */
    public static RecordFill contact(Contact contact, CustomFieldSchema schema) {
        return fill(RecordType.CONTACT, contact.owner(), schema, contact.customFields(),
                !contact.name().first().isEmpty(), !contact.name().last().isEmpty(), !contact.emails().isEmpty(),
                !contact.phones().isEmpty(), !contact.affiliations().isEmpty(), contact.language().isPresent(),
                contact.birthday().isPresent(), contact.owner().isPresent());
    }

    /** A company's fill; companies have no owner. */
    public static RecordFill company(Company company, CustomFieldSchema schema) {
        return fill(RecordType.COMPANY, Optional.empty(), schema, company.customFields(),
                !company.legalName().isEmpty(), !company.registrationNumber().isEmpty(),
                !company.taxNumber().isEmpty(), company.legalAddress().isPresent(), company.webDomain().isPresent(),
                !company.industry().isEmpty(), company.size() != CompanySize.UNKNOWN);
    }

    /** A deal's fill. */
    public static RecordFill deal(Deal deal, CustomFieldSchema schema) {
        return fill(RecordType.DEAL, deal.owner(), schema, deal.customFields(), deal.amount().isPresent(),
                deal.expectedCloseDate().isPresent(), deal.owner().isPresent(), deal.contactId().isPresent(),
                deal.companyId().isPresent());
    }

    private static RecordFill fill(RecordType type, Optional<UserId> owner, CustomFieldSchema schema,
                                   CustomFields custom, boolean... standard) {
        List<String> names = STANDARD_FIELDS.get(type);
        Map<String, Boolean> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), standard[i]);
        }
        for (FieldDefinition f : schema.fields()) {
            fields.put("custom." + f.key(), custom.get(f.key()).isPresent());
        }
        return new RecordFill(name(type), owner.map(UserId::value), fields);
    }
}
