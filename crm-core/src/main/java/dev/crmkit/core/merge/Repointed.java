package dev.crmkit.core.merge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * The last re-pointing of each record, in the order of the list: a record re-pointed twice in one merge (a
     * contact of two merged-away companies) counts with its last version.
     */
    public static List<Repointed> lastOfEach(List<Repointed> repointed) {
        Map<UUID, Repointed> last = new LinkedHashMap<>();
        repointed.forEach(r -> last.put(r.id(), r));
        return List.copyOf(last.values());
    }

    /**
     * Why this alias cannot be put back, if it cannot: it no longer resolves to the survivor.
     *
     * @param noun       the kind of record merged, e.g. {@code contact}
     * @param resolvesTo where the alias resolves to now, if it is one
     */
    public Optional<String> aliasConflict(String noun, Optional<UUID> resolvesTo) {
        return resolvesTo.equals(Optional.of(to)) ? Optional.empty()
                : Optional.of(noun + " " + id + " no longer resolves to " + to);
    }

    /**
     * Why this record cannot be put back, if it cannot: it is no longer stored, or its version moved on.
     *
     * @param versionNow its stored version now (0 for records without versions), empty when it is not stored
     */
    public Optional<String> versionConflict(Optional<Long> versionNow) {
        String what = kind.name().toLowerCase(Locale.ROOT) + " " + id;
        if (versionNow.isEmpty()) {
            return Optional.of(what + " is no longer stored");
        }
        return versionNow.get() == versionAfter ? Optional.empty() : Optional.of(what
                + " changed since the merge (version " + versionAfter + " then, " + versionNow.get() + " now)");
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
        CONTACT,
        /** Installed equipment (crm-service) of the merged-away contact. */
        EQUIPMENT,
        /** A service plan (crm-service) of the merged-away contact. */
        SERVICE_PLAN,
        /** A service request (crm-service) of the merged-away contact. */
        SERVICE_REQUEST,
        /** A visit (crm-service) to the merged-away contact. */
        VISIT,
        /** A commitment (crm-service) recorded against the merged-away contact. */
        COMMITMENT
    }
}
