package dev.crmkit.core.scoring;

import dev.crmkit.core.contract.ProbabilityOverridesContract;

/** Runs the {@link ProbabilityOverrides} contract against the test-only in-memory implementation. */
class MapProbabilityOverridesTest extends ProbabilityOverridesContract {

    @Override
    protected ProbabilityOverrides newOverrides() {
        return new MapProbabilityOverrides();
    }
}
