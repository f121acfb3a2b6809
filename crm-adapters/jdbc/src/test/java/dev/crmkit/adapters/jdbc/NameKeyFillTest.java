package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;
import dev.crmkit.core.kernel.IdGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The name keys of contact rows written before V40 (NULL keys) are filled by {@link CrmSchema#migrate}, after which
 * the indexed candidate query finds them; rows written since carry their keys from the write.
 */
class NameKeyFillTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void migrate_fillsTheKeysOfOlderRows_andTheCandidateQueryFindsThem(TestDatabase db) throws SQLException {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            IdGenerator ids = IdGenerator.seeded(3);
            Instant at = Instant.parse("2026-11-02T09:00:00Z");
            Contact kathy = store.contacts().insertOrGet(Contact.create(new ContactId(ids.next()),
                    PersonName.of("Katherine", "Smith"), List.of(), List.of(), at));
            store.contacts().insertOrGet(Contact.create(new ContactId(ids.next()), PersonName.of("Ann", "Meyer"),
                    List.of(), List.of(), at));
            List<String> written = List.of("SM0|k", NameKeys.nameKey(PersonName.of("Ann", "Meyer")));
            assertEquals(written, keys(ds));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE crm_contact SET name_key = NULL, nickname_key = NULL");
            }
            assertEquals(List.of(), store.contacts().findBySoundOfName(PersonName.of("Kathrin", "Smyth"), 10));

            CrmSchema.migrate(ds);

            assertEquals(written, keys(ds));
            assertEquals(List.of(kathy.id()), store.contacts().findBySoundOfName(PersonName.of("Kathrin", "Smyth"),
                    10).stream().map(Contact::id).toList());
            assertEquals(0, CrmSchema.fillNameKeys(ds, "crm_"));
        } finally {
            TestDatabase.close(ds);
        }
    }

    private static List<String> keys(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name_key FROM crm_contact ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
