package dev.crmkit.examples.cli.metrics;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The byte-level reader's date arithmetic is {@link LocalDate}'s for every day of the years 0 to 9999. */
class FastOrdersDatesTest {

    @Test
    void epochDayAndMonthLength_asLocalDate_everyDayOfYears0To9999() {
        LocalDate date = LocalDate.of(0, 1, 1);
        LocalDate end = LocalDate.of(9999, 12, 31);
        while (!date.isAfter(end)) {
            int year = date.getYear();
            int month = date.getMonthValue();
            if (date.getDayOfMonth() == 1) {
                assertEquals(date.lengthOfMonth(), FastOrdersCsv.lengthOfMonth(year, month), date.toString());
            }
            long expected = date.toEpochDay();
            long actual = FastOrdersCsv.epochDay(year, month, date.getDayOfMonth());
            if (expected != actual) {
                assertEquals(expected, actual, date.toString());
            }
            date = date.plusDays(1);
        }
    }
}
