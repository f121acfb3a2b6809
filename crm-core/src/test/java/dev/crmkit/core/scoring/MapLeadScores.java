package dev.crmkit.core.scoring;

import dev.crmkit.core.lead.LeadId;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A thread-safe in-memory {@link LeadScores} for crm-core's tests; counts the batch writes it receives. */
public final class MapLeadScores implements LeadScores {

    private final ConcurrentHashMap<LeadId, LeadScore> scores = new ConcurrentHashMap<>();
    private final AtomicInteger saveCalls = new AtomicInteger();

    @Override
    public Optional<LeadScore> find(LeadId lead) {
        return Optional.ofNullable(scores.get(lead));
    }

    @Override
    public Map<LeadId, LeadScore> findAll(Collection<LeadId> leads) {
        if (leads.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 leads per call: " + leads.size());
        }
        Map<LeadId, LeadScore> found = new HashMap<>();
        leads.forEach(id -> find(id).ifPresent(s -> found.put(id, s)));
        return found;
    }

    @Override
    public void saveAll(List<LeadScore> batch) {
        Set<LeadId> seen = new HashSet<>();
        for (LeadScore s : batch) {
            if (!seen.add(s.leadId())) {
                throw new IllegalArgumentException("lead " + s.leadId() + " is listed twice");
            }
        }
        saveCalls.incrementAndGet();
        for (LeadScore s : batch) {
            scores.merge(s.leadId(), s, (old, now) -> new LeadScore(now.leadId(), now.score(), now.temperature(),
                    old.stage().atLeast(now.stage()), now.scoredAt()));
        }
    }

    /** How many times {@link #saveAll} was called. */
    public int saveCalls() {
        return saveCalls.get();
    }
}
