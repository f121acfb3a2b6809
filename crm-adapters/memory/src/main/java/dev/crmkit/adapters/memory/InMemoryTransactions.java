package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Units of work over one in-memory store. A unit of work holds the store's write lock, so units of work run one at a
 * time (serializable); plain reads take the read lock and see only committed state. Every write registers an undo
 * step; a unit of work that throws runs them backwards and drops its events. Nested calls join the running unit.
 * Thread-safe.
 */
final class InMemoryTransactions implements Transactions {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();
    /** The most places a unit's list starts with: a small unit after a bulk one gets no array of thousands. */
    private static final int MAX_HINT = 32;
    /**
     * How many undo steps and pending entries the last committed unit of work had, at most {@link #MAX_HINT}: the
     * next unit's lists start at that size, since units mostly repeat (a move: three undo steps and two events), where
     * a list of the default size allocated ten places at its first add. Read and written under the write lock.
     */
    private int undoHint;
    private int pendingHint;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        UnitOfWork unit;
        T result;
        lock.writeLock().lock();
        try {
            unit = new UnitOfWork(undoHint, pendingHint);
            current.set(unit);
            try {
                result = work.get();
            } catch (Throwable e) { // also a checked exception thrown sneakily by a lambda
                unit.rollBack(e);
                throw e;
            }
            undoHint = Math.min(unit.undo.size(), MAX_HINT);
            pendingHint = Math.min(unit.pending.size(), MAX_HINT);
        } finally {
            // cleared, not removed: a removed entry is made again by the next get (each move asks inUnitOfWork()
            // before its unit, and every unit asks at its start), an object per unit of work for nothing
            current.set(null);
            lock.writeLock().unlock();
        }
        unit.deliver();
        return result;
    }

    @Override
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    /** Runs a read under the read lock (or inside the running unit of work). */
    <T> T read(Supplier<T> query) {
        if (current.get() != null) {
            return query.get();
        }
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Registers how to undo a write just made; the write must run inside a unit of work. */
    void onRollback(Runnable undo) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("in-memory writes run inside a unit of work");
        }
        unit.undo.add(undo);
    }

    /**
     * The memo of name keys of the running unit of work, which drops it when it ends; outside a unit of work (a read
     * that takes the read lock, maybe on several threads at once) a new memo each time, kept by no one.
     */
    NameKeyMemo nameKeys() {
        UnitOfWork unit = current.get();
        if (unit == null) {
            return new NameKeyMemo();
        }
        if (unit.nameKeys == null) {
            unit.nameKeys = new NameKeyMemo();
        }
        return unit.nameKeys;
    }

    /**
     * The row the running unit of work last read from or wrote as this stored form ({@link #remember}), or null: a
     * capture reads its person's contact twice (found by e-mail, then locked) and updates the contact it has just
     * inserted, and each read of a packed row rebuilt it. Matched by identity, since stored forms are immutable.
     */
    Object remembered(Object stored) {
        UnitOfWork unit = current.get();
        return unit != null && unit.stored == stored ? unit.row : null;
    }

    /**
     * Remembers the row of a stored form for the rest of the running unit of work (nothing outside one): one row, the
     * last, and it goes with the unit, so no row stays in memory after the unit that read it (an erasure erases).
     */
    void remember(Object stored, Object row) {
        UnitOfWork unit = current.get();
        if (unit != null) {
            unit.stored = stored;
            unit.row = row;
        }
    }

    /** A publisher whose events leave when the unit of work they were published in commits. */
    DomainEvents events(DomainEvents subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        return event -> {
            Objects.requireNonNull(event, "event");
            UnitOfWork unit = current.get();
            if (unit == null) {
                subscriber.publish(event);
            } else {
                unit.pending.add(subscriber); // the pair side by side: no object per event
                unit.pending.add(event);
            }
        };
    }

    private static final class UnitOfWork {
        private final List<Runnable> undo;
        /** The events to deliver at the commit, each after its subscriber: subscriber, event, subscriber, ... */
        private final List<Object> pending;
        /** The name keys worked out in this unit ({@link #nameKeys()}), or null before any. */
        private NameKeyMemo nameKeys;
        /** The stored form last read or written in this unit ({@link #remember}) and its row, or null. */
        private Object stored;
        private Object row;

        /**
         * A unit whose lists start with room for so many undo steps and pending entries; 0 as a list of the default
         * size (ten places at the first add), so that a unit after one that wrote nothing does not grow one by one.
         */
        UnitOfWork(int undoSize, int pendingSize) {
            undo = undoSize == 0 ? new ArrayList<>() : new ArrayList<>(undoSize);
            pending = pendingSize == 0 ? new ArrayList<>() : new ArrayList<>(pendingSize);
        }

        void rollBack(Throwable cause) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                try {
                    undo.get(i).run();
                } catch (RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
            undo.clear();
            pending.clear();
        }

        void deliver() {
            for (int i = 0; i < pending.size(); i += 2) {
                ((DomainEvents) pending.get(i)).publish((DomainEvent) pending.get(i + 1));
            }
        }
    }
}
