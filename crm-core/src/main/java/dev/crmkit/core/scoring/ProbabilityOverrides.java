package dev.crmkit.core.scoring;

import dev.crmkit.core.lead.LeadId;

import java.util.Optional;

/**
 * The storage port for hand-typed win probabilities: at most one per lead. Each method is one statement in SQL.
 * Implementations are thread-safe and take part in the running unit of work.
 */
public interface ProbabilityOverrides {

    /** The lead's hand-typed probability, if one is set. */
    Optional<ManualProbability> find(LeadId lead);

    /** Sets the lead's hand-typed probability, replacing any earlier one. */
    void set(ManualProbability probability);

    /** Clears the lead's hand-typed probability; clearing none changes nothing. */
    void clear(LeadId lead);
}
