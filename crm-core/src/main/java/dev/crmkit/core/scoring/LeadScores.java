package dev.crmkit.core.scoring;

import dev.crmkit.core.lead.LeadId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage port for lead scores: one row per lead. Built for batch rescoring of many leads: reads and writes take
 * lists (in SQL: one {@code SELECT ... WHERE lead_id IN (...)} and one batched upsert). Implementations are
 * thread-safe and take part in the running unit of work.
 */
public interface LeadScores {

    /** The score of a lead, if it was ever scored. */
    Optional<LeadScore> find(LeadId lead);

    /** The scores of those of the leads that were scored, by lead; at most 1,000 leads per call. */
    Map<LeadId, LeadScore> findAll(Collection<LeadId> leads);

    /**
     * Stores the scores, replacing each lead's previous one, except that the stored stage never moves back: a score
     * whose stage is before the stored one keeps the stored stage (in SQL:
     * {@code stage = GREATEST(stored.stage, new.stage)} on the stage's order). Each lead at most once per call.
     *
     * @throws IllegalArgumentException if a lead is listed twice
     */
    void saveAll(List<LeadScore> scores);
}
