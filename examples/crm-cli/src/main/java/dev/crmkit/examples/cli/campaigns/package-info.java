/** {@code crm campaigns}: the built-in triggered campaigns (birthday offer, win-back steps) from the command line. */
package dev.crmkit.examples.cli.campaigns;
