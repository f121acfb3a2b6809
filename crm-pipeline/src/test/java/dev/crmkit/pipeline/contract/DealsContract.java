package dev.crmkit.pipeline.contract;

import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link Deals} store passes: versions are optimistic, a stale write changes nothing, records read
 * back exactly, and filtered lists page in creation order (then id) and follow stage changes. Extend it with a class
 * that returns a fresh, empty store.
 */
public abstract class DealsContract {

    /** A fresh, empty store; called before every test. */
    protected abstract Stores newStore();

    private Deals deals;
    private StageHistory history;
    private Transactions tx;
    private PipelineFixtures fx;
    private final PipelineId pipeline = new PipelineId(new UUID(1, 1));

    @BeforeEach
    void createStore() {
        Stores stores = newStore();
        deals = stores.pipeline().deals();
        history = stores.pipeline().stageHistory();
        tx = stores.pipeline().transactions();
        fx = new PipelineFixtures();
    }

    @Test
    void insert_fullDeal_storesAtVersion1AndReadsBackExactly() {
        Deal candidate = fx.fullDeal(pipeline);

        Deal stored = deals.insert(candidate);

        assertEquals(candidate.atVersion(1), stored);
        assertEquals(Optional.of(stored), deals.findById(candidate.id()));
    }

    @Test
    void insert_versionNotZero_isRefused() {
        Deal deal = fx.deal(pipeline, at(0)).atVersion(3);

        assertThrows(IllegalArgumentException.class, () -> deals.insert(deal));
        assertEquals(Optional.empty(), deals.findById(deal.id()));
    }

    @Test
    void insert_idTaken_isRefused() {
        Deal deal = deals.insert(fx.deal(pipeline, at(0)));

        assertThrows(IllegalArgumentException.class, () -> deals.insert(deal.atVersion(0)));
    }

    @Test
    void update_currentVersion_storesTheChangeAtTheNextVersion() {
        Deal stored = deals.insert(fx.deal(pipeline, at(0)));
        Deal changed = stored.withDocument("offer", "approved", at(5)).withProbabilityOverride(Optional.of(40), at(5));

        Deal updated = deals.update(changed);

        assertEquals(changed.atVersion(2), updated);
        assertEquals(Optional.of(updated), deals.findById(stored.id()));
    }

    @Test
    void update_staleVersion_throwsAndChangesNothing() {
        Deal stored = deals.insert(fx.deal(pipeline, at(0)));
        deals.update(stored.withDocument("offer", "draft", at(1)));

        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> deals.update(stored.withDocument("offer", "approved", at(2))));

