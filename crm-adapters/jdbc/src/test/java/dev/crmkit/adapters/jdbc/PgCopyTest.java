package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows written with {@code COPY} on PostgreSQL ({@link PgCopy}, used by {@link Jdbc#insertRows} for several rows) read
 * back exactly as rows written with a plain insert: text with COPY's own escape characters, and times with
 * nanoseconds, which both paths round to the microsecond the same way.
 */
class PgCopyTest {

    private static final String[] TEXTS = {"back\\slash \\N \\. end\\", "tab\there", "line\nfeed\n",
        "carriage\rreturn", "\\N", "Zoë \"Z\" 李 😀 \u2028 \u0001", "", " trailing ", "a,b;c|d'e"};
    private static final Instant[] TIMES = {Instant.parse("2026-03-02T08:00:00.123456500Z"),
        Instant.parse("2026-03-02T08:00:00.999999700Z"), Instant.parse("2026-03-02T08:00:00.000000499Z"),
        Instant.parse("1969-12-31T23:59:59.999999500Z"), Instant.parse("2026-03-02T08:00:00Z")};

    @Test
    void copiedRows_readBackAsInsertedRows_withHostileTextAndNanoseconds() {
        JdbcCrmStore copied = TestDatabase.POSTGRESQL.freshStore("copy_");
        JdbcCrmStore inserted = TestDatabase.POSTGRESQL.freshStore("insert_");
        List<Activity> all = new ArrayList<>();
        for (int i = 0; i < Math.max(TEXTS.length * 2, PgCopy.MIN_ROWS); i++) {
            all.add(Activity.system(new ActivityId(new UUID(7, i)), i + TEXTS[i % TEXTS.length],
                    TEXTS[(i + 1) % TEXTS.length], Set.of(new RecordRef(RecordType.LEAD, new UUID(9, i % 3))),
                    TIMES[i % TIMES.length]));
        }

        ((JdbcActivities) copied.activities()).appendAll(all); // at least MIN_ROWS rows: one COPY per table
        all.forEach(inserted.activities()::append); // one row: a plain insert each

        for (Activity a : all) {
            Activity viaCopy = copied.activities().findById(a.id()).orElseThrow();
            assertEquals(inserted.activities().findById(a.id()).orElseThrow(), viaCopy);
            assertEquals(a.subject(), viaCopy.subject());
            assertEquals(a.body(), viaCopy.body());
        }
        assertEquals(Instant.parse("2026-03-02T08:00:01Z"),
                copied.activities().findById(all.get(1).id()).orElseThrow().occurredAt(), "rounded half up");
    }

    /**
     * pgjdbc reads a {@code Reader} in blocks of 65,536 chars and encodes each block alone, so a surrogate pair split
     * by a block boundary would come back as two {@code ?}: the rows are sent as bytes encoded once. The first row's
     * text starts the COPY text, so its emoji straddle every boundary; the others start at an odd place
     * of it too (rows 280,002, 420,006 and 520,010 chars in, then an odd prefix): nine boundaries are split.
     */
    @Test
    void copiedText_keepsEmojiThatStraddleTheDriversBlockBoundaries() throws Exception {
        List<String> texts = List.of("x" + "\uD83D\uDE00".repeat(140_000), "yyy" + "\uD83D\uDE00".repeat(70_000),
                "abc" + "\uD83E\uDD84".repeat(50_000), "z\\" + "\uD83D\uDE00".repeat(40_000));
        List<String> back = copiedBack(texts);
        assertEquals(texts.size(), back.size());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i).length(), back.get(i).length(), "row " + i);
            assertTrue(texts.get(i).equals(back.get(i)), "row " + i + " changed, first '?' at "
                    + back.get(i).indexOf('?'));
        }
    }

    /**
     * The COPY text goes out in blocks of about {@link PgCopy#BLOCK} chars, each ending at a row's end: many short rows
     * (escapes and emoji in each) over many blocks come back every one, in order, none twice, the last partial block
     * included.
     */
    @Test
    void copiedRows_overManyBlocks_comeBackEachOnceInOrder() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; texts.stream().mapToInt(String::length).sum() < PgCopy.BLOCK * 7 + 5; i++) {
            texts.add("row " + i + " \uD83D\uDE00\t\\\n" + "w".repeat(i % 97));
        }
        assertEquals(texts, copiedBack(texts));
    }

    /**
     * Review of t17-pg1m: a value COPY cannot write (a programming error) is refused before the COPY starts, so the
     * transaction it ran in is not aborted and goes on to commit what it wrote before.
     */
    @Test
    void aValueCopyCannotWrite_isRefusedBeforeTheCopyStarts_andTheTransactionGoesOn() throws Exception {
        try (Connection c = TestDatabase.POSTGRESQL.shared().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE t17fix_refused (a TEXT)");
            c.setAutoCommit(false);
            try {
                s.execute("INSERT INTO t17fix_refused VALUES ('before')");
                List<Object[]> rows = List.of(new Object[] {"fine"}, new Object[] {new StringBuilder("not a value")});
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> PgCopy.copy(c, "COPY t17fix_refused (a) FROM STDIN", rows));
                assertTrue(refused.getMessage().startsWith("cannot copy a java.lang.StringBuilder"),
                        refused.getMessage());
                c.commit(); // not aborted: the row written before stays
            } finally {
                c.setAutoCommit(true);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t17fix_refused WHERE a = 'before'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            s.execute("DROP TABLE t17fix_refused");
        }
    }

    /** The texts copied into a one-column temporary table with {@link PgCopy#copy}, read back in their order. */
    private static List<String> copiedBack(List<String> texts) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        texts.forEach(t -> rows.add(new Object[] {t}));
        try (Connection c = TestDatabase.POSTGRESQL.shared().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE t17fix_copy (n SERIAL, a TEXT)");
            assertTrue(PgCopy.copy(c, "COPY t17fix_copy (a) FROM STDIN", rows));
            List<String> back = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT a FROM t17fix_copy ORDER BY n")) {
                while (rs.next()) {
                    back.add(rs.getString(1));
                }
            }
            s.execute("DROP TABLE t17fix_copy");
            return back;
        }
    }

    @Test
    void copyOf_onlyForInsertsWhoseValuesAreAllParameters() {
        assertEquals("COPY t (a, b, c) FROM STDIN",
                PgCopy.copyOf("INSERT INTO t (a, b, c) VALUES (?, CAST(? AS jsonb), ?)").orElseThrow());
        assertTrue(PgCopy.copyOf("INSERT INTO t (a, v) VALUES (?, 1)").isEmpty(), "a constant");
        assertTrue(PgCopy.copyOf("INSERT INTO t (a, s) VALUES (?, (SELECT seq FROM u WHERE id = ?))").isEmpty(),
                "a sub-query");
        assertTrue(PgCopy.copyOf("INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING").isEmpty(), "a clause after");
    }
}
