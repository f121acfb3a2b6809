/**
 * The benchmarks. {@code crm bench capture}: realistic lead submissions generated from a seed
 * ({@link dev.crmkit.examples.cli.bench.SubmissionGenerator}), captured and compared with the unavoidable work of
 * normalizing them ({@link dev.crmkit.examples.cli.bench.CaptureBenchmark}), and the heap a stored contact costs
 * ({@link dev.crmkit.examples.cli.bench.HeapMeter}). {@code crm bench jdbc}: the same submissions imported into a
 * database through crmkit, next to plain JDBC batch inserts of the rows crmkit wrote
 * ({@link dev.crmkit.examples.cli.bench.JdbcBenchmark}).
 */
package dev.crmkit.examples.cli.bench;
