package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.service.contract.ServiceFixtures;
import dev.crmkit.service.visit.Visit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V37's backfill: a visit completed before the {@code completed_on} column existed gets its completion day from the
 * JSON report, so revenue read by completion day finds it, on H2, PostgreSQL and MariaDB.
 */
class VisitCompletedOnBackfillTest {

    private static final List<DataSource> OPENED = new ArrayList<>();

    @AfterAll
    static void closeDatabases() {
        OPENED.forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void backfill_setsTheCompletionDayFromTheReport_andLeavesOpenVisitsEmpty(TestDatabase db) throws Exception {
        DataSource ds = db.isolated();
        OPENED.add(ds);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        ServiceFixtures fx = new ServiceFixtures();
        ContactId customer = new ContactId(new UUID(9, 1));
        UserId eng = UserId.of("eng-1");
        Instant start = Instant.parse("2027-02-20T09:00:00Z");
        Visit done = store.transactions().inTransaction(() -> store.visits().insert(fx.visit(eng, customer, start,
                Duration.ofHours(1))));
        Visit open = store.transactions().inTransaction(() -> store.visits().insert(fx.visit(eng, customer,
                start.plusSeconds(7200), Duration.ofHours(1))));
        Visit completed = store.transactions().inTransaction(() -> store.visits().update(
                done.completed(fx.report(LocalDate.of(2027, 3, 6)))));
        String dialect;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            dialect = Dialect.of(c).migrationsFolder();
            s.executeUpdate("UPDATE crm_service_visit SET completed_on = NULL"); // as before V37
            assertEquals(List.of(), store.visits().completedBetween(LocalDate.of(2027, 3, 1),
                    LocalDate.of(2027, 3, 31)));
            s.executeUpdate(backfill(dialect));
        }
        assertEquals(List.of(completed), store.visits().completedBetween(LocalDate.of(2027, 3, 6),
                LocalDate.of(2027, 3, 6)));
        assertEquals(Optional.of(open), store.visits().findById(open.id()));
        assertEquals(List.of(), store.visits().completedBetween(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)));
    }

    /** The UPDATE statement of the dialect's V37 migration, with the default table prefix. */
    private static String backfill(String folder) throws IOException, SQLException {
        String path = folder + "/V37__service_visit_completed_on.sql";
        try (InputStream in = VisitCompletedOnBackfillTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + path);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String update = sql.substring(sql.indexOf("UPDATE "), sql.indexOf(';', sql.indexOf("UPDATE ")));
            return update.replace("${prefix}", "crm_");
        }
    }
}
