package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.ContactFilterText;
import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.segment.SegmentDefinition;
import dev.crmkit.core.kernel.StaleVersionException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved segment definitions in {@code <prefix>campaign_segment} (migration V63): the filter as its canonical text
 * ({@link ContactFilterText}), a new segment inserted (the primary key lets one node in), a change an update
 * conditional on the version read. Needs crm-campaigns on the class path (an optional dependency of this module).
 * Thread-safe.
 */
public final class JdbcSavedSegments implements SavedSegments {

    private static final String WHAT = "the saved segments";

    private final DataSource dataSource;
    private final String table;

    /**
     * The segments with a table prefix, as given to {@link CrmSchema#migrate}.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 30 lower-case letters, digits and underscores
     */
    public JdbcSavedSegments(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Tables.checkPrefix(tablePrefix) + "campaign_segment";
    }

    @Override
    public SegmentDefinition save(SegmentDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        String text = ContactFilterText.write(definition.filter());
        long next = definition.version() + 1;
        boolean written = CampaignSql.work(dataSource, WHAT, c -> {
            if (definition.version() == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                        + " (name, version, filter_text) VALUES (?, ?, ?)")) {
                    ps.setString(1, definition.name());
                    ps.setLong(2, next);
                    ps.setString(3, text);
                    return ps.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (find(c, definition.name()).isPresent()) {
                        return false;
                    }
                    throw e;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET version = ?, filter_text = ? WHERE name = ? AND version = ?")) {
                ps.setLong(1, next);
                ps.setString(2, text);
                ps.setString(3, definition.name());
                ps.setLong(4, definition.version());
                return ps.executeUpdate() == 1;
            }
        });
        if (!written) {
            throw new StaleVersionException("segment", definition.name(), definition.version());
        }
        return new SegmentDefinition(definition.name(), definition.filter(), next);
    }

    @Override
    public Optional<SegmentDefinition> find(String name) {
        Objects.requireNonNull(name, "name");
        return CampaignSql.work(dataSource, WHAT, c -> find(c, name));
    }

    private Optional<SegmentDefinition> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, version, filter_text FROM " + table
                + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<SegmentDefinition> list() {
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, version, filter_text FROM " + table
                    + " ORDER BY " + Dialect.of(c).binaryText("name"))) {
                List<SegmentDefinition> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static SegmentDefinition row(ResultSet rs) throws SQLException {
        return new SegmentDefinition(rs.getString("name"), ContactFilterText.read(rs.getString("filter_text")),
                rs.getLong("version"));
    }
}
