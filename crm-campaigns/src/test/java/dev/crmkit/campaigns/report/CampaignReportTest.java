package dev.crmkit.campaigns.report;

import dev.crmkit.campaigns.tracking.Signal;
import dev.crmkit.campaigns.tracking.SignalType;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignReportTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), EUR);
    }

    @Test
    void figures_perCampaignAndVariant_countSignalsAndOrdersInTheWindow() {
        List<SentMessage> sent = List.of(
                new SentMessage("k1", "c1", "birthday", "A", DAY),
                new SentMessage("k2", "c2", "birthday", "A", DAY),
                new SentMessage("k3", "c3", "birthday", "B", DAY),
                new SentMessage("k4", "c4", "win-back", "", DAY));
        List<Signal> signals = List.of(
                new Signal("c1", SignalType.DELIVERED, Instant.EPOCH, "k1"),
                new Signal("c1", SignalType.OPENED, Instant.EPOCH, "k1"),
                new Signal("c1", SignalType.OPENED, Instant.EPOCH, "k1"),
                new Signal("c3", SignalType.CLICKED, Instant.EPOCH, "k3"),
                new Signal("c2", SignalType.DELIVERED, Instant.EPOCH, "k2"),
                new Signal("c4", SignalType.PURCHASED, Instant.EPOCH, ""));
        OrderBook orders = OrderBook.of(List.of(
                new Order("c1", DAY, eur("99.00")),             // the send day itself: not after the message
                new Order("c1", DAY.plusDays(3), eur("40.00")),
                new Order("c1", DAY.plusDays(5), eur("2.50")),
                new Order("c3", DAY.plusDays(7), eur("10.00")),
                new Order("c4", DAY.plusDays(8), eur("500.00"))));  // outside a 7-day window

        List<CampaignFigures> figures = new CampaignReport(7).figures(sent, signals, orders);

        assertEquals(List.of(
                new CampaignFigures("birthday", "A", 2, 2, 1, 0, 1, eur("42.50")),
                new CampaignFigures("birthday", "B", 1, 1, 1, 1, 1, eur("10.00")),
                new CampaignFigures("win-back", "", 1, 0, 0, 0, 0, eur("0.00"))), figures);
    }

    @Test
    void constructor_windowOutOfRange_namesIt() {
        assertEquals("attributionDays", assertThrows(ValidationException.class, () -> new CampaignReport(0))
                .violations().get(0).field());
    }
}
