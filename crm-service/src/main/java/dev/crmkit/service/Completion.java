package dev.crmkit.service;

import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitStatus;

import java.util.Objects;
import java.util.Optional;

/** The outcome of recording a visit's completion report. */
public sealed interface Completion {

    /**
     * The visit is completed; its plan, if it serves one, counts the completion.
     *
     * @param visit the completed visit
     * @param plan  its plan after the completion, if any
     */
    record Completed(Visit visit, Optional<ServicePlan> plan) implements Completion {
        /** Checks both parts are present. */
        public Completed {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * The visit was already completed or cancelled; nothing changed.
     *
     * @param visit  the visit as stored
     * @param status the status that refused the completion
     */
    record Refused(Visit visit, VisitStatus status) implements Completion {
        /** Checks both parts are present. */
        public Refused {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(status, "status");
        }
    }
}
