/** Service reports: due and overdue service by week, engineer load, service revenue, lost service customers. */
package dev.crmkit.service.report;
