package dev.crmkit.core.scoring;

import dev.crmkit.core.contract.LeadScoresContract;

/** Runs the {@link LeadScores} contract against the test-only in-memory implementation. */
class MapLeadScoresTest extends LeadScoresContract {

    @Override
    protected LeadScores newScores() {
        return new MapLeadScores();
    }
}
