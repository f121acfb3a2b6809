package dev.crmkit.core.contract;

import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LeadScores;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.Temperature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract of {@link LeadScores}: one score per lead, batch reads and writes, and a stage that never moves back.
 * Extend it with a class that returns a fresh, empty store of scores.
 */
public abstract class LeadScoresContract {

    private final Fixtures fixtures = new Fixtures();
    private LeadScores scores;

    /** A fresh, empty store of scores; called before every test. */
    protected abstract LeadScores newScores();

    @BeforeEach
    void setUp() {
        scores = newScores();
    }

    private LeadId lead() {
        return new LeadId(fixtures.nextId());
    }

    @Test
    void find_neverScored_isEmpty() {
        assertEquals(Optional.empty(), scores.find(lead()));
    }

    @Test
    void saveAll_thenFind_readsBackEveryField() {
        LeadId id = lead();
        LeadScore score = new LeadScore(id, 57, Temperature.WARM, LifecycleStage.MARKETING_QUALIFIED, at(30));

        scores.saveAll(List.of(score));

        assertEquals(Optional.of(score), scores.find(id));
    }

    @Test
    void saveAll_again_replacesScoreButNeverMovesStageBack() {
        LeadId id = lead();
        scores.saveAll(List.of(new LeadScore(id, 85, Temperature.HOT, LifecycleStage.SALES_QUALIFIED, at(0))));

        scores.saveAll(List.of(new LeadScore(id, 12, Temperature.COLD, LifecycleStage.LEAD, at(60))));

        assertEquals(Optional.of(new LeadScore(id, 12, Temperature.COLD, LifecycleStage.SALES_QUALIFIED, at(60))),
                scores.find(id));
    }

    @Test
    void saveAll_laterStage_movesForward() {
        LeadId id = lead();
        scores.saveAll(List.of(new LeadScore(id, 55, Temperature.WARM, LifecycleStage.MARKETING_QUALIFIED, at(0))));

        scores.saveAll(List.of(new LeadScore(id, 90, Temperature.HOT, LifecycleStage.SALES_QUALIFIED, at(1))));

        assertEquals(LifecycleStage.SALES_QUALIFIED, scores.find(id).orElseThrow().stage());
    }

    @Test
    void findAll_returnsOnlyScoredLeads_inOneCall() {
        List<LeadScore> batch = new ArrayList<>();
        List<LeadId> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            LeadId id = lead();
            ids.add(id);
            if (i % 2 == 0) {
                batch.add(new LeadScore(id, i % 101, Temperature.COLD, LifecycleStage.LEAD, at(i)));
            }
        }
        scores.saveAll(batch);

        Map<LeadId, LeadScore> found = scores.findAll(ids);

        assertEquals(125, found.size());
        batch.forEach(s -> assertEquals(s, found.get(s.leadId())));
    }

    @Test
    void findAll_empty_isEmpty() {
        assertEquals(Map.of(), scores.findAll(List.of()));
    }

    @Test
    void saveAll_leadTwice_isRefusedAndStoresNothing() {
        LeadId id = lead();
        LeadScore once = new LeadScore(id, 10, Temperature.COLD, LifecycleStage.LEAD, at(0));

        assertThrows(IllegalArgumentException.class, () -> scores.saveAll(List.of(once, once)));
        assertEquals(Optional.empty(), scores.find(id));
    }
}
