/**
 * The timeline: {@link dev.crmkit.core.activity.Activity} records of every interaction (calls, e-mails, chats,
 * meetings, notes, web visits, campaign touches, proposals, tickets, system events), each belonging to one or more
 * records; {@link dev.crmkit.core.activity.Activities} is the append-only storage port and
 * {@link dev.crmkit.core.activity.Timeline} the use case.
 */
package dev.crmkit.core.activity;
