package dev.crmkit.adapters.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows into a PostgreSQL table with {@code COPY ... FROM STDIN} (text format) through pgjdbc's {@code CopyManager}:
 * one statement and one pass of the server's copy code for a chunk's rows, without a parameter per value. Used for a
 * one-row insert whose values are all parameters (plain, or cast as {@code CAST(? AS jsonb)}); the values are written
 * as PostgreSQL reads them back from the parameters the insert would bind (times rounded to the microsecond as pgjdbc
 * rounds them). Loaded only on PostgreSQL, whose driver is then on the class path. Stateless.
 */
final class PgCopy {

    /**
     * The fewest rows worth a {@code COPY}. A {@code COPY} waits for the server twice (to start, and to end it) and,
     * with a query timeout, once more to set {@code statement_timeout} for it, where a multi-row {@code INSERT} waits
     * once: below this many rows the insert is faster (a deal move's two or three outbox rows, a timeline entry's
     * about-rows), from it on the server's copy code wins (a bulk chunk's hundreds of rows).
     */
    static final int MIN_ROWS = 16;

    private static final Pattern INSERT = Pattern.compile(
            "INSERT INTO (\\S+) \\(([^()]*)\\) VALUES \\((.*)\\)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\?|CAST\\(\\? AS \\w+\\)");

    /** The connection whose {@code statement_timeout} {@link #withOneTimeout} set for the work on this thread. */
    private static final ThreadLocal<Connection> TIMED = new ThreadLocal<>();

    private PgCopy() {
    }

