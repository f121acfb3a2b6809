/**
 * Lead assignment: who works a lead. {@link dev.crmkit.core.assignment.AssignmentPolicy} is the plain-Java decision
 * (the built-in {@link dev.crmkit.core.assignment.RoutedPolicy} composes routing rules, member filters and a strategy:
 * round robin, weighted round robin, least loaded); {@link dev.crmkit.core.assignment.AssignmentState} is the port for
 * what policies remember (rotation cursors, daily quota use, claims), designed for several nodes sharing one database;
 * {@link dev.crmkit.core.assignment.LeadAssignment} is the use case that applies a decision to a lead, records it on
 * the timeline and publishes it.
 */
package dev.crmkit.core.assignment;
