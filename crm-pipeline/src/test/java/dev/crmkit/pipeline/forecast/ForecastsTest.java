package dev.crmkit.pipeline.forecast;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.ForecastCategory;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastsTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");

    private ListStore store;
    private Forecasts forecasts;
    private Pipeline leads;
    private int serial;

    @BeforeEach
    void setUp() {
        store = new ListStore();
        forecasts = new Forecasts(store, store);
        leads = store.insert(new Pipeline(new PipelineId(new UUID(9, 1)), 0, Presets.classicLead(), T, T));
    }

    private Deal deal(Pipeline pipeline, String stage, String amount, String currency, String owner,
                      LocalDate close) {
        PipelineDefinition def = pipeline.definition();
        Deal d = Deal.open(new DealId(new UUID(0, ++serial)), pipeline.id(), "D" + serial,
                def.stage(stage).orElseThrow(), T)
                .withTerms(amount == null ? Optional.empty() : Optional.of(Money.of(amount, currency)),
                        Optional.ofNullable(close), Optional.empty(), T)
                .withParties(Optional.ofNullable(owner).map(UserId::of), Optional.empty(), Optional.empty(),
                        Optional.empty(), "web_form", T);
        return store.insert(d);
    }

    @Test
    void board_countsEveryDealAndSumsAmountsPerCurrencyInStageOrder() {
        deal(leads, "New", "100.00", "EUR", "anna", null);
        deal(leads, "New", "50.50", "EUR", "bob", null);
        deal(leads, "New", "7.00", "USD", "anna", null);
        deal(leads, "Won", null, "EUR", "anna", null);

        Board board = forecasts.board(DealFilter.pipeline(leads.id()));

        assertEquals(7, board.columns().size());
        assertEquals("New", board.columns().get(0).stage().name());
        assertEquals(3, board.columns().get(0).count());
        assertEquals(Map.of(EUR, Money.of("150.50", "EUR"), USD, Money.of("7.00", "USD")),
                board.columns().get(0).totals().totals());
        assertEquals(1, board.columns().get(5).count());
        assertTrue(board.columns().get(5).totals().isEmpty());
        assertEquals(4, board.count());
    }

    @Test
    void board_filteredByOwner_countsOnlyTheirDeals() {
        deal(leads, "New", "100.00", "EUR", "anna", null);
        deal(leads, "New", "50.00", "EUR", "bob", null);

        Board board = forecasts.board(DealFilter.pipeline(leads.id()).ownedBy(UserId.of("bob")));

        assertEquals(1, board.count());
        assertEquals(Optional.of(Money.of("50.00", "EUR")), board.totals().total(EUR));
    }

    @Test
    void weighted_sumsAmountTimesProbabilityByMonthOwnerAndPipeline() {
        deal(leads, "Proposal sent", "100.00", "EUR", "anna", LocalDate.of(2026, 4, 10)); // 50 % -> 50.00
        deal(leads, "Negotiation", "10.01", "EUR", "anna", LocalDate.of(2026, 4, 20)); // 75 % -> 7.5075
        deal(leads, "New", "20.00", "EUR", null, LocalDate.of(2026, 5, 1)); // 5 % -> 1.00
        deal(leads, "Lost", "999.00", "EUR", "bob", LocalDate.of(2026, 5, 1)); // 0 %

        WeightedForecast f = forecasts.weighted(List.of(), Optional.empty());

        assertEquals(Optional.of(Money.of("57.51", "EUR")), f.byMonth().get(YearMonth.of(2026, 4)).total(EUR));
        assertEquals(Optional.of(Money.of("1.00", "EUR")), f.byMonth().get(YearMonth.of(2026, 5)).total(EUR));
        assertEquals(Optional.of(Money.of("57.51", "EUR")), f.byOwner().get(UserId.of("anna")).total(EUR));
        assertEquals(Optional.of(Money.of("0.00", "EUR")), f.byOwner().get(UserId.of("bob")).total(EUR));
        assertEquals(Optional.of(Money.of("1.00", "EUR")), f.unowned().total(EUR));
        assertEquals(Optional.of(Money.of("58.51", "EUR")), f.byPipeline().get(leads.id()).total(EUR));
    }

    @Test
    void weighted_categoriesAreCumulativeAndLeaveOutLostDeals() {
        deal(leads, "Won", "1000.00", "EUR", "anna", null); // closed
        deal(leads, "Negotiation", "200.00", "EUR", "anna", null); // commit
        deal(leads, "Proposal sent", "30.00", "EUR", "anna", null); // best case
        deal(leads, "New", "4.00", "EUR", "anna", null); // pipeline
        deal(leads, "Lost", "50000.00", "EUR", "anna", null); // omitted

        WeightedForecast f = forecasts.weighted(List.of(leads.id()), Optional.of(UserId.of("anna")));

        assertEquals(Optional.of(Money.of("1000.00", "EUR")), f.category(ForecastCategory.CLOSED).total(EUR));
        assertEquals(Optional.of(Money.of("1200.00", "EUR")), f.category(ForecastCategory.COMMIT).total(EUR));
        assertEquals(Optional.of(Money.of("1230.00", "EUR")), f.category(ForecastCategory.BEST_CASE).total(EUR));
        assertEquals(Optional.of(Money.of("1234.00", "EUR")), f.category(ForecastCategory.PIPELINE).total(EUR));
        assertTrue(f.category(ForecastCategory.OMITTED).isEmpty());
    }

    @Test
    void moneyTotals_roundHalfEvenOnlyWhenRead() {
        MoneyTotals t = MoneyTotals.none().plus(EUR, new BigDecimal("0.005"))
                .plus(EUR, new BigDecimal("0.005"));

        assertEquals(Optional.of(Money.of("0.01", "EUR")), t.total(EUR));
        assertEquals(Optional.of(Money.of("0.00", "EUR")),
                MoneyTotals.none().plus(EUR, new BigDecimal("0.005")).total(EUR));
    }
}
