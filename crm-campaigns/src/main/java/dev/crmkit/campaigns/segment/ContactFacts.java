package dev.crmkit.campaigns.segment;

import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.metrics.rfm.CustomerRfm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ContactFilter} looks at for one stored contact: the contact, its leads with their latest scores, the
 * team of its owner, the time of its newest timeline entry, and its orders as of a day when the segment has order
 * conditions. Immutable and thread-safe.
 *
 * @param contact         the contact
 * @param leads           its leads (any status), each with its score when one is stored
 * @param ownerTeam       the team of the contact's owner in the access directory, empty without owner or team
 * @param lastInteraction when the newest public timeline entry about the contact occurred, empty without one
 * @param orders          its orders as of the day the segment is counted on, empty when nobody read them (an order
 *                        condition then refuses to decide)
 */
public record ContactFacts(Contact contact, List<LeadFact> leads, Optional<TeamId> ownerTeam,
                           Optional<Instant> lastInteraction, Optional<Orders> orders) {

    /** Checks the parts are there and copies the list. */
    public ContactFacts {
        Objects.requireNonNull(contact, "contact");
        leads = List.copyOf(leads);
        Objects.requireNonNull(ownerTeam, "ownerTeam");
        Objects.requireNonNull(lastInteraction, "lastInteraction");
        Objects.requireNonNull(orders, "orders");
    }

    /** The facts without orders (as before order conditions existed). */
    public ContactFacts(Contact contact, List<LeadFact> leads, Optional<TeamId> ownerTeam,
            Optional<Instant> lastInteraction) {
        this(contact, leads, ownerTeam, lastInteraction, Optional.empty());
    }

    /** These facts with the contact's orders as of a day. */
    public ContactFacts withOrders(Optional<Orders> orders) {
        return new ContactFacts(contact, leads, ownerTeam, lastInteraction, orders);
    }

    /**
     * The contact's orders as an order condition sees them.
     *
     * @param asOf the day the segment is counted on; orders after it do not count
     * @param rfm  the contact's RFM values, scores and segment as of that day (crm-metrics, ranked among every
     *             customer of the order source), empty when it has no order on or before the day
     */
    public record Orders(LocalDate asOf, Optional<CustomerRfm> rfm) {
        /** Checks the parts are there. */
        public Orders {
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(rfm, "rfm");
        }
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
