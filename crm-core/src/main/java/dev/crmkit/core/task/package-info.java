/**
 * Tasks and reminders: the {@link dev.crmkit.core.task.Task} aggregate (open, done, cancelled), its
 * {@link dev.crmkit.core.task.TaskChange} outcomes, the {@link dev.crmkit.core.task.Agenda} of one assignee
 * (overdue, today, tomorrow, this week), {@link dev.crmkit.core.task.Tasks} as the storage port and
 * {@link dev.crmkit.core.task.TaskPlanner} as the use case.
 */
package dev.crmkit.core.task;
