package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttainmentsTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Window NOVEMBER = new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
            ZoneOffset.UTC);

    private static WonDeal won(String owner, String day, String amount, String currency) {
        return new WonDeal(owner, LocalDate.parse(day), Money.of(amount, currency));
    }

    private static SalesTarget target(String owner, String period, String amount, String currency) {
        return new SalesTarget(owner, Period.parse(period), Money.of(amount, currency));
    }

    @Test
    void of_halfWon_isHalf_withGapAndRunRateAsOfMidMonth() {
        List<Attainment> result = Attainments.of(List.of(target("ann", "2026-11", "10000.00", "EUR")),
                List.of(won("ann", "2026-11-03", "3000.00", "EUR"), won("ann", "2026-11-15", "2000.00", "EUR")),
                NOVEMBER, LocalDate.of(2026, 11, 15));

        Attainment a = result.get(0);
        assertEquals(1, result.size());
        assertEquals(new BigDecimal("0.500000"), a.attainment().orElseThrow());
        assertEquals(Money.of("5000.00", "EUR"), a.achieved());
        assertEquals(Money.of("5000.00", "EUR"), a.expectedToDate().orElseThrow(), "15 of 30 days");
        assertEquals(Money.of("5000.00", "EUR"), a.gap());
        assertEquals(15, a.daysLeft());
        assertEquals(Money.of("333.34", "EUR"), a.dailyRunRate().orElseThrow(), "5000 / 15, rounded up");
    }

    @Test
    void of_dealsOnThePeriodEdges_countOnlyInside() {
        List<Attainment> result = Attainments.of(List.of(target("ann", "2026-Q4", "100.00", "EUR")),
                List.of(won("ann", "2026-09-30", "1.00", "EUR"), won("ann", "2026-10-01", "10.00", "EUR"),
                        won("ann", "2026-12-31", "20.00", "EUR"), won("ann", "2027-01-01", "40.00", "EUR")),
                new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), ZoneOffset.UTC),
                LocalDate.of(2027, 1, 1));

        assertEquals(Money.of("30.00", "EUR"), result.get(0).achieved());
        assertEquals(0, result.get(0).daysLeft());
        assertEquals(Optional.empty(), result.get(0).dailyRunRate(), "no day left");
        assertEquals(Money.of("100.00", "EUR"), result.get(0).expectedToDate().orElseThrow(), "the period is over");
    }

    @Test
    void of_dealsOutsideTheWindow_areIgnored() {
        Window firstHalf = new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15), ZoneOffset.UTC);

        List<Attainment> result = Attainments.of(List.of(target("ann", "2026-11", "100.00", "EUR")),
                List.of(won("ann", "2026-11-15", "10.00", "EUR"), won("ann", "2026-11-16", "50.00", "EUR")),
                firstHalf, LocalDate.of(2026, 11, 30));

        assertEquals(Money.of("10.00", "EUR"), result.get(0).achieved());
    }

    @Test
    void of_aCurrencyWithNoTarget_getsItsOwnEntryWithoutTarget_andIsNeverAdded() {
        List<Attainment> result = Attainments.of(List.of(target("ann", "2026-11", "1000.00", "EUR")),
                List.of(won("ann", "2026-11-03", "300.00", "EUR"), won("ann", "2026-11-04", "500", "JPY")),
                NOVEMBER, LocalDate.of(2026, 11, 30));

        assertEquals(2, result.size());
        Attainment eur = result.get(0);
        Attainment jpy = result.get(1);
        assertEquals(EUR, eur.currency());
        assertEquals(Money.of("300.00", "EUR"), eur.achieved());
        assertEquals(new BigDecimal("0.300000"), eur.attainment().orElseThrow());
        assertEquals(Currency.getInstance("JPY"), jpy.currency());
        assertEquals(Optional.empty(), jpy.target());
        assertEquals(Optional.empty(), jpy.attainment());
        assertEquals(Money.of("500", "JPY"), jpy.achieved());
        assertEquals(Money.of("0", "JPY"), jpy.gap());
    }

    @Test
    void of_aTargetWithNothingWon_isZeroAttainment() {
        List<Attainment> result = Attainments.of(List.of(target("bob", "2026", "1200.00", "EUR")), List.of(),
                NOVEMBER, LocalDate.of(2026, 3, 31));

        assertEquals(new BigDecimal("0.000000"), result.get(0).attainment().orElseThrow());
        assertEquals(Money.of("295.89", "EUR"), result.get(0).expectedToDate().orElseThrow(), "1200 x 90 / 365");
        assertEquals(275, result.get(0).daysLeft());
    }

    @Test
    void of_otherOwnersDeals_andOwnersWithoutTargets_countNowhere() {
        List<Attainment> result = Attainments.of(List.of(target("ann", "2026-11", "100.00", "EUR")),
                List.of(won("bob", "2026-11-03", "90.00", "EUR")), NOVEMBER, LocalDate.of(2026, 11, 30));

        assertEquals(1, result.size());
        assertEquals(Money.of("0.00", "EUR"), result.get(0).achieved());
    }

    @Test
    void of_overTarget_isAboveOne_withNoGap() {
        Attainment a = Attainments.of(List.of(target("ann", "2026-11", "100.00", "EUR")),
                List.of(won("ann", "2026-11-03", "150.00", "EUR")), NOVEMBER, LocalDate.of(2026, 11, 10)).get(0);

        assertEquals(new BigDecimal("1.500000"), a.attainment().orElseThrow());
        assertEquals(Money.of("0.00", "EUR"), a.gap());
        assertEquals(Optional.empty(), a.dailyRunRate());
    }

    @Test
    void of_twoTargetsForOnePeriodAndCurrency_isRefusedNamingTheSecond() {
        ValidationException e = assertThrows(ValidationException.class, () -> Attainments.of(List.of(
                target("ann", "2026-11", "100.00", "EUR"), target("ann", "2026-11", "200.00", "EUR")), List.of(),
                NOVEMBER, LocalDate.of(2026, 11, 1)));

        assertTrue(e.getMessage().contains("targets[1]"), e.getMessage());
    }

    @Test
    void total_addsTargetsAndAchievedPerCurrency() {
        List<Attainment> each = Attainments.of(List.of(target("ann", "2026-11", "100.00", "EUR"),
                        target("bob", "2026-11", "300.00", "EUR")),
                List.of(won("ann", "2026-11-03", "100.00", "EUR"), won("bob", "2026-11-04", "100.00", "EUR")),
                NOVEMBER, LocalDate.of(2026, 11, 30));

        List<Attainment> team = Attainments.total("team", each, LocalDate.of(2026, 11, 30));

        assertEquals(1, team.size());
        assertEquals(Money.of("400.00", "EUR"), team.get(0).target().orElseThrow());
        assertEquals(Money.of("200.00", "EUR"), team.get(0).achieved());
        assertEquals(new BigDecimal("0.500000"), team.get(0).attainment().orElseThrow(),
                "not the mean 0.67 of 1 and 1/3");
    }

    @Test
    void salesTarget_zeroOrBlankOwner_isRefused() {
        assertTrue(assertThrows(ValidationException.class, () -> target("ann", "2026-11", "0.00", "EUR"))
                .getMessage().contains("amount"));
        assertTrue(assertThrows(ValidationException.class, () -> target(" ", "2026-11", "1.00", "EUR"))
                .getMessage().contains("owner"));
    }
}
