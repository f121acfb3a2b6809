/**
 * The schedule engine of a service plan, pure and store-free: the plan's terms ({@link
 * dev.crmkit.service.schedule.PlanTerms}), the occurrences they make, which of them the completions cover, the next
 * due date and the plan's status on a day ({@link dev.crmkit.service.schedule.ServiceSchedule}). Occurrences are
 * computed, never stored, so missed ones do not pile up.
 */
package dev.crmkit.service.schedule;
