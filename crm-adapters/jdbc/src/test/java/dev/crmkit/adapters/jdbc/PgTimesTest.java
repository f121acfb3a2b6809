package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Times bound on PostgreSQL without pgjdbc's per-statement {@code TimestampUtils} ({@link PgTimes}) are the values
 * pgjdbc's own binding of an {@code OffsetDateTime} gives the server: rounded half up to the microsecond, across a
 * second's and a day's end, before 1970 and at the ends of the years the text covers. Times read back without
 * pgjdbc's per-result-set {@code TimestampUtils} are the instants pgjdbc's {@code getObject(OffsetDateTime)} gives,
 * in binary (where no {@code TimestampUtils} is made) and in text, on one statement that pgjdbc switches from text to
 * binary, in a session time zone other than UTC, for infinity and NULL; a binary {@code bigint} or {@code float8} is
 * refused as pgjdbc refuses it, and a result set of another driver, or behind a wrapper, is read as it should be.
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
        PreparedStatement ps = proxy(PreparedStatement.class, (m, args) -> {
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
                        + "CAST('-infinity' AS timestamptz) AS m, CAST(1 AS bigint) AS b, CAST(1.5 AS float8) AS f, "
                        + "CAST('2020-06-01 12:34:56.123456' AS timestamp) AS w" + (binary ? "" : " WHERE true"))) {
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
                            assertRefusedAsPgjdbcRefuses(rs, "b");
                            assertRefusedAsPgjdbcRefuses(rs, "f");
                            assertEquals(Instant.parse("2020-06-01T12:34:56.123456Z"),
                                    Dialect.POSTGRESQL.getInstant(rs, "w"), "a timestamp without zone: read as UTC");
                            assertEquals(rs.getObject("w", OffsetDateTime.class).toInstant(),
                                    Dialect.POSTGRESQL.getInstant(rs, "w"), "as pgjdbc reads it");
                        }
                    }
                }
            }
        }
    }

    /** An 8-byte number is no time: {@link PgTimes#read} throws pgjdbc's own error for it, not a made-up time. */
    private static void assertRefusedAsPgjdbcRefuses(ResultSet rs, String column) {
        SQLException pgjdbc = assertThrows(SQLException.class, () -> rs.getObject(column, OffsetDateTime.class));
        SQLException read = assertThrows(SQLException.class, () -> Dialect.POSTGRESQL.getInstant(rs, column),
                () -> column + " read as a time");
        assertEquals(pgjdbc.getMessage(), read.getMessage());
    }

    @Test
    void read_onOneStatementPastPgjdbcsPrepareThreshold_followsEachResultSetsFormat() throws Exception {
        List<Instant> times = List.of(Instant.parse("2026-12-07T08:01:02.123456Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2026-03-29T01:30:00Z"),
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("1582-10-04T23:59:59.999999Z"),
                Instant.parse("2026-10-25T00:30:00.000001Z"), Instant.parse("9999-12-31T18:29:59.999999Z"),
                Instant.parse("0001-01-01T12:00:00Z")); // all bound as PGobject: one parameter type throughout
        Instant bc = OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC).toInstant(); // 44 BC
        Instant last = Instant.parse("+294276-12-31T23:59:59.999999Z"); // PostgreSQL's last time
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore();
             Connection c = on.ds().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET TIME ZONE 'Asia/Kolkata'"); // a text time then comes as +05:30
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS timestamptz) AS t, "
                    + "CAST('0044-03-15 12:00:00+00 BC' AS timestamptz) AS bc, "
                    + "CAST('294276-12-31 23:59:59.999999+00' AS timestamptz) AS last WHERE 1 = 1")) {
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(5); // pgjdbc's default
                List<Integer> formats = new ArrayList<>();
                for (Instant t : times) {
                    Dialect.POSTGRESQL.setInstant(ps, 1, t);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        int format = rs.getMetaData().unwrap(org.postgresql.PGResultSetMetaData.class).getFormat(1);
                        formats.add(format);
                        Instant read = Dialect.POSTGRESQL.getInstant(rs, "t");
                        Instant readBc = Dialect.POSTGRESQL.getInstant(rs, "bc");
                        Instant readLast = Dialect.POSTGRESQL.getInstant(rs, "last");
                        assertEquals(format == 0, timestampUtilsMade(rs), () -> "pgjdbc's TimestampUtils made in "
                                + (format == 0 ? "text" : "binary") + " at execution " + formats.size());
                        assertEquals(t, read);
                        assertEquals(rs.getObject("t", OffsetDateTime.class).toInstant(), read, t::toString);
                        assertEquals(bc, readBc);
                        assertEquals(rs.getObject("bc", OffsetDateTime.class).toInstant(), readBc);
                        assertEquals(last, readLast);
                        assertEquals(rs.getObject("last", OffsetDateTime.class).toInstant(), readLast);
                    }
                }
                // pgjdbc 42.7: text for 5 executions (the 5th prepares it and learns its columns), binary after
                List<Integer> flip = new ArrayList<>(formats);
                flip.sort(null);
                assertTrue(formats.get(0) == 0 && formats.get(formats.size() - 1) == 1 && formats.equals(flip),
                        () -> "text first, then binary to the end, on the one statement: " + formats);
            }
        }
    }

    @Test
    void read_onAResultSetNotOfCrmkitsPgjdbc_readsWhatItsDriverGives() throws Exception {
        OffsetDateTime given = OffsetDateTime.parse("2026-12-07T09:01:02.123456+01:00");
        ResultSetMetaData meta = proxy(ResultSetMetaData.class, (m, args) -> {
            switch (m.getName()) {
                case "isWrapperFor":
                    return false; // another driver, or pgjdbc of another class loader
                case "unwrap":
                    throw new SQLException("not a wrapper for " + args[0]);
                case "getColumnType":
                    return Types.TIMESTAMP;
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        });
        ResultSet rs = proxy(ResultSet.class, (m, args) -> {
            switch (m.getName()) {
                case "findColumn":
                    return 1;
                case "getMetaData":
                    return meta;
                case "getObject":
                    return args[1] == OffsetDateTime.class ? given : null;
                default:
                    throw new UnsupportedOperationException(m.getName() + ": not a pgjdbc result set");
            }
        });
        assertEquals(given.toInstant(), Dialect.POSTGRESQL.getInstant(rs, "t"));
    }

    @Test
    void read_throughAWrapperOfPgjdbcsMetadata_readsTheBinaryBytes() throws Exception {
        Instant t = Instant.parse("2026-12-07T08:01:02.123456Z");
        try (TestDatabase.Isolated on = TestDatabase.POSTGRESQL.isolatedStore();
             Connection c = on.ds().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS timestamptz) AS t")) {
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            Dialect.POSTGRESQL.setInstant(ps, 1, t);
            try (ResultSet pgjdbc = ps.executeQuery()) {
                assertTrue(pgjdbc.next());
                // a pool's or tracer's wrappers: the metadata is pgjdbc's only through unwrap
                ResultSetMetaData meta = proxy(ResultSetMetaData.class, (m, args) -> m.invoke(pgjdbc.getMetaData(),
                        args));
                ResultSet rs = proxy(ResultSet.class, (m, args) -> m.getName().equals("getMetaData") ? meta
                        : m.invoke(pgjdbc, args));
                assertFalse(meta instanceof org.postgresql.PGResultSetMetaData, "the case is about a wrapper");

                assertEquals(t, Dialect.POSTGRESQL.getInstant(rs, "t"));
                assertFalse(timestampUtilsMade(pgjdbc), "read from the binary bytes behind the wrapper");
                assertEquals(t, pgjdbc.getObject("t", OffsetDateTime.class).toInstant());
            }
        }
    }

    /** What a proxy of the type does, a method at a time; a method's own exception is thrown as it is. */
    private interface Handler {
        Object call(java.lang.reflect.Method m, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(PgTimesTest.class.getClassLoader(),
                new Class<?>[] {type}, (p, m, args) -> {
                    try {
                        return handler.call(m, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /**
     * Whether pgjdbc made its per-result-set {@code TimestampUtils}: pgjdbc's private field, read for this test. If a
     * pgjdbc renames it, this fails loudly ({@code NoSuchFieldException}), never passes silently.
     */
    private static boolean timestampUtilsMade(ResultSet rs) throws Exception {
        Object pg = rs.unwrap(Class.forName("org.postgresql.jdbc.PgResultSet"));
        java.lang.reflect.Field field = pg.getClass().getDeclaredField("timestampUtils");
        field.setAccessible(true);
        return field.get(pg) != null;
    }
}
