package dev.crmkit.adapters.jdbc;

import java.util.Optional;

/**
 * A store that decorates a {@link JdbcCrmStore} (the Spring Boot starter's {@code SpringCrmStore}, a host's own
 * wrapper) and says which one, so that what is pushed down into the database for a {@link JdbcCrmStore} (the
 * statistics of {@link dev.crmkit.adapters.metrics.VisibleStatistics}: grouped SQL with the access condition) is
 * pushed down for the decorated store too, instead of walking its records one query at a time. The store inside must
 * read the same database in the same transactions as the decorator (the starter's joins Spring's).
 */
public interface JdbcBacked {

    /** The JDBC store this store decorates. */
    JdbcCrmStore jdbc();

    /**
     * The JDBC store a store is or decorates.
     *
     * @return empty for any other store (the in-memory one, a host's own)
     */
    static Optional<JdbcCrmStore> of(Object store) {
        if (store instanceof JdbcCrmStore jdbc) {
            return Optional.of(jdbc);
        }
        if (store instanceof JdbcBacked backed) {
            return Optional.of(backed.jdbc());
        }
        return Optional.empty();
    }
}
