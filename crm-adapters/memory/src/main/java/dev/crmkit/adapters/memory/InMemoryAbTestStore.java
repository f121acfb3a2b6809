package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.abtest.AbTestPlan;
import dev.crmkit.campaigns.abtest.AbTestStore;
import dev.crmkit.campaigns.abtest.AbWinner;
import dev.crmkit.campaigns.abtest.Variant;
import dev.crmkit.campaigns.abtest.VariantOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A/B test plans, exposures, hits and winners in memory. Needs crm-campaigns on the class path (optional here).
 * Thread-safe.
 */
public final class InMemoryAbTestStore implements AbTestStore {

    private final Map<String, AbTestPlan> plans = new HashMap<>();
    /** Per test, per contact: the variant and whether the contact did the metric's action. */
    private final Map<String, Map<String, Exposure>> exposures = new HashMap<>();
    private final Map<String, AbWinner> winners = new HashMap<>();

    /** An empty store. */
    public InMemoryAbTestStore() {
    }

    @Override
    public synchronized AbTestPlan define(AbTestPlan plan) {
        return plans.computeIfAbsent(Objects.requireNonNull(plan, "plan").id(), id -> plan);
    }

    @Override
    public synchronized Optional<AbTestPlan> plan(String testId) {
        return Optional.ofNullable(plans.get(Objects.requireNonNull(testId, "testId")));
    }

    @Override
    public synchronized String expose(String testId, String contactId, String variant, Instant at) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(at, "at");
        return exposures.computeIfAbsent(Objects.requireNonNull(testId, "testId"), t -> new LinkedHashMap<>())
                .computeIfAbsent(Objects.requireNonNull(contactId, "contactId"), c -> new Exposure(variant, false))
                .variant();
    }

    @Override
    public synchronized boolean hit(String testId, String contactId, Instant at) {
        Objects.requireNonNull(at, "at");
        Map<String, Exposure> own = exposures.get(Objects.requireNonNull(testId, "testId"));
        Exposure e = own == null ? null : own.get(Objects.requireNonNull(contactId, "contactId"));
        if (e == null) {
            return false;
        }
        own.put(contactId, new Exposure(e.variant(), true));
        return true;
    }

    @Override
    public synchronized List<VariantOutcome> outcomes(String testId) {
        AbTestPlan plan = plans.get(Objects.requireNonNull(testId, "testId"));
        if (plan == null) {
            return List.of();
        }
        Map<String, Exposure> own = exposures.getOrDefault(testId, Map.of());
        List<VariantOutcome> out = new ArrayList<>();
        for (Variant v : plan.test().variants()) {
            long exposed = own.values().stream().filter(e -> e.variant().equals(v.name())).count();
            long hits = own.values().stream().filter(e -> e.variant().equals(v.name()) && e.hit()).count();
            out.add(new VariantOutcome(v.name(), exposed, hits));
        }
        return out;
    }

    @Override
    public synchronized AbWinner recordWinner(AbWinner winner) {
        return winners.computeIfAbsent(Objects.requireNonNull(winner, "winner").testId(), id -> winner);
    }

    @Override
    public synchronized Optional<AbWinner> winner(String testId) {
        return Optional.ofNullable(winners.get(Objects.requireNonNull(testId, "testId")));
    }

    private record Exposure(String variant, boolean hit) {
    }
}
