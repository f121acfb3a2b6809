/**
 * Runnable examples of embedding crmkit, and small helpers they share such as a
 * {@link dev.crmkit.examples.MutableClock}. The {@code crm} command-line program lives in {@link dev.crmkit.examples.cli}.
 */
package dev.crmkit.examples;
