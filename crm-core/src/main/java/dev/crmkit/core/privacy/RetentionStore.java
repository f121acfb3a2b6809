package dev.crmkit.core.privacy;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.task.TaskId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store port of the {@link RetentionJob}: which records a {@link RetentionPolicy} rule reaches, and the changes
 * that are made once per record however many nodes run the job at the same time (a claim row for an anonymized
 * person, a conditional delete or update for tasks and timeline entries, whose affected-row count tells the one node
 * that made the change). Lists are pages in a stable order of the store ({@code after} is the last id of the previous
 * page). Writes take part in the running unit of work. Implementations are thread-safe.
 */
public interface RetentionStore {

    /**
     * People who never became customers: surviving contacts with at least one lead, none converted, none and the
     * contact unchanged since the cutoff, no deal of the contact or its leads, no timeline entry about any of them
     * since the cutoff, and not claimed yet ({@link #claimPerson}); nor a customer elsewhere: no active service plan,
     * no equipment in service, no open service request or commitment, no crm-service record of the person made or
     * changed since the cutoff, no consent change since the cutoff, no open task about the contact or its leads (nor
     * one created, due or closed since the cutoff), no host campaign event since the cutoff, no active campaign
     * enrollment (crm-service's and crm-campaigns' records count where the store holds them).
     */
    List<ContactId> neverConverted(Instant cutoff, Optional<ContactId> after, int limit);

    /** Whether the contact is (still) one of {@link #neverConverted}; asked again under the contact's lock. */
    boolean isNeverConverted(ContactId contact, Instant cutoff);

    /**
     * Holds every lead row of the contact (merged-away ones included) for the running unit of work, taken in id order
     * so two callers never wait on each other in a cycle: a lead conversion or status change that wants one of them
     * waits until the unit of work ends (and then fails its versioned update if the lead was anonymized), and one that
     * came first is seen by the re-check ({@link #isNeverConverted}) made after this call.
     */
    void lockLeads(ContactId contact);

    /**
     * Claims the person for anonymization by retention, in the running unit of work: true for exactly one caller
     * (the claim stays), false when someone claimed them before (now or on another node).
     */
    boolean claimPerson(ContactId contact, Instant at);

    /**
     * Tasks done or cancelled before the cutoff that no service commitment names and no contact, company or lead
     * merge still in force re-pointed (unmerge puts those back).
     */
    List<TaskId> closedTasks(Instant cutoff, Optional<TaskId> after, int limit);

    /** Deletes the task if it is still one of {@link #closedTasks}: true for the one caller that deleted it. */
    boolean deleteClosedTask(TaskId task, Instant cutoff);

    /** Timeline entries that happened before the cutoff and still hold a subject, body or participants. */
    List<ActivityId> timelineBefore(Instant cutoff, Optional<ActivityId> after, int limit);

    /**
     * Blanks the entry's subject, body and participants (as {@link Anonymized#activity}) if it is still one of
     * {@link #timelineBefore}: true for the one caller that changed it.
     */
    boolean anonymizeActivity(ActivityId activity, Instant cutoff);

    /**
     * How many lead rows an anonymization of the person would change (what {@link PersonalData#erase} counts as
     * {@code lead}): read only, for {@link RetentionJob#dryRun}. The default fails with
     * {@link UnsupportedOperationException}.
     */
    default long leadsOf(ContactId contact) {
        throw new UnsupportedOperationException("this store cannot count a retention run in advance");
    }

    /**
     * How many audit entries were recorded before the cutoff (what
     * {@link dev.crmkit.core.audit.AuditTrail#purgeBefore} would remove): read only, for {@link RetentionJob#dryRun}.
     * The default fails with {@link UnsupportedOperationException}.
     */
    default long auditEntriesBefore(Instant cutoff) {
        throw new UnsupportedOperationException("this store cannot count a retention run in advance");
    }

    /** A store without retention support: every call fails with {@link UnsupportedOperationException}. */
    static RetentionStore unsupported() {
        return new RetentionStore() {
            private UnsupportedOperationException no() {
                return new UnsupportedOperationException("this store cannot apply a retention policy");
            }

            @Override
            public List<ContactId> neverConverted(Instant cutoff, Optional<ContactId> after, int limit) {
                throw no();
            }

            @Override
            public boolean isNeverConverted(ContactId contact, Instant cutoff) {
                throw no();
            }

            @Override
            public void lockLeads(ContactId contact) {
                throw no();
            }

            @Override
            public boolean claimPerson(ContactId contact, Instant at) {
                throw no();
            }

            @Override
            public List<TaskId> closedTasks(Instant cutoff, Optional<TaskId> after, int limit) {
                throw no();
            }

            @Override
            public boolean deleteClosedTask(TaskId task, Instant cutoff) {
                throw no();
            }

            @Override
            public List<ActivityId> timelineBefore(Instant cutoff, Optional<ActivityId> after, int limit) {
                throw no();
            }

            @Override
            public boolean anonymizeActivity(ActivityId activity, Instant cutoff) {
                throw no();
            }
        };
    }
}
