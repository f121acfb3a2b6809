package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.contract.StageHistoryContract;
import dev.crmkit.pipeline.contract.Stores;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory store passes the {@link StageHistoryContract}. */
class InMemoryStageHistoryTest extends StageHistoryContract {

    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    @Override
    protected Stores newStore() {
        return Stores.of(InMemoryCrmStore.create());
    }

    /**
     * The duplicate check reads the newest version from the end of the deal's index ({@code OrderIndex.lastId}): the
     * newest version again is refused, and a taken version below it is still found.
     */
    @Test
    void append_versionTakenBelowTheNewest_isRefused_andAVersionAboveTheNewestIsTaken() {
        StageHistory history = InMemoryCrmStore.create().stageHistory();
        DealId deal = new DealId(new UUID(1, 1));
        PipelineId pipeline = new PipelineId(new UUID(2, 2));
        history.append(entry(11, deal, pipeline, 2));
        history.append(entry(12, deal, pipeline, 5));

        IllegalArgumentException newest = assertThrows(IllegalArgumentException.class,
                () -> history.append(entry(16, deal, pipeline, 5)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> history.append(entry(13, deal, pipeline, 2)));
        history.append(entry(14, deal, pipeline, 3));
        history.append(entry(15, deal, pipeline, 6));

        assertTrue(newest.getMessage().contains("already has a stage history entry for version 5"),
                newest.getMessage());
        assertTrue(refused.getMessage().contains("already has a stage history entry for version 2"),
                refused.getMessage());
        assertEquals(List.of(2L, 3L, 5L, 6L), history.ofDeal(deal, PageRequest.first(10)).items().stream()
                .map(StageHistoryEntry::dealVersion).toList());
    }

    private static StageHistoryEntry entry(long id, DealId deal, PipelineId pipeline, long version) {
        return new StageHistoryEntry(new UUID(9, id), deal, version, pipeline, Optional.of("A"), "B", UserId.of("anna"), AT,
                Duration.ZERO);
    }
}
