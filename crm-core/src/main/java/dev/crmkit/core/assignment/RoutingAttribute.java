package dev.crmkit.core.assignment;

import java.util.Locale;

/** What routing rules look at. */
public enum RoutingAttribute {
    /** The region or country of the lead. */
    REGION,
    /** The product or service asked about. */
    PRODUCT,
    /** The language the lead speaks. */
    LANGUAGE,
    /** The lead's status or pipeline stage. */
    STAGE,
    /** The specialization or skill the lead needs. */
    SKILL,
    /** The sales territory. */
    TERRITORY;

    /** The custom field key {@link LeadProfile#of} reads this attribute from: {@code region}, {@code skill}, ... */
    public String fieldKey() {
        return name().toLowerCase(Locale.ROOT);
    }
}
