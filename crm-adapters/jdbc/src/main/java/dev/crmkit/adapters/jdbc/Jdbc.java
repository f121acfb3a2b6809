package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-JDBC plumbing every repository of the JDBC store shares: binding parameters by their Java type through
 * the dialect, reading rows, and keyset pages ordered by a time and an id. SQL text always comes from code with
 * {@code ?} parameters; values are never put into it.
 */
final class Jdbc {

    /** A typed SQL NULL, for parameters whose Java value is absent. */
    enum Null {
        /** An absent id. */
        UUID,
        /** An absent time. */
        INSTANT,
        /** An absent text. */
        TEXT,
        /** An absent date. */
        DATE,
        /** An absent whole number. */
        LONG,
        /** An absent decimal. */
        DECIMAL
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    final Dialect dialect;
    final Tables tables;
    final JsonCodec json;
    final JdbcTransactions tx;

    Jdbc(Dialect dialect, Tables tables, JsonCodec json, JdbcTransactions tx) {
        this.dialect = dialect;
        this.tables = tables;
        this.json = json;
        this.tx = tx;
    }

    /** SQL text with its {@code {table}} placeholders resolved. */
    String sql(String template) {
        return tables.sql(template);
    }

    /**
     * One query for a record by id that follows a merge: the row itself unless its id is merged away, else the row
     * of the survivor it resolves to. Both branches are key look-ups; bind the id three times
     * ({@link #byIdFollowingMerges(UUID)}). A look-up that read the alias first and then the row waited for the
     * database twice.
     *
     * @param table      the record's table, as in a template: {@code "contact"}
     * @param aliasTable its alias table ({@code merged_id} to {@code survivor_id}), as in a template
     */
    String selectByIdFollowingMerges(String table, String aliasTable) {
        return sql("SELECT * FROM {" + table + "} WHERE id = ? AND NOT EXISTS (SELECT 1 FROM {" + aliasTable
                + "} a WHERE a.merged_id = ?) UNION ALL SELECT t.* FROM {" + aliasTable + "} a JOIN {" + table
                + "} t ON t.id = a.survivor_id WHERE a.merged_id = ?");
    }

    /** The parameters of a {@link #selectByIdFollowingMerges} query for this id. */
    static Object[] byIdFollowingMerges(UUID id) {
        return new Object[] {id, id, id};
    }

    /** Binds parameters from index 1 by their Java type. */
    void bind(PreparedStatement ps, Object... params) throws SQLException {
        bind(ps, 1, params);
    }

    /** Binds parameters from index {@code from} on by their Java type. */
    private void bind(PreparedStatement ps, int from, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            bind(ps, from + i, params[i]);
        }
    }

    /** The values as parameters that a statement sent after others binds after theirs. */
    JdbcTransactions.Params params(Object... values) {
        return new JdbcTransactions.Params() {
            @Override
            public int count() {
                return values.length;
            }

            @Override
            public void bind(PreparedStatement ps, int from) throws SQLException {
                Jdbc.this.bind(ps, from, values);
            }
        };
    }

    /**
     * Keys bound as one PostgreSQL array parameter ({@code CAST(? AS text[])}, {@code uuid[]}): a statement that takes
     * a chunk's keys this way has one text whatever their number, so the driver and the server parse and plan it once
     * and reuse it (see {@link JdbcCaptureBatches.Lookup}).
     *
     * @param type the array's element type, as PostgreSQL names it
     * @param keys the keys, each of a type the driver writes as that element type
     */
    record KeyArray(String type, java.util.List<?> keys) {
    }

