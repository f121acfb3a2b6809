package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills the name keys (V40) of the contact rows written before the keys were: the keys are Double Metaphone codes,
 * which SQL cannot compute, so {@link CrmSchema#migrate} runs this after the scripts. Rows are read in batches of
 * {@value #BATCH} whose key is still NULL and updated in one transaction per batch; once every row has its keys, it
 * is one index lookup that finds none. Safe from several nodes at once (a row is written with the same keys twice).
 */
final class NameKeyFill {

    private static final int BATCH = 1_000;

    private NameKeyFill() {
    }

    /** Fills every missing name key; returns how many rows were filled. */
    static int fill(DataSource dataSource, Dialect dialect, String prefix) {
        Tables tables = new Tables(prefix);
        String select = tables.sql("SELECT id, first_name, last_name FROM {contact} WHERE name_key IS NULL LIMIT "
                + BATCH);
        String update = tables.sql("UPDATE {contact} SET name_key = ?, nickname_key = ? WHERE id = ? "
                + "AND name_key IS NULL");
        return keyRows(dataSource, dialect, select, update, "could not fill the name keys of the contacts",
                rs -> {
                    PersonName name = new PersonName(rs.getString("first_name"), rs.getString("last_name"));
                    return new String[] {NameKeys.nameKey(name), NameKeys.nicknameKey(name)};
                });
    }

    /**
     * Fills keys in batches ({@link #inBatches}): {@code select} reads at most a batch of rows still without keys
     * (their {@code id} and what the keys are computed from), {@code update} sets the keys {@code keysOf} computes
     * of a row, then takes its id.
     */
    static int keyRows(DataSource dataSource, Dialect dialect, String select, String update, String failure,
                       Jdbc.RowMapper<String[]> keysOf) {
        return inBatches(dataSource, failure, c -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {dialect.getUuid(rs, "id"), keysOf.map(rs)});
                }
            }
            if (rows.isEmpty()) {
                return 0;
            }
            try (PreparedStatement ps = c.prepareStatement(update)) {
                for (Object[] row : rows) {
                    String[] keys = (String[]) row[1];
                    for (int i = 0; i < keys.length; i++) {
                        ps.setString(i + 1, keys[i]);
                    }
                    dialect.setUuid(ps, keys.length + 1, (UUID) row[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        });
    }

    /**
     * Takes rows one by one in batches ({@link #inBatches}), as the fills of a queue ({@link ContactFieldFill},
     * {@link LeadNameKeyFill}) and of a mark ({@link ParticipantKeyFill}) do: {@code select} reads at most a batch of
     * ids (column {@code idColumn}) in id order, so two nodes filling at once queue instead of deadlocking; each id is
     * claimed with {@code claim} (one id parameter: deleting its queue entry, or marking its row), and only when that
     * changed a row (no other node claimed it before) is it handed to {@code handle}, which reads the row again under
     * the lock the claim took. Returns how many ids the batches read.
     */
    static int claimEach(DataSource dataSource, Dialect dialect, String select, String idColumn, String claim,
                         String failure, ClaimedRow handle) {
        return inBatches(dataSource, failure, c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(dialect.getUuid(rs, idColumn));
                }
            }
            for (UUID id : ids) {
                int claimed;
                try (PreparedStatement ps = c.prepareStatement(claim)) {
                    dialect.setUuid(ps, 1, id);
                    claimed = ps.executeUpdate();
                }
                if (claimed > 0) {
                    handle.handle(c, id);
                }
            }
            return ids.size();
        });
    }

    /** What {@link #claimEach} does with a row it claimed. */
    @FunctionalInterface
    interface ClaimedRow {
        /** Handles the claimed row {@code id} on the batch's connection. */
        void handle(Connection c, UUID id) throws SQLException;
    }

    /**
     * Runs a batch of a fill again and again, each in its own transaction, until it handles no row; returns how many
     * rows the batches handled. A failing batch is rolled back and reported with the message given.
     *
     * @param batch handles the next rows on the connection and returns how many (0 when none is left)
     */
    static int inBatches(DataSource dataSource, String failure, SqlWork<Integer> batch) {
        int filled = 0;
        try (Connection c = dataSource.getConnection()) {
            int handled;
            while ((handled = OwnTransaction.run(c, batch)) > 0) {
                filled += handled;
            }
            return filled;
        } catch (SQLException e) {
            throw new JdbcStoreException(failure, e, false);
        }
    }
}
