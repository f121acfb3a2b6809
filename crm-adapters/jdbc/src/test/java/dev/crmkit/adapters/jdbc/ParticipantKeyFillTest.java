package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.PrivateItems;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The participant keys of private activities (V54): written with the activity (trimmed for ids, lower case for
 * e-mail addresses; none for public ones), and filled by {@link CrmSchema#migrate} for rows written before the table
 * was, after which the scoped timeline shows those items to their participants.
 */
class ParticipantKeyFillTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void migrate_keysThePrivateItemsOfOlderRows_andTheirParticipantsSeeThem(TestDatabase db) throws SQLException {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            IdGenerator ids = IdGenerator.seeded(5);
            RecordRef contact = new RecordRef(RecordType.CONTACT, ids.next());
            Instant at = Instant.parse("2026-11-02T09:00:00Z");
            Activity secret = new Activity(new ActivityId(ids.next()), ActivityType.MEETING, "Pricing", "",
                    Direction.OUTBOUND, at, List.of("ben", " Cleo@Example.org ", "ben"), Set.of(contact),
                    Optional.of(UserId.of("anna")), Visibility.PRIVATE, at);
            Activity open = new Activity(new ActivityId(ids.next()), ActivityType.NOTE, "Called back", "",
                    Direction.OUTBOUND, at.plusSeconds(60), List.of("dan"), Set.of(contact),
                    Optional.of(UserId.of("anna")), Visibility.PUBLIC, at);
            store.activities().append(secret);
            store.activities().append(open);
            List<String> written = List.of("E ben", "E cleo@example.org", "I Cleo@Example.org", "I ben");
            assertEquals(written, keys(ds));

            PrivateItems ben = new PrivateItems(false, Optional.of(UserId.of("ben")), Optional.empty());
            PrivateItems cleo = new PrivateItems(false, Optional.of(UserId.of("cleo")),
                    Optional.of("cleo@example.org"));
            PrivateItems dan = new PrivateItems(false, Optional.of(UserId.of("dan")), Optional.of("dan@example.org"));
            assertEquals(List.of(open, secret), timeline(store, contact, ben));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM crm_activity_participant");
                // every row unkeyed, as a row written by code that does not know the column: the public one stays
                // without keys
                s.executeUpdate("UPDATE crm_activity SET participants_keyed = FALSE");
            }
            assertEquals(List.of(open), timeline(store, contact, ben), "not keyed: hidden from its participants");

            CrmSchema.migrate(ds);

            assertEquals(written, keys(ds));
            assertEquals(List.of(open, secret), timeline(store, contact, ben));
            assertEquals(List.of(open, secret), timeline(store, contact, cleo));
            assertEquals(List.of(open), timeline(store, contact, dan));
            assertEquals(0, CrmSchema.fillParticipantKeys(ds, "crm_"));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM crm_activity WHERE participants_keyed = FALSE")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "every row is marked");
            }
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * An erasure that blanks an item's participants after the fill selected its batch and before the fill keys it:
     * the keys come from the participants read again under the row lock, so the erased e-mail is not keyed again.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void fill_keysTheParticipantsAsTheyAreWhenTheRowIsMarked_notAsTheBatchFirstReadThem(TestDatabase db)
            throws SQLException {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            IdGenerator ids = IdGenerator.seeded(6);
            RecordRef company = new RecordRef(RecordType.COMPANY, ids.next());
            Instant at = Instant.parse("2026-11-02T09:00:00Z");
            store.activities().append(new Activity(new ActivityId(ids.next()), ActivityType.MEETING, "Pricing", "",
                    Direction.OUTBOUND, at, List.of("ben", "jane@example.org"), Set.of(company),
                    Optional.of(UserId.of("anna")), Visibility.PRIVATE, at));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM crm_activity_participant");
                s.executeUpdate("UPDATE crm_activity SET participants_keyed = FALSE");
            }
            boolean[] erased = {false};
            DataSource racing = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(method, ds, args);
                        if (!method.getName().equals("getConnection")) {
                            return result;
                        }
                        Connection real = (Connection) result;
                        return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {Connection.class}, (p2, m2, a2) -> {
                                    if (m2.getName().equals("prepareStatement") && !erased[0]
                                            && String.valueOf(a2[0]).contains("SET participants_keyed = TRUE")) {
                                        erased[0] = true; // the erasure commits between the batch's read and the mark
                                        try (Connection other = ds.getConnection();
                                             PreparedStatement ps = other.prepareStatement(
                                                     "UPDATE crm_activity SET participants = "
                                                             + Dialect.of(other).json())) {
                                            other.setAutoCommit(true);
                                            ps.setString(1, "[\"ben\"]");
                                            ps.executeUpdate();
                                        }
                                    }
                                    return invoke(m2, real, a2);
                                });
                    });
            assertEquals(1, CrmSchema.fillParticipantKeys(racing, "crm_"));
            assertEquals(true, erased[0], "the erasure ran during the fill");
            assertEquals(List.of("E ben", "I ben"), keys(ds), "no key of the erased e-mail");
        } finally {
            TestDatabase.close(ds);
        }
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static List<Activity> timeline(JdbcCrmStore store, RecordRef record, PrivateItems items) {
        return store.visibleRecords().timeline(record, Set.of(), items, PageRequest.first(10)).items();
    }

    private static List<String> keys(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT match_kind, participant FROM crm_activity_participant");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
            java.util.Collections.sort(out); // in Java's order: the databases' collations differ
            return out;
        }
    }
}
