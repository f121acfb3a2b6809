package dev.crmkit.core.scoring;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelQualityTest {

    @Test
    void auc_classicExample_isThreeQuarters() {
        assertEquals(0.75, ModelQuality.auc(List.of(0.1, 0.4, 0.35, 0.8), List.of(false, false, true, true)), 1e-12);
    }

    @Test
    void auc_tiesCountHalf() {
        assertEquals(0.5, ModelQuality.auc(List.of(0.5, 0.5, 0.5, 0.5), List.of(true, false, true, false)), 1e-12);
        assertEquals(0.75, ModelQuality.auc(List.of(0.5, 0.5, 0.9), List.of(true, false, true)), 1e-12);
    }

    @Test
    void auc_perfectAndReversed_areOneAndZero() {
        assertEquals(1.0, ModelQuality.auc(List.of(0.1, 0.9), List.of(false, true)), 1e-12);
        assertEquals(0.0, ModelQuality.auc(List.of(0.9, 0.1), List.of(false, true)), 1e-12);
    }

    @Test
    void auc_oneClassOnly_isRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ModelQuality.auc(List.of(0.1, 0.2), List.of(true, true)));
        assertEquals("both-classes", e.violations().get(0).rule());
    }

    @Test
    void logLoss_knownValues() {
        assertEquals((-Math.log(0.9) - Math.log(0.8)) / 2, ModelQuality.logLoss(List.of(0.9, 0.2),
                List.of(true, false)), 1e-12);
        assertTrue(ModelQuality.logLoss(List.of(0.0), List.of(true)) < 35, "a certain mistake costs finitely");
    }

    @Test
    void split_sameSeed_sameSplit_andPartsCoverTheHistory() {
        List<WinExample> history = NaiveBayesTest.history(1_000, 1L);

        ModelQuality.Split first = ModelQuality.split(history, 0.2, 42L);
        ModelQuality.Split again = ModelQuality.split(history, 0.2, 42L);
        ModelQuality.Split other = ModelQuality.split(history, 0.2, 43L);

        assertEquals(first, again);
        assertTrue(!first.heldOut().equals(other.heldOut()));
        assertEquals(200, first.heldOut().size());
        assertEquals(800, first.training().size());
        Set<WinExample> all = new HashSet<>(first.training());
        all.addAll(first.heldOut());
        assertEquals(new HashSet<>(history), all);
    }

    @Test
    void measure_trainedModelOnHeldOutHistory_beatsTheBaseline() {
        ModelQuality.Split split = ModelQuality.split(NaiveBayesTest.history(20_000, 11L), 0.25, 7L);
        WinModel model = new NaiveBayes(Set.of(WinFields.STAGE, WinFields.SOURCE, WinFields.TAGS),
                Set.of(WinFields.TAGS), 1.0).train(split.training());

        ModelQuality quality = ModelQuality.measure(model, split.heldOut());

        assertEquals(5_000, quality.examples());
        assertTrue(quality.auc() > 0.7 && quality.auc() < 0.85, "auc " + quality.auc());
        assertTrue(quality.logLoss() < quality.baselineLogLoss(), quality.toString());
    }

    @Test
    void split_badFraction_isRefused() {
        assertEquals("testFraction", assertThrows(ValidationException.class,
                () -> ModelQuality.split(List.of(), 1.0, 1L)).violations().get(0).field());
    }
}
