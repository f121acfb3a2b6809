package dev.crmkit.metrics.cohort;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A retention matrix: one {@link CohortRow} per cohort (earliest first), each running from the cohort's own period to
 * the last period seen in the data, so later cohorts have shorter rows. Cells never exceed the cohort size. Built from
 * flat {@link CohortCount} rows by {@link #of}, whether they come from {@link Cohorts} or from a database.
 * Immutable and thread-safe.
 *
 * @param period   month or week
 * @param currency the currency of the revenue
 * @param rows     the cohorts, earliest first
 */
public record CohortMatrix(CohortPeriod period, Currency currency, List<CohortRow> rows) {

    /** Copies the rows. */
    public CohortMatrix {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    /**
     * Builds the matrix from cells; cells missing between a cohort's period and the last period are zero.
     *
     * @throws ValidationException naming {@code cells[i]} when a cohort start is not a period start, a cell repeats,
     *         a cohort has no customers at offset 0, a cell holds more customers than its cohort's size, or the cells
     *         span more than {@link Cohorts#MAX_PERIODS} periods
     */
    public static CohortMatrix of(CohortPeriod period, Currency currency, List<CohortCount> cells) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(cells, "cells");
        Map<LocalDate, Map<Integer, CohortCount>> byCohort = new TreeMap<>();
        int lastPeriod = Integer.MIN_VALUE;
        for (int i = 0; i < cells.size(); i++) {
            CohortCount cell = Objects.requireNonNull(cells.get(i), "cells[" + i + "]");
            if (!period.isStart(cell.cohortStart())) {
                throw ValidationException.of("cells[" + i + "].cohortStart", "period-start", "must be the first day "
                        + "of a " + period.name().toLowerCase() + ", was " + cell.cohortStart());
            }
            if (byCohort.computeIfAbsent(cell.cohortStart(), c -> new TreeMap<>()).put(cell.offset(), cell) != null) {
                throw ValidationException.of("cells[" + i + "]", "unique", "repeats cohort " + cell.cohortStart()
                        + " offset " + cell.offset());
            }
            lastPeriod = Math.max(lastPeriod, period.indexOf(cell.cohortStart()) + cell.offset());
        }
        if (!byCohort.isEmpty()) {
            int firstPeriod = period.indexOf(byCohort.keySet().iterator().next());
            if ((long) lastPeriod - firstPeriod + 1 > Cohorts.MAX_PERIODS) {
                throw ValidationException.of("cells", "span", "the cells span " + ((long) lastPeriod - firstPeriod + 1)
                        + " periods; a cohort matrix covers at most " + Cohorts.MAX_PERIODS);
            }
        }
        List<CohortRow> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<Integer, CohortCount>> cohort : byCohort.entrySet()) {
            rows.add(row(period, cohort.getKey(), cohort.getValue(), lastPeriod));
        }
        return new CohortMatrix(period, currency, rows);
    }

    private static CohortRow row(CohortPeriod period, LocalDate start, Map<Integer, CohortCount> cells, int last) {
        int length = last - period.indexOf(start) + 1;
        Long[] customers = new Long[length];
        Long[] revenue = new Long[length];
        Arrays.fill(customers, 0L);
        Arrays.fill(revenue, 0L);
        for (CohortCount cell : cells.values()) {
            customers[cell.offset()] = cell.customers();
            revenue[cell.offset()] = cell.revenueMinor();
        }
        long size = customers[0];
        if (size < 1) {
            throw ValidationException.of("cells[" + start + "]", "cohort-size", "cohort " + start
                    + " needs at least one customer at offset 0");
        }
        for (int k = 1; k < length; k++) {
            if (customers[k] > size) {
                throw ValidationException.of("cells[" + start + "+" + k + "]", "within-size", "holds " + customers[k]
                        + " customers, more than the cohort's size " + size);
            }
        }
        return new CohortRow(start, period.label(start), List.of(customers), List.of(revenue));
    }

    /** The revenue of a cell as money. */
    public Money revenue(int row, int k) {
        return Money.of(BigDecimal.valueOf(rows.get(row).revenueMinor().get(k), currency.getDefaultFractionDigits()),
                currency);
    }

    /** Every cell as a flat row, zero cells included, by cohort then offset. */
    public List<CohortCount> counts() {
        List<CohortCount> out = new ArrayList<>();
        for (CohortRow row : rows) {
            for (int k = 0; k < row.periods(); k++) {
                out.add(new CohortCount(row.cohortStart(), k, row.customers().get(k), row.revenueMinor().get(k)));
            }
        }
        return out;
    }
}
