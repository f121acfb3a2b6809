/**
 * The in-memory store: every crmkit port held in indexed maps, production-grade for a single process.
 * {@link dev.crmkit.adapters.memory.InMemoryCrmStore#create()} is the entry point.
 *
 * <p>Units of work are serializable: a unit of work holds the store's write lock from start to end, reads take the
 * read lock, and every write records its undo step, so a unit of work that throws leaves the store exactly as it was.
 */
package dev.crmkit.adapters.memory;
