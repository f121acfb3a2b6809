package dev.crmkit.spring;

import dev.crmkit.adapters.jdbc.JdbcCrmStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/** How far the outbox relay lags: the age of the oldest event not yet delivered, zero when none waits. */
final class OutboxLag {

    private final DataSource dataSource;
    private final String sql;
    private final Clock clock;

    OutboxLag(DataSource dataSource, JdbcCrmStore store, Clock clock) {
        this.dataSource = dataSource;
        // the prefix was validated by the store's builder (letters, digits, underscores)
        this.sql = "SELECT MIN(occurred_at) FROM " + store.tablePrefix() + "outbox WHERE delivered_at IS NULL";
        this.clock = clock;
    }

    Duration lag() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            Timestamp oldest = r.next() ? r.getTimestamp(1) : null;
            if (oldest == null) {
                return Duration.ZERO;
            }
            Duration age = Duration.between(oldest.toInstant(), clock.instant());
            return age.isNegative() ? Duration.ZERO : age;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox lag: " + e.getMessage(), e);
        }
    }
}
