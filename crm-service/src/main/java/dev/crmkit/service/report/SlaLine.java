package dev.crmkit.service.report;

import dev.crmkit.service.request.Priority;

import java.util.Objects;

/**
 * How the service requests of one priority, opened in a period, kept their SLA as of a moment. Immutable and
 * thread-safe.
 *
 * @param priority        the priority
 * @param requests        how many were opened in the period
 * @param respondedInTime how many got their first response by the SLA's respond-by deadline
 * @param resolvedInTime  how many were resolved by the SLA's resolve-by deadline
 * @param breached        how many missed a deadline: met late, or passed unmet at the moment of the report
 * @param open            how many were not resolved at the moment of the report
 */
public record SlaLine(Priority priority, int requests, int respondedInTime, int resolvedInTime, int breached,
                      int open) {

    /** Checks the priority is present. */
    public SlaLine {
        Objects.requireNonNull(priority, "priority");
    }
}
