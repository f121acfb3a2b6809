package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.HostEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The host's events in {@code <prefix>campaign_event} (migration V61), shared by every node on the database: one row
 * per idempotency key (its primary key), so of two nodes recording one key, the second inserts nothing. Instants are
 * kept as epoch microseconds. Needs crm-campaigns on the class path (an optional dependency of this module).
 * Thread-safe.
 */
public final class JdbcCampaignEvents implements CampaignEvents {

    private static final String WHAT = "the campaign events";
    private static final String COLUMNS = "event_key, contact_id, event_type, occurred_at, reference";

    private final DataSource dataSource;
    private final String table;

    /**
     * The events with a table prefix, as given to {@link CrmSchema#migrate}.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 30 lower-case letters, digits and underscores
     */
    public JdbcCampaignEvents(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Tables.checkPrefix(tablePrefix) + "campaign_event";
    }

    @Override
    public boolean record(String idempotencyKey, HostEvent event) {
        CampaignEvents.check(idempotencyKey, event);
        return CampaignSql.work(dataSource, WHAT, c -> {
            if (exists(c, idempotencyKey)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, idempotencyKey);
                ps.setString(2, event.contactId());
                ps.setString(3, event.type());
                ps.setLong(4, JdbcEnrollments.micros(event.at()));
                ps.setString(5, event.reference());
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (exists(c, idempotencyKey)) {
                    return false; // another node recorded it between the look and the insert
                }
                throw e;
            }
        });
    }

    private boolean exists(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT event_key FROM " + table + " WHERE event_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<HostEvent> between(Instant from, Instant until) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, event_key")) {
                ps.setLong(1, JdbcEnrollments.micros(from));
                ps.setLong(2, JdbcEnrollments.micros(until));
                return read(ps);
            }
        });
    }

    @Override
    public List<HostEvent> of(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE contact_id = ? ORDER BY occurred_at, event_key")) {
                ps.setString(1, contactId);
                return read(ps);
            }
        });
    }

    private static List<HostEvent> read(PreparedStatement ps) throws SQLException {
        List<HostEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new HostEvent(rs.getString("contact_id"), rs.getString("event_type"),
                        JdbcEnrollments.instant(rs.getLong("occurred_at")), rs.getString("reference")));
            }
        }
        return out;
    }
}
