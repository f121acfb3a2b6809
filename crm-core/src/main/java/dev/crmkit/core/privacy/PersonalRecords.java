package dev.crmkit.core.privacy;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.task.Task;

import java.util.List;
import java.util.Objects;

/**
 * What crm-core holds about a person, for the export of their data: the contact (with its marketing consent), the
 * records that are theirs, their leads and scores, the timeline about those records (public entries: private items
 * of staff are left out), every task about them, open or closed, and the audit entries about them. crm-kit adds the
 * deals of crm-pipeline. Immutable and thread-safe.
 *
 * @param contact  the contact
 * @param records  the person's records (contact and merged-away contacts, leads, deals), in text order
 * @param leads    the leads, in creation order
 * @param scores   the scores of those leads that were scored
 * @param timeline the public timeline entries about any of the records, oldest first, each once
 * @param tasks    the tasks about any of the records, in creation order
 * @param audit    the audit entries about any of the records, oldest first
 * @param consents the history of the person's marketing consent
 * @param mergedLeads the person's leads merged away into another lead (another person's, or one of theirs) by a
 *                    merge in force, as they were before that merge (from the merge record, which keeps them for
 *                    its undo), in the order of their ids
 */
public record PersonalRecords(Contact contact, List<RecordRef> records, List<Lead> leads, List<LeadScore> scores,
                              List<Activity> timeline, List<Task> tasks, List<AuditEntry> audit,
                              List<ConsentChange> consents, List<Lead> mergedLeads) {

    /** Validates presence and copies the lists. */
    public PersonalRecords {
        Objects.requireNonNull(contact, "contact");
        records = List.copyOf(records);
        leads = List.copyOf(leads);
        scores = List.copyOf(scores);
        timeline = List.copyOf(timeline);
        tasks = List.copyOf(tasks);
        audit = List.copyOf(audit);
        consents = List.copyOf(consents);
        mergedLeads = List.copyOf(mergedLeads);
    }

    /** The records without leads merged into another person's lead. */
    public PersonalRecords(Contact contact, List<RecordRef> records, List<Lead> leads, List<LeadScore> scores,
                           List<Activity> timeline, List<Task> tasks, List<AuditEntry> audit,
                           List<ConsentChange> consents) {
        this(contact, records, leads, scores, timeline, tasks, audit, consents, List.of());
    }

    /** The records without a consent history (a store that keeps none). */
    public PersonalRecords(Contact contact, List<RecordRef> records, List<Lead> leads, List<LeadScore> scores,
                           List<Activity> timeline, List<Task> tasks, List<AuditEntry> audit) {
        this(contact, records, leads, scores, timeline, tasks, audit, List.of());
    }
}
