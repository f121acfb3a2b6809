/**
 * JMH benchmarks of crmkit, each measured next to a baseline in the same run. Build with {@code mvn verify}, run with
 * {@code java -jar crm-benchmarks/target/benchmarks.jar}.
 */
package dev.crmkit.benchmarks;
