/**
 * Commands that are safe to retry: an {@link dev.crmkit.core.idempotency.IdempotencyKey} names one call of a creating
 * or changing command, and the {@link dev.crmkit.core.idempotency.IdempotencyKeys} port records the outcome of the
 * call in the same unit of work as its changes. A retry with the same key (after a timeout, or a commit whose outcome
 * is unknown because the connection died during it) finds the record and returns the first outcome instead of doing
 * the work again. {@link dev.crmkit.core.idempotency.OnceOnly} runs a command that way.
 */
package dev.crmkit.core.idempotency;
