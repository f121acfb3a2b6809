package dev.crmkit.adapters.memory;

import dev.crmkit.core.contract.LeadScoresContract;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LeadScores;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.Temperature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The in-memory store passes the {@link LeadScoresContract}, and a batch in a rolled-back unit leaves no trace. */
class InMemoryLeadScoresTest extends LeadScoresContract {

    @Override
    protected LeadScores newScores() {
        return InMemoryCrmStore.create().leadScores();
    }

    @Test
    void saveAll_inRolledBackUnit_keepsThePreviousScores() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        LeadId kept = new LeadId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        LeadId fresh = new LeadId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
        LeadScore before = new LeadScore(kept, 40, Temperature.WARM, LifecycleStage.LEAD,
                Instant.parse("2026-01-01T00:00:00Z"));
        store.leadScores().saveAll(List.of(before));

        assertThrows(IllegalStateException.class, () -> store.transactions().run(() -> {
            store.leadScores().saveAll(List.of(
                    new LeadScore(kept, 90, Temperature.HOT, LifecycleStage.SALES_QUALIFIED, before.scoredAt()),
                    new LeadScore(fresh, 10, Temperature.COLD, LifecycleStage.LEAD, before.scoredAt())));
            throw new IllegalStateException("the unit fails");
        }));

        assertEquals(Optional.of(before), store.leadScores().find(kept));
        assertEquals(Optional.empty(), store.leadScores().find(fresh));
    }
}
