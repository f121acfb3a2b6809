package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.contract.AccessPopulation;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL form of the access policy: on generated populations stored in a real database (contacts with owners, the
 * organization and the shares in the V32 tables), the WHERE fragment that {@link AccessSql} makes from each actor's
 * {@link AccessFilter} selects exactly the contacts that {@link AccessPolicy#decide} allows: 0 leaks, 0 wrongly
 * hidden, on H2, PostgreSQL and MariaDB.
 */
class AccessSqlTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void where_selectsExactlyWhatThePolicyAllows(TestDatabase database) throws SQLException {
        int queries = 0;
        int allowedRows = 0;
        for (long seed = 1; seed <= 4; seed++) {
            JdbcCrmStore store = database.freshStore();
            AccessPopulation pop = AccessPopulation.generate(seed, 120, RecordType.CONTACT);
            store.transactions().run(() -> {
                pop.organization().teams().forEach(store.accessDirectory()::save);
                pop.organization().roles().forEach(store.accessDirectory()::save);
                pop.organization().users().forEach(store.accessDirectory()::save);
                pop.organization().defaults().forEach(store.accessDirectory()::setDefault);
                pop.shares().forEach(store.shares()::grant);
                for (AccessRecord r : pop.records()) {
                    store.contacts().insertOrGet(Contact.create(new ContactId(r.ref().id()), PersonName.of("P", "Q"),
                            List.of(), List.of(), T0).withOwner(r.owner(), T0));
                }
            });
            AccessPolicy policy = AccessPolicy.of(store.accessDirectory().organization());
            assertEquals(pop.organization(), policy.organization(), "the organization reads back equal");
            AccessSql sql = new AccessSql(new Tables(store.tablePrefix()));
            Map<RecordRef, List<Share>> stored = new HashMap<>();
            for (AccessRecord r : pop.records()) {
                stored.put(r.ref(), store.shares().of(r.ref()));
                assertEquals(Set.copyOf(pop.sharesOf(r.ref())), Set.copyOf(stored.get(r.ref())));
            }
            for (Actor actor : pop.actors()) {
                for (Permission p : Permission.values()) {
                    Set<UUID> expected = new HashSet<>();
                    for (AccessRecord r : pop.records()) {
                        if (policy.decide(actor, p, r, stored.get(r.ref())).allowed()) {
                            expected.add(r.ref().id());
                        }
                    }
                    AccessSql.Fragment where = sql.where(policy.filter(actor, RecordType.CONTACT, p),
                            RecordType.CONTACT, "c.id", "c.owner_id");
                    Set<UUID> selected = select(store, where);
                    Set<UUID> leaks = new TreeSet<>(selected);
                    leaks.removeAll(expected);
                    Set<UUID> hidden = new TreeSet<>(expected);
                    hidden.removeAll(selected);
                    String context = database + " seed " + seed + " " + actor + " " + p + ": " + where.sql();
                    assertEquals(Set.of(), leaks, "leaks, " + context);
                    assertEquals(Set.of(), hidden, "wrongly hidden, " + context);
                    queries++;
                    allowedRows += expected.size();
                }
            }
        }
        assertTrue(allowedRows > 0 && allowedRows < queries * 120, "the populations decide both ways");
    }

    private static Set<UUID> select(JdbcCrmStore store, AccessSql.Fragment where) throws SQLException {
        Jdbc jdbc = store.jdbc();
        return jdbc.tx.read(c -> new HashSet<>(jdbc.list(c, "SELECT c.id FROM " + jdbc.tables.name("contact")
                + " c WHERE " + where.sql(), rs -> jdbc.dialect.getUuid(rs, "id"), where.params().toArray())));
    }

    @Test
    void where_everythingAndNothing_needNoParameters() {
        AccessSql sql = new AccessSql(new Tables("crm_"));
        assertEquals(new AccessSql.Fragment("1 = 1", List.of()),
                sql.where(AccessFilter.all(), RecordType.LEAD, "id", "owner_id"));
        assertEquals(new AccessSql.Fragment("1 = 0", List.of()),
                sql.where(AccessFilter.none(), RecordType.LEAD, "id", "owner_id"));
    }

    @Test
    void where_refusesAColumnThatIsNotAnIdentifier() {
        AccessSql sql = new AccessSql(new Tables("crm_"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> sql.where(AccessFilter.all(), RecordType.LEAD, "id; DROP TABLE x", "owner_id"));
        assertEquals("idColumn", e.violations().get(0).field());
    }
}
