package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;
import dev.crmkit.core.lead.Lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of {@code lead_name_key} (V80): the phonetic keys of a lead's own submitted name ({@link NameKeys}), what
 * {@link JdbcLeads#findOpenBySoundOfName} looks leads up by. Written with the lead row, and rewritten from the lead's
 * name by each write that changes the name, in the same unit of work (a chunk's folded leads whose name the fold
 * filled in at once, {@link #replaceAll}); the erasure deletes it.
 * Thread-safe.
 */
final class LeadNameKeyRows {

    private final Jdbc jdbc;
    private final String insert;
    private final String delete;
    /** The clause that makes the insert an upsert, or null where the rows are deleted and inserted (H2). */
    private final String upsert;

    LeadNameKeyRows(Jdbc jdbc) {
        this.jdbc = jdbc;
        insert = jdbc.sql("INSERT INTO {lead_name_key} (lead_id, name_key, nickname_key) VALUES (?, ?, ?)");
        delete = jdbc.sql("DELETE FROM {lead_name_key} WHERE lead_id IN (%s)");
        upsert = switch (jdbc.dialect) {
            case POSTGRESQL -> " ON CONFLICT (lead_id) DO UPDATE SET name_key = EXCLUDED.name_key, "
                    + "nickname_key = EXCLUDED.nickname_key";
            case MARIADB -> " ON DUPLICATE KEY UPDATE name_key = VALUES(name_key), "
                    + "nickname_key = VALUES(nickname_key)";
            case H2 -> null;
        };
    }

    /** The statement of {@link #replaceAll} on one database for {@code n} leads, for plan tests. */
    String replaceAllSql(int n) {
        return upsert != null ? insert.replace("VALUES (?, ?, ?)", "VALUES " + String.join(", ",
                Collections.nCopies(n, "(?, ?, ?)"))) + upsert
                : delete.replace("%s", String.join(", ", Collections.nCopies(n, "?")));
    }

    /** Writes the rows of leads stored for the first time, in one batch. */
    void insertAll(Connection c, List<Lead> leads) throws SQLException {
        List<Object[]> rows = new ArrayList<>(leads.size());
        leads.forEach(x -> rows.add(row(x.id().value(), x.name())));
        jdbc.insertRows(c, insert, rows);
    }

    /**
     * Rewrites the rows of leads whose rows were written over (the last of several of one lead wins). On PostgreSQL
     * and MariaDB as multi-row upserts: each row found or placed through the primary key, never a scan, whatever the
     * statistics (a DELETE with an IN list of a chunk's leads was planned as a scan of the whole table on PostgreSQL
     * when it was never analyzed); on H2 deleted, then inserted.
     */
    void replaceAll(Connection c, List<Lead> leads) throws SQLException {
        Map<UUID, Lead> last = new LinkedHashMap<>();
        leads.forEach(x -> last.put(x.id().value(), x));
        if (upsert != null) {
            List<Object[]> rows = new ArrayList<>(last.size());
            last.values().forEach(x -> rows.add(row(x.id().value(), x.name())));
            jdbc.insertRows(c, insert, upsert, rows);
            return;
        }
        List<UUID> ids = List.copyOf(last.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.update(c, delete.replace("%s", String.join(", ", Collections.nCopies(part.size(), "?"))),
                    part.toArray());
        }
        insertAll(c, List.copyOf(last.values()));
    }

    /** Rewrites the row of one lead from its name. */
    void replace(Connection c, UUID lead, PersonName name) throws SQLException {
        jdbc.update(c, delete.replace("%s", "?"), lead);
        jdbc.insertRows(c, insert, List.<Object[]>of(row(lead, name)));
    }

    private static Object[] row(UUID lead, PersonName name) {
        NameKeys.Keys keys = NameKeys.keysOf(name); // one normalization and one sound of the family name for both
        return new Object[] {lead, keys.nameKey(), keys.nicknameKey()};
    }
}
