package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.StoredTemplate;
import dev.crmkit.campaigns.template.TemplateStore;
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
 * User-edited templates in {@code <prefix>campaign_template} (migration V64), every version a row: a save reads the
 * newest version in a transaction and inserts the next one, whose primary key lets one of two concurrent saves in.
 * Needs crm-campaigns on the class path (an optional dependency of this module). Thread-safe.
 */
public final class JdbcTemplateStore implements TemplateStore {

    private static final String WHAT = "the template store";
    private static final String COLUMNS = "name, language, version, subject, body";

    private final DataSource dataSource;
    private final String table;

    /**
     * The templates with a table prefix, as given to {@link CrmSchema#migrate}.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 30 lower-case letters, digits and underscores
     */
    public JdbcTemplateStore(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Tables.checkPrefix(tablePrefix) + "campaign_template";
    }

    @Override
    public StoredTemplate save(MessageTemplate template, long expectedVersion) {
        Objects.requireNonNull(template, "template");
        StoredTemplate next = new StoredTemplate(template, expectedVersion + 1);
        boolean written = CampaignSql.work(dataSource, WHAT, c -> {
            if (newest(c, template.name(), template.language()) != expectedVersion) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, template.name());
                ps.setString(2, template.language());
                ps.setLong(3, next.version());
                ps.setString(4, template.subject());
                ps.setString(5, template.body());
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (newest(c, template.name(), template.language()) >= next.version()) {
                    return false;
                }
                throw e;
            }
        });
        if (!written) {
            throw new StaleVersionException("template", template.name() + "/" + template.language(),
                    expectedVersion);
        }
        return next;
    }

    private long newest(Connection c, String name, String language) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM " + table
                + " WHERE name = ? AND language = ?")) {
            ps.setString(1, name);
            ps.setString(2, language);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public Optional<StoredTemplate> current(String name, String language) {
        List<StoredTemplate> newest = query(" WHERE name = ? AND language = ? ORDER BY version DESC LIMIT 1",
                Objects.requireNonNull(name, "name"), Objects.requireNonNull(language, "language"));
        return newest.stream().findFirst();
    }

    @Override
    public List<StoredTemplate> history(String name, String language) {
        return query(" WHERE name = ? AND language = ? ORDER BY version", Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(language, "language"));
    }

    @Override
    public List<StoredTemplate> currents() {
        return CampaignSql.work(dataSource, WHAT, c -> {
            Dialect dialect = Dialect.of(c);
            return list(c, " t WHERE t.version = (SELECT MAX(n.version) FROM " + table
                    + " n WHERE n.name = t.name AND n.language = t.language) ORDER BY "
                    + dialect.binaryText("t.name") + ", " + dialect.binaryText("t.language"));
        });
    }

    private List<StoredTemplate> query(String where, String... params) {
        return CampaignSql.work(dataSource, WHAT, c -> list(c, where, params));
    }

    private List<StoredTemplate> list(Connection c, String where, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<StoredTemplate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredTemplate(new MessageTemplate(rs.getString("name"), rs.getString("language"),
                            rs.getString("subject"), rs.getString("body")), rs.getLong("version")));
                }
            }
            return out;
        }
    }
}
