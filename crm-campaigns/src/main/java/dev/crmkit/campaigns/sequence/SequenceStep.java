package dev.crmkit.campaigns.sequence;

import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/** One step of a {@link Sequence}. */
public sealed interface SequenceStep permits SequenceStep.Send, SequenceStep.Wait, SequenceStep.Condition,
        SequenceStep.Branch, SequenceStep.CreateTask, SequenceStep.ChangeField, SequenceStep.HandToSales {

    /**
     * Send a message from a template.
     *
     * @param template the template's name
     * @param kind     marketing or transactional
     */
    record Send(String template, MessageKind kind) implements SequenceStep {
        /** Checks the parts are there. */
        public Send {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Wait some days before the next step.
     *
     * @param days 1 to 365
     */
    record Wait(int days) implements SequenceStep {
        /** Validates the days. @throws ValidationException naming {@code days} */
        public Wait {
            if (days < 1 || days > 365) {
                throw ValidationException.of("days", "range", "a wait is from 1 to 365 days, was " + days);
            }
        }
    }

    /**
     * Go on only if the contact showed a signal since it was enrolled; else the enrollment ends.
     *
     * @param signal the signal needed
     */
    record Condition(SignalType signal) implements SequenceStep {
        /** Checks the signal is there. */
        public Condition {
            Objects.requireNonNull(signal, "signal");
        }
    }

    /**
     * Go to one of two later steps, by whether the contact showed a signal since it was enrolled.
     *
     * @param signal    the signal asked about
     * @param ifSeen    the index of the step to go to when it was seen
     * @param otherwise the index of the step to go to when not
     */
    record Branch(SignalType signal, int ifSeen, int otherwise) implements SequenceStep {
        /** Checks the signal is there. */
        public Branch {
            Objects.requireNonNull(signal, "signal");
        }
    }

    /**
     * Create a task for the contact's owner.
     *
     * @param title     the task's title
     * @param dueInDays days from now until it is due, 0 or more
     */
    record CreateTask(String title, int dueInDays) implements SequenceStep {
        /** Validates the parts. @throws ValidationException naming {@code dueInDays} */
        public CreateTask {
            Objects.requireNonNull(title, "title");
            if (dueInDays < 0) {
                throw ValidationException.of("dueInDays", "not-negative", "must be 0 or more, was " + dueInDays);
            }
        }
    }

    /**
     * Set a field of the contact (a custom field, the lifecycle stage).
     *
     * @param field the field's name
     * @param value the new value
     */
    record ChangeField(String field, String value) implements SequenceStep {
        /** Checks the parts are there. */
        public ChangeField {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Hand the contact to sales; the enrollment ends.
     *
     * @param note what sales should know
     */
    record HandToSales(String note) implements SequenceStep {
        /** Checks the note is there. */
        public HandToSales {
            Objects.requireNonNull(note, "note");
        }
    }
}
