/**
 * Sequences: a list of steps (send, wait, condition, branch, create a task, change a field, hand to sales) a contact
 * is enrolled in and walked through over time, and the goals (a reply, a booked meeting, a purchase) that end the
 * enrollment.
 */
package dev.crmkit.campaigns.sequence;
