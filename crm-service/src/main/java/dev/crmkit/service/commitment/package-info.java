/**
 * Recorded commitments: what a manager promised a customer, recorded against the customer (not the manager), which
 * becomes a task for whoever owns the customer when it falls due.
 */
package dev.crmkit.service.commitment;
