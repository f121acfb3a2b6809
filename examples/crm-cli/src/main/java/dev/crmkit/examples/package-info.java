/**
 * Helpers of the {@code crm} program that are not commands, such as a {@link dev.crmkit.examples.MutableClock} that
 * replays the demo's submission times. The program itself lives in {@link dev.crmkit.examples.cli}.
 */
package dev.crmkit.examples;
