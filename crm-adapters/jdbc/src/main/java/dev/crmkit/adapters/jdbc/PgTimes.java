package dev.crmkit.adapters.jdbc;

import org.postgresql.PGStatement;
import org.postgresql.util.PGobject;

import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * this {@link PGobject}. Stateless.
 */
final class PgTimes {

    /** Whether pgjdbc's classes are there to bind with; otherwise times are bound as {@code OffsetDateTime}. */
    static final boolean AVAILABLE = available();

    private PgTimes() {
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
