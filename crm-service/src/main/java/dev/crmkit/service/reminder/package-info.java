/**
 * Service reminders: the mark that a plan's occurrence was reminded (claimed once per occurrence, also across nodes),
 * its repository port, and the summary of one run of the reminder job.
 */
package dev.crmkit.service.reminder;
