package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.abtest.AbTestPlan;
import dev.crmkit.campaigns.abtest.AbTestStore;
import dev.crmkit.campaigns.abtest.AbTestStore.ExposureState;
import dev.crmkit.campaigns.abtest.AbWinner;
import dev.crmkit.campaigns.abtest.Variant;
import dev.crmkit.campaigns.abtest.VariantOutcome;

import dev.crmkit.kit.archive.AbExposureEntry;
import dev.crmkit.kit.archive.AbTestEntry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A/B test plans, exposures, hits and winners in memory, with the same data as {@code JdbcAbTestStore}: when each
 * contact was exposed and when it first did the metric's action, times kept to the microsecond as the database keeps
 * them (the times the caller gives, from its clock). Needs crm-campaigns on the class path (optional here).
 * Thread-safe.
 */
public final class InMemoryAbTestStore implements AbTestStore {

    private final Map<String, AbTestPlan> plans = new HashMap<>();
    /** Per test, per contact: the variant, when it was exposed and when it did the metric's action. */
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
    public synchronized List<AbTestPlan> plans() {
        return plans.values().stream().sorted(java.util.Comparator.comparing(AbTestPlan::id)).toList();
    }

    @Override
    public synchronized String expose(String testId, String contactId, String variant, Instant at) {
        Objects.requireNonNull(variant, "variant");
        Instant exposedAt = micros(Objects.requireNonNull(at, "at"));
        return exposures.computeIfAbsent(Objects.requireNonNull(testId, "testId"), t -> new LinkedHashMap<>())
                .computeIfAbsent(Objects.requireNonNull(contactId, "contactId"),
                        c -> new Exposure(variant, exposedAt, Optional.empty()))
                .variant();
    }

