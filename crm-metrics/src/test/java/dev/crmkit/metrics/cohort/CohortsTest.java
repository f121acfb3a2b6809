package dev.crmkit.metrics.cohort;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.order.OrderPass;
import dev.crmkit.metrics.order.PeriodCells;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static Order order(String customer, String date, String amount) {
        return new Order(customer, LocalDate.parse(date), Money.of(amount, "EUR"));
    }

    private static OrderBook example() {
        return OrderBook.of(List.of(
                order("A", "2024-01-05", "10"), order("A", "2024-01-20", "5"), order("A", "2024-03-02", "7"),
                order("B", "2024-01-31", "20"), order("C", "2024-02-10", "30")));
    }

    @Test
    void monthly_example_countsDistinctCustomersPerCell() {
        CohortMatrix matrix = Cohorts.monthly(example());

        assertEquals(2, matrix.rows().size());
        CohortRow january = matrix.rows().get(0);
        assertEquals(LocalDate.of(2024, 1, 1), january.cohortStart());
        assertEquals("2024-01", january.label());
        assertEquals(List.of(2L, 0L, 1L), january.customers());
        assertEquals(List.of(3500L, 0L, 700L), january.revenueMinor());
        assertEquals(List.of(1L, 0L), matrix.rows().get(1).customers());
        assertEquals(Money.of("35.00", "EUR"), matrix.revenue(0, 0));
    }

    @Test
    void cells_gatheredWithThePeriod_giveTheBooksMatrix() {
        for (CohortPeriod period : CohortPeriod.values()) {
            CohortMatrix fromBook = Cohorts.of(example(), period);

            assertEquals(fromBook, Cohorts.of(PeriodCells.of(example(), period), period, EUR), period.name());
            assertEquals(fromBook, Cohorts.of(OrderPass.of(example(), LocalDate.parse("2024-03-31"), period)
                    .periods(), period, EUR), period.name());
        }
    }

    @Test
    void cells_gatheredWithAnotherNumbering_areRefused() {
        // review M2: week indexes read as months gave a matrix of months ~150 years ahead, without an error
        PeriodCells weeks = PeriodCells.of(example(), CohortPeriod.WEEK::indexOf);
        ValidationException e = assertRejects("period", () -> Cohorts.of(weeks, CohortPeriod.MONTH, EUR));
        assertEquals("numbering", e.violations().get(0).rule());
        assertTrue(e.getMessage().contains("not a CohortPeriod"), e.getMessage());

        e = assertRejects("period", () -> Cohorts.of(PeriodCells.of(example(), CohortPeriod.WEEK),
                CohortPeriod.MONTH, EUR));
        assertTrue(e.getMessage().contains("(WEEK), was MONTH"), e.getMessage());
        assertRejects("period", () -> Cohorts.counts(PeriodCells.of(example(), CohortPeriod.MONTH),
                CohortPeriod.WEEK));
        // a function that happens to number like the period cannot be told apart from one that does not: refused too
        assertRejects("period", () -> Cohorts.of(PeriodCells.of(example(), CohortPeriod.MONTH::indexOf),
                CohortPeriod.MONTH, EUR));
    }

    @Test
    void cells_ofABookInAnotherCurrency_areRefused() {
        // review M2: the revenue of a EUR book labelled USD passed
        PeriodCells cells = PeriodCells.of(example(), CohortPeriod.MONTH);
        ValidationException e = assertRejects("currency",
                () -> Cohorts.of(cells, CohortPeriod.MONTH, Currency.getInstance("USD")));
        assertEquals("currency", e.violations().get(0).rule());
        assertTrue(e.getMessage().contains("EUR, was USD"), e.getMessage());
    }

    @Test
    void monthly_example_retentionAndChurn() {
        CohortRow january = Cohorts.monthly(example()).rows().get(0);

        assertEquals(2, january.size());
        assertEquals(new BigDecimal("1.000000"), january.retention(0));
        assertEquals(new BigDecimal("0.000000"), january.retention(1));
        assertEquals(new BigDecimal("0.500000"), january.retention(2));
        assertEquals(Optional.of(new BigDecimal("1.000000")), january.churn(1));
        assertEquals(Optional.empty(), january.churn(2)); // nobody ordered in February
        assertEquals(Optional.empty(), january.churn(0));
    }

    @Test
    void churn_customersReturning_isNegative() {
        CohortMatrix matrix = CohortMatrix.of(CohortPeriod.MONTH, EUR, List.of(
                new CohortCount(LocalDate.of(2024, 1, 1), 0, 4, 0),
                new CohortCount(LocalDate.of(2024, 1, 1), 1, 1, 0),
                new CohortCount(LocalDate.of(2024, 1, 1), 2, 3, 0)));

        assertEquals(Optional.of(new BigDecimal("0.750000")), matrix.rows().get(0).churn(1));
        assertEquals(Optional.of(new BigDecimal("-2.000000")), matrix.rows().get(0).churn(2));
    }

    @Test
    void of_weeks_startOnMonday() {
        OrderBook book = OrderBook.of(List.of(order("A", "2024-01-07", "1"), order("A", "2024-01-08", "2"),
                order("B", "2024-01-01", "4")));

        CohortMatrix matrix = Cohorts.of(book, CohortPeriod.WEEK);

        CohortRow first = matrix.rows().get(0);
        assertEquals(LocalDate.of(2024, 1, 1), first.cohortStart());
        assertEquals("2024-W01", first.label());
        assertEquals(List.of(2L, 1L), first.customers());
        assertEquals(List.of(500L, 200L), first.revenueMinor());
    }

    @Test
    void of_singleCustomer_isOneCohortOfOne() {
        CohortMatrix matrix = Cohorts.monthly(OrderBook.of(List.of(order("A", "2024-05-05", "1"))));

        assertEquals(1, matrix.rows().size());
        assertEquals(List.of(1L), matrix.rows().get(0).customers());
    }

    @Test
    void of_emptyBook_hasNoRows() {
        OrderBook empty = OrderBook.ofColumns(EUR, new String[0], new int[0], new int[0], new long[0]);

        assertEquals(List.of(), Cohorts.monthly(empty).rows());
    }

    @Test
    void counts_throughTheMatrix_roundTrip() {
        CohortMatrix matrix = Cohorts.monthly(example());

        assertEquals(matrix, CohortMatrix.of(CohortPeriod.MONTH, EUR, matrix.counts()));
        assertEquals(matrix, CohortMatrix.of(CohortPeriod.MONTH, EUR, Cohorts.counts(example(), CohortPeriod.MONTH)));
    }

    @Test
    void of_ordersOverYears1To9999_isRejectedNamingTheSpanNotFillingMemory() {
        OrderBook book = OrderBook.of(List.of(order("A", "0001-01-01", "1"), order("B", "9999-12-01", "1")));

        ValidationException e = assertRejects("orders", () -> Cohorts.of(book, CohortPeriod.WEEK));
        assertTrue(e.getMessage().contains("at most " + Cohorts.MAX_PERIODS), e.getMessage());
    }

    @Test
    void of_hundredYearsOfMonths_isTheWidestMatrix() {
        OrderBook book = OrderBook.of(List.of(order("A", "1950-01-01", "1"), order("B", "2049-12-31", "1")));

        assertEquals(Cohorts.MAX_PERIODS, Cohorts.of(book, CohortPeriod.MONTH).rows().get(0).periods());
        assertRejects("orders", () -> Cohorts.of(OrderBook.of(List.of(order("A", "1950-01-01", "1"),
                order("B", "2050-01-01", "1"))), CohortPeriod.MONTH));
    }

    @Test
    void matrixOf_cellsSpanningTooManyPeriods_isRejected() {
        assertRejects("cells", () -> CohortMatrix.of(CohortPeriod.MONTH, EUR, List.of(
                new CohortCount(LocalDate.of(1, 1, 1), 0, 1, 0),
                new CohortCount(LocalDate.of(1, 1, 1), 100_000, 1, 0))));
    }

    @Test
    void matrixOf_cellAboveCohortSize_isRejectedNamingTheCell() {
        assertRejects("cells[2024-01-01+1]", () -> CohortMatrix.of(CohortPeriod.MONTH, EUR, List.of(
                new CohortCount(LocalDate.of(2024, 1, 1), 0, 2, 0),
                new CohortCount(LocalDate.of(2024, 1, 1), 1, 3, 0))));
    }

    @Test
    void matrixOf_cohortWithoutSize_isRejectedNamingTheCohort() {
        assertRejects("cells[2024-01-01]", () -> CohortMatrix.of(CohortPeriod.MONTH, EUR, List.of(
                new CohortCount(LocalDate.of(2024, 1, 1), 1, 3, 0))));
    }

    @Test
    void matrixOf_startNotAPeriodStart_isRejectedNamingTheCell() {
        assertRejects("cells[0].cohortStart", () -> CohortMatrix.of(CohortPeriod.WEEK, EUR, List.of(
                new CohortCount(LocalDate.of(2024, 1, 2), 0, 3, 0))));
    }

    @Test
    void matrixOf_repeatedCell_isRejectedNamingIt() {
        CohortCount cell = new CohortCount(LocalDate.of(2024, 1, 1), 0, 3, 0);
        assertRejects("cells[1]", () -> CohortMatrix.of(CohortPeriod.MONTH, EUR, List.of(cell, cell)));
    }

    @Test
    void cohortCount_negativeCustomers_isRejectedNamingCustomers() {
        assertRejects("customers", () -> new CohortCount(LocalDate.of(2024, 1, 1), 0, -1, 0));
    }
}
