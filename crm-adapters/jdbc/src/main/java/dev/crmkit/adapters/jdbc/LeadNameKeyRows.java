package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;
import dev.crmkit.core.lead.Lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The rows of {@code lead_name_key} (V80): the phonetic keys of a lead's own submitted name ({@link NameKeys}), what
 * {@link JdbcLeads#findOpenBySoundOfName} looks leads up by. Each write of a lead row rewrites its row from the lead's
 * name, in the same unit of work; the erasure deletes it. Thread-safe.
 */
final class LeadNameKeyRows {

    private final Jdbc jdbc;
    private final String insert;
    private final String delete;

    LeadNameKeyRows(Jdbc jdbc) {
        this.jdbc = jdbc;
        insert = jdbc.sql("INSERT INTO {lead_name_key} (lead_id, name_key, nickname_key) VALUES (?, ?, ?)");
        delete = jdbc.sql("DELETE FROM {lead_name_key} WHERE lead_id IN (%s)");
    }

    /** Writes the rows of leads stored for the first time, in one batch. */
    void insertAll(Connection c, List<Lead> leads) throws SQLException {
        List<Object[]> rows = new ArrayList<>(leads.size());
        leads.forEach(x -> rows.add(row(x.id().value(), x.name())));
        jdbc.insertRows(c, insert, rows);
    }

    /** Rewrites the rows of leads whose rows were written over. */
    void replaceAll(Connection c, List<Lead> leads) throws SQLException {
        List<UUID> ids = leads.stream().map(x -> x.id().value()).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.update(c, delete.replace("%s", String.join(", ", Collections.nCopies(part.size(), "?"))),
                    part.toArray());
        }
        insertAll(c, leads);
    }

    /** Rewrites the row of one lead from its name. */
    void replace(Connection c, UUID lead, PersonName name) throws SQLException {
        jdbc.update(c, delete.replace("%s", "?"), lead);
        jdbc.insertRows(c, insert, List.<Object[]>of(row(lead, name)));
    }

    private static Object[] row(UUID lead, PersonName name) {
        return new Object[] {lead, NameKeys.nameKey(name), NameKeys.nicknameKey(name)};
    }
}
