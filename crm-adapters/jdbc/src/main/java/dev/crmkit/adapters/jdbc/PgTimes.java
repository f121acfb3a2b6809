package dev.crmkit.adapters.jdbc;

import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;
import org.postgresql.util.PGobject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An instant bound on PostgreSQL as pgjdbc binds an {@code OffsetDateTime}: a {@code timestamptz} parameter in text,
 * rounded half up to the microsecond, so the server stores the same value. pgjdbc makes a {@code TimestampUtils}
 * (with a {@code GregorianCalendar} and its arrays) for every statement that binds a time through it, about a sixth
 * of what an assignment allocates on the client; a {@link PGobject} of type {@code timestamptz} goes to the same
 * typed parameter without it. Only where pgjdbc is the driver of the statement ({@link #binds}): another driver, or
 * pgjdbc loaded by another class loader than crmkit's (a container's copy beside an application's), would not know
 * this {@link PGobject}. Reading a time back ({@link #read}) skips the same {@code TimestampUtils}, which pgjdbc
 * makes for every result set a time is read from, where pgjdbc received the time in binary. Stateless.
 */
final class PgTimes {

    /** Whether pgjdbc's classes are there to bind with; otherwise times are bound as {@code OffsetDateTime}. */
    static final boolean AVAILABLE = available();

    /** Seconds from 1970-01-01 to 2000-01-01, the epoch of PostgreSQL's binary times. */
    private static final long EPOCH_2000 = 946_684_800L;

    /** A binary {@code timestamptz} is 8 bytes: microseconds since {@link #EPOCH_2000}. */
    private static final int BINARY_LENGTH = 8;

    /** The format code of a column received in binary ({@link PGResultSetMetaData#getFormat}). */
    private static final int BINARY = 1;

    private PgTimes() {
    }

    /**
     * The instant in a {@code timestamptz} column (or a {@code timestamp} without time zone, its wall clock read as
     * UTC as pgjdbc reads it), or null for SQL NULL: the instant pgjdbc's {@code getObject(column,
     * OffsetDateTime.class)} gives. A value pgjdbc received in binary (a statement it has prepared on the server) is
     * read from its 8 bytes, microseconds since 2000-01-01 UTC (PostgreSQL 10 and later store times only so); a value
     * in text, {@code infinity}, a column of another type, or a result set of another driver (or of pgjdbc of another
     * class loader than crmkit's) is read by pgjdbc as before. The format is the result set's own, column by column
     * (pgjdbc switches a statement to binary after its prepare threshold), and its metadata is found through any
     * pool's or tracer's wrapper, as {@link #binds} finds the statement.
     */
    static Instant read(ResultSet rs, String column) throws SQLException {
        int index = rs.findColumn(column);
        if (AVAILABLE) {
            ResultSetMetaData meta = rs.getMetaData(); // kept by the result set: made once for all its columns
            if (meta.isWrapperFor(PGResultSetMetaData.class)
                    && meta.unwrap(PGResultSetMetaData.class).getFormat(index) == BINARY
                    && isTimestamp(meta.getColumnType(index))) {
                byte[] raw = rs.getBytes(index); // pgjdbc's bytes as received: no copy
                if (raw == null) {
                    return null;
                }
                if (raw.length == BINARY_LENGTH) {
                    long micros = micros(raw);
                    if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE) { // not infinity or -infinity
                        return Instant.ofEpochSecond(EPOCH_2000 + Math.floorDiv(micros, 1_000_000L),
                                Math.floorMod(micros, 1_000_000L) * 1_000L);
                    }
                }
            }
        }
        OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Whether the column is a time: pgjdbc 42.7 reports {@code timestamptz} as {@link Types#TIMESTAMP}, as it reports
     * {@code timestamp}; {@link Types#TIMESTAMP_WITH_TIMEZONE} is there for a pgjdbc that reports it. A binary
     * {@code bigint} or {@code float8} is 8 bytes too, and goes to pgjdbc, which refuses it as a time.
     */
    private static boolean isTimestamp(int type) {
        return type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    /** The 8 bytes as a big-endian signed number. */
    private static long micros(byte[] raw) {
        long value = 0;
        for (byte b : raw) {
            value = value << Byte.SIZE | (b & 0xFF);
        }
        return value;
    }

    /**
     * Whether to bind the statement's times with {@link #timestamptz}: pgjdbc is on crmkit's class path and the
     * statement (through any pool's wrapper) is a pgjdbc statement of the same classes.
     */
    static boolean binds(PreparedStatement ps) throws SQLException {
        return AVAILABLE && ps.isWrapperFor(PGStatement.class);
    }

    /**
     * The parameter of the instant: {@code timestamptz} text such as {@code 2026-12-07T08:01:02.123457Z}; outside the
     * years 1 to 9999 the {@code OffsetDateTime} pgjdbc binds itself.
     */
    static Object timestamptz(Instant value) throws SQLException {
        long seconds = value.getEpochSecond();
        // a second short of the ends: rounding up to the microsecond stays inside
        if (seconds <= IsoTimes.FIRST || seconds >= IsoTimes.BEYOND - 1) {
            return OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
        }
        PGobject parameter = new PGobject();
        parameter.setType("timestamptz");
        parameter.setValue(text(value));
        return parameter;
    }

    /**
     * The instant's text as {@link Instant#toString} writes it after rounding to the microsecond as pgjdbc does
     * (a remainder of 500 nanoseconds or more goes up).
     */
    static String text(Instant value) {
        int below = value.getNano() % 1000;
        Instant micros = below == 0 ? value : below > 499 ? value.plusNanos(1000 - below) : value.minusNanos(below);
        StringBuilder text = new StringBuilder(32);
        IsoTimes.append(text, micros);
        return text.toString();
    }

    private static boolean available() {
        try {
            Class.forName("org.postgresql.util.PGobject", false, PgTimes.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
