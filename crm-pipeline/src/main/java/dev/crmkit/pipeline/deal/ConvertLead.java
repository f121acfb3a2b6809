package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.PipelineId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to turn a qualified lead into a deal.
 *
 * @param lead              the lead
 * @param pipeline          the pipeline the deal goes into (its first open stage)
 * @param title             the deal's title; empty takes the lead's request, or the contact's name
 * @param amount            the amount, if known
 * @param expectedCloseDate when it is expected to close, if known
 * @param by                who converts it
 */
public record ConvertLead(LeadId lead, PipelineId pipeline, String title, Optional<Money> amount,
                          Optional<LocalDate> expectedCloseDate, Actor by) {

    /** Validates presence. */
    public ConvertLead {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
        Objects.requireNonNull(by, "by");
    }
}
