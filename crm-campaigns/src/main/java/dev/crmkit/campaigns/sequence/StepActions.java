package dev.crmkit.campaigns.sequence;

/**
 * The port through which a {@code SequenceRunner} has the host carry out the steps that are not messages: create a
 * task for the contact's owner ({@link SequenceAction.TaskForOwner}), set a field ({@link SequenceAction.FieldChange})
 * and hand the contact to sales ({@link SequenceAction.Handover}). Messages go through the campaign ledger instead.
 *
 * <p>Each action comes with an idempotency key ({@link Enrollment#stepKey} of its step): a node that dies after the
 * host carried an action out but before the enrollment's advance was recorded leaves the action to be carried out
 * once more, by the node that claims the enrollment after the lease, with the same key, so the host can drop the
 * repeat. Implementations are thread-safe.
 */
@FunctionalInterface
public interface StepActions {

    /**
     * Carries the action out. A failure is an exception: the runner gives up its claim of the enrollment without
     * advancing it, so a later run tries the step again with the same key.
     */
    void perform(SequenceAction action, String idempotencyKey);
}
