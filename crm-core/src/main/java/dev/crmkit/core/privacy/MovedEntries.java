package dev.crmkit.core.privacy;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.kernel.RecordRef;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The timeline entries that lead merges in force moved to or from a person's leads, sorted by whose they are. A lead
 * merge re-points the entries about a merged-away lead to the survivor (for the survivor's history and the undo);
 * when the two leads are different people's, such an entry is still about the merged-away lead's person: it is in
 * that person's export and erasure ({@link #theirs()}), and not in those of the survivor's person
 * ({@link #others()}), unless it was about one of their records before the merge too. What an entry was about is
 * read from the first merge that moved it ({@link dev.crmkit.core.merge.Repointed#refsBefore()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param theirs the entries moved away from the person's records that are the person's although no longer about
 *               one of their records
 * @param others the entries moved to one of the person's leads that were about none of their records before: another
 *               person's, although now about a lead of theirs
 */
public record MovedEntries(Set<ActivityId> theirs, Set<ActivityId> others) {

    private static final MovedEntries NONE = new MovedEntries(Set.of(), Set.of());

    /** Copies the sets; an entry in both counts as the person's ({@link #isThePersons}). */
    public MovedEntries {
        theirs = Set.copyOf(theirs);
        others = Set.copyOf(others);
    }

    /** No entry moved: what a person without cross-person lead merges has. */
    public static MovedEntries none() {
        return NONE;
    }

    /** Whether no entry moved. */
    public boolean isEmpty() {
        return theirs.isEmpty() && others.isEmpty();
    }

    /**
     * Whether the entry is the person's: one of {@link #theirs()}, or about one of the person's records and not one
     * of {@link #others()}.
     *
     * @param records the person's records ({@link PersonalData#recordsOf})
     */
    public boolean isThePersons(Activity entry, Collection<RecordRef> records) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(records, "records");
        if (theirs.contains(entry.id())) {
            return true;
        }
        return !others.contains(entry.id()) && entry.about().stream().anyMatch(records::contains);
    }
}
