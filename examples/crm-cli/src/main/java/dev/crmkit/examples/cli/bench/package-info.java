/**
 * The benchmarks. {@code crm bench capture}: realistic lead submissions generated from a seed
 * ({@link dev.crmkit.examples.cli.bench.SubmissionGenerator}), captured and compared with the unavoidable work of
 * normalizing them ({@link dev.crmkit.examples.cli.bench.CaptureBenchmark}), and the heap a stored contact costs
 * ({@link dev.crmkit.examples.cli.bench.HeapMeter}). {@code crm bench jdbc}: the same submissions imported into a
 * database through crmkit, next to plain JDBC batch inserts of the rows crmkit wrote
 * ({@link dev.crmkit.examples.cli.bench.JdbcBenchmark}). {@code crm bench metrics}: an order history drawn from the
 * BG/NBD and Gamma-Gamma models straight into primitive columns ({@link dev.crmkit.examples.cli.bench.OrderGenerator}),
 * RFM, LTV and cohorts over it next to one hand-written pass over the same arrays
 * ({@link dev.crmkit.examples.cli.bench.PrimitivePass}), and BG/NBD fits
 * ({@link dev.crmkit.examples.cli.bench.MetricsRun}).
 */
package dev.crmkit.examples.cli.bench;
