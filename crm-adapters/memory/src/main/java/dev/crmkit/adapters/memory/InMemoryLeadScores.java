package dev.crmkit.adapters.memory;

import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LeadScores;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lead scores in memory, one per lead. A batch is written in one unit of work (joined or its own), so it lands whole
 * or not at all, and the stored stage only moves forward. Thread-safe.
 */
final class InMemoryLeadScores implements LeadScores {

    /** The most leads one {@link #findAll} call reads, as the port allows. */
    static final int MAX_READ = 1000;

    private final InMemoryTransactions tx;
    private final Map<LeadId, LeadScore> scores = new HashMap<>();

    InMemoryLeadScores(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<LeadScore> find(LeadId lead) {
        Objects.requireNonNull(lead, "lead");
        return tx.read(() -> Optional.ofNullable(scores.get(lead)));
    }

    @Override
    public Map<LeadId, LeadScore> findAll(Collection<LeadId> leads) {
        Objects.requireNonNull(leads, "leads");
        if (leads.size() > MAX_READ) {
            throw new IllegalArgumentException("at most " + MAX_READ + " leads per call, got " + leads.size());
        }
        leads.forEach(id -> Objects.requireNonNull(id, "leads contains null"));
        return tx.read(() -> {
            Map<LeadId, LeadScore> found = new HashMap<>();
            for (LeadId id : leads) {
                LeadScore score = scores.get(id);
                if (score != null) {
                    found.put(id, score);
                }
            }
            return found;
        });
    }

    @Override
    public void saveAll(List<LeadScore> batch) {
        checkOncePerLead(batch);
        tx.run(() -> {
            for (LeadScore score : batch) {
                LeadScore before = scores.get(score.leadId());
                LeadScore stored = before == null ? score : new LeadScore(score.leadId(), score.score(),
                        score.temperature(), before.stage().atLeast(score.stage()), score.scoredAt());
                scores.put(score.leadId(), stored);
                tx.onRollback(() -> {
                    if (before == null) {
                        scores.remove(score.leadId());
                    } else {
                        scores.put(score.leadId(), before);
                    }
                });
            }
        });
    }

    /** Refuses a batch that is null, holds a null or lists a lead twice, before anything is written. */
    private static void checkOncePerLead(List<LeadScore> batch) {
        Objects.requireNonNull(batch, "scores");
        Set<LeadId> seen = new HashSet<>();
        for (LeadScore score : batch) {
            Objects.requireNonNull(score, "scores contains null");
            if (!seen.add(score.leadId())) {
                throw new IllegalArgumentException("lead " + score.leadId() + " is listed twice in one batch");
            }
        }
    }

    /** The archive of the scores, keyed by lead id: export and restore only. */
    MemoryArchive<LeadScore> archive() {
        return new MemoryArchive<>(tx, "lead score", (after, limit) -> KeyOrder.after(scores.values(),
                s -> s.leadId().toString(), after, limit), s -> s.leadId().toString(),
                k -> scores.containsKey(new LeadId(UUID.fromString(k))), s -> saveAll(List.of(s)));
    }
}