    /**
     * The {@code COPY} statement that writes what the one-row insert writes, when every value of the insert is a
     * parameter; empty otherwise (a constant, an expression, a sub-query).
     */
    static Optional<String> copyOf(String insert) {
        Matcher m = INSERT.matcher(insert.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] values = m.group(3).split(",");
        String[] columns = m.group(2).split(",");
        if (values.length != columns.length) {
            return Optional.empty();
        }
        for (String v : values) {
            if (!PARAMETER.matcher(v.strip()).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of("COPY " + m.group(1) + " (" + m.group(2) + ") FROM STDIN");
    }

    /**
     * Copies the rows, each with a value per column of the statement, in order (the values {@link Jdbc#bind} takes).
     *
     * @return false when the connection is not pgjdbc's (then nothing was written and the caller inserts instead)
     */
    static boolean copy(Connection c, String copy, List<Object[]> rows) throws SQLException {
        if (!c.isWrapperFor(PGConnection.class)) {
            return false;
        }
        if (TIMED.get() == c) { // statement_timeout already set for the work this COPY is part of
            copyIn(c, copy, rows);
            return true;
        }
        int timeout = queryTimeout(c);
        if (timeout == 0) {
            copyIn(c, copy, rows);
            return true;
        }
        // COPY runs no JDBC statement, so the statement's timeout does not reach it: the same timeout as the
        // server's statement_timeout while it runs (local to the transaction when there is one), restored after
        boolean local = !c.getAutoCommit();
        String before = setTimeout(c, Long.toString(timeout * 1000L), local);
        try {
            copyIn(c, copy, rows);
        } catch (SQLException | RuntimeException e) {
            if (!local) { // in a transaction the failure aborted it, and its rollback undoes the SET LOCAL
                try {
                    setTimeout(c, before, false);
                } catch (SQLException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        setTimeout(c, before, local);
        return true;
    }

    /** The store's query timeout, in seconds, set on every statement it creates. */
    private static int queryTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.getQueryTimeout();
        }
    }

    /**
     * Runs work of a transaction that makes several COPYs (a bulk chunk's contacts, leads, timeline, tasks) with
     * {@code statement_timeout} set to the store's query timeout once for all of them, local to the transaction,
     * and restored after: each COPY would otherwise set and restore it itself, two more waits for the server per
     * COPY. The work's other statements carry the same timeout twice meanwhile (the driver's and the server's).
     * Outside a transaction, without a query timeout or on a connection not pgjdbc's, the work just runs.
     */
    static <T> T withOneTimeout(Connection c, SqlWork<T> work) throws SQLException {
        if (TIMED.get() == c || c.getAutoCommit() || !c.isWrapperFor(PGConnection.class)) {
            return work.run(c);
        }
        int timeout = queryTimeout(c);
        if (timeout == 0) {
            return work.run(c);
        }
        String before = setTimeout(c, Long.toString(timeout * 1000L), true);
        T result;
        TIMED.set(c);
        try {
            result = work.run(c);
        } catch (SQLException | RuntimeException | Error e) {
            TIMED.remove();
            try { // a failed statement aborted the transaction, whose rollback undoes the SET LOCAL: then this fails
                setTimeout(c, before, true);
            } catch (SQLException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        TIMED.remove();
        setTimeout(c, before, true);
        return result;
    }

    /**
     * Sends the rows as COPY text in blocks of about {@value #BLOCK} chars, each block written as the rows before it
     * are on their way: the server parses and inserts a block's rows while the next block is built, instead of
     * waiting for the text of the whole chunk. A block ends at a row's end and is encoded whole (pgjdbc's
     * {@code copyIn(sql, Reader)} encodes each 65,536-char block alone, so an emoji, a surrogate pair, split by a
     * block boundary would be stored as "??"); bytes are sent as they are.
     */
    private static void copyIn(Connection c, String copy, List<Object[]> rows) throws SQLException {
        copyIn(c, connection -> connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy), rows, UTF8);
    }

    /**
     * {@link #copyIn(Connection, String, List)} with the COPY that {@code opening} starts when the first block is
     * built, and buffers from {@code pool}, which get them back at the end, after a failure too (tests fail a COPY
     * here without a server).
     */
    static void copyIn(Connection c, SqlWork<CopyIn> opening, List<Object[]> rows, Utf8Pool pool)
            throws SQLException {
        // the COPY starts with the first block, built before it: a value copyIn cannot write (a programming error)
        // fails there, before the server was asked anything, so the transaction is not aborted (review of t17-pg1m)
        CopyIn in = null;
        Utf8Blocks utf8 = pool.take();
        try {
            StringBuilder text = new StringBuilder(BLOCK + BLOCK / 4);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    append(text, row[i]);
                }
                text.append('\n');
                if (text.length() >= BLOCK) {
                    in = in != null ? in : opening.run(c); // kept before the write, which the catch may cancel
                    utf8.send(in, text);
                }
            }
            in = in != null ? in : opening.run(c);
            if (text.length() > 0) {
                utf8.send(in, text);
            }
            in.endCopy();
        } catch (SQLException | RuntimeException | Error e) {
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        } finally {
            pool.giveBack(utf8);
        }
    }

    /** The chars of COPY text {@link #copyIn} builds before it sends them: a few blocks for a bulk chunk's table. */
    static final int BLOCK = 16_384;

    /** How many sets of COPY buffers {@link #UTF8} keeps: a COPY when all are taken encodes into its own. */
    static final int POOLED = 8;

    /**
     * The buffers COPYs take for their blocks and give back after: at most {@value #POOLED} sets of 160 KiB kept for
     * the JVM, whatever the number of threads that ever ran a COPY (kept by each such thread, a host's 200 request
     * threads held 32 MiB).
     */
    private static final Utf8Pool UTF8 = new Utf8Pool(POOLED);

    /**
     * A bounded pool of {@link Utf8Blocks}: a COPY takes one for all its blocks and gives it back at its end, so the
     * buffers serve every COPY in turn while no more than {@code size} are kept; a COPY that finds none takes new
     * buffers, dropped after it when the pool is full again. Thread-safe (one compare-and-set a slot, no lock).
     */
    static final class Utf8Pool {
        private final AtomicReferenceArray<Utf8Blocks> kept;

        Utf8Pool(int size) {
            kept = new AtomicReferenceArray<>(size);
        }

        /** Buffers kept for no other COPY now, or new ones when none is kept. */
        Utf8Blocks take() {
            for (int i = 0; i < kept.length(); i++) {
                Utf8Blocks blocks = kept.get(i);
                if (blocks != null && kept.compareAndSet(i, blocks, null)) {
                    return blocks;
                }
            }
            return new Utf8Blocks();
        }

        /** Keeps the buffers for the next COPY, or drops them when the pool is full. */
        void giveBack(Utf8Blocks blocks) {
            for (int i = 0; i < kept.length(); i++) {
                if (kept.get(i) == null && kept.compareAndSet(i, null, blocks)) {
                    return;
                }
            }
        }

        /** How many buffers are kept now. */
        int size() {
            int n = 0;
            for (int i = 0; i < kept.length(); i++) {
                n += kept.get(i) != null ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * Encodes blocks of COPY text as UTF-8 into buffers that the blocks of COPYs share in turn ({@link Utf8Pool}): a
     * String and a byte array of each block were the largest allocation of a bulk chunk's capture on PostgreSQL. The
     * bytes are those of {@code text.toString().getBytes(UTF_8)}: an unpaired surrogate becomes {@code ?}, as there. A
     * block much longer than {@link #BLOCK} (a long value in its last row) gets buffers of its own, so the buffers
     * kept are a few blocks' worth. Not thread-safe (one COPY's at a time). A kept set still holds its last block's
     * text (personal data) until the next COPY that takes it overwrites it: it is reachable from nowhere outside
     * this class, and no COPY reads what it did not write.
     */
    static final class Utf8Blocks {
        private static final int KEPT = 2 * BLOCK; // 160 KiB of buffers

        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final char[] chars = new char[KEPT];
        private final ByteBuffer bytes = ByteBuffer.allocate(3 * KEPT);

        /** Writes the text's UTF-8 bytes to the COPY and empties the text. */
        void send(CopyIn to, StringBuilder text) throws SQLException {
            int n = text.length();
            char[] from = n <= KEPT ? chars : new char[n];
            ByteBuffer out = n <= KEPT ? bytes : ByteBuffer.allocate(3 * n); // at most 3 bytes a char in UTF-8
            text.getChars(0, n, from, 0);
            text.setLength(0);
            encoder.reset();
            out.clear();
            CoderResult result = encoder.encode(CharBuffer.wrap(from, 0, n), out, true);
            if (!result.isUnderflow() || !encoder.flush(out).isUnderflow()) {
                throw new IllegalStateException("COPY text did not fit 3 bytes a char: " + result);
            }
            to.writeToCopy(out.array(), 0, out.position());
        }
    }

    /** Sets the session's (or transaction's) statement_timeout and returns the one it had. */
    private static String setTimeout(Connection c, String value, boolean local) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT current_setting('statement_timeout'), set_config('statement_timeout', ?, ?)")) {
            ps.setQueryTimeout(0); // this one must not be cut short by the driver
            ps.setString(1, value);
            ps.setBoolean(2, local);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Jdbc.Null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(out, s);
        } else if (value instanceof Instant t) {
            // pgjdbc sends a time rounded half up to the microsecond; so does this
            IsoTimes.append(out, Instant.ofEpochSecond(t.getEpochSecond(), (t.getNano() + 500L) / 1000 * 1000));
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof UUID || value instanceof Long || value instanceof Integer
                || value instanceof LocalDate) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else {
            throw new IllegalArgumentException("cannot copy a " + (value == null ? "null"
                    : value.getClass().getName()) + "; use a Jdbc.Null for an absent value");
        }
    }

    /** Text as COPY's text format reads it: backslash, tab, line feed and carriage return escaped. */
    private static void escape(StringBuilder out, String s) {
        if (plain(s)) { // most text has none of them: appended whole
            out.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    /** Whether the text has nothing COPY's text format escapes. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return false;
            }
        }
        return true;
    }
}
