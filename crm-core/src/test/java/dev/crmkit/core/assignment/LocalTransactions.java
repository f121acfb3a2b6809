package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.Transactions;

import java.util.function.Supplier;

/**
 * {@link Transactions} for crm-core's scoring and assignment tests: marks the unit of work per thread and runs the
 * work; it undoes nothing, so tests that rely on rollback must not use it (the real stores' contract covers that).
 */
public final class LocalTransactions implements Transactions {

    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        depth.set(depth.get() + 1);
        try {
            return work.get();
        } finally {
            depth.set(depth.get() - 1);
        }
    }

    @Override
    public boolean inUnitOfWork() {
        return depth.get() > 0;
    }
}
