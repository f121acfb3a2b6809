package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.audience.DoNotContactList;

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
 * The do-not-contact entries in {@code <prefix>campaign_do_not_contact} (migration V29); times as epoch milliseconds.
 * Needs crm-campaigns on the class path (an optional dependency of this module). Thread-safe.
 */
public final class JdbcDoNotContactList implements DoNotContactList {

    private final DataSource dataSource;
    private final String table;

    /** The list in the database of the data source, tables with the default prefix {@code crm_}. */
    public JdbcDoNotContactList(DataSource dataSource) {
        this(dataSource, Tables.DEFAULT_PREFIX);
    }

    /**
     * The list with a table prefix, as given to {@link CrmSchema#migrate}.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 30 lower-case letters, digits and underscores
     */
    public JdbcDoNotContactList(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Tables.checkPrefix(tablePrefix) + "campaign_do_not_contact";
    }

    @Override
    public void add(DoNotContact e) {
        Objects.requireNonNull(e, "entry");
        try (Connection c = dataSource.getConnection()) {
            if (exists(c, e)) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (contact_id, channel, reason, at_millis, source) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, e.contactId());
                ps.setString(2, e.channel().name());
                ps.setString(3, e.reason().name());
                ps.setLong(4, e.at().toEpochMilli());
                ps.setString(5, e.source());
                ps.executeUpdate();
            } catch (SQLException duplicate) {
                if (!exists(c, e)) {
                    throw duplicate;
                }
            }
        } catch (SQLException ex) {
            throw new JdbcStoreException("the do-not-contact list failed: " + ex.getMessage(), ex, false);
        }
    }

    private boolean exists(Connection c, DoNotContact e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table
                + " WHERE contact_id = ? AND channel = ? AND reason = ? AND at_millis = ?")) {
            ps.setString(1, e.contactId());
            ps.setString(2, e.channel().name());
            ps.setString(3, e.reason().name());
            ps.setLong(4, e.at().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<DoNotContact> of(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT channel, reason, at_millis, source FROM " + table
                        + " WHERE contact_id = ? ORDER BY at_millis, channel, reason")) {
            ps.setString(1, contactId);
            List<DoNotContact> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DoNotContact(contactId, ChannelKind.valueOf(rs.getString("channel")),
                            DoNotContact.Reason.valueOf(rs.getString("reason")),
                            rs.getString("source"), Instant.ofEpochMilli(rs.getLong("at_millis"))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JdbcStoreException("the do-not-contact list failed: " + e.getMessage(), e, false);
        }
    }

    @Override
    public int lift(String contactId, ChannelKind channel, DoNotContact.Reason reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + table + " WHERE contact_id = ? AND channel = ? AND reason = ?")) {
            ps.setString(1, Objects.requireNonNull(contactId, "contactId"));
            ps.setString(2, channel.name());
            ps.setString(3, reason.name());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcStoreException("the do-not-contact list failed: " + e.getMessage(), e, false);
        }
    }
}
