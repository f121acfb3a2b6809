/**
 * Lead capture, from every channel: a {@link dev.crmkit.core.capture.LeadSubmission} is normalized, validated and
 * de-duplicated against existing contacts and open leads by {@link dev.crmkit.core.capture.LeadCapture}, which says
 * what happened in a {@link dev.crmkit.core.capture.CaptureOutcome}.
 */
package dev.crmkit.core.capture;
