package dev.crmkit.metrics.rfm;

import dev.crmkit.core.kernel.Money;

import java.time.LocalDate;

/**
 * One customer's RFM values and scores as of a date. Immutable and thread-safe.
 *
 * @param customerId   the customer
 * @param lastPurchase the day of the latest order on or before the as-of date
 * @param recencyDays  days from the last purchase to the as-of date
 * @param frequency    orders on or before the as-of date
 * @param monetary     their total
 * @param r            recency score 1-5, 5 for the most recent
 * @param f            frequency score 1-5, 5 for the most orders
 * @param m            monetary score 1-5, 5 for the highest total
 * @param segment      the segment the mapping gave
 */
public record CustomerRfm(String customerId, LocalDate lastPurchase, long recencyDays, long frequency, Money monetary,
        int r, int f, int m, Segment segment) {
}
