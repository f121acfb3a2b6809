package dev.crmkit.core.access;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Task;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the policy needs to know of a record: which one it is and who owns it. A record's team is its owner's team;
 * an unowned record belongs to no team. Immutable and thread-safe.
 *
 * @param ref   the record
 * @param owner its owner, if any
 */
public record AccessRecord(RecordRef ref, Optional<UserId> owner) {

    /** Validates presence. */
    public AccessRecord {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(owner, "owner");
    }

    /** A contact as the policy sees it. */
    public static AccessRecord of(Contact contact) {
        return new AccessRecord(new RecordRef(RecordType.CONTACT, contact.id().value()), contact.owner());
    }

    /** A lead as the policy sees it. */
    public static AccessRecord of(Lead lead) {
        return new AccessRecord(new RecordRef(RecordType.LEAD, lead.id().value()), lead.owner());
    }

    /** A task as the policy sees it: owned by its assignee. */
    public static AccessRecord of(Task task) {
        return new AccessRecord(new RecordRef(RecordType.TASK, task.id().value()), Optional.of(task.assignee()));
    }

    /** Any record by type, id and owner (deals live in crm-pipeline and use this). */
    public static AccessRecord of(RecordType type, UUID id, Optional<UserId> owner) {
        return new AccessRecord(new RecordRef(type, id), owner);
    }
}
