package dev.crmkit.adapters.memory;

import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.ManualProbability;
import dev.crmkit.core.scoring.ProbabilityOverrides;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Hand-typed win probabilities in memory, at most one per lead. Thread-safe. */
final class InMemoryProbabilityOverrides implements ProbabilityOverrides {

    private final InMemoryTransactions tx;
    private final Map<LeadId, ManualProbability> overrides = new HashMap<>();

    InMemoryProbabilityOverrides(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ManualProbability> find(LeadId lead) {
        Objects.requireNonNull(lead, "lead");
        return tx.read(() -> Optional.ofNullable(overrides.get(lead)));
    }

    @Override
    public void set(ManualProbability probability) {
        Objects.requireNonNull(probability, "probability");
        tx.run(() -> undoable(probability.leadId(), overrides.put(probability.leadId(), probability)));
    }

    @Override
    public void clear(LeadId lead) {
        Objects.requireNonNull(lead, "lead");
        tx.run(() -> undoable(lead, overrides.remove(lead)));
    }

    private void undoable(LeadId lead, ManualProbability before) {
        tx.onRollback(() -> {
            if (before == null) {
                overrides.remove(lead);
            } else {
                overrides.put(lead, before);
            }
        });
    }

    /** The archive of the overrides, keyed by lead id: export and restore only. */
    MemoryArchive<ManualProbability> archive() {
        return new MemoryArchive<>(tx, "probability override", (after, limit) -> KeyOrder.after(overrides.values(),
                p -> p.leadId().toString(), after, limit), p -> p.leadId().toString(),
                k -> overrides.containsKey(new LeadId(UUID.fromString(k))), this::set);
    }
}
