/**
 * The shared kernel: value types and ports every crmkit module uses.
 *
 * <p>{@link dev.crmkit.core.kernel.Money} for amounts, {@link dev.crmkit.core.kernel.EmailAddress} and
 * {@link dev.crmkit.core.kernel.PhoneNumber} for normalized contact points, {@link dev.crmkit.core.kernel.IdGenerator}
 * and {@link java.time.Clock} for identity and time, {@link dev.crmkit.core.kernel.DomainEvents} and
 * {@link dev.crmkit.core.kernel.Transactions} as ports, {@link dev.crmkit.core.kernel.Page} for lists, and
 * {@link dev.crmkit.core.kernel.ValidationException} as the one error type for bad input.
 */
package dev.crmkit.core.kernel;
