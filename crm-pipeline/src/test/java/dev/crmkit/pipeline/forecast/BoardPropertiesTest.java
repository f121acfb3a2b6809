package dev.crmkit.pipeline.forecast;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Stage;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

class BoardPropertiesTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> CURRENCIES = List.of("EUR", "JPY", "USD");

    /** A deal: stage index, currency index (3 = no amount), amount in minor units. */
    private static Gen<List<long[]>> deals() {
        Gen<long[]> one = integers().between(0, 6).zip(integers().between(0, 3), longs().between(-5_000, 10_000_000),
                (s, c, a) -> new long[] {s, c, a});
        return lists().of(one).ofSizeBetween(0, 60);
    }

    @Test
    void board_totalsEqualTheSumOfTheDealsPerStageAndCurrency() {
        qt().withFixedSeed(6L).withExamples(150).forAll(deals()).checkAssert(specs -> {
            ListStore store = new ListStore();
            Pipeline p = store.insert(new Pipeline(new PipelineId(new UUID(0, 1)), 0, Presets.classicLead(), T, T));
            Map<String, Map<Currency, BigDecimal>> expected = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            int serial = 0;
            for (long[] spec : specs) {
                Stage stage = p.definition().stages().get((int) spec[0]);
                Deal d = Deal.open(new DealId(new UUID(1, ++serial)), p.id(), "D", stage, T);
                counts.merge(stage.name(), 1, Integer::sum);
                if (spec[1] < 3) {
                    Currency c = Currency.getInstance(CURRENCIES.get((int) spec[1]));
                    Money m = Money.of(BigDecimal.valueOf(spec[2], c.getDefaultFractionDigits()), c);
                    d = d.withTerms(Optional.of(m), Optional.empty(), Optional.empty(), T);
                    expected.computeIfAbsent(stage.name(), k -> new HashMap<>()).merge(c, m.amount(),
                            BigDecimal::add);
                }
                store.insert(d);
            }

            Board board = new Forecasts(store, store).board(DealFilter.pipeline(p.id()));

            assertEquals(specs.size(), board.count());
            for (BoardColumn column : board.columns()) {
                String name = column.stage().name();
                assertEquals(counts.getOrDefault(name, 0).longValue(), column.count(), name);
                Map<Currency, Money> want = new HashMap<>();
                expected.getOrDefault(name, Map.of()).forEach((c, sum) -> want.put(c, Money.of(sum, c)));
                assertEquals(want, column.totals().totals(), name);
            }
        });
    }
}