    /** Binds one parameter by its Java type; {@link Optional}s bind their value or a NULL of the given kind. */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof UUID u) {
            dialect.setUuid(ps, index, u);
        } else if (value instanceof Instant t) {
            dialect.setInstant(ps, index, t);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (value instanceof LocalDate d) {
            ps.setObject(index, d);
        } else if (value instanceof KeyArray a) {
            ps.setArray(index, ps.getConnection().createArrayOf(a.type(), a.keys().toArray()));
        } else if (value instanceof Null n) {
            switch (n) {
                case UUID -> dialect.setUuid(ps, index, null);
                case INSTANT -> dialect.setInstant(ps, index, null);
                case TEXT -> ps.setNull(index, Types.VARCHAR);
                case DATE -> ps.setNull(index, Types.DATE);
                case LONG -> ps.setNull(index, Types.BIGINT);
                case DECIMAL -> ps.setNull(index, Types.DECIMAL);
                default -> throw new IllegalStateException(n.name());
            }
        } else {
            throw new IllegalArgumentException("cannot bind a " + (value == null ? "null" : value.getClass().getName())
                    + "; use a Jdbc.Null for an absent value");
        }
    }

    /** A text parameter: the value, or a text NULL when absent. */
    static Object text(Optional<String> value) {
        return value.<Object>map(v -> v).orElse(Null.TEXT);
    }

    /**
     * Runs one statement for each row of values, in JDBC batches of a thousand.
     *
     * @return the rows the statements changed, as {@link #batch(Connection, String, List, java.util.function.Function)}
     */
    int batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        return batch(c, sql, rows, row -> row);
    }

    /**
     * Runs one statement for each of the rows as JDBC batches of a thousand (a multi-row write where the driver makes
     * one of it); one plain statement for one row, nothing for none.
     *
     * @param params the parameters of a row
     * @return the rows the statements changed, as the driver counts them; -1 when it counted some without saying how
     *         many ({@link java.sql.Statement#SUCCESS_NO_INFO}, as a driver that rewrites a batch may)
     */
    <R> int batch(Connection c, String sql, List<R> rows, java.util.function.Function<R, Object[]> params)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        if (rows.size() == 1) { // one statement: its error is the plain one of the driver, not a batch's
            return update(c, sql, params.apply(rows.get(0)));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            int changed = 0;
            for (R row : rows) {
                bind(ps, params.apply(row));
                ps.addBatch();
                if (++pending == 1000) {
                    changed = counted(changed, ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                changed = counted(changed, ps.executeBatch());
            }
            return changed;
        }
    }

    /** The running count of {@link #batch} with a batch's counts added; -1 once any is unknown. */
    private static int counted(int sofar, int[] counts) {
        int sum = sofar;
        for (int n : counts) {
            if (sum < 0 || n < 0) {
                sum = -1;
            } else {
                sum += n;
            }
        }
        return sum;
    }

    /** The most parameters a multi-row insert binds (PostgreSQL and MariaDB take 65,535). */
    private static final int MULTI_ROW_PARAMS = 16_000;

    /** The {@code COPY} of each one-row insert given to {@link #insertRows} on PostgreSQL, where it has one. */
    private final java.util.Map<String, Optional<String>> copies = new java.util.concurrent.ConcurrentHashMap<>();

    /** The most rows a multi-row insert writes. */
    private static final int MULTI_ROW_ROWS = 1000;

    /**
     * The most data (chars of text, bytes of binaries; 16 for any other value) a multi-row statement carries:
     * MariaDB Connector/J inlines the values into one packet, which the server refuses beyond its
     * {@code max_allowed_packet} (16 MB by default), and refuses again on every retry. 4 M chars are at most 12 MB of
     * UTF-8, 16 MB if every char were escaped; a single row larger than this still goes alone.
     */
    static final long MULTI_ROW_DATA = 4L << 20;

    /**
     * The end (exclusive) of the rows from {@code from} that one multi-row statement writes: at most {@code maxRows}
     * rows and at most {@value #MULTI_ROW_DATA} of data ({@link #MULTI_ROW_DATA}), at least one row.
     */
    static int statementEnd(List<Object[]> rows, int from, int maxRows) {
        int end = Math.min(rows.size(), from + maxRows);
        long data = 0;
        for (int i = from; i < end; i++) {
            for (Object value : rows.get(i)) {
                data += value instanceof String s ? s.length() : value instanceof byte[] b ? b.length : 16;
            }
            if (data > MULTI_ROW_DATA && i > from) {
                return i;
            }
        }
        return end;
    }

    /**
     * Inserts the rows with multi-row {@code INSERT ... VALUES (..), (..), ...} statements, as many rows a statement as
     * {@value #MULTI_ROW_PARAMS} parameters allow (at most {@value #MULTI_ROW_ROWS}, and at most
     * {@value #MULTI_ROW_DATA} chars of data, see {@link #statementEnd}): one statement, and one
     * execution in the database, for hundreds of rows, whatever the driver does with batches; on PostgreSQL, when
     * every value is a parameter and there are at least {@link PgCopy#MIN_ROWS} rows, one {@code COPY} through
     * pgjdbc's {@code CopyManager} instead ({@link PgCopy}); on MariaDB one JDBC batch, which the driver sends as one
     * bulk command ({@link #bulkInsert}). One row is one plain statement, none is nothing.
     *
     * @param insert a one-row insert ending with its {@code VALUES (...)}, nothing after it
     * @throws IllegalArgumentException when {@code insert} is not of that form
     */
    void insertRows(Connection c, String insert, List<Object[]> rows) throws SQLException {
        insertRows(c, insert, "", rows);
    }

    /**
     * {@link #insertRows(Connection, String, List)} with a clause after the {@code VALUES} list of every statement
     * ({@code ON CONFLICT ...}, {@code ON DUPLICATE KEY UPDATE ...}); never a {@code COPY} when there is one.
     *
     * @param tail the clause, with a leading space, or empty
     */
    void insertRows(Connection c, String insert, String tail, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() == 1) {
            update(c, insert + tail, rows.get(0));
            return;
        }
        if (dialect == Dialect.POSTGRESQL && tail.isEmpty() && rows.size() >= PgCopy.MIN_ROWS) {
            Optional<String> copy = copies.computeIfAbsent(insert, PgCopy::copyOf);
            if (copy.isPresent() && PgCopy.copy(c, copy.get(), rows)) {
                return;
            }
        }
        if (dialect == Dialect.MARIADB && tail.isEmpty()) {
            bulkInsert(c, insert, rows);
            return;
        }
        int at = insert.lastIndexOf(" VALUES (");
        if (at < 0 || !insert.endsWith(")")) {
            throw new IllegalArgumentException("not a one-row insert ending with its VALUES: " + insert);
        }
        String head = insert.substring(0, at + " VALUES ".length());
        String row = insert.substring(at + " VALUES ".length());
        int perStatement = Math.max(1, Math.min(MULTI_ROW_ROWS, MULTI_ROW_PARAMS / Math.max(1, rows.get(0).length)));
        String full = null;
        for (int from = 0, to; from < rows.size(); from = to) {
            to = statementEnd(rows, from, perStatement);
            List<Object[]> part = rows.subList(from, to);
            String sql;
            if (part.size() == perStatement && full != null) {
                sql = full;
            } else {
                sql = head + String.join(", ", Collections.nCopies(part.size(), row)) + tail;
                if (part.size() == perStatement) {
                    full = sql;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int index = 1;
                for (Object[] values : part) {
                    for (Object value : values) {
                        bind(ps, index++, value);
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    /**
     * MariaDB: the rows of a one-row insert as one JDBC batch, which MariaDB Connector/J 3 sends as one
     * {@code COM_STMT_BULK_EXECUTE} of the statement prepared on the server (its {@code useBulkStmtsForInserts}, on by
     * default): the values go in binary, the server parses the statement once and runs it for every row, in one round
     * trip, the driver splitting the command where {@code max_allowed_packet} requires. Paired on the loaded machine
     * against the multi-row {@code INSERT} text of {@link #insertRows} (500 rows of 25 columns, 30 alternations):
     * 83 ms against 128 ms a statement, and a chunk's 1,100 to 1,700 about-rows and outbox rows go in one command
     * instead of two statements. Update counts are not read: an insert that fails raises, and that is all callers use.
     * With the driver's bulk command turned off in the URL, the batch goes as statements the driver pipelines.
     */
    private void bulkInsert(Connection c, String insert, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Object[] values : rows) {
                bind(ps, values);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * MariaDB: writes rows of a table, each found by its id at the version expected, with multi-row
     * {@code UPDATE t FORCE INDEX (PRIMARY) STRAIGHT_JOIN (SELECT ... UNION ALL SELECT ...) v ON t.id = v.id AND
     * t.version = v.expected SET ... WHERE t.id IN (...)} statements (as many rows a statement as {@link #insertRows}
     * puts in one): one statement, and one execution in the database, for hundreds of rows where a JDBC batch is one
     * statement a row. The ids are compared as the key column's {@code ascii_bin}, so each row is found through the
     * primary key, and locked as found, the row's id among the statement's.
     *
     * <p>The table is read first, by its primary key over the ids (the IN list; {@code FORCE INDEX} keeps it from a
     * scan of a small table, which would lock every row it read), and the rows' values joined to it: MariaDB then
     * writes each row as it reads it. Joined the other way round (the values read first, the table probed per row, the
     * plan before), a multi-table update that does not read the updated table first keeps each row's new values in a
     * temporary table and writes them after the join, and with a text column set (a JSON column is {@code LONGTEXT})
     * that table is an Aria table on disk: one a chunk ({@code Created_tmp_disk_tables}), and about 40% more of the
     * server's CPU for 500 rows ({@code SHOW PROFILE}: 5.1-5.8 ms against 2.7-3.7 ms).
     *
     * <p>Each table row's values are then found through the derived table's own key ({@code key0}): no row read in
     * sequence for 500 rows ({@code JoinedUpdateTest}), although {@code EXPLAIN} shows the derived table read whole
     * ({@code ALL}, 2 rows estimated, as explained unfilled). Its rows as a table value constructor ({@code VALUES})
     * are estimated right but cost one more temporary table and a read of each row.
     *
     * @param update a one-row {@code UPDATE {table} SET a = ?, b = ?, ... WHERE id = ? AND version = ?} (every SET
     *               value a bare parameter, as {@link Dialect#json()} is on MariaDB), keyed on {@code id}, which must
     *               be the table's primary key ({@code FORCE INDEX (PRIMARY)} reads the table by it: a key column
     *               only UNIQUE would be read through the wrong index, a scan locking every row it reads)
     * @param rows   each row's parameters of {@code update}, in its order
     * @return the rows found (each at its expected version) and written
     * @throws IllegalArgumentException when {@code update} is not of that form (its key another column than
     *                                  {@code id} included) or the dialect is not MariaDB
     */
    int updateRows(Connection c, String update, List<Object[]> rows) throws SQLException {
        if (dialect != Dialect.MARIADB) {
            throw new IllegalArgumentException("a joined update is MariaDB's, not " + dialect);
        }
        int columns = updateRowsSql(update, 1).split("\\?", -1).length - 1;
        int perStatement = Math.max(1, Math.min(MULTI_ROW_ROWS, MULTI_ROW_PARAMS / columns));
        int written = 0;
        for (int from = 0, to; from < rows.size(); from = to) {
            to = statementEnd(rows, from, perStatement);
            List<Object[]> part = rows.subList(from, to);
            written += update(c, updateRowsSql(update, part.size()), updateRowsParams(part).toArray());
        }
        return written;
    }

    /**
     * The parameters of {@link #updateRowsSql} for these rows: each row's parameters of the one-row update in turn,
     * then each row's id (the one before last) for the IN list.
     */
    static List<Object> updateRowsParams(List<Object[]> rows) {
        List<Object> params = new ArrayList<>(rows.size() * (rows.isEmpty() ? 0 : rows.get(0).length + 1));
        rows.forEach(values -> params.addAll(java.util.Arrays.asList(values)));
        rows.forEach(values -> params.add(values[values.length - 2]));
        return params;
    }

    /**
     * A one-row update by id and version (as {@link #updateRows} takes) setting only the columns {@code kept} marks,
     * in the order of its SET list; the id and version condition as it was.
     *
     * @param update a one-row {@code UPDATE {table} SET a = ?, b = ?, ... WHERE id = ? AND version = ?}
     * @param kept   for each column of the SET list, whether to keep it
     * @throws IllegalArgumentException when {@code update} is not of that form or {@code kept} not one per column
     */
    static String withSetsOf(String update, boolean[] kept) {
        Matcher m = ONE_ROW_UPDATE.matcher(update);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a one-row update by id and version: " + update);
        }
        String[] sets = m.group(2).split(", ");
        if (sets.length != kept.length) {
            throw new IllegalArgumentException(sets.length + " columns set, " + kept.length + " expected: " + update);
        }
        List<String> set = new ArrayList<>(sets.length);
        for (int i = 0; i < sets.length; i++) {
            if (kept[i]) {
                set.add(sets[i]);
            }
        }
        return "UPDATE " + m.group(1) + " SET " + String.join(", ", set) + " WHERE " + m.group(3) + " = ? AND "
                + m.group(4) + " = ?";
    }

    /** The statement of {@link #updateRows} for {@code n} rows. */
    static String updateRowsSql(String update, int n) {
        Matcher m = ONE_ROW_UPDATE.matcher(update);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a one-row update by id and version: " + update);
        }
        if (!m.group(3).equals("id")) { // every crmkit table's primary key is its id
            throw new IllegalArgumentException("the key of a joined update must be the primary key id (FORCE INDEX "
                    + "(PRIMARY)), not " + m.group(3) + ": " + update);
        }
        String[] sets = m.group(2).split(", ");
        StringBuilder first = new StringBuilder("SELECT ");
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < sets.length; i++) {
            if (!sets[i].matches("\\w+ = \\?")) {
                throw new IllegalArgumentException("not a bare parameter: " + sets[i] + " in " + update);
            }
            String column = sets[i].substring(0, sets[i].length() - " = ?".length());
            first.append("? AS bulk_").append(i).append(", ");
            set.append(i == 0 ? "" : ", ").append("t.").append(column).append(" = v.bulk_").append(i);
        }
        String id = "CONVERT(? USING ascii) COLLATE ascii_bin";
        first.append(id).append(" AS bulk_id, ? AS bulk_expected");
        String next = " UNION ALL SELECT " + String.join(", ", Collections.nCopies(sets.length, "?")) + ", " + id
                + ", ?";
        return "UPDATE " + m.group(1) + " t FORCE INDEX (PRIMARY) STRAIGHT_JOIN (" + first + next.repeat(n - 1)
                + ") v ON t." + m.group(3) + " = v.bulk_id AND t." + m.group(4) + " = v.bulk_expected SET " + set
                + " WHERE t." + m.group(3) + " IN (" + String.join(", ", Collections.nCopies(n, id)) + ")";
    }

    /**
     * PostgreSQL: writes rows of a table, each found by its id at the version expected, with multi-row
     * {@code WITH v (p0, ..., id, expected) AS (VALUES (..), (..), ...) UPDATE t SET a = v.p0, ... FROM v WHERE t.id =
     * v.id AND t.version = v.expected AND t.id = ANY (ARRAY(SELECT id FROM v))} statements (as many rows a statement
     * as {@link #insertRows} puts in one): one statement, and one execution in the database, for hundreds of rows
     * where a JDBC batch is one statement a row. The join alone is the planner's to choose: with the rows' ids
     * visible to it (as {@code VALUES} or a bound array) it hashes the whole table when that looks cheaper than a
     * probe per id, as it did for a 20,000-row table never analyzed and 500 rows. The ids as an array of a sub-query
     * are an index condition on the primary key whose length the planner cannot see (it assumes a few), so the table
     * is read by probes of the primary key whatever its size and statistics ({@code BulkLookupPlanTest}). The first
     * row of the {@code VALUES} list casts each value to its type, so a column that is NULL in every row still has
     * one.
     *
     * @param update a one-row {@code UPDATE {table} SET a = ?, b = CAST(? AS jsonb), ... WHERE id = ? AND
     *               version = ?} (every SET value one parameter, bare or inside an expression)
     * @param types  the PostgreSQL type of each parameter of {@code update}, in its order (the SET values, the id,
     *               the version): a value the SET expression casts is sent as {@code text}
     * @param rows   each row's parameters of {@code update}, in its order
     * @return the rows found (each at its expected version) and written
     * @throws IllegalArgumentException when {@code update} is not of that form, the types do not match its
     *                                  parameters, or the dialect is not PostgreSQL
     */
    int updateRowsById(Connection c, String update, List<String> types, List<Object[]> rows) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("an update joined to VALUES is PostgreSQL's, not " + dialect);
        }
        int perStatement = Math.max(1, Math.min(MULTI_ROW_ROWS, MULTI_ROW_PARAMS / types.size()));
        int written = 0;
        for (int from = 0, to; from < rows.size(); from = to) {
            to = statementEnd(rows, from, perStatement);
            List<Object[]> part = rows.subList(from, to);
            List<Object> params = new ArrayList<>(part.size() * types.size());
            part.forEach(values -> params.addAll(java.util.Arrays.asList(values)));
            written += update(c, updateRowsByIdSql(update, types, part.size()), params.toArray());
        }
        return written;
    }

    /** The statement of {@link #updateRowsById} for {@code n} rows. */
    static String updateRowsByIdSql(String update, List<String> types, int n) {
        Matcher m = ONE_ROW_UPDATE.matcher(update);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a one-row update by id and version: " + update);
        }
        String[] sets = m.group(2).split(", ");
        if (types.size() != sets.length + 2) {
            throw new IllegalArgumentException(types.size() + " types for the " + (sets.length + 2)
                    + " parameters of " + update);
        }
        StringBuilder set = new StringBuilder();
        List<String> names = new ArrayList<>(types.size());
        for (int i = 0; i < sets.length; i++) {
            String[] columnAndValue = sets[i].split(" = ", 2);
            if (columnAndValue.length != 2 || !columnAndValue[0].matches("\\w+")
                    || columnAndValue[1].indexOf('?') != columnAndValue[1].lastIndexOf('?')
                    || columnAndValue[1].indexOf('?') < 0) {
                throw new IllegalArgumentException("not a column set to one parameter: " + sets[i] + " in " + update);
            }
            names.add("p" + i);
            set.append(i == 0 ? "" : ", ").append(columnAndValue[0]).append(" = ")
                    .append(columnAndValue[1].replace("?", "v.p" + i));
        }
        names.add("bulk_id");
        names.add("bulk_expected");
        StringBuilder typed = new StringBuilder("(");
        for (int i = 0; i < types.size(); i++) {
            typed.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(types.get(i)).append(")");
        }
        typed.append(")");
        String row = "(" + String.join(", ", Collections.nCopies(types.size(), "?")) + ")";
        return "WITH v (" + String.join(", ", names) + ") AS (VALUES " + typed + (", " + row).repeat(n - 1)
                + ") UPDATE " + m.group(1) + " t SET " + set + " FROM v WHERE t." + m.group(3) + " = v.bulk_id AND t."
                + m.group(4) + " = v.bulk_expected AND t." + m.group(3) + " = ANY (ARRAY(SELECT bulk_id FROM v))";
    }

    /** {@code UPDATE table SET sets WHERE key = ? AND version = ?}. */
    private static final Pattern ONE_ROW_UPDATE = Pattern.compile(
            "UPDATE (\\w+) SET (.+) WHERE (\\w+) = \\? AND (\\w+) = \\?");

    /**
     * PostgreSQL: several small inserts as one statement, one round trip: every insert but the last becomes a
     * data-modifying {@code WITH} clause of the last (PostgreSQL runs each of them once, all or none). Each insert is a
     * one-row insert ending with its {@code VALUES (...)} and writes its rows as one multi-row {@code VALUES} list;
     * inserts without rows are left out. Keep the rows few (a statement binds at most 32,767 parameters).
     *
     * @param inserts the inserts, in the order they should run
     * @param rows    each insert's rows
     */
    void insertAsOne(Connection c, List<String> inserts, List<List<Object[]>> rows) throws SQLException {
        insertAsOne(c, JdbcTransactions.Leading.none(), inserts, rows);
    }

    /**
     * {@link #insertAsOne(Connection, List, List)} with a write's savepoint commands in front of the statement, in the
     * same round trip (see {@link JdbcTransactions#writeInOne}).
     */
    void insertAsOne(Connection c, JdbcTransactions.Leading leading, List<String> inserts, List<List<Object[]>> rows)
            throws SQLException {
        int[] counts = new int[inserts.size()];
        int length = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = rows.get(i).size();
            for (Object[] row : rows.get(i)) {
                length += row.length;
            }
        }
        Object[] params = new Object[length];
        int at = 0;
        for (List<Object[]> values : rows) {
            for (Object[] row : values) {
                System.arraycopy(row, 0, params, at, row.length);
                at += row.length;
            }
        }
        // a checked statement in front that takes inserts (a move's deal update): they go into it, one statement
        JdbcTransactions.Checked into = leading.foldableAhead();
        String checked = into == null ? null : into.sql();
        // the text depends on the inserts, their row counts and that statement only: kept, not built again for every
        // unit; the key keeps its own copy of the texts: a caller's list may change after the call
        String sql = insertTexts.text(new InsertsAsOne(List.copyOf(inserts), java.util.Arrays.toString(counts),
                checked), () -> checked == null ? insertAsOneSql(inserts, counts)
                : foldedSql(inserts, counts, checked));
        if (checked == null) {
            leading.execute(c, sql, params(params)); // after any checked statements in front
        } else {
            leading.executeFolded(c, sql, params(params));
        }
    }

    /** The texts of {@link #insertAsOne}, by their inserts, row counts and the checked statement they go into. */
    private final SqlTexts insertTexts = new SqlTexts();

    /**
     * What a text of {@link #insertAsOne} is made of: the inserts, their row counts (as text) and the checked statement
     * they go into (null: none).
     */
    private record InsertsAsOne(List<String> inserts, String counts, String checked) {
    }

    /**
     * The inserts of {@link #insertAsOne} as common table expressions {@code f0, f1, ...} in front of those of a
     * checked statement that takes them ({@link JdbcTransactions.Checked#takesInserts}): no query reads them, so
     * PostgreSQL runs them once its main query went through (its observed order, not a documented one: see
     * {@link JdbcTransactions.Checked}). The checked text was validated where it was built
     * ({@link JdbcTransactions.Checked#takingInserts}).
     */
    private static String foldedSql(List<String> inserts, int[] counts, String checked) {
        List<String> parts = withRows(inserts, counts);
        StringBuilder sql = new StringBuilder("WITH ");
        for (int i = 0; i < parts.size(); i++) {
            sql.append('f').append(i).append(" AS (").append(parts.get(i)).append("), ");
        }
        return sql.append(checked, "WITH ".length(), checked.length()).toString();
    }

    /** Each insert with {@code counts[i]} rows, those with none left out. */
    private static List<String> withRows(List<String> inserts, int[] counts) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            if (counts[i] == 0) {
                continue;
            }
            String insert = inserts.get(i);
            int at = insert.lastIndexOf(" VALUES (");
            String row = insert.substring(at + " VALUES ".length());
            parts.add(insert.substring(0, at + " VALUES ".length())
                    + String.join(", ", Collections.nCopies(counts[i], row)));
        }
        return parts;
    }

    /** The one statement of {@link #insertAsOne}: each insert with {@code counts[i]} rows, those with none left out. */
    private static String insertAsOneSql(List<String> inserts, int[] counts) {
        List<String> parts = withRows(inserts, counts);
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < parts.size() - 1; i++) {
            sql.append(i == 0 ? "WITH " : ", ").append("w").append(i).append(" AS (").append(parts.get(i)).append(")");
        }
        sql.append(sql.length() == 0 ? "" : " ").append(parts.get(parts.size() - 1));
        return sql.toString();
    }

    /**
     * Runs work that inserts rows of several tables with {@link #insertRows}: on PostgreSQL its COPYs share one
     * setting of {@code statement_timeout} ({@link PgCopy#withOneTimeout}); elsewhere the work just runs.
     */
    <T> T insertingTables(Connection c, SqlWork<T> work) throws SQLException {
        return dialect == Dialect.POSTGRESQL ? PgCopy.withOneTimeout(c, work) : work.run(c);
    }

    /** Runs an insert, update or delete and returns its update count. */
    int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /**
     * Runs an insert made by {@link Dialect#insertIgnoring}: true when the row went in, false when its key was
     * taken — also when H2's MERGE lost a race to a concurrent insert and raised a duplicate key (H2 rolls back only
     * that statement, so the unit of work goes on).
     */
    boolean insertIgnoring(Connection c, String sql, Object... params) throws SQLException {
        try {
            return update(c, sql, params) == 1;
        } catch (SQLException e) {
            if (dialect == Dialect.H2 && dialect.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Every row a query answers. */
    <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    /** The first row a query answers, if any. */
    <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** A count query's answer. */
    long count(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /**
     * One keyset page. {@code select} is a query ending in a WHERE clause (use {@code WHERE 1 = 1} for none) whose rows
     * carry the insertion number as a column named {@code seq}; the keyset condition and the order by
     * {@code (timeColumn, seqColumn)} are appended, so the page is read from the index on those columns however deep
     * it is, and rows with equal times come in insertion order.
     */
    <T> Page<T> page(Connection c, String select, String timeColumn, String seqColumn, boolean descending,
                     PageRequest request, RowMapper<T> mapper, Function<T, Instant> time, Object... params)
            throws SQLException {
        StringBuilder sql = new StringBuilder(select);
        List<Object> all = new ArrayList<>(List.of(params));
        if (request.after().isPresent()) {
            Cursor after = Cursor.parse(request.after().get());
            sql.append(" AND ").append(descending ? Dialect.before(timeColumn, seqColumn)
                    : Dialect.after(timeColumn, seqColumn));
            all.add(after.at());
            all.add(after.at());
            all.add(after.seq());
        }
        String direction = descending ? " DESC" : "";
        sql.append(" ORDER BY ").append(timeColumn).append(direction).append(", ").append(seqColumn).append(direction)
                .append(" LIMIT ").append(request.size() + 1);
        List<Sequenced<T>> rows = list(c, sql.toString(), Sequenced.reading(mapper), all.toArray());
        return Sequenced.page(rows, request.size(), time);
    }

    /** A row with its insertion number, the tie-breaker of lists ordered by time. */
    record Sequenced<T>(T row, long seq) {

        /** Maps a row that carries its insertion number as the column {@code seq}. */
        static <T> RowMapper<Sequenced<T>> reading(RowMapper<T> mapper) {
            return rs -> new Sequenced<>(mapper.map(rs), rs.getLong("seq"));
        }

        /** The page of {@code size} from up to {@code size + 1} rows read, with the cursor of its last row. */
        static <T> Page<T> page(List<Sequenced<T>> rows, int size, Function<T, Instant> time) {
            List<T> items = rows.stream().limit(size).map(Sequenced::row).toList();
            if (rows.size() <= size) {
                return Page.last(items);
            }
            Sequenced<T> last = rows.get(size - 1);
            return new Page<>(items, Optional.of(new Cursor(time.apply(last.row()), last.seq()).text()));
        }
    }

    /** A validated cursor before a query runs, so a bad one is refused even when the list is empty. */
    static void checkCursor(PageRequest request) {
        request.after().ifPresent(Cursor::parse);
    }

    /**
     * The rows of a table of records with an id and a version for optimistic locking ({@code UPDATE ... WHERE id = ?
     * AND version = ?}): the checks of an insert and of an update, with the messages every repository gives.
     */
    static final class Versioned {

        private final Jdbc jdbc;
        private final String noun;
        private final String versionOf;

        /**
         * @param table the table, with a primary key {@code id} and a column {@code version}
         * @param noun  what a row is, as the messages name it ("contact")
         */
        Versioned(Jdbc jdbc, String table, String noun) {
            this.jdbc = jdbc;
            this.noun = noun;
            this.versionOf = jdbc.sql("SELECT version FROM {" + table + "} WHERE id = ?");
        }

        /** Refuses a record to insert whose version is not 0. */
        void checkNew(Object id, long version) {
            if (version != 0) {
                throw new IllegalArgumentException("a new " + noun + " has version 0, " + id + " has " + version);
            }
        }

        /** Refuses to insert a record whose id is already stored. */
        void checkNotStored(Connection c, Object id, UUID key) throws SQLException {
            if (jdbc.one(c, versionOf, rs -> rs.getLong(1), key).isPresent()) {
                throw new IllegalArgumentException(noun + " " + id + " is already stored");
            }
        }

        /**
         * Runs a versioned update; when it changes no row, throws {@link NoSuchElementException} if the record is
         * missing and {@link StaleVersionException} if its version moved on.
         */
        void update(Connection c, String sql, Object[] values, Object id, UUID key, long version)
                throws SQLException {
            if (jdbc.update(c, sql, values) == 0) {
                refuse(c, id, key, version);
            }
        }

        /**
         * Throws why a versioned update matched no row.
         *
         * @throws NoSuchElementException if the record is missing
         * @throws StaleVersionException  otherwise: its version moved on
         */
        void refuse(Connection c, Object id, UUID key, long version) throws SQLException {
            if (jdbc.one(c, versionOf, rs -> rs.getLong(1), key).isEmpty()) {
                throw missing(id);
            }
            throw stale(id, version);
        }

        /** The refusal of a versioned update of a record that is not stored. */
        NoSuchElementException missing(Object id) {
            return new NoSuchElementException("there is no " + noun + " " + id);
        }

        /** The refusal of a versioned update of a record stored at another version than {@code version}. */
        StaleVersionException stale(Object id, long version) {
            return new StaleVersionException(noun, id.toString(), version);
        }
    }

    /**
     * A position in a list ordered by a time and then the insertion number, as the opaque text handed out as a page
     * cursor.
     */
    record Cursor(Instant at, long seq) {

        String text() {
            return at + "~" + seq;
        }

        static Cursor parse(String cursor) {
            int cut = cursor.indexOf('~');
            try {
                if (cut < 0) {
                    throw new IllegalArgumentException("no separator");
                }
                return new Cursor(Instant.parse(cursor.substring(0, cut)), Long.parseLong(cursor.substring(cut + 1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("not a page cursor of this store: '" + cursor + "'", e);
            }
        }
    }
}
