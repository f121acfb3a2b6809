package dev.crmkit.core.merge;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One record that a merge changed to refer to the survivor instead of a merged-away contact, with what unmerge needs
 * to put it back exactly. Immutable and thread-safe.
 *
 * @param kind         what kind of record it is
 * @param id           its id
 * @param from         the merged-away contact it referred to
 * @param to           the survivor it refers to now
 * @param versionAfter its stored version right after the merge (0 for records without versions); unmerge refuses to
 *                     put back a record whose version moved on since
 * @param refsBefore   for a timeline entry, the records it belonged to before, in order; empty for other kinds
 */
public record Repointed(Kind kind, UUID id, UUID from, UUID to, long versionAfter, List<String> refsBefore) {

    /** Validates presence and copies the list. */
    public Repointed {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        refsBefore = List.copyOf(refsBefore);
    }

    /** A re-pointed record without a list of references. */
    public static Repointed of(Kind kind, UUID id, UUID from, UUID to, long versionAfter) {
        return new Repointed(kind, id, from, to, versionAfter, List.of());
    }

    /** The kinds of records a merge re-points. */
    public enum Kind {
        /** A lead of the merged-away contact. */
        LEAD,
        /** A task about the merged-away contact. */
        TASK,
        /** A timeline entry about the merged-away contact. */
        ACTIVITY,
        /** A deal (crm-pipeline) with the merged-away contact. */
        DEAL,
        /** An earlier merge's alias: a contact merged into the one merged away now resolves to the new survivor. */
        ALIAS,
        /** A contact affiliated with the merged-away company (company merges). */
        CONTACT
    }
}
