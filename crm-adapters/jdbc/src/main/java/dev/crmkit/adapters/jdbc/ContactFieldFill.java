package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.customfield.CustomFields;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Keys the custom field values (V78, {@code contact_field}) of the contacts stored before the table was: the values
 * are JSON, which H2 cannot take apart in SQL, so {@link CrmSchema#migrate} runs this after the scripts. V78 queues
 * every contact then stored in {@code contact_field_fill}; the queue is taken in batches of {@value #BATCH} ids, in
 * id order, one transaction per batch. Safe from several nodes at once and from writers: a contact's queue entry is
 * deleted first (only the node whose delete removed it goes on), then its row is read under a row lock, so a write
 * of the contact that committed meanwhile is seen, and one that comes later rewrites the keys itself. Once the queue
 * is empty, it is one lookup that finds none.
 */
final class ContactFieldFill {

    private static final int BATCH = 1_000;

    private ContactFieldFill() {
    }

    /** Keys the values of every queued contact; returns how many contacts were taken from the queue. */
    static int fill(DataSource dataSource, Dialect dialect, String prefix) {
        Tables tables = new Tables(prefix);
        JsonCodec json = new JsonCodec();
        Jdbc jdbc = new Jdbc(dialect, tables, json, null);
        ContactFieldRows rows = new ContactFieldRows(jdbc);
        String select = tables.sql("SELECT contact_id FROM {contact_field_fill} ORDER BY contact_id LIMIT " + BATCH);
        String take = tables.sql("DELETE FROM {contact_field_fill} WHERE contact_id = ?");
        String reread = tables.sql("SELECT custom_fields FROM {contact} WHERE id = ? FOR UPDATE");
        return NameKeyFill.claimEach(dataSource, dialect, select, "contact_id", take,
                "could not key the custom field values of the contacts", (c, id) -> {
                    Optional<CustomFields> fields = jdbc.one(c, reread,
                            rs -> json.customFields(dialect.getJson(rs, "custom_fields")), id);
                    if (fields.isPresent()) {
                        rows.replace(c, id, fields.get());
                    }
                });
    }
}
