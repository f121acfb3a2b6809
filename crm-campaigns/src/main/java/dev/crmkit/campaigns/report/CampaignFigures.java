package dev.crmkit.campaigns.report;

import dev.crmkit.core.kernel.Money;

import java.util.Objects;

/**
 * The figures of one campaign and variant. Immutable and thread-safe.
 *
 * @param campaign  the campaign
 * @param variant   the variant, empty for none
 * @param sent      messages sent
 * @param delivered of them, delivered
 * @param opened    opened (at least once)
 * @param clicked   clicked (at least once)
 * @param converted whose recipient ordered within the attribution window after the message
 * @param revenue   the amount of those orders
 */
public record CampaignFigures(String campaign, String variant, long sent, long delivered, long opened, long clicked,
        long converted, Money revenue) {

    /** Checks the parts are there. */
    public CampaignFigures {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(revenue, "revenue");
    }
}
