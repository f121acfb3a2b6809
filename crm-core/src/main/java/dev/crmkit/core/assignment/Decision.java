package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;

import java.util.Objects;

/** What an {@link AssignmentPolicy} decided for a lead: an owner, or nobody, each with its explanation. */
public sealed interface Decision {

    /** Why. */
    Explanation explanation();

    /**
     * An owner was chosen.
     *
     * @param member      who, as a team member
     * @param explanation why
     */
    record Chosen(Member member, Explanation explanation) implements Decision {
        /** Validates presence. */
        public Chosen {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(explanation, "explanation");
        }

        /** The new owner. */
        public UserId owner() {
            return member.user();
        }
    }

    /**
     * Nobody could take the lead: everyone in the team was skipped.
     *
     * @param explanation who was skipped and why
     */
    record NobodyAvailable(Explanation explanation) implements Decision {
        /** Validates presence. */
        public NobodyAvailable {
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
