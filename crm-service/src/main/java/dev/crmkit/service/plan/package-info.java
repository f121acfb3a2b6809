/** Service plans: a piece of equipment's recurring service on the terms the schedule engine reads. */
package dev.crmkit.service.plan;