        assertEquals(stored.id().toString(), e.recordId());
        assertEquals(1, e.expectedVersion());
        Deal now = deals.findById(stored.id()).orElseThrow();
        assertEquals(2, now.version());
        assertEquals("draft", now.documents().get("offer"));
    }

    @Test
    void update_unknownDeal_throwsNoSuchElement() {
        Deal never = fx.deal(pipeline, at(0)).atVersion(1);

        assertThrows(NoSuchElementException.class, () -> deals.update(never));
    }

    @Test
    void updateWithHistory_currentVersion_storesTheChangeAndItsEntry() {
        Stage next = Presets.classicLead().stage("Contacted").orElseThrow();
        Deal stored = deals.insert(fx.deal(pipeline, at(0)));
        StageHistoryEntry entry = fx.entry(stored.id(), 2, pipeline, Optional.of("New"), "Contacted", at(10));

        Deal moved = tx.inTransaction(() -> deals.updateWithHistory(stored.remappedTo(next, at(10)), entry,
                history));

        assertEquals(stored.remappedTo(next, at(10)).atVersion(2), moved);
        assertEquals(Optional.of(moved), deals.findById(stored.id()));
        assertEquals(List.of(entry), history.ofDeal(stored.id(), PageRequest.first(10)).items());
    }

    @Test
    void updateWithHistory_staleVersion_isRefusedAsUpdateIs_andWritesNoEntry() {
        Stage next = Presets.classicLead().stage("Contacted").orElseThrow();
        Deal stored = deals.insert(fx.deal(pipeline, at(0)));
        deals.update(stored.withDocument("offer", "draft", at(1)));
        StageHistoryEntry entry = fx.entry(stored.id(), 2, pipeline, Optional.of("New"), "Contacted", at(10));

        StaleVersionException e = assertThrows(StaleVersionException.class, () -> tx.inTransaction(() ->
                deals.updateWithHistory(stored.remappedTo(next, at(10)), entry, history)));

        StaleVersionException byUpdate = assertThrows(StaleVersionException.class,
                () -> deals.update(stored.remappedTo(next, at(10))));
        assertEquals(byUpdate.getMessage(), e.getMessage());
        assertEquals(stored.id().toString(), e.recordId());
        assertEquals(1, e.expectedVersion());
        Deal now = deals.findById(stored.id()).orElseThrow();
        assertEquals(2, now.version());
        assertEquals("New", now.stage());
        assertEquals(List.of(), history.ofDeal(stored.id(), PageRequest.first(10)).items());
    }

    @Test
    void updateWithHistory_entryIdTaken_isRefused_andTheUnitKeepsTheDealAsItWas() {
        Stage next = Presets.classicLead().stage("Contacted").orElseThrow();
        Deal stored = deals.insert(fx.deal(pipeline, at(0)));
        StageHistoryEntry first = fx.entry(new DealId(fx.nextId()), 1, pipeline, Optional.empty(), "New", at(0));
        history.append(first);
        StageHistoryEntry taken = new StageHistoryEntry(first.id(), stored.id(), 2, pipeline, Optional.of("New"),
                "Contacted", Fixtures.BOB, at(10), first.timeInPrevious());

        assertThrows(IllegalArgumentException.class, () -> tx.inTransaction(() ->
                deals.updateWithHistory(stored.remappedTo(next, at(10)), taken, history)));

        assertEquals(Optional.of(stored), deals.findById(stored.id()));
        assertEquals(List.of(), history.ofDeal(stored.id(), PageRequest.first(10)).items());
    }

    @Test
    void updateWithHistory_entryOfAnotherVersionOrDeal_isRefusedNamingTheField_andNothingIsWritten() {
        Stage next = Presets.classicLead().stage("Contacted").orElseThrow();
        Deal stored = deals.insert(fx.deal(pipeline, at(0)));
        StageHistoryEntry wrongVersion = fx.entry(stored.id(), 3, pipeline, Optional.of("New"), "Contacted", at(10));
        StageHistoryEntry otherDeal = fx.entry(new DealId(fx.nextId()), 2, pipeline, Optional.of("New"), "Contacted",
                at(10));

        IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () -> tx.inTransaction(() ->
                deals.updateWithHistory(stored.remappedTo(next, at(10)), wrongVersion, history)));
        IllegalArgumentException deal = assertThrows(IllegalArgumentException.class, () -> tx.inTransaction(() ->
                deals.updateWithHistory(stored.remappedTo(next, at(10)), otherDeal, history)));

        assertTrue(version.getMessage().contains("entry.dealVersion"), version.getMessage());
        assertTrue(deal.getMessage().contains("entry.dealId"), deal.getMessage());
        assertEquals(Optional.of(stored), deals.findById(stored.id()));
        assertEquals(List.of(), history.ofDeal(stored.id(), PageRequest.first(10)).items());
        assertEquals(List.of(), history.ofDeal(otherDeal.dealId(), PageRequest.first(10)).items());
    }

    @Test
    void updateWithHistory_unknownDeal_throwsNoSuchElement_andWritesNoEntry() {
        Deal never = fx.deal(pipeline, at(0)).atVersion(1);
        StageHistoryEntry entry = fx.entry(never.id(), 2, pipeline, Optional.of("New"), "Contacted", at(10));

        assertThrows(NoSuchElementException.class, () -> tx.inTransaction(() ->
                deals.updateWithHistory(never, entry, history)));

        assertEquals(List.of(), history.ofDeal(never.id(), PageRequest.first(10)).items());
    }

    @Test
    void findById_unknown_isEmpty() {
        assertEquals(Optional.empty(), deals.findById(new DealId(fx.nextId())));
    }

    @Test
    void find_byPipeline_pagesInCreationOrderThenInsertionOrderWithEveryPageSize() {
        List<Deal> expected = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            expected.add(deals.insert(fx.deal(pipeline, at(i % 4))));
        }
        deals.insert(fx.deal(new PipelineId(fx.nextId()), at(0)));
        expected.sort(Fixtures.byTime(Deal::createdAt));

        for (int size : Fixtures.pageSizes(expected.size())) {
            List<Deal> read = Fixtures.readAll(p -> deals.find(DealFilter.pipeline(pipeline), p), size);
            assertEquals(expected, read, "page size " + size);
        }
    }

    @Test
    void find_byStage_followsStageChanges() {
        Stage next = Presets.classicLead().stage("Contacted").orElseThrow();
        Deal a = deals.insert(fx.deal(pipeline, at(0)));
        Deal b = deals.insert(fx.deal(pipeline, at(1)));

        Deal moved = deals.update(b.remappedTo(next, at(10)));

        assertEquals(List.of(a), deals.find(DealFilter.pipeline(pipeline).inStage("New"),
                PageRequest.first(10)).items());
        assertEquals(List.of(moved), deals.find(DealFilter.pipeline(pipeline).inStage("Contacted"),
                PageRequest.first(10)).items());
    }

    @Test
    void find_withOwnerSourceAndCloseMonth_returnsExactlyTheMatchingDealsInOrder() {
        Random random = new Random(7);
        List<UserId> owners = List.of(Fixtures.ALICE, Fixtures.BOB);
        List<String> sources = List.of("web_form", "referral");
        List<Deal> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Deal d = fx.deal(pipeline, at(random.nextInt(5)));
            d = d.withParties(random.nextBoolean() ? Optional.of(owners.get(random.nextInt(2))) : Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), sources.get(random.nextInt(2)), at(0));
            d = d.withTerms(d.amount(), random.nextBoolean()
                    ? Optional.of(LocalDate.of(2026, 1 + random.nextInt(3), 1 + random.nextInt(28)))
                    : Optional.empty(), Optional.empty(), at(0));
            all.add(deals.insert(d));
        }
        all.sort(Fixtures.byTime(Deal::createdAt));
        List<DealFilter> filters = List.of(
                DealFilter.pipeline(pipeline).ownedBy(Fixtures.BOB),
                DealFilter.pipeline(pipeline).fromSource("referral"),
                DealFilter.pipeline(pipeline).closingIn(YearMonth.of(2026, 2)),
                DealFilter.pipeline(pipeline).inStage("New").ownedBy(Fixtures.ALICE).fromSource("web_form"));
        for (DealFilter filter : filters) {
            List<Deal> expected = all.stream().filter(filter::accepts).toList();
            assertTrue(!expected.isEmpty(), "the seed gives every filter some deals: " + filter);
            for (int size : List.of(1, 4, 100)) {
                assertEquals(expected, Fixtures.readAll(p -> deals.find(filter, p), size), filter + " / " + size);
            }
        }
    }

    @Test
    void find_pipelineWithoutDeals_isAnEmptyLastPage() {
        var page = deals.find(DealFilter.pipeline(pipeline), PageRequest.first(5));

        assertTrue(page.items().isEmpty());
        assertTrue(page.next().isEmpty());
    }

    @Test
    void insertAndUpdate_inRolledBackUnitOfWork_leaveNothing() {
        Deal kept = deals.insert(fx.deal(pipeline, at(0)));
        Deal dropped = fx.deal(pipeline, at(1));

        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            deals.insert(dropped);
            deals.update(kept.withDocument("offer", "approved", at(2)));
            throw new IllegalStateException("boom");
        }));

        assertEquals(Optional.empty(), deals.findById(dropped.id()));
        assertEquals(Optional.of(kept), deals.findById(kept.id()));
        assertEquals(List.of(kept), deals.find(DealFilter.pipeline(pipeline), PageRequest.first(10)).items());
    }

    @Test
    void find_sameCreationTime_ordersByInsertionNotById() {
        List<Deal> same = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            same.add(deals.insert(fx.deal(pipeline, at(0))));
        }
        List<Deal> byId = same.stream().sorted(Comparator.comparing(d -> d.id().value().toString())).toList();
        assertNotEquals(byId, same, "the seeded ids are not in insertion order");

        assertEquals(same, Fixtures.readAll(p -> deals.find(DealFilter.pipeline(pipeline), p), 3));
        assertEquals(same, Fixtures.readAll(p -> deals.find(DealFilter.pipeline(pipeline).inStage("New"), p), 5));
    }
}
