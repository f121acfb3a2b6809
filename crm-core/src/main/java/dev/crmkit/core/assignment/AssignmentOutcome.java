package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;

import java.util.Objects;
import java.util.Optional;

/** The outcome of assigning one lead: assigned, or not with the rule that stopped it. */
public sealed interface AssignmentOutcome {

    /** The lead. */
    LeadId leadId();

    /**
     * The lead got an owner.
     *
     * @param lead          the stored lead with its new owner
     * @param previousOwner its owner before, if any
     * @param explanation   why this owner
     */
    record Assigned(Lead lead, Optional<UserId> previousOwner, Explanation explanation) implements AssignmentOutcome {
        /** Validates presence. */
        public Assigned {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(previousOwner, "previousOwner");
            Objects.requireNonNull(explanation, "explanation");
        }

        @Override
        public LeadId leadId() {
            return lead.id();
        }

        /** The new owner. */
        public UserId owner() {
            return lead.owner().orElseThrow();
        }
    }

    /**
     * Nothing changed.
     *
     * @param leadId      the lead
     * @param rule        why: {@code already-assigned} (it has another owner than expected), {@code closed},
     *                    {@code claimed-elsewhere} (another thread or node is assigning it), {@code nobody-available};
     *                    a call that loses the lead to another node's assignment gives {@code claimed-elsewhere}
     *                    when it saw the other claim, and {@code already-assigned} when it sees the other node's
     *                    owner (on PostgreSQL with rotation tickets ahead, where the claim goes with the commit)
     * @param reason      a sentence for a person
     * @param explanation the policy's explanation when a policy ran
     */
    record NotAssigned(LeadId leadId, String rule, String reason, Optional<Explanation> explanation)
            implements AssignmentOutcome {
        /** Validates presence. */
        public NotAssigned {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
