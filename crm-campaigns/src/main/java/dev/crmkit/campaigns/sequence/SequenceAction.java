package dev.crmkit.campaigns.sequence;

import dev.crmkit.campaigns.message.MessageKind;

import java.time.Instant;
import java.util.Objects;

/** What an advance of a sequence asks the host to do. */
public sealed interface SequenceAction permits SequenceAction.SendMessage, SequenceAction.TaskForOwner,
        SequenceAction.FieldChange, SequenceAction.Handover {

    /** The contact the action is about. */
    String contactId();

    /**
     * Send a message from a template.
     *
     * @param contactId      the contact
     * @param template       the template's name
     * @param kind           marketing or transactional
     * @param idempotencyKey the message's key for the channel
     */
    record SendMessage(String contactId, String template, MessageKind kind, String idempotencyKey)
            implements SequenceAction {
        /** Checks the parts are there. */
        public SendMessage {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }

    /**
     * Create a task for the contact's owner.
     *
     * @param contactId the contact
     * @param title     the task's title
     * @param due       when it is due
     */
    record TaskForOwner(String contactId, String title, Instant due) implements SequenceAction {
        /** Checks the parts are there. */
        public TaskForOwner {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(due, "due");
        }
    }

    /**
     * Set a field of the contact.
     *
     * @param contactId the contact
     * @param field     the field
     * @param value     its new value
     */
    record FieldChange(String contactId, String field, String value) implements SequenceAction {
        /** Checks the parts are there. */
        public FieldChange {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Hand the contact to sales.
     *
     * @param contactId the contact
     * @param note      what sales should know
     */
    record Handover(String contactId, String note) implements SequenceAction {
        /** Checks the parts are there. */
        public Handover {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(note, "note");
        }
    }
}
