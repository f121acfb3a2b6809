/**
 * Leads: the {@link dev.crmkit.core.lead.Lead} aggregate (where an enquiry came from, what was asked for, who works
 * it, how far it got), its status changes as outcomes, and {@link dev.crmkit.core.lead.Leads}, its storage port.
 * Capturing leads from the outside world lives in {@link dev.crmkit.core.capture}.
 */
package dev.crmkit.core.lead;
