package dev.crmkit.campaigns.trigger;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WinBackTriggerTest {

    private final WinBackTrigger trigger = WinBackTrigger.standard();
    private final LocalDate last = LocalDate.of(2024, 1, 15);

    @Test
    void dueOn_nineMonths_isStepOneValidUntilTheDayBeforeStepTwo() {
        WinBackStep step = trigger.dueOn(last, LocalDate.of(2024, 10, 15)).orElseThrow();

        assertEquals(1, step.step());
        assertEquals(LocalDate.of(2025, 1, 14), step.validUntil());
        assertEquals(last, step.lastPurchase());
    }

    @Test
    void dueOn_twelveAndThirtyThreeMonths_areStepsTwoAndNine() {
        assertEquals(2, trigger.dueOn(last, LocalDate.of(2025, 1, 15)).orElseThrow().step());
        WinBackStep lastStep = trigger.dueOn(last, LocalDate.of(2026, 10, 15)).orElseThrow();
        assertEquals(9, lastStep.step());
        assertEquals(LocalDate.of(2027, 1, 14), lastStep.validUntil());
    }

    @Test
    void dueOn_threeYears_isNoStepAndTheCustomerIsLost() {
        assertTrue(trigger.dueOn(last, LocalDate.of(2027, 1, 15)).isEmpty());
        assertTrue(trigger.lostOn(last, LocalDate.of(2027, 1, 15)));
        assertFalse(trigger.lostOn(last, LocalDate.of(2027, 1, 14)));
    }

    @Test
    void dueOn_betweenSteps_isEmpty() {
        assertTrue(trigger.dueOn(last, LocalDate.of(2024, 10, 16)).isEmpty());
        assertTrue(trigger.dueOn(last, LocalDate.of(2024, 7, 15)).isEmpty());
    }
}
