package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of each record type that a role's field permissions ({@link Role#fields()}) may name: the fields of the
 * record ({@code contact.birthday}, {@code deal.lostReason}), and for the types with custom values the custom fields
 * ({@code lead.customFields.margin}, or {@code lead.customFields} for all of them). The fields crmkit keeps itself
 * (id, version, creation and change times) cannot be named. A field can be made {@link FieldAccess#READ} if it can be
 * named; it can be made {@link FieldAccess#HIDDEN} only if a record stays whole without it (an optional value, a
 * text that may be empty, a list), because a record shown to such a role is a copy with the field blanked
 * ({@link FieldRedaction}): a lead's e-mail cannot be hidden (a lead has an e-mail or a phone), its request can.
 * Immutable and thread-safe.
 */
public final class RecordFields {

    private static final Set<String> KEPT_BY_CRMKIT = Set.of("id", "version", "createdAt", "updatedAt");
    /** The prefix of a custom field's name. */
    public static final String CUSTOM = "customFields";

    private static final Map<RecordType, RecordFields> TYPES = new EnumMap<>(RecordType.class);

    static {
        TYPES.put(RecordType.CONTACT, new RecordFields(RecordType.CONTACT, List.of("id", "version", "name", "emails",
                "phones", "addresses", "language", "birthday", "consent", "affiliations", CUSTOM, "owner",
                "createdAt", "updatedAt"), Set.of()));
        TYPES.put(RecordType.COMPANY, new RecordFields(RecordType.COMPANY, List.of("id", "version", "name",
                "legalName", "registrationNumber", "taxNumber", "legalAddress", "webDomain", "industry", "size",
                CUSTOM, "createdAt", "updatedAt"), Set.of("name", "size")));
        TYPES.put(RecordType.LEAD, new RecordFields(RecordType.LEAD, List.of("id", "version", "contactId",
                "companyId", "source", "externalIds", "fingerprints", "request", "name", "email", "phone",
                "companyName", "owner", "status", "disqualificationReason", "submissions", CUSTOM, "createdAt",
                "updatedAt"), Set.of("contactId", "source", "externalIds", "email", "phone", "status",
                "disqualificationReason", "submissions")));
        TYPES.put(RecordType.DEAL, new RecordFields(RecordType.DEAL, List.of("id", "version", "pipelineId", "title",
                "stage", "stageEnteredAt", "stageProbability", "probabilityOverride", "amount", "expectedCloseDate",
                "expectedMargin", "owner", "contactId", "companyId", "leadId", "source", CUSTOM, "documents",
                "approvals", "lostReason", "wonAt", "lostAt", "createdAt", "updatedAt"), Set.of("pipelineId",
                "title", "stage", "stageEnteredAt", "stageProbability", "wonAt", "lostAt")));
        TYPES.put(RecordType.TASK, new RecordFields(RecordType.TASK, List.of("id", "version", "title", "due",
                "remindAt", "assignee", "relatedTo", "status", "closedAt", "createdAt"), Set.of("title", "due",
                "assignee", "status", "closedAt")));
    }

    private final RecordType type;
    private final List<String> fields;
    private final Set<String> alwaysShown;

    private RecordFields(RecordType type, List<String> fields, Set<String> alwaysShown) {
        this.type = type;
        this.fields = List.copyOf(fields);
        this.alwaysShown = Set.copyOf(alwaysShown);
    }

    /** The fields of a record type. */
    public static RecordFields of(RecordType type) {
        return TYPES.get(java.util.Objects.requireNonNull(type, "type"));
    }

    /** Every field of the record, in the order of its components, those crmkit keeps included. */
    public List<String> names() {
        return fields;
    }

    /** Whether the record type carries custom values. */
    public boolean hasCustomFields() {
        return fields.contains(CUSTOM);
    }

    /** Whether a field permission may name the field (a field of the record or a custom field, not one crmkit keeps). */
    public boolean nameable(String field) {
        if (field.startsWith(CUSTOM + ".")) {
            return hasCustomFields() && field.length() > CUSTOM.length() + 1;
        }
        return fields.contains(field) && !KEPT_BY_CRMKIT.contains(field);
    }

    /** Whether a field can be hidden: it can be named and a record stays whole without it. */
    public boolean hideable(String field) {
        return nameable(field) && !alwaysShown.contains(field);
    }

    /**
     * Checks one field permission of a role.
     *
     * @throws ValidationException ({@code fields}, rule {@code known-field}) if the field is not one of the record
     *                             type's or is one crmkit keeps; (rule {@code hideable}) if it is hidden but a record
     *                             cannot be shown without it
     */
    void check(RoleId role, FieldRef field, FieldAccess access) {
        if (field.type() != type) {
            throw new IllegalArgumentException("field " + field + " is not of " + type);
        }
        String plural = type.name().toLowerCase(Locale.ROOT) + "s";
        if (!nameable(field.field())) {
            throw ValidationException.of("fields", "known-field", "role " + role + ": " + field + " is not a field "
                    + plural + " have that a role may restrict; they are " + String.join(", ", fields.stream()
                    .filter(this::nameable).toList()) + (hasCustomFields() ? " and " + CUSTOM + ".KEY" : ""));
        }
        if (access == FieldAccess.HIDDEN && !hideable(field.field())) {
            throw ValidationException.of("fields", "hideable", "role " + role + ": " + field + " cannot be hidden, "
                    + "every one of the " + plural + " is shown with it; it can be made READ");
        }
    }
}
