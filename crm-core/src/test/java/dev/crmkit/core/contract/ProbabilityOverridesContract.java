package dev.crmkit.core.contract;

import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.ManualProbability;
import dev.crmkit.core.scoring.ProbabilityOverrides;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static dev.crmkit.core.contract.Fixtures.ALICE;
import static dev.crmkit.core.contract.Fixtures.BOB;
import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract of {@link ProbabilityOverrides}: at most one hand-typed probability per lead, set, replaced and
 * cleared. Extend it with a class that returns a fresh, empty store.
 */
public abstract class ProbabilityOverridesContract {

    private final Fixtures fixtures = new Fixtures();
    private ProbabilityOverrides overrides;

    /** A fresh, empty store; called before every test. */
    protected abstract ProbabilityOverrides newOverrides();

    @BeforeEach
    void setUp() {
        overrides = newOverrides();
    }

    @Test
    void find_noneSet_isEmpty() {
        assertEquals(Optional.empty(), overrides.find(new LeadId(fixtures.nextId())));
    }

    @Test
    void set_thenFind_readsBackExactly() {
        ManualProbability manual = new ManualProbability(new LeadId(fixtures.nextId()), new BigDecimal("0.1250"),
                ALICE, at(5));

        overrides.set(manual);

        ManualProbability found = overrides.find(manual.leadId()).orElseThrow();
        assertEquals(0, manual.probability().compareTo(found.probability()));
        assertEquals(manual.setBy(), found.setBy());
        assertEquals(manual.setAt(), found.setAt());
    }

    @Test
    void set_again_replaces() {
        LeadId id = new LeadId(fixtures.nextId());
        overrides.set(new ManualProbability(id, new BigDecimal("0.2"), ALICE, at(0)));

        overrides.set(new ManualProbability(id, new BigDecimal("0.9"), BOB, at(9)));

        assertEquals(BOB, overrides.find(id).orElseThrow().setBy());
        assertEquals(0, new BigDecimal("0.9").compareTo(overrides.find(id).orElseThrow().probability()));
    }

    @Test
    void clear_removesOnlyThatLead_andClearingNoneIsHarmless() {
        LeadId one = new LeadId(fixtures.nextId());
        LeadId other = new LeadId(fixtures.nextId());
        overrides.set(new ManualProbability(one, BigDecimal.ONE, ALICE, at(0)));
        overrides.set(new ManualProbability(other, BigDecimal.ZERO, ALICE, at(0)));

        overrides.clear(one);
        overrides.clear(new LeadId(fixtures.nextId()));

        assertEquals(Optional.empty(), overrides.find(one));
        assertEquals(ALICE, overrides.find(other).orElseThrow().setBy());
    }
}
