package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CacTest {

    private static final YearMonth JAN = YearMonth.of(2024, 1);
    private static final YearMonth FEB = YearMonth.of(2024, 2);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static final List<AcquisitionSpend> SPEND = List.of(
            new AcquisitionSpend("ads", JAN, eur("3000"), eur("1000")),
            new AcquisitionSpend("ads", FEB, eur("2000"), eur("0")),
            new AcquisitionSpend("events", JAN, eur("500"), eur("1500")));
    private static final List<NewCustomers> WON = List.of(
            new NewCustomers("ads", JAN, 40), new NewCustomers("ads", FEB, 10), new NewCustomers("events", JAN, 3));

    @Test
    void of_fiveThousandForForty_is125() {
        assertEquals(eur("125.00"), Cac.of(eur("5000"), 40));
    }

    @Test
    void of_marketingPlusSales_isTheirSumPerCustomer() {
        assertEquals(eur("125.00"), Cac.of(eur("3000"), eur("2000"), 40));
    }

    @Test
    void of_unevenShare_roundsHalfEven() {
        assertEquals(eur("33.33"), Cac.of(eur("100"), 3));
        assertEquals(eur("0.02"), Cac.of(eur("0.05"), 2)); // 0.025 to even
    }

    @Test
    void byChannel_sumsEachChannelOverPeriods() {
        assertEquals(List.of(new CacResult("ads", eur("6000.00"), 50, eur("120.00")),
                new CacResult("events", eur("2000.00"), 3, eur("666.67"))), Cac.byChannel(SPEND, WON));
    }

    @Test
    void byPeriod_sumsEachMonthOverChannels() {
        assertEquals(List.of(new CacResult("2024-01", eur("6000.00"), 43, eur("139.53")),
                new CacResult("2024-02", eur("2000.00"), 10, eur("200.00"))), Cac.byPeriod(SPEND, WON));
    }

    @Test
    void byChannelAndPeriod_keysChannelSlashMonth() {
        assertEquals(List.of(new CacResult("ads/2024-01", eur("4000.00"), 40, eur("100.00")),
                new CacResult("ads/2024-02", eur("2000.00"), 10, eur("200.00")),
                new CacResult("events/2024-01", eur("2000.00"), 3, eur("666.67"))),
                Cac.byChannelAndPeriod(SPEND, WON));
    }

    @Test
    void overall_isAllSpendOverAllNewCustomers() {
        assertEquals(new CacResult("all", eur("8000.00"), 53, eur("150.94")), Cac.overall(SPEND, WON));
    }

    @Test
    void byChannel_customersWithoutSpend_costNothing() {
        List<CacResult> result = Cac.byChannel(SPEND, List.of(new NewCustomers("ads", JAN, 50),
                new NewCustomers("events", JAN, 4), new NewCustomers("referral", JAN, 7)));
        assertEquals(new CacResult("referral", eur("0.00"), 7, eur("0.00")), result.get(2));
    }

    @Test
    void of_zeroNewCustomers_isRejectedNamingNewCustomers() {
        assertRejects("newCustomers", () -> Cac.of(eur("5000"), 0));
    }

    @Test
    void byChannel_channelWithSpendButNoCustomers_isRejectedNamingTheChannel() {
        assertRejects("newCustomers[events]", () -> Cac.byChannel(SPEND, List.of(new NewCustomers("ads", JAN, 5))));
    }

    @Test
    void of_negativeSpend_isRejectedNamingSpend() {
        assertRejects("spend", () -> Cac.of(eur("-1"), 4));
    }

    @Test
    void acquisitionSpend_negativeMarketing_isRejectedNamingMarketingSpend() {
        assertRejects("marketingSpend", () -> new AcquisitionSpend("ads", JAN, eur("-1"), eur("0")));
    }

    @Test
    void acquisitionSpend_salesInOtherCurrency_isRejectedNamingSalesSpend() {
        assertRejects("salesSpend", () -> new AcquisitionSpend("ads", JAN, eur("1"), Money.of("1", "USD")));
    }

    @Test
    void newCustomers_negativeCount_isRejectedNamingCount() {
        assertRejects("count", () -> new NewCustomers("ads", JAN, -1));
    }

    @Test
    void byChannel_noSpendRecords_isRejectedNamingSpend() {
        assertRejects("spend", () -> Cac.byChannel(List.of(), WON));
    }

    @Test
    void byChannel_mixedCurrencies_isRejectedNamingTheRecord() {
        assertRejects("spend[1]", () -> Cac.byChannel(List.of(SPEND.get(0),
                new AcquisitionSpend("ads", FEB, Money.of("1", "USD"), Money.of("1", "USD"))), WON));
    }
}
