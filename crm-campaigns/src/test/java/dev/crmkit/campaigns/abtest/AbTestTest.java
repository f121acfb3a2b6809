package dev.crmkit.campaigns.abtest;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class AbTestTest {

    private final AbTest test = AbTest.of("subject-test", List.of(new Variant("A", 50), new Variant("B", 30),
            new Variant("C", 20)));

    @Test
    void assign_splitFollowsTheWeights() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            counts.merge(test.assign("contact-" + i).name(), 1, Integer::sum);
        }

        assertEquals(0.50, counts.get("A") / 30_000.0, 0.015);
        assertEquals(0.30, counts.get("B") / 30_000.0, 0.015);
        assertEquals(0.20, counts.get("C") / 30_000.0, 0.015);
    }

    @Test
    void assign_doesNotDependOnBatchOrderOrSize() {
        // mautic#14774: sending in batches skewed the split; here a contact's variant is a function of its id alone
        qt().withFixedSeed(1605).withExamples(30).forAll(longs().all(), integers().between(1, 500))
                .checkAssert((seed, batch) -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        ids.add("c" + i);
                    }
                    Map<String, String> straight = new HashMap<>();
                    ids.forEach(id -> straight.put(id, test.assign(id).name()));
                    Collections.shuffle(ids, new Random(seed));
                    AbTest again = AbTest.of("subject-test", test.variants());
                    for (int from = 0; from < ids.size(); from += batch) {
                        for (String id : ids.subList(from, Math.min(ids.size(), from + batch))) {
                            assertEquals(straight.get(id), again.assign(id).name(), id);
                        }
                    }
                });
    }

    @Test
    void assign_twoTestsSplitIndependently() {
        AbTest one = AbTest.of("t1", List.of(new Variant("A", 1), new Variant("B", 1)));
        AbTest two = AbTest.of("t2", List.of(new Variant("A", 1), new Variant("B", 1)));
        int same = 0;
        for (int i = 0; i < 20_000; i++) {
            same += one.assign("c" + i).name().equals(two.assign("c" + i).name()) ? 1 : 0;
        }

        assertEquals(0.5, same / 20_000.0, 0.02);
    }

    @Test
    void decide_clearDifference_namesTheWinnerWithItsPValue() {
        AbDecision d = new WinnerRule(0.05, 100).decide(List.of(new VariantOutcome("A", 1000, 100),
                new VariantOutcome("B", 1000, 150)));

        AbDecision.Winner w = assertInstanceOf(AbDecision.Winner.class, d);
        assertEquals("B", w.variant());
        assertTrue(w.pValue() > 0.0006 && w.pValue() < 0.0009, "z = 3.38 gives p = 0.00072: " + w.pValue());
    }

    @Test
    void decide_smallOrFewSamples_isUndecidedSayingWhy() {
        WinnerRule rule = new WinnerRule(0.05, 100);

        AbDecision close = rule.decide(List.of(new VariantOutcome("A", 200, 20), new VariantOutcome("B", 200, 24)));
        AbDecision few = rule.decide(List.of(new VariantOutcome("A", 99, 0), new VariantOutcome("B", 500, 400)));

        assertTrue(((AbDecision.Undecided) close).reason().startsWith("the best variant B is not significantly"),
                close.toString());
        assertEquals(new AbDecision.Undecided("variant A reached 99 of the 100 contacts a decision needs"), few);
    }

    @Test
    void of_oneVariantOrRepeatedName_isRefused() {
        assertEquals("variants", assertThrows(ValidationException.class, () -> AbTest.of("t",
                List.of(new Variant("A", 1)))).violations().get(0).field());
        assertEquals("distinct-names", assertThrows(ValidationException.class, () -> AbTest.of("t",
                List.of(new Variant("A", 1), new Variant("A", 2)))).violations().get(0).rule());
    }
}
