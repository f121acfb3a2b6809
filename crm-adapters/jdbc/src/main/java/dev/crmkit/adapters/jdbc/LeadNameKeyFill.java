package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.PersonName;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Keys the own names (V80, {@code lead_name_key}) of the leads stored before the table was: the keys are Double
 * Metaphone codes, which SQL cannot compute, so {@link CrmSchema#migrate} runs this after the scripts. V80 queues
 * every lead then stored in {@code lead_name_key_fill}; the queue is taken in batches of {@value #BATCH} ids, in id
 * order, one transaction per batch, as {@link ContactFieldFill} takes its queue: a lead's queue entry is deleted first
 * (only the node whose delete removed it goes on), then its row is read under a row lock, so a write of the lead that
 * committed meanwhile is seen, and one that comes later rewrites the keys itself. Once the queue is empty, it is one
 * lookup that finds none.
 */
final class LeadNameKeyFill {

    private static final int BATCH = 1_000;

    private LeadNameKeyFill() {
    }

    /** Keys the name of every queued lead; returns how many leads were taken from the queue. */
    static int fill(DataSource dataSource, Dialect dialect, String prefix) {
        Tables tables = new Tables(prefix);
        Jdbc jdbc = new Jdbc(dialect, tables, new JsonCodec(), null);
        LeadNameKeyRows rows = new LeadNameKeyRows(jdbc);
        String select = tables.sql("SELECT lead_id FROM {lead_name_key_fill} ORDER BY lead_id LIMIT " + BATCH);
        String take = tables.sql("DELETE FROM {lead_name_key_fill} WHERE lead_id = ?");
        String reread = tables.sql("SELECT first_name, last_name FROM {lead} WHERE id = ? FOR UPDATE");
        return NameKeyFill.claimEach(dataSource, dialect, select, "lead_id", take,
                "could not key the names of the leads", (c, id) -> {
                    Optional<PersonName> name = jdbc.one(c, reread,
                            rs -> new PersonName(rs.getString("first_name"), rs.getString("last_name")), id);
                    if (name.isPresent()) {
                        rows.replace(c, id, name.get());
                    }
                });
    }
}
