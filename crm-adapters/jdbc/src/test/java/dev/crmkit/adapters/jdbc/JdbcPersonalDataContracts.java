package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.trigger.HostEvent;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.privacy.ErasureCounts;
import dev.crmkit.core.privacy.PersonalValues;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.privacy.PersonalDataContract;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@link PersonalDataContract} on the JDBC store: its dump is every row of every crmkit table, the tables read
 * from the database's metadata (so a table added by a later migration is covered without changing this test), each
 * column as text (JSON columns also as their bytes). Subclasses name the database.
 */
abstract class JdbcPersonalDataContracts extends PersonalDataContract {

    /** The database the contract runs against. */
    abstract TestDatabase database();

    @Override
    protected CrmkitStore newStore() {
        return database().freshStore();
    }

    @Override
    protected String dump(CrmkitStore store) {
        return dump(database());
    }

    /** Every row of every crmkit table of the database's shared store, as text. */
    static String dump(TestDatabase database) {
        StringBuilder out = new StringBuilder();
        try (Connection c = database.shared().getConnection(); Statement s = c.createStatement()) {
            for (String table : TestDatabase.tables(c, "crm_")) {
                out.append("== ").append(table.toLowerCase(Locale.ROOT)).append('\n');
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            out.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                            if (meta.getColumnTypeName(i).toLowerCase(Locale.ROOT).contains("json")) {
                                byte[] bytes = rs.getBytes(i);
                                out.append(bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8))
                                        .append(' ');
                            }
                        }
                        out.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @Test
    void erase_deletesThePersonsCampaignEvents_andKeepsEveryoneElses() {
        JdbcCrmStore store = database().freshStore();
        Instant at = Instant.parse("2026-05-04T08:00:00Z");
        List<UUID> ids = List.of(new UUID(0, 71), new UUID(0, 72));
        for (UUID id : ids) {
            store.contacts().insertOrGet(Contact.create(new ContactId(id), new PersonName("Zeborah", "Q" + id),
                    List.of(), List.of(), at));
            store.campaignStores().events().record("shop/zeborah@example.org/" + id,
                    new HostEvent(id.toString(), "order-placed", at, "zeborah-" + id));
        }

        ErasureCounts counts = store.personalData().erase(new ContactId(ids.get(0)), PersonalValues.of(List.of()),
                at);

        assertEquals(1, counts.of("campaign_event"));
        assertEquals(List.of(), store.campaignStores().events().of(ids.get(0).toString()));
        assertEquals(1, store.campaignStores().events().of(ids.get(1).toString()).size());
    }
}
