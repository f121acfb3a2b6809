package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Times bound on PostgreSQL without pgjdbc's per-statement {@code TimestampUtils} ({@link PgTimes}) are the values
 * pgjdbc's own binding of an {@code OffsetDateTime} gives the server: rounded half up to the microsecond, across a
 * second's and a day's end, before 1970 and at the ends of the years the text covers.
 */
class PgTimesTest {

    private static final List<Instant> EDGES = List.of(Instant.EPOCH,
            Instant.parse("2026-12-07T08:01:02.123456Z"), Instant.parse("2026-12-07T08:01:02.1234565Z"),
            Instant.parse("2026-12-07T08:01:02.123456499Z"), Instant.parse("2026-12-07T08:01:02.123456500Z"),
            Instant.parse("2026-12-31T23:59:59.999999500Z"), Instant.parse("2026-12-31T23:59:59.999999499Z"),
            Instant.ofEpochSecond(-1, 999_999_700), Instant.ofEpochSecond(-86_401, 1),
            Instant.parse("0001-01-01T00:00:01.0000005Z"), Instant.parse("9999-12-31T23:59:58.9999995Z"),
            Instant.parse("9999-12-31T23:59:59.9999995Z"), Instant.parse("0001-01-01T00:00:00Z"));

    @Test
    void text_roundsHalfUpToTheMicrosecond() {
        assertEquals("2026-12-07T08:01:02.123457Z", PgTimes.text(Instant.parse("2026-12-07T08:01:02.1234565Z")));
        assertEquals("2026-12-07T08:01:02.123456Z", PgTimes.text(Instant.parse("2026-12-07T08:01:02.123456499Z")));
        assertEquals("2027-01-01T00:00:00Z", PgTimes.text(Instant.parse("2026-12-31T23:59:59.9999995Z")));
        assertEquals("1970-01-01T00:00:00Z", PgTimes.text(Instant.ofEpochSecond(-1, 999_999_700)));
        assertEquals("2026-12-07T08:01:02.120Z", PgTimes.text(Instant.parse("2026-12-07T08:01:02.12Z")));
    }

    @Test
    void setInstant_onAStatementNotOfCrmkitsPgjdbc_bindsAnOffsetDateTime() throws Exception {
        Instant t = Instant.parse("2026-12-07T08:01:02.1234565Z");
        assertEquals(OffsetDateTime.ofInstant(t, ZoneOffset.UTC), bound(t, false),
                "another driver, or pgjdbc of another class loader, does not know crmkit's PGobject");
        assertEquals("org.postgresql.util.PGobject", bound(t, true).getClass().getName());
    }

    /** What {@link Dialect#setInstant} on PostgreSQL gives a statement that is, or is not, a pgjdbc statement. */
    private static Object bound(Instant t, boolean pgjdbc) throws Exception {
        Object[] given = new Object[1];
        PreparedStatement ps = (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(
                PgTimesTest.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "isWrapperFor":
                            return pgjdbc && args[0] == org.postgresql.PGStatement.class;
                        case "setObject":
                            given[0] = args[1];
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
        Dialect.POSTGRESQL.setInstant(ps, 1, t);
        return given[0];
    }

    @Test
    void setInstant_onPostgres_storesWhatPgjdbcsOwnBindingStores() throws Exception {
        List<Instant> times = new ArrayList<>(EDGES);
        Random random = new Random(21);
        for (int i = 0; i < 300; i++) {
            times.add(Instant.ofEpochSecond(random.nextInt(2_000_000_000) - 1_000_000_000L,
                    random.nextInt(1_000_000_000)));
        }
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore();
             Connection c = on.ds().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS timestamptz) = CAST(? AS timestamptz), "
                     + "pg_typeof(?)::text, CAST(? AS timestamptz)")) {
            for (Instant t : times) {
                Dialect.POSTGRESQL.setInstant(ps, 1, t);
                ps.setObject(2, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
                Dialect.POSTGRESQL.setInstant(ps, 3, t);
                Dialect.POSTGRESQL.setInstant(ps, 4, t);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean(1), () -> t + " is stored as another time than pgjdbc stores");
                    assertEquals("timestamp with time zone", rs.getString(2), t::toString);
                    Instant stored = rs.getObject(3, OffsetDateTime.class).toInstant();
                    int below = t.getNano() % 1000;
                    assertEquals(below > 499 ? t.plusNanos(1000 - below) : t.minusNanos(below), stored, t::toString);
                }
            }
        }
    }
    @Test
    void read_onPostgres_givesWhatPgjdbcGives_inBinaryAndInText() throws Exception {
        List<Instant> times = new ArrayList<>(EDGES);
        times.add(Instant.parse("1582-10-04T23:59:59.999999Z")); // the Julian calendar's last day
        times.add(Instant.parse("1000-06-15T12:00:00.000001Z"));
        Random random = new Random(22);
        for (int i = 0; i < 300; i++) {
            times.add(Instant.ofEpochSecond(random.nextInt(2_000_000_000) - 1_000_000_000L,
                    random.nextInt(1_000_000) * 1_000));
        }
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore();
             Connection c = on.ds().getConnection()) {
            for (boolean binary : new boolean[] {true, false}) {
                try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS timestamptz) AS t, "
                        + "CAST(NULL AS timestamptz) AS n, CAST('infinity' AS timestamptz) AS i, "
                        + "CAST('-infinity' AS timestamptz) AS m" + (binary ? "" : " WHERE true"))) {
                    // (another text in text: the connection keeps the one prepared in binary and would use it)
                    // a negative threshold: prepared on the server and received in binary from the first execution
                    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(binary ? -1 : 0);
                    for (Instant t : times) {
                        Dialect.POSTGRESQL.setInstant(ps, 1, t);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertTrue(rs.next());
                            assertEquals(binary ? 1 : 0, rs.getMetaData().unwrap(org.postgresql.PGResultSetMetaData
                                    .class).getFormat(1), "the format the case is about");
                            Instant read = Dialect.POSTGRESQL.getInstant(rs, "t");
                            assertEquals(!binary, timestampUtilsMade(rs), () -> "pgjdbc's TimestampUtils made: "
                                    + t + (binary ? " in binary" : " in text"));
                            assertEquals(rs.getObject("t", OffsetDateTime.class).toInstant(), read, t::toString);
                            assertEquals(Instant.parse(PgTimes.text(t)), read, () -> t + " to the microsecond");
                            assertNull(Dialect.POSTGRESQL.getInstant(rs, "n"));
                            assertEquals(OffsetDateTime.MAX.toInstant(), Dialect.POSTGRESQL.getInstant(rs, "i"));
                            assertEquals(OffsetDateTime.MIN.toInstant(), Dialect.POSTGRESQL.getInstant(rs, "m"));
                        }
                    }
                }
            }
        }
    }

    /** Whether pgjdbc made its per-result-set {@code TimestampUtils} (pgjdbc's own field, read for this test). */
    private static boolean timestampUtilsMade(ResultSet rs) throws Exception {
        Object pg = rs.unwrap(Class.forName("org.postgresql.jdbc.PgResultSet"));
        java.lang.reflect.Field field = pg.getClass().getDeclaredField("timestampUtils");
        field.setAccessible(true);
        return field.get(pg) != null;
    }
}
