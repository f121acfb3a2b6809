/**
 * crmkit's entry point: {@link dev.crmkit.core.Crm#builder()} wires a {@link dev.crmkit.core.CrmStore}, a clock, an id
 * generator and an event subscriber into the use cases (lead capture, customer base, timeline, tasks, lead work).
 */
package dev.crmkit.core;
