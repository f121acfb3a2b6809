package dev.crmkit.core.privacy;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.task.Task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The store port behind a person's rights: which records of the store belong to a person, and the erasure of every
 * personal value of theirs in every table of the store (crm-core's, crm-pipeline's, crm-service's and
 * crm-campaigns' alike, because a store holds them all). Implementations take part in the running unit of work and
 * are thread-safe.
 */
public interface PersonalData {

    /**
     * The records that are the person's: the contact and every contact merged into it, their leads, and the deals
     * of those contacts or leads (the store knows crm-pipeline's deals even though crm-core does not).
     */
    Set<RecordRef> recordsOf(ContactId contact);

    /** Every task, open or closed, about one of the records, in creation order. */
    List<Task> tasksAbout(Collection<RecordRef> records);

    /**
     * As {@link #recordsOf(ContactId)}, with the deals that lead merges moved ({@link MovedEntries#theirDeals()},
     * {@link MovedEntries#otherDeals()}): the person's deals are those of their contacts, those of their leads that
     * were not moved there from another person's lead, and those moved away from a lead of theirs. The default, for a
     * store that does not know deals moved by lead merges, adds {@link MovedEntries#theirDeals()} and removes none
     * (it cannot tell a deal's contact).
     */
    default Set<RecordRef> recordsOf(ContactId contact, MovedEntries moved) {
        Set<RecordRef> out = new java.util.LinkedHashSet<>(recordsOf(contact));
        moved.theirDeals().forEach(id -> out.add(new RecordRef(dev.crmkit.core.kernel.RecordType.DEAL, id)));
        return out;
    }

    /**
     * As {@link #tasksAbout(Collection)}, with the tasks that lead merges moved: those of {@link
     * MovedEntries#otherTasks()} left out, those of {@link MovedEntries#theirTasks()} added (see {@link
     * MovedEntries#isThePersonsTask}), in creation order. The default, for a store that does not know tasks moved by
     * lead merges, leaves out the others and cannot add the person's tasks moved away.
     */
    default List<Task> tasksAbout(Collection<RecordRef> records, MovedEntries moved) {
        return tasksAbout(records).stream().filter(t -> !moved.otherTasks().contains(t.id())).toList();
    }

    /**
     * Removes or irreversibly anonymizes every personal value of the person in every table: the contact, its merged
     * away records and merge snapshots, leads and their de-duplication keys, timeline texts and participants, tasks,
     * deal titles and fields, service and campaign texts, outbox payloads (delivered or not) and the old and new
     * values of audit entries. Rows stay (anonymous), so counts still add up. Runs in the running unit of work.
     *
     * @param contact the person's contact (a surviving one, not an alias)
     * @param values  the person's values as the use case knows them (contact and leads), to recognize in free
     *                texts; the store adds what else it holds (merge snapshots)
     * @param at      when, for the anonymized rows' change times
     * @return rows touched per table
     */
    ErasureCounts erase(ContactId contact, PersonalValues values, Instant at);

    /**
     * As {@link #erase(ContactId, PersonalValues, Instant)}, with the timeline entries, tasks and deals that lead
     * merges moved: those of {@link MovedEntries#theirs()}, {@link MovedEntries#theirTasks()} and {@link
     * MovedEntries#theirDeals()} are erased as the person's although they are about another person's lead now, and
     * those of {@link MovedEntries#others()}, {@link MovedEntries#otherTasks()} and {@link MovedEntries#otherDeals()}
     * are left as another person's although they are about a lead of the person now (a deal of the person's contact
     * stays theirs). A store without lead merges has none, and need not implement this.
     *
     * <p>A store whose {@link dev.crmkit.core.merge.LeadMerges} lists merges by survivor ({@link
     * dev.crmkit.core.merge.LeadMerges#findBySurvivor}) must implement this and {@link #recordsOf(ContactId,
     * MovedEntries)}: the default refuses an erasure as soon as a lead merge across people moved anything, a timeline
     * entry, a task or a deal ({@link MovedEntries#isEmpty()}). Before tasks and deals counted as moved, such an
     * erasure went through when the merges had moved only tasks or deals; it now throws instead of leaving the moved
     * ones unerased. The default {@link #recordsOf(ContactId, MovedEntries)} cannot tell a deal's contact either, so
     * on such a store the survivor's person's export still lists the deals moved onto their lead.
     *
     * @throws UnsupportedOperationException if entries, tasks or deals moved and the store does not implement this
     */
    default ErasureCounts erase(ContactId contact, PersonalValues values, Instant at, MovedEntries moved) {
        if (moved.isEmpty()) {
            return erase(contact, values, at);
        }
        throw new UnsupportedOperationException("this store cannot erase timeline entries, tasks or deals moved by lead merges");
    }

    /**
     * Whether the contact's data was erased ({@link #erase}, by an erasure or the {@link RetentionJob}): a store that
     * keeps the mark records it in {@link #erase}'s unit of work, and edits of the contact ask this after taking the
     * contact's row lock, so an edit that waited for an erasure is refused (rule {@code erased}) instead of writing
     * new values onto the anonymous row. The store marks every id of the person the erasure covered: the surviving
     * contact and the contacts merged into it, so a merge or an unmerge naming any of them is refused too. The
     * default is {@code false} (a store that keeps no mark lets edits through).
     *
     * @param contact the contact: a surviving one, or one merged into an erased person before the erasure
     */
    default boolean isErased(ContactId contact) {
        return false;
    }

    /** A store that keeps no personal-data support: every call fails with {@link UnsupportedOperationException}. */
    static PersonalData unsupported() {
        return new PersonalData() {
            @Override
            public Set<RecordRef> recordsOf(ContactId contact) {
                throw new UnsupportedOperationException("this store cannot export or erase a person's data");
            }

            @Override
            public List<Task> tasksAbout(Collection<RecordRef> records) {
                throw new UnsupportedOperationException("this store cannot export or erase a person's data");
            }

            @Override
            public ErasureCounts erase(ContactId contact, PersonalValues values, Instant at) {
                throw new UnsupportedOperationException("this store cannot export or erase a person's data");
            }
        };
    }
}
