package dev.crmkit.core.scoring;

import dev.crmkit.core.assignment.TestWorld;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WinProbabilitiesTest {

    private final TestWorld world = new TestWorld();
    private final MapProbabilityOverrides overrides = new MapProbabilityOverrides();
    private final WinProbabilities probabilities = new WinProbabilities(overrides, world.context);
    private final WinModel model = NaiveBayes.standard().train(NaiveBayesTest.history(2_000, 4L));
    private final Map<String, Set<String>> features = Map.of(WinFields.STAGE, Set.of("qualified"));
    private final LeadId lead = world.lead().id();

    @Test
    void estimate_noOverride_isTheModels() {
        WinEstimate.Predicted predicted = assertInstanceOf(WinEstimate.Predicted.class,
                probabilities.estimate(lead, model, features));

        assertEquals(model.predict(features).probability(), predicted.probability(), 1e-12);
    }

    @Test
    void estimate_manualSet_overridesUntilCleared() {
        probabilities.setManual(lead, new BigDecimal("0.85"), Fixtures.ALICE);

        WinEstimate.Manual manual = assertInstanceOf(WinEstimate.Manual.class,
                probabilities.estimate(lead, model, features));
        assertEquals(0.85, manual.probability(), 1e-12);
        assertEquals(Fixtures.ALICE, manual.manual().setBy());
        assertEquals(world.clock.instant(), manual.manual().setAt());

        probabilities.clearManual(lead);

        assertInstanceOf(WinEstimate.Predicted.class, probabilities.estimate(lead, model, features));
    }

    @Test
    void setManual_outOfRangeOrTooPrecise_isRefused() {
        assertEquals("range", assertThrows(ValidationException.class,
                () -> probabilities.setManual(lead, new BigDecimal("1.01"), Fixtures.ALICE)).violations().get(0)
                .rule());
        assertEquals("scale", assertThrows(ValidationException.class,
                () -> probabilities.setManual(lead, new BigDecimal("0.12345"), Fixtures.ALICE)).violations().get(0)
                .rule());
        assertInstanceOf(WinEstimate.Predicted.class, probabilities.estimate(lead, model, features));
    }
}
