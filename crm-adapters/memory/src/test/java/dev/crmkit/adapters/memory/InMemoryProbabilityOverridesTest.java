package dev.crmkit.adapters.memory;

import dev.crmkit.core.contract.ProbabilityOverridesContract;
import dev.crmkit.core.scoring.ProbabilityOverrides;

/** The in-memory store passes the {@link ProbabilityOverridesContract}. */
class InMemoryProbabilityOverridesTest extends ProbabilityOverridesContract {

    @Override
    protected ProbabilityOverrides newOverrides() {
        return InMemoryCrmStore.create().probabilityOverrides();
    }
}
