/**
 * crmkit for Spring Boot hosts: the auto-configuration that builds the JDBC store on the application's
 * {@code DataSource}, joined to Spring-managed transactions, migrates crmkit's tables after the application's own
 * Flyway migrations, publishes domain events to the {@code ApplicationEventPublisher} after commit, and runs the
 * outbox relay with the context.
 */
package dev.crmkit.spring;
