/** Service requests (tickets) with a priority and an SLA, from any channel, on the customer's timeline. */
package dev.crmkit.service.request;
