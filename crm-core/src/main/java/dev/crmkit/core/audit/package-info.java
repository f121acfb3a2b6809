/**
 * The audit trail: an append-only record of who changed what, when and through what (field changes with old and new
 * values), and of every export, erasure, merge and permission change; written by the stores in the unit of work of
 * the change it records, queryable per record and per actor, kept for a configured time.
 */
package dev.crmkit.core.audit;
