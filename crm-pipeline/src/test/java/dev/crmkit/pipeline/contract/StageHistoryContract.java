package dev.crmkit.pipeline.contract;

import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link StageHistory} store passes: entries read back exactly (stage names as they were), a
 * deal's entries page in the order of the deal versions they produced (even within one instant), other deals'
 * entries stay apart, ids are unique. Extend it with a
 * class that returns a fresh, empty store.
 */
public abstract class StageHistoryContract {

    /** A fresh, empty store; called before every test. */
    protected abstract Stores newStore();

    private StageHistory history;
    private Transactions tx;
    private PipelineFixtures fx;
    private PipelineId pipeline;

    @BeforeEach
    void createStore() {
        Stores stores = newStore();
        history = stores.pipeline().stageHistory();
        tx = stores.pipeline().transactions();
        fx = new PipelineFixtures();
        pipeline = new PipelineId(fx.nextId());
    }

    @Test
    void append_entriesInAnyOrder_readBackExactlyInDealVersionOrderWithEveryPageSize() {
        DealId deal = new DealId(fx.nextId());
        DealId other = new DealId(fx.nextId());
        List<StageHistoryEntry> expected = new ArrayList<>();
        expected.add(fx.entry(deal, 1, pipeline, Optional.empty(), "New", at(0)));
        for (int i = 1; i < 11; i++) {
            StageHistoryEntry e = fx.entry(deal, 1 + i * 2L, pipeline, Optional.of("S" + (i - 1)),
                    Fixtures.TRICKY_TEXT + i, at(i / 3));
            expected.add(e);
        }
        history.append(fx.entry(other, 1, pipeline, Optional.empty(), "New", at(0)));
        List<StageHistoryEntry> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(11));
        shuffled.forEach(history::append);

        for (int size : Fixtures.pageSizes(expected.size())) {
            assertEquals(expected, Fixtures.readAll(p -> history.ofDeal(deal, p), size), "page size " + size);
        }
    }

    @Test
    void ofDeal_withoutEntries_isAnEmptyLastPage() {
        var page = history.ofDeal(new DealId(fx.nextId()), PageRequest.first(3));

        assertTrue(page.items().isEmpty());
        assertTrue(page.next().isEmpty());
    }

    @Test
    void append_idTaken_isRefused() {
        StageHistoryEntry entry = fx.entry(new DealId(fx.nextId()), 1, pipeline, Optional.empty(), "New", at(0));
        history.append(entry);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> history.append(entry));
        assertTrue(refused.getMessage().contains("entry " + entry.id() + " is already stored"), refused.getMessage());
        assertEquals(List.of(entry), history.ofDeal(entry.dealId(), PageRequest.first(5)).items());
    }

    @Test
    void append_versionTaken_isRefusedNamingTheVersion_andTheFirstEntryStays() {
        DealId deal = new DealId(fx.nextId());
        StageHistoryEntry first = fx.entry(deal, 2, pipeline, Optional.empty(), "New", at(0));
        history.append(first);
        StageHistoryEntry second = fx.entry(deal, 2, pipeline, Optional.of("New"), "Won", at(1));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> history.append(second));

        assertTrue(refused.getMessage().contains("already has a stage history entry for version 2"),
                refused.getMessage());
        assertEquals(List.of(first), history.ofDeal(deal, PageRequest.first(5)).items());
        history.append(fx.entry(deal, 3, pipeline, Optional.of("New"), "Won", at(1)));
        assertEquals(2, history.ofDeal(deal, PageRequest.first(5)).items().size(), "the store takes the next one");
    }

    @Test
    void append_inRolledBackUnitOfWork_leavesNothing() {
        DealId deal = new DealId(fx.nextId());

        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            history.append(fx.entry(deal, 1, pipeline, Optional.empty(), "New", at(0)));
            throw new IllegalStateException("boom");
        }));

        assertTrue(history.ofDeal(deal, PageRequest.first(5)).items().isEmpty());
    }
}
