/**
 * Visits in an engineer's calendar (no double booking, travel time between visits) and the completion report the
 * engineer returns.
 */
package dev.crmkit.service.visit;
