package dev.crmkit.metrics.funnel;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StageHistoryFunnelTest {

    private static final FunnelDefinition DEFINITION = new FunnelDefinition(
            List.of("lead", "qualified", "proposal", "won"), "won", Optional.of("lost"));

    private static StageEntry entry(String deal, String stage, String day, String source, String owner,
            String pipeline) {
        return StageEntry.of(deal, stage, Instant.parse("2024-" + day + "T09:00:00Z")).with(source, owner, pipeline);
    }

    /** D1 won through a skipped-back path, D2 went back and forth then lost, D3 is open, D4 skipped lead and won. */
    private static final List<StageEntry> HISTORY = List.of(
            entry("D1", "lead", "01-01", "web", "ann", "sales"),
            entry("D1", "proposal", "01-03", "web", "ann", "sales"),
            entry("D1", "qualified", "01-05", "web", "ann", "sales"),
            entry("D1", "won", "01-11", "web", "ann", "sales"),
            entry("D2", "lead", "01-02", "web", "bob", null),
            entry("D2", "qualified", "01-04", "web", "bob", null),
            entry("D2", "lead", "01-06", "web", "bob", null),
            entry("D2", "qualified", "01-08", "web", "bob", null),
            entry("D2", "lost", "01-12", "web", "bob", null),
            entry("D3", "lead", "02-01", "fair", "ann", null),
            entry("D4", "won", "02-15", "fair", "bob", null),
            entry("D4", "qualified", "02-03", "fair", "bob", null),
            entry("D4", "proposal", "02-05", "fair", "bob", null));

    private static final Map<String, Money> AMOUNTS = Map.of("D1", Money.of("1000", "EUR"),
            "D2", Money.of("500", "EUR"), "D3", Money.of("2000", "EUR"), "D4", Money.of("3000", "EUR"));

    @Test
    void analyze_dealsMovingBackAndForth_countEachReachedStageOnce() {
        HistoryFunnel funnel = StageHistoryFunnel.analyze(HISTORY, DEFINITION, AMOUNTS);

        assertEquals(List.of(4L, 3L, 2L, 2L), funnel.funnel().stages().stream().map(FunnelStage::count).toList());
        assertEquals(Ratio.of(2, 4), funnel.funnel().cumulativeConversion());
    }

    @Test
    void analyze_statuses_followTheLatestEntry() {
        HistoryFunnel funnel = StageHistoryFunnel.analyze(HISTORY, DEFINITION, AMOUNTS);

        assertEquals(4, funnel.deals());
        assertEquals(2, funnel.won());
        assertEquals(1, funnel.lost());
        assertEquals(1, funnel.open());
        assertEquals(Ratio.of(2, 3), funnel.winRate());
    }

    @Test
    void analyze_times_averageFinishedStaysAndClosedLifecycles() {
        HistoryFunnel funnel = StageHistoryFunnel.analyze(HISTORY, DEFINITION, AMOUNTS);

        Map<String, Duration> expected = new LinkedHashMap<>();
        expected.put("lead", Duration.ofDays(2));
        expected.put("qualified", Duration.ofHours(84)); // 6, 2, 4 and 2 days
        expected.put("proposal", Duration.ofDays(6)); // 2 and 10 days
        assertEquals(expected, funnel.averageTimeInStage());
        assertEquals(Optional.of(Duration.ofDays(32).dividedBy(3)), funnel.averageLifecycle());
        assertEquals(Optional.of(Duration.ofDays(11)), funnel.averageWonCycle());
    }

    @Test
    void analyze_salesVelocity_isOpenTimesWinRateTimesDealSizeOverCycle() {
        HistoryFunnel funnel = StageHistoryFunnel.analyze(HISTORY, DEFINITION, AMOUNTS);

        assertEquals(Optional.of(Money.of("2000.00", "EUR")), funnel.averageWonDealSize());
        // 1 open x 2/3 x 2000 / 11 days = 121.2121
        assertEquals(Optional.of(Money.of("121.21", "EUR")), funnel.salesVelocityPerDay());
    }

    @Test
    void analyze_withoutLostStage_winRateIsOverAllDeals() {
        FunnelDefinition wonOnly = FunnelDefinition.of(List.of("lead", "qualified", "proposal", "won"));
        List<StageEntry> noLost = HISTORY.stream().filter(e -> !e.stage().equals("lost")).toList();

        HistoryFunnel funnel = StageHistoryFunnel.analyze(noLost, wonOnly, Map.of());

        assertEquals(Ratio.of(2, 4), funnel.winRate());
        assertEquals(Optional.empty(), funnel.salesVelocityPerDay());
    }

    @Test
    void analyzeBy_source_splitsDeals() {
        SortedMap<String, HistoryFunnel> bySource = StageHistoryFunnel.analyzeBy(HISTORY, DEFINITION, AMOUNTS,
                Grouping.SOURCE, ZoneOffset.UTC);

        assertEquals(List.of("fair", "web"), List.copyOf(bySource.keySet()));
        assertEquals(Ratio.of(1, 2), bySource.get("web").winRate());
        assertEquals(Ratio.of(1, 1), bySource.get("fair").winRate());
        assertEquals(List.of(2L, 1L, 1L, 1L), bySource.get("fair").funnel().stages().stream()
                .map(FunnelStage::count).toList());
    }

    @Test
    void analyzeBy_owner_splitsDeals() {
        SortedMap<String, HistoryFunnel> byOwner = StageHistoryFunnel.analyzeBy(HISTORY, DEFINITION, AMOUNTS,
                Grouping.OWNER, ZoneOffset.UTC);

        assertEquals(2, byOwner.get("ann").deals());
        assertEquals(1, byOwner.get("ann").won());
        assertEquals(1, byOwner.get("bob").lost());
    }

    @Test
    void analyzeBy_pipeline_putsDealsWithoutOneUnderNone() {
        SortedMap<String, HistoryFunnel> byPipeline = StageHistoryFunnel.analyzeBy(HISTORY, DEFINITION, AMOUNTS,
                Grouping.PIPELINE, ZoneOffset.UTC);

        assertEquals(3, byPipeline.get(StageHistoryFunnel.NO_VALUE).deals());
        assertEquals(1, byPipeline.get("sales").deals());
    }

    @Test
    void analyzeBy_period_usesTheMonthOfTheFirstEntry() {
        SortedMap<String, HistoryFunnel> byMonth = StageHistoryFunnel.analyzeBy(HISTORY, DEFINITION, AMOUNTS,
                Grouping.PERIOD, ZoneOffset.UTC);

        assertEquals(List.of("2024-01", "2024-02"), List.copyOf(byMonth.keySet()));
        assertEquals(2, byMonth.get("2024-02").deals());
    }

    @Test
    void analyze_emptyHistory_hasNoDealsAndUndefinedRates() {
        HistoryFunnel funnel = StageHistoryFunnel.analyze(List.of(), DEFINITION, Map.of());

        assertEquals(0, funnel.deals());
        assertEquals(Ratio.of(0, 0), funnel.winRate());
        assertEquals(Optional.empty(), funnel.averageLifecycle());
        assertEquals(List.of(0L, 0L, 0L, 0L), funnel.funnel().stages().stream().map(FunnelStage::count).toList());
    }

    @Test
    void analyze_unknownStage_isRejectedNamingTheEntry() {
        List<StageEntry> history = List.of(StageEntry.of("D1", "lead", Instant.EPOCH),
                StageEntry.of("D1", "demo", Instant.EPOCH));
        assertRejects("history[1].stage", () -> StageHistoryFunnel.analyze(history, DEFINITION, Map.of()));
    }

    @Test
    void analyze_amountsInTwoCurrencies_isRejectedNamingTheAmount() {
        Map<String, Money> amounts = Map.of("D1", Money.of("1", "EUR"), "D2", Money.of("1", "USD"));
        assertRejects("amounts[D2]", () -> StageHistoryFunnel.analyze(HISTORY, DEFINITION, amounts));
    }

    @Test
    void definition_lostStageInTheOrder_isRejectedNamingLostStage() {
        assertRejects("lostStage", () -> new FunnelDefinition(List.of("lead", "won", "lost"), "won",
                Optional.of("lost")));
    }

    @Test
    void definition_wonStageNotInTheOrder_isRejectedNamingWonStage() {
        assertRejects("wonStage", () -> new FunnelDefinition(List.of("lead", "won"), "closed", Optional.empty()));
    }

    @Test
    void definition_repeatedStage_isRejectedNamingIt() {
        assertRejects("stageOrder[1]", () -> FunnelDefinition.of(List.of("lead", "lead", "won")));
    }

    @Test
    void stageEntry_blankDeal_isRejectedNamingDealId() {
        assertRejects("dealId", () -> StageEntry.of(" ", "lead", Instant.EPOCH));
    }
}
