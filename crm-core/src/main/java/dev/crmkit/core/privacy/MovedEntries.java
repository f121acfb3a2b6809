package dev.crmkit.core.privacy;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.task.TaskId;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The timeline entries, tasks and deals that lead merges in force moved to or from a person's leads, sorted by whose
 * they are. A lead merge re-points the entries, tasks and deals of a merged-away lead to the survivor (for the
 * survivor's history and the undo); when the two leads are different people's, such a record is still the merged-away
 * lead's person's: it is in that person's export and erasure ({@link #theirs()}, {@link #theirTasks()},
 * {@link #theirDeals()}), and not in those of the survivor's person ({@link #others()}, {@link #otherTasks()},
 * {@link #otherDeals()}), unless it was one of theirs before the merge too. What a record was about is read from the
 * first merge that moved it: an entry's {@link dev.crmkit.core.merge.Repointed#refsBefore()}, a task's or deal's
 * merged-away lead ({@link dev.crmkit.core.merge.Repointed#from()}). A task counts as moved only while it is about a
 * lead ({@link #isThePersonsTask}). A deal is also its contact's: a store keeps a deal of {@link #otherDeals()} among
 * a person's records when its contact is theirs, so a moved deal whose contact is the survivor's person is in both
 * people's records (each export lists it, and either erasure blanks it); a deal re-pointed since to another lead
 * still counts as moved (crm-core does not read deals).
 *
 * <p>Immutable and thread-safe.
 *
 * @param theirs     the entries moved away from the person's records that are the person's although no longer about
 *                   one of their records
 * @param others     the entries moved to one of the person's leads that were about none of their records before:
 *                   another person's, although now about a lead of theirs
 * @param theirTasks the tasks moved away from a lead of the person's: theirs, although about another person's lead now
 * @param otherTasks the tasks moved to a lead of the person's from another person's lead: not theirs
 * @param theirDeals the deals (crm-pipeline's deal ids) moved away from a lead of the person's: theirs
 * @param otherDeals the deals moved to a lead of the person's from another person's lead: not theirs by that lead
 */
public record MovedEntries(Set<ActivityId> theirs, Set<ActivityId> others, Set<TaskId> theirTasks,
                           Set<TaskId> otherTasks, Set<UUID> theirDeals, Set<UUID> otherDeals) {

    private static final MovedEntries NONE = new MovedEntries(Set.of(), Set.of());

    /** Copies the sets; a record in both sets of its kind counts as the person's ({@link #isThePersons}). */
    public MovedEntries {
        theirs = Set.copyOf(theirs);
        others = Set.copyOf(others);
        theirTasks = Set.copyOf(theirTasks);
        otherTasks = Set.copyOf(otherTasks);
        theirDeals = Set.copyOf(theirDeals);
        otherDeals = Set.copyOf(otherDeals);
    }

    /** Timeline entries only: no task or deal moved. */
    public MovedEntries(Set<ActivityId> theirs, Set<ActivityId> others) {
        this(theirs, others, Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** No entry moved: what a person without cross-person lead merges has. */
    public static MovedEntries none() {
        return NONE;
    }

    /** The same tasks and deals with these timeline entries. */
    public MovedEntries withEntries(Set<ActivityId> theirEntries, Set<ActivityId> otherEntries) {
        return new MovedEntries(theirEntries, otherEntries, theirTasks, otherTasks, theirDeals, otherDeals);
    }

    /** Whether nothing moved. */
    public boolean isEmpty() {
        return theirs.isEmpty() && others.isEmpty() && theirTasks.isEmpty() && otherTasks.isEmpty()
                && theirDeals.isEmpty() && otherDeals.isEmpty();
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

    /**
     * Whether the task is the person's: one of {@link #theirTasks()}, or about one of the person's records and not one
     * of {@link #otherTasks()}. A moved task counts as moved only while it is about a lead (where the merges put it):
     * one re-pointed since to a contact, a deal or another kind of record, or to nothing, is whose that record is,
     * as any task (a task the survivor's person re-pointed to their own contact is theirs, no longer the first
     * person's). One re-pointed to another lead still counts as moved: a lead merge of the survivor (a chain) moves
     * it to a lead too, and the two cannot be told apart here.
     *
     * @param id        the task
     * @param relatedTo what it is about now, if anything
     * @param records   the person's records ({@link PersonalData#recordsOf})
     */
    public boolean isThePersonsTask(TaskId id, java.util.Optional<RecordRef> relatedTo,
                                    Collection<RecordRef> records) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(records, "records");
        boolean onALead = relatedTo.filter(r -> r.type() == dev.crmkit.core.kernel.RecordType.LEAD).isPresent();
        if (onALead && theirTasks.contains(id)) {
            return true;
        }
        return !(onALead && otherTasks.contains(id)) && relatedTo.filter(records::contains).isPresent();
    }
}
