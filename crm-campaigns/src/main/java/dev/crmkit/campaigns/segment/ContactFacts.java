package dev.crmkit.campaigns.segment;

import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.scoring.LeadScore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ContactFilter} looks at for one stored contact: the contact, its leads with their latest scores, the
 * team of its owner and the time of its newest timeline entry. Immutable and thread-safe.
 *
 * @param contact         the contact
 * @param leads           its leads (any status), each with its score when one is stored
 * @param ownerTeam       the team of the contact's owner in the access directory, empty without owner or team
 * @param lastInteraction when the newest public timeline entry about the contact occurred, empty without one
 */
public record ContactFacts(Contact contact, List<LeadFact> leads, Optional<TeamId> ownerTeam,
                           Optional<Instant> lastInteraction) {

    /** Checks the parts are there and copies the list. */
    public ContactFacts {
        Objects.requireNonNull(contact, "contact");
        leads = List.copyOf(leads);
        Objects.requireNonNull(ownerTeam, "ownerTeam");
        Objects.requireNonNull(lastInteraction, "lastInteraction");
    }

    /** The facts of a contact without leads, owner team or timeline entries. */
    public static ContactFacts of(Contact contact) {
        return new ContactFacts(contact, List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * One lead of the contact as a segment sees it.
     *
     * @param status the lead's status
     * @param score  its stored score (score, temperature, lifecycle stage), empty when never scored
     */
    public record LeadFact(LeadStatus status, Optional<LeadScore> score) {
        /** Checks the parts are there. */
        public LeadFact {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(score, "score");
        }
    }
}
