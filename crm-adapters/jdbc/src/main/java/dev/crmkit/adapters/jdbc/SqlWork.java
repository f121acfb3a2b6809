package dev.crmkit.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a connection that may fail with an {@link SQLException}. */
@FunctionalInterface
interface SqlWork<T> {

    /** Runs the work. */
    T run(Connection connection) throws SQLException;
}
