package dev.crmkit.kit.migration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The crmkit fields a mapping may fill per record type, and those it must. References ({@code company},
 * {@code contact}, {@code deal}) name the source id of another migrated record, resolved through the external ids.
 */
final class MappedFields {

    private static final Map<SourceType, List<String>> KNOWN = new EnumMap<>(Map.of(
            SourceType.COMPANY, List.of("name", "webDomain", "createdAt"),
            SourceType.CONTACT, List.of("firstName", "lastName", "email", "phone", "company", "owner", "createdAt"),
            SourceType.DEAL, List.of("title", "stage", "amount", "currency", "contact", "company", "owner",
                    "expectedCloseDate", "createdAt", "stageEnteredAt", "lostReason"),
            SourceType.ACTIVITY, List.of("type", "subject", "body", "direction", "occurredAt", "createdAt",
                    "contact", "company", "deal", "owner"),
            SourceType.TASK, List.of("title", "due", "assignee", "status", "closedAt", "createdAt", "contact",
                    "company", "deal")));

    private static final Map<SourceType, Set<String>> REQUIRED = new EnumMap<>(Map.of(
            SourceType.COMPANY, Set.of("name"),
            SourceType.CONTACT, Set.of(),
            SourceType.DEAL, Set.of("title", "stage"),
            SourceType.ACTIVITY, Set.of("type", "subject", "occurredAt"),
            SourceType.TASK, Set.of("title", "due")));

    private MappedFields() {
    }

    /** The fields of a type, in the order the documentation lists them. */
    static List<String> known(SourceType type) {
        return KNOWN.get(type);
    }

    /** The fields a mapping of this type must map to a column. */
    static Set<String> required(SourceType type) {
        return REQUIRED.get(type);
    }

    /** Whether the type's records have custom fields (a {@code RecordType} with a schema). */
    static boolean hasCustomFields(SourceType type) {
        return type == SourceType.COMPANY || type == SourceType.CONTACT || type == SourceType.DEAL;
    }
}
