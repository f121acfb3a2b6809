package dev.crmkit.core.audit;

import dev.crmkit.core.access.Actor;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;

import java.time.Instant;

/**
 * The port that keeps the audit trail. Append-only: an entry, once appended in a unit of work that commits, stays
 * unchanged until {@link #purgeBefore} removes it for retention; appended in a unit of work that rolls back, it is
 * gone with the change it recorded. Lists are in the order the entries happened (time, then the order they were
 * appended). Implementations are thread-safe.
 */
public interface AuditTrail {

    /** Whether this store keeps an audit trail; false only for {@link #none()}. */
    default boolean keeps() {
        return true;
    }

    /** Appends an entry in the running unit of work (or one of its own). */
    void append(AuditEntry entry);

    /** The entries about a record, oldest first. */
    Page<AuditEntry> forRecord(RecordRef record, PageRequest page);

    /** The entries of an actor, oldest first. */
    Page<AuditEntry> byActor(Actor actor, PageRequest page);

    /** Removes every entry older than the cutoff (retention) and returns how many. */
    long purgeBefore(Instant cutoff);

    /**
     * The trail of a store that keeps none: {@link #keeps()} is false, appends are dropped and lists are empty. Only
     * for third-party stores written before the audit trail existed; crmkit's stores keep a real one.
     */
    static AuditTrail none() {
        return new AuditTrail() {
            @Override
            public boolean keeps() {
                return false;
            }

            @Override
            public void append(AuditEntry entry) {
                java.util.Objects.requireNonNull(entry, "entry");
            }

            @Override
            public Page<AuditEntry> forRecord(RecordRef record, PageRequest page) {
                return Page.last(java.util.List.of());
            }

            @Override
            public Page<AuditEntry> byActor(Actor actor, PageRequest page) {
                return Page.last(java.util.List.of());
            }

            @Override
            public long purgeBefore(Instant cutoff) {
                return 0;
            }
        };
    }
}
