package dev.crmkit.metrics.cohort;

import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Cells never exceed the cohort size; the sizes add up to the customers; the period arithmetic matches java.time. */
class CohortPropertiesTest {

    /** A random book: up to 40 customers, up to 200 orders over about three years, from a seed. */
    private static OrderBook book(long seed) {
        Random random = new Random(seed);
        int customers = 1 + random.nextInt(40);
        int orders = 1 + random.nextInt(200);
        String[] ids = new String[customers];
        for (int c = 0; c < customers; c++) {
            ids[c] = "C" + c;
        }
        int[] customerOf = new int[orders];
        int[] day = new int[orders];
        long[] minor = new long[orders];
        for (int i = 0; i < orders; i++) {
            customerOf[i] = i < customers ? i : random.nextInt(customers);
            day[i] = 19_700 + random.nextInt(1100);
            minor[i] = random.nextInt(100_000);
        }
        return OrderBook.ofColumns(Currency.getInstance("EUR"), ids, customerOf, day, minor);
    }

    @Test
    void of_anyBook_cellsNeverExceedTheCohortSize() {
        qt().withFixedSeed(6301).forAll(longs().all(), integers().between(0, 1)).check((seed, p) -> {
            CohortMatrix matrix = Cohorts.of(book(seed), CohortPeriod.values()[p]);
            return matrix.rows().stream().allMatch(row -> row.customers().stream().allMatch(n -> n <= row.size())
                    && row.retention(0).signum() > 0);
        });
    }

    @Test
    void of_anyBook_sizesAddUpToTheCustomersAndRevenueToTheBook() {
        qt().withFixedSeed(6302).forAll(longs().all(), integers().between(0, 1)).check((seed, p) -> {
            OrderBook book = book(seed);
            CohortMatrix matrix = Cohorts.of(book, CohortPeriod.values()[p]);
            long sizes = matrix.rows().stream().mapToLong(CohortRow::size).sum();
            long revenue = matrix.rows().stream().flatMap(r -> r.revenueMinor().stream()).mapToLong(Long::longValue)
                    .sum();
            long bookRevenue = 0;
            Set<Integer> customers = new HashSet<>();
            for (int i = 0; i < book.size(); i++) {
                bookRevenue += book.minorUnits(i);
                customers.add(book.customerOf(i));
            }
            return sizes == customers.size() && revenue == bookRevenue;
        });
    }

    @Test
    void indexOf_month_matchesLocalDate() {
        qt().withFixedSeed(6303).forAll(longs().between(-800_000L, 3_000_000L)).check(epochDay -> {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            int index = CohortPeriod.MONTH.indexOf(epochDay);
            return index == date.getYear() * 12 + date.getMonthValue() - 1
                    && CohortPeriod.MONTH.start(index).equals(date.withDayOfMonth(1));
        });
    }

    @Test
    void indexOf_week_startsOnTheMondayOnOrBefore() {
        qt().withFixedSeed(6304).forAll(longs().between(-800_000L, 3_000_000L)).check(epochDay -> {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            LocalDate start = CohortPeriod.WEEK.start(CohortPeriod.WEEK.indexOf(epochDay));
            return start.getDayOfWeek() == DayOfWeek.MONDAY && !start.isAfter(date)
                    && start.plusDays(7).isAfter(date);
        });
    }
}
