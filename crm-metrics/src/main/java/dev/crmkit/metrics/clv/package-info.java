/**
 * Probabilistic customer lifetime value: the per-customer summary (frequency, recency, age T, monetary value) read
 * from an {@link dev.crmkit.metrics.order.OrderBook}, the BG/NBD model of repeat purchasing (Fader, Hardie and Lee
 * 2005) and the Gamma-Gamma model of spend per purchase (Fader, Hardie 2013), both fitted by maximum likelihood, and
 * the discounted CLV that combines them.
 *
 * <p>Entry points: {@link dev.crmkit.metrics.clv.CustomerSummaries#of}, {@link dev.crmkit.metrics.clv.BgNbd#fit},
 * {@link dev.crmkit.metrics.clv.GammaGamma#fit} and {@link dev.crmkit.metrics.clv.Clv#of}. Model parameters and
 * likelihoods are {@code double} statistics; amounts of money are {@link dev.crmkit.core.kernel.Money}.
 */
package dev.crmkit.metrics.clv;
