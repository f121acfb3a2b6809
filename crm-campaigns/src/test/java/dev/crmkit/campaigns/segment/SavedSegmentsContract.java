package dev.crmkit.campaigns.segment;

import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.scoring.Temperature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link SavedSegments} store passes; subclasses give a fresh, empty store per test and, for the
 * database stores, a second node over the same tables.
 */
public abstract class SavedSegmentsContract {

    private static final ContactFilter HOT_GRANTED = new ContactFilter.AllOf(List.of(
            new ContactFilter.ConsentIs(MarketingConsent.Status.GRANTED),
            new ContactFilter.TemperatureIs(Temperature.HOT),
            new ContactFilter.Not(new ContactFilter.InteractedSince(Instant.parse("2026-02-01T00:00:00Z"))),
            new ContactFilter.LeadStatusIn(EnumSet.of(LeadStatus.NEW, LeadStatus.WORKING)),
            new ContactFilter.OwnerIs("o\"brien \\ '; DROP TABLE x --"),
            new ContactFilter.OwnerTeamIs("sales"), new ContactFilter.ScoreAtLeast(40)));

    /** A fresh, empty store. */
    protected abstract SavedSegments store();

    /** Another node over the same stored segments as {@code first}; in memory, the same store. */
    protected SavedSegments secondNode(SavedSegments first) {
        return first;
    }

    @Test
    void save_new_storesVersion1_andFindReturnsTheSameFilter() {
        SavedSegments store = store();
        SegmentDefinition saved = store.save(SegmentDefinition.of("hot leads ✓", HOT_GRANTED));

        assertEquals(new SegmentDefinition("hot leads ✓", HOT_GRANTED, 1), saved);
        assertEquals(Optional.of(saved), secondNode(store).find("hot leads ✓"));
        assertEquals(Optional.empty(), store.find("Hot leads ✓"));
    }

    @Test
    void save_change_atTheReadVersion_bumpsIt_andAStaleOneIsRefusedUnchanged() {
        SavedSegments store = store();
        SegmentDefinition v1 = store.save(SegmentDefinition.of("s", new ContactFilter.NoOwner()));
        SegmentDefinition v2 = secondNode(store).save(v1.withFilter(HOT_GRANTED));
        assertEquals(2, v2.version());

        assertThrows(StaleVersionException.class, () -> store.save(v1.withFilter(new ContactFilter.NoOwner())));
        assertThrows(StaleVersionException.class, () -> store.save(SegmentDefinition.of("s",
                new ContactFilter.NoOwner())));
        assertEquals(Optional.of(v2), store.find("s"));
        assertThrows(StaleVersionException.class, () -> store.save(new SegmentDefinition("missing",
                new ContactFilter.NoOwner(), 3)));
        assertEquals(Optional.empty(), store.find("missing"));
    }

    @Test
    void list_inNameOrder_andDelete() {
        SavedSegments store = store();
        for (String name : List.of("b", "a", "Z", "a b", "é")) {
            store.save(SegmentDefinition.of(name, new ContactFilter.OwnerIs(name)));
        }
        assertEquals(List.of("Z", "a", "a b", "b", "é"),
                store.list().stream().map(SegmentDefinition::name).toList());
        assertTrue(store.delete("a"));
        assertFalse(secondNode(store).delete("a"));
        assertEquals(List.of("Z", "a b", "b", "é"), store.list().stream().map(SegmentDefinition::name).toList());
        SegmentDefinition again = store.save(SegmentDefinition.of("a", new ContactFilter.NoOwner()));
        assertEquals(1, again.version());
    }

    @Test
    void concurrentCreates_ofOneName_oneWins() throws Exception {
        SavedSegments first = store();
        SavedSegments second = secondNode(first);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String name = "race " + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Callable<Boolean>> calls = List.of(first, second).stream().<Callable<Boolean>>map(s -> () -> {
                    go.await();
                    try {
                        s.save(SegmentDefinition.of(name, new ContactFilter.OwnerIs(name)));
                        return true;
                    } catch (StaleVersionException lost) {
                        return false;
                    }
                }).toList();
                List<Future<Boolean>> results = calls.stream().map(pool::submit).toList();
                go.countDown();
                int won = 0;
                for (Future<Boolean> r : results) {
                    won += r.get() ? 1 : 0;
                }
                assertEquals(1, won, name);
                assertEquals(1, first.find(name).orElseThrow().version());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
