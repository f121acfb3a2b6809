package dev.crmkit.pipeline.deal;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.PipelineId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to open a deal.
 *
 * @param pipeline          the pipeline
 * @param title             what is being sold
 * @param stage             the stage to start in; empty for the first open stage
 * @param amount            the amount, if known
 * @param expectedCloseDate when it is expected to close, if known
 * @param owner             who works it
 * @param contact           the person, if any
 * @param company           the company, if any
 * @param source            where it came from, possibly empty
 * @param by                who opens it
 */
public record OpenDeal(PipelineId pipeline, String title, Optional<String> stage, Optional<Money> amount,
                       Optional<LocalDate> expectedCloseDate, Optional<UserId> owner, Optional<ContactId> contact,
                       Optional<CompanyId> company, String source, Actor by) {

    /** Validates presence. */
    public OpenDeal {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(by, "by");
    }

    /** A deal with a title and an amount, owned by the opener, in the first open stage. */
    public static OpenDeal of(PipelineId pipeline, String title, Money amount, Actor by) {
        return new OpenDeal(pipeline, title, Optional.empty(), Optional.of(amount), Optional.empty(),
                Optional.of(by.user()), Optional.empty(), Optional.empty(), "", by);
    }

    /** The same command for a contact and company. */
    public OpenDeal about(Optional<ContactId> newContact, Optional<CompanyId> newCompany) {
        return new OpenDeal(pipeline, title, stage, amount, expectedCloseDate, owner, newContact, newCompany, source,
                by);
    }

    /** The same command closing in a month. */
    public OpenDeal closingOn(LocalDate date) {
        return new OpenDeal(pipeline, title, stage, amount, Optional.of(date), owner, contact, company, source, by);
    }
}
