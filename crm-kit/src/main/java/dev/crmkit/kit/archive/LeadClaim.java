package dev.crmkit.kit.archive;

import dev.crmkit.core.lead.LeadId;

import java.util.Locale;
import java.util.Objects;

/**
 * A claim of the assignment state: a lead at a version claimed for one assignment.
 *
 * @param lead    the lead
 * @param version the lead's version the claim was made at
 */
public record LeadClaim(LeadId lead, long version) {

    /** Checks the parts. */
    public LeadClaim {
        Objects.requireNonNull(lead, "lead");
    }

    /** The archive key: {@code <lead id>/<version padded to 19 digits>}. */
    public String key() {
        return lead + "/" + String.format(Locale.ROOT, "%019d", version);
    }
}
