package dev.crmkit.spring;

import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How far the outbox relay lags: the age of the oldest event not yet delivered, zero when none waits. */
final class OutboxLag {

    private final DataSource dataSource;
    private final String sql;
    private final boolean localUtc;
    private final Clock clock;

    OutboxLag(DataSource dataSource, JdbcCrmStore store, Clock clock) {
        this.dataSource = dataSource;
        // the prefix was validated by the store's builder (letters, digits, underscores)
        this.sql = "SELECT MIN(occurred_at) FROM " + store.tablePrefix() + "outbox WHERE delivered_at IS NULL";
        this.localUtc = store.dialect() == Dialect.MARIADB; // DATETIME in UTC there, a time with offset elsewhere
        this.clock = clock;
    }

    Duration lag() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            Instant oldest = r.next() ? oldest(r) : null;
            if (oldest == null) {
                return Duration.ZERO;
            }
            Duration age = Duration.between(oldest, clock.instant());
            return age.isNegative() ? Duration.ZERO : age;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox lag: " + e.getMessage(), e);
        }
    }

    private Instant oldest(ResultSet r) throws SQLException {
        if (localUtc) {
            LocalDateTime t = r.getObject(1, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime t = r.getObject(1, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