    @Override
    public synchronized String exposeBefore(String testId, String contactId, String variant, String messageKey,
            Instant at) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(messageKey, "messageKey");
        Instant exposedAt = micros(Objects.requireNonNull(at, "at"));
        Map<String, Exposure> own = exposures.computeIfAbsent(Objects.requireNonNull(testId, "testId"),
                t -> new LinkedHashMap<>());
        Exposure e = own.get(Objects.requireNonNull(contactId, "contactId"));
        if (e == null) {
            own.put(contactId, new Exposure(variant, exposedAt, Optional.empty(), ExposureState.PENDING,
                    Optional.of(messageKey)));
            return variant;
        }
        if (e.state() == ExposureState.FAILED) {
            own.put(contactId, e.with(ExposureState.PENDING, Optional.of(messageKey))); // retried by this message
        }
        return e.variant();
    }

    @Override
    public synchronized boolean settle(String testId, String contactId, String messageKey, boolean sent) {
        Map<String, Exposure> own = exposures.get(Objects.requireNonNull(testId, "testId"));
        Exposure e = own == null ? null : own.get(Objects.requireNonNull(contactId, "contactId"));
        boolean open = e != null && (e.state() == ExposureState.PENDING || sent && e.state() == ExposureState.FAILED);
        if (!open
                || !e.messageKey().equals(Optional.of(Objects.requireNonNull(messageKey, "messageKey")))) {
            return false;
        }
        own.put(contactId, e.with(sent ? ExposureState.SENT : ExposureState.FAILED, e.messageKey()));
        return true;
    }

    @Override
    public synchronized Optional<AbTestStore.Exposure> exposure(String testId, String contactId) {
        Exposure e = exposures.getOrDefault(Objects.requireNonNull(testId, "testId"), Map.of())
                .get(Objects.requireNonNull(contactId, "contactId"));
        return Optional.ofNullable(e).map(x -> new AbTestStore.Exposure(x.variant(), x.state(), x.messageKey()));
    }

    @Override
    public synchronized boolean hit(String testId, String contactId, Instant at) {
        Objects.requireNonNull(at, "at");
        Map<String, Exposure> own = exposures.get(Objects.requireNonNull(testId, "testId"));
        Exposure e = own == null ? null : own.get(Objects.requireNonNull(contactId, "contactId"));
        if (e == null) {
            return false;
        }
        if (e.hitAt().isEmpty()) {
            own.put(contactId, new Exposure(e.variant(), e.exposedAt(), Optional.of(micros(at)), e.state(),
                    e.messageKey()));
        }
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
            long exposed = own.values().stream().filter(e -> e.counted() && e.variant().equals(v.name())).count();
            long hits = own.values().stream().filter(e -> e.counted() && e.variant().equals(v.name())
                    && e.hitAt().isPresent()).count();
            out.add(new VariantOutcome(v.name(), exposed, hits));
        }
        return out;
    }

    @Override
    public synchronized AbWinner recordWinner(AbWinner winner) {
        Objects.requireNonNull(winner, "winner");
        return winners.computeIfAbsent(winner.testId(), id -> new AbWinner(id, winner.variant(), winner.pValue(),
                winner.decidedAt().truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    public synchronized Optional<AbWinner> winner(String testId) {
        return Optional.ofNullable(winners.get(Objects.requireNonNull(testId, "testId")));
    }

    /** An instant as the JDBC store keeps it: whole microseconds since the epoch (towards the epoch). */
    private static Instant micros(Instant at) {
        return Instant.EPOCH.plus(ChronoUnit.MICROS.between(Instant.EPOCH, at), ChronoUnit.MICROS);
    }

    /**
     * The archive of the plans, keyed by the tests' ids, in the units of work of a store: export and restore only. A
     * restore is undone if its unit of work rolls back.
     */
    MemoryArchive<AbTestEntry> planArchive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "A/B test", (after, limit) -> {
            synchronized (this) {
                return KeyOrder.after(plans.values().stream().map(AbTestEntry::of).toList(), AbTestEntry::id, after,
                        limit);
            }
        }, AbTestEntry::id, id -> {
            synchronized (this) {
                return plans.containsKey(id);
            }
        }, e -> {
            AbTestPlan plan = e.plan();
            synchronized (this) {
                plans.put(plan.id(), plan);
            }
            tx.onRollback(() -> {
                synchronized (this) {
                    plans.remove(plan.id());
                }
            });
        });
    }

    /**
     * The archive of the exposures with their hits, keyed by {@link AbExposureEntry#key()}: a restore is refused for a
     * test the store has no plan of, and undone if its unit of work rolls back.
     */
    MemoryArchive<AbExposureEntry> exposureArchive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "A/B exposure", (after, limit) -> {
            synchronized (this) {
                List<AbExposureEntry> all = new ArrayList<>();
                exposures.forEach((test, own) -> own.forEach((contact, e) -> all.add(new AbExposureEntry(test,
                        contact, e.variant(), e.exposedAt(), e.hitAt(), e.state().name(), e.messageKey()))));
                return KeyOrder.after(all, AbExposureEntry::key, after, limit);
            }
        }, AbExposureEntry::key, key -> {
            String[] parts = AbExposureEntry.parseKey(key);
            synchronized (this) {
                return exposures.getOrDefault(parts[0], Map.of()).containsKey(parts[1]);
            }
        }, e -> {
            synchronized (this) {
                requirePlan(e.testId(), "A/B exposure " + e.key());
                exposures.computeIfAbsent(e.testId(), t -> new LinkedHashMap<>()).put(e.contactId(),
                        new Exposure(e.variant(), e.exposedAt(), e.hitAt(), ExposureState.valueOf(e.state()),
                                e.messageKey()));
            }
            tx.onRollback(() -> {
                synchronized (this) {
                    exposures.getOrDefault(e.testId(), new HashMap<>()).remove(e.contactId());
                }
            });
        });
    }

    /**
     * The archive of the winners, keyed by the tests' ids: a restore is refused for a test the store has no plan of,
     * and undone if its unit of work rolls back.
     */
    MemoryArchive<AbWinner> winnerArchive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "A/B winner", (after, limit) -> {
            synchronized (this) {
                return KeyOrder.after(List.copyOf(winners.values()), AbWinner::testId, after, limit);
            }
        }, AbWinner::testId, id -> {
            synchronized (this) {
                return winners.containsKey(id);
            }
        }, w -> {
            synchronized (this) {
                requirePlan(w.testId(), "A/B winner of " + w.testId());
                winners.put(w.testId(), w);
            }
            tx.onRollback(() -> {
                synchronized (this) {
                    winners.remove(w.testId());
                }
            });
        });
    }

    private void requirePlan(String testId, String what) {
        if (!plans.containsKey(testId)) {
            throw new IllegalArgumentException(what + ": the store has no A/B test " + testId);
        }
    }

    private record Exposure(String variant, Instant exposedAt, Optional<Instant> hitAt, ExposureState state,
                            Optional<String> messageKey) {
        Exposure(String variant, Instant exposedAt, Optional<Instant> hitAt) {
            this(variant, exposedAt, hitAt, ExposureState.SENT, Optional.empty());
        }

        Exposure with(ExposureState newState, Optional<String> newKey) {
            return new Exposure(variant, exposedAt, hitAt, newState, newKey);
        }

        boolean counted() {
            return state != ExposureState.FAILED;
        }
    }
}
