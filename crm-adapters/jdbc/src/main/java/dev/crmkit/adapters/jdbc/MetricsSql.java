package dev.crmkit.adapters.jdbc;

import dev.crmkit.metrics.cohort.CohortPeriod;

/**
 * The dialect-specific SQL of {@link JdbcMetrics}: the index of the cohort period holding a day, numbered exactly as
 * {@link CohortPeriod#indexOf(long)} numbers it (months as {@code year x 12 + month - 1}; ISO weeks as
 * {@code floor((epochDay + 3) / 7)}, weeks since the Monday 1969-12-29), so the database and the in-memory calculator
 * put every order in the same period. Expressions take a column name already checked by {@link SqlIdentifier}.
 */
final class MetricsSql {

    private MetricsSql() {
    }

    /** The calendar day of a date or timestamp column. */
    static String day(String column) {
        return "CAST(" + column + " AS DATE)";
    }

    /** Days from 1970-01-01 to a day expression, as a whole number. */
    static String epochDay(Dialect dialect, String day) {
        return switch (dialect) {
            case POSTGRESQL -> "(" + day + " - DATE '1970-01-01')";
            case H2 -> "DATEDIFF(DAY, DATE '1970-01-01', " + day + ")";
            case MARIADB -> "(TO_DAYS(" + day + ") - 719528)";
        };
    }

    /** The period index of a date or timestamp column. */
    static String periodIndex(Dialect dialect, CohortPeriod period, String column) {
        String day = day(column);
        if (period == CohortPeriod.WEEK) {
            // dividing by 7.0 and flooring rounds towards minus infinity on every dialect, like Math.floorDiv
            return "FLOOR((" + epochDay(dialect, day) + " + 3) / 7.0)";
        }
        return "(EXTRACT(YEAR FROM " + day + ") * 12 + EXTRACT(MONTH FROM " + day + ") - 1)";
    }
}
