package dev.crmkit.core.scoring;

import dev.crmkit.core.lead.LeadId;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe in-memory {@link ProbabilityOverrides} for crm-core's tests. */
public final class MapProbabilityOverrides implements ProbabilityOverrides {

    private final ConcurrentHashMap<LeadId, ManualProbability> overrides = new ConcurrentHashMap<>();

    @Override
    public Optional<ManualProbability> find(LeadId lead) {
        return Optional.ofNullable(overrides.get(lead));
    }

    @Override
    public void set(ManualProbability probability) {
        overrides.put(probability.leadId(), probability);
    }

    @Override
    public void clear(LeadId lead) {
        overrides.remove(lead);
    }
}
