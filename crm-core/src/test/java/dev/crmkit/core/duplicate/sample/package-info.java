/**
 * A seeded generator of labelled people with realistic corruption, for measuring the duplicate matcher (shipped in
 * crm-core's test-jar so that the JMH benchmarks and the {@code crm} program use this one copy).
 */
package dev.crmkit.core.duplicate.sample;
