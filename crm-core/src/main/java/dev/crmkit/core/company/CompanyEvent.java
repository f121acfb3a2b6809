package dev.crmkit.core.company;

import dev.crmkit.core.kernel.DomainEvent;

import java.time.Instant;

/** What happens to companies. */
public sealed interface CompanyEvent extends DomainEvent {

    /** The company. */
    CompanyId companyId();

    @Override
    default String aggregateId() {
        return companyId().toString();
    }

    /**
     * A company was created.
     *
     * @param companyId  the company
     * @param automatic  whether lead capture created it
     * @param occurredAt when
     */
    record CompanyCreated(CompanyId companyId, boolean automatic, Instant occurredAt) implements CompanyEvent {
    }

    /**
     * A company's details changed.
     *
     * @param companyId  the company
     * @param version    the new stored version
     * @param occurredAt when
     */
    record CompanyChanged(CompanyId companyId, long version, Instant occurredAt) implements CompanyEvent {
    }
}
