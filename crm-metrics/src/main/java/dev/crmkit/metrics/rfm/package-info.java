/**
 * RFM analysis: recency, frequency and monetary quintile scores from an order history
 * ({@link dev.crmkit.metrics.rfm.Rfm}, {@link dev.crmkit.metrics.rfm.Quintiles}), the 11 named
 * {@link dev.crmkit.metrics.rfm.Segment}s through a replaceable {@link dev.crmkit.metrics.rfm.SegmentMapping}, and the
 * {@link dev.crmkit.metrics.rfm.WinBackSchedule} of offers to lapsed customers.
 */
package dev.crmkit.metrics.rfm;
