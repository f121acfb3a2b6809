/**
 * The customer base use case: create and change contacts and companies, link them, and set custom values, each
 * validated with every problem listed. {@link dev.crmkit.core.customer.CustomerBase} is the entry point.
 */
package dev.crmkit.core.customer;
