package dev.crmkit.service;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.service.commitment.Commitment;

import java.util.Objects;

/** What became of a commitment that fell due. */
public sealed interface Handover {

    /**
     * It became a task for the customer's owner at the time it fell due.
     *
     * @param commitment the commitment, now handed over
     * @param task       the task created
     * @param owner      who got it
     */
    record HandedOver(Commitment commitment, Task task, UserId owner) implements Handover {
        /** Checks every part is present. */
        public HandedOver {
            Objects.requireNonNull(commitment, "commitment");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(owner, "owner");
        }
    }

    /**
     * The customer has no owner to hand it to; it stays open and is offered again next time.
     *
     * @param commitment the commitment, still open
     */
    record NoOwner(Commitment commitment) implements Handover {
        /** Checks the commitment is present. */
        public NoOwner {
            Objects.requireNonNull(commitment, "commitment");
        }
    }
}
