/**
 * A/B tests: weighted variants assigned to contacts by a hash of the test and the contact (so the split does not
 * depend on how sends are batched), and a winner once a two-proportion test finds the difference significant.
 */
package dev.crmkit.campaigns.abtest;
