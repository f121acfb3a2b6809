/**
 * Cohort retention: customers grouped by the month or ISO week of their first order, and per later period how many of
 * them ordered and what they spent ({@link dev.crmkit.metrics.cohort.Cohorts},
 * {@link dev.crmkit.metrics.cohort.CohortMatrix}). The matrix is built from flat
 * {@link dev.crmkit.metrics.cohort.CohortCount} rows, the shape a database query returns as well.
 */
package dev.crmkit.metrics.cohort;
