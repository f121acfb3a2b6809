/**
 * Role-shaped views of a service customer: the manager's whole card and the administrator's short structured
 * extract (equipment, next due, open requests, visits this week).
 */
package dev.crmkit.service.view;
