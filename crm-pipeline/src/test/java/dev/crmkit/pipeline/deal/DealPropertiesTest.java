package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Stage;
import dev.crmkit.pipeline.definition.StageActivities;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Properties of moving deals through the B2B preset (no skipping, a lost reason required, amount rules). */
class DealPropertiesTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final PipelineDefinition B2B = Presets.b2b();
    private static final Actor ANNA = Actor.of("anna");

    /** One step: the index of a target stage (one past the end is an unknown stage), and whether to give "price". */
    private static Gen<List<Integer>> steps() {
        return lists().of(integers().between(0, B2B.stages().size() * 2 + 1)).ofSizeBetween(0, 25);
    }

    private static String target(int step) {
        int index = step / 2;
        return index < B2B.stages().size() ? B2B.stages().get(index).name() : "Nowhere";
    }

    private static Deal start(int seed) {
        Deal d = Deal.open(new DealId(new UUID(0, seed)), new PipelineId(new UUID(0, 1)), "Seats",
                B2B.firstOpenStage(), T);
        return seed % 2 == 0 ? d.withTerms(Optional.of(Money.of("10.00", "EUR")), Optional.empty(),
                Optional.empty(), T).withDocument("offer", "approved", T) : d;
    }

    @Test
    void move_refused_returnsEveryReasonAndLeavesTheDealAsItWas() {
        qt().withFixedSeed(4L).withExamples(300).forAll(steps(), integers().between(0, 3)).checkAssert((s, seed) -> {
            Deal deal = start(seed);
            for (int step : s) {
                Deal before = deal;
                StageChange c = deal.move(B2B, target(step), ANNA,
                        step % 2 == 0 ? Optional.of("price") : Optional.empty(), StageActivities.none(),
                        new UUID(1, step), T.plusSeconds(step));
                if (c instanceof StageChange.StageChangeRejected r) {
                    org.junit.jupiter.api.Assertions.assertEquals(before, deal);
                    org.junit.jupiter.api.Assertions.assertFalse(r.reasons().isEmpty());
                    org.junit.jupiter.api.Assertions.assertEquals(before.stage(), r.from());
                } else {
                    deal = ((StageChange.StageChanged) c).deal();
                }
            }
        });
    }

    @Test
    void moves_anySequence_historyIsAChainEndingInTheCurrentStage() {
        qt().withFixedSeed(5L).withExamples(300).forAll(steps(), integers().between(0, 3)).checkAssert((s, seed) -> {
            Deal deal = start(seed);
            List<StageHistoryEntry> history = new ArrayList<>();
            Instant now = T;
            for (int step : s) {
                now = now.plus(Duration.ofMinutes(step));
                StageChange c = deal.move(B2B, target(step), ANNA,
                        step % 2 == 0 ? Optional.of("price") : Optional.empty(), StageActivities.none(),
                        new UUID(2, history.size()), now);
                if (c instanceof StageChange.StageChanged changed) {
                    history.add(changed.entry());
                    deal = changed.deal().atVersion(deal.version() + 1);
                }
            }
            String expectedFrom = B2B.firstOpenStage().name();
            Instant enteredAt = T;
            for (int i = 0; i < history.size(); i++) {
                StageHistoryEntry e = history.get(i);
                org.junit.jupiter.api.Assertions.assertEquals(Optional.of(expectedFrom), e.from());
                org.junit.jupiter.api.Assertions.assertEquals(i + 1L, e.dealVersion());
                org.junit.jupiter.api.Assertions.assertEquals(Duration.between(enteredAt, e.at()),
                        e.timeInPrevious());
                expectedFrom = e.to();
                enteredAt = e.at();
            }
            org.junit.jupiter.api.Assertions.assertEquals(expectedFrom, deal.stage());
            Stage current = B2B.stage(deal.stage()).orElseThrow();
            org.junit.jupiter.api.Assertions.assertEquals(current.kind().isClosed(), deal.isClosed());
        });
    }
}
