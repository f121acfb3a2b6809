package dev.crmkit.campaigns.segment;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.metrics.rfm.CustomerRfm;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a segment filter looks at for one contact as of a day. Immutable and thread-safe.
 *
 * @param recipient the contact
 * @param rfm       its RFM scores and segment from its orders on or before {@code asOf}, empty when it has none
 * @param asOf      the day the filter is evaluated on (date-relative conditions count from it)
 * @deprecated what the deprecated {@link SegmentFilter} reads; {@link ContactFilter} reads {@link ContactFacts}
 */
@Deprecated(since = "stop 26")
public record SegmentRow(Recipient recipient, Optional<CustomerRfm> rfm, LocalDate asOf) {

    /** Checks the parts are there. */
    public SegmentRow {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(rfm, "rfm");
        Objects.requireNonNull(asOf, "asOf");
    }
}
