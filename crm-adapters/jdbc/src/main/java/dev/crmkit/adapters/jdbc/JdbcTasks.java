package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.task.Tasks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Tasks in a relational database, one row each with every field as a column and a version for optimistic locking
 * ({@code UPDATE ... WHERE id = ? AND version = ?}). The row also keeps {@code is_open}, so each open-task question is
 * read in order from an index of its own and closed tasks drop out of it: an assignee's agenda from
 * {@code (assignee, is_open, due, id)}, a record's tasks from {@code (related_type, related_id, is_open, due, id)} and
 * the reminders due from {@code (open_reminder, remind_at, id)}, where {@code open_reminder} marks the open tasks that
 * have a reminder. Thread-safe.
 */
final class JdbcTasks implements Tasks {

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String insertRow;
    private final String updateRow;
    private final Jdbc.Versioned rows;
    private final String selectById;
    private final String selectOpenDueBefore;
    private final String selectOpenAbout;
    private final String selectOpenWithReminderBefore;

    JdbcTasks(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        insertRow = jdbc.sql("INSERT INTO {task} (id, version, title, due, remind_at, assignee, related_type, "
                + "related_id, status, is_open, open_reminder, closed_at, created_at) "
                + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateRow = jdbc.sql("UPDATE {task} SET version = version + 1, title = ?, due = ?, remind_at = ?, "
                + "assignee = ?, related_type = ?, related_id = ?, status = ?, is_open = ?, open_reminder = ?, "
                + "closed_at = ?, created_at = ? WHERE id = ? AND version = ?");
        rows = new Jdbc.Versioned(jdbc, "task", "task");
        selectById = jdbc.sql("SELECT * FROM {task} WHERE id = ?");
        // ORDER BY names the index columns that the WHERE clause fixes too: H2 reads an index in order only then.
        // Except the assignee on MariaDB, which sorts when ORDER BY names a utf8mb4 column that a parameter fixes
        // under another collation (the connection's, utf8mb4_general_ci say); the type columns there are ASCII.
        selectOpenDueBefore = jdbc.sql("SELECT * FROM {task} WHERE assignee = ? AND is_open = ? AND due < ? "
                + "ORDER BY " + (dialect == Dialect.MARIADB ? "" : "assignee, ") + "is_open, due, seq LIMIT ?");
        selectOpenAbout = jdbc.sql("SELECT * FROM {task} WHERE related_type = ? AND related_id = ? AND is_open = ? "
                + "ORDER BY related_type, related_id, is_open, due, seq");
        selectOpenWithReminderBefore = jdbc.sql("SELECT * FROM {task} WHERE open_reminder = ? AND remind_at < ? "
                + "ORDER BY open_reminder, remind_at, seq LIMIT ?");
    }

    @Override
    public Task insert(Task task) {
        Objects.requireNonNull(task, "task");
        rows.checkNew(task.id(), task.version());
        return jdbc.tx.write(c -> {
            Task stored = task.atVersion(1);
            try {
                jdbc.update(c, insertRow, rowValues(stored, false));
            } catch (SQLException e) {
                if (dialect.isDuplicateKey(e)) {
                    throw new IllegalArgumentException("task " + task.id() + " is already stored", e);
                }
                throw e;
            }
            return stored;
        });
    }

    @Override
    public Task update(Task task) {
        Objects.requireNonNull(task, "task");
        return jdbc.tx.write(c -> {
            rows.update(c, updateRow, rowValues(task, true), task.id(), task.id().value(), task.version());
            return task.atVersion(task.version() + 1);
        });
    }

    @Override
    public Optional<Task> findById(TaskId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectById, this::map, id.value()));
    }

    /** A row lock ({@code SELECT ... FOR UPDATE}) held until the running unit of work ends. */
    @Override
    public Optional<Task> lockById(TaskId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectById + " FOR UPDATE", this::map, id.value()));
    }

    @Override
    public List<Task> openDueBefore(UserId assignee, Instant before, int limit) {
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(before, "before");
        checkLimit(limit);
        return jdbc.tx.read(c -> jdbc.list(c, selectOpenDueBefore, this::map, assignee.value(), true,
                microsBound(before), limit));
    }

    /**
     * Inserts new tasks, as given to {@link #insert}, at once: the version 1 is a bound value, so the insert binds only
     * parameters and PostgreSQL takes the rows with one {@code COPY} ({@link Jdbc#insertRows}).
     */
    void insertAll(Connection c, List<Task> tasks) throws SQLException {
        List<Object[]> values = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            rows.checkNew(t.id(), t.version());
            Object[] row = rowValues(t.atVersion(1), false);
            Object[] withVersion = new Object[row.length + 1];
            withVersion[0] = row[0];
            withVersion[1] = 1L;
            System.arraycopy(row, 1, withVersion, 2, row.length - 1);
            values.add(withVersion);
        }
        jdbc.insertRows(c, insertRow.replace("VALUES (?, 1, ", "VALUES (?, ?, "), values);
    }

    /**
     * The open tasks about records of one kind, in the order {@link #openAbout(RecordRef)} lists them for each record;
     * the ids first, then the kind and {@code true}. On PostgreSQL one probe of the about index per record (the
     * {@code OFFSET 0} keeps the planner from flattening the sub-query into a join that may scan the table when it was
     * never analyzed, see {@link JdbcCaptureBatches.Lookup}).
     */
    static final JdbcCaptureBatches.Lookup OPEN_ABOUT = new JdbcCaptureBatches.Lookup(
            "SELECT * FROM {task} WHERE related_id IN (%s) AND related_type = ? AND is_open = ? "
                    + "ORDER BY related_type, related_id, is_open, due, seq",
            "SELECT t.* FROM %k CROSS JOIN LATERAL (SELECT * FROM {task} WHERE related_type = ? "
                    + "AND related_id = bulk_keys.v AND is_open = ? ORDER BY due, seq OFFSET 0) t "
                    + "ORDER BY t.related_id, t.due, t.seq", "uuid");

    /**
     * The open tasks about each of the records, in one query per kind of record and thousand records; a record given
     * more than once is asked about once (each of its tasks listed once).
     */
    Map<RecordRef, List<Task>> openAbout(Connection c, Collection<RecordRef> records) throws SQLException {
        Map<RecordRef, List<Task>> open = new HashMap<>();
        Map<String, Set<UUID>> byType = new TreeMap<>();
        records.forEach(r -> byType.computeIfAbsent(r.type().name(), k -> new LinkedHashSet<>()).add(r.id()));
        for (Map.Entry<String, Set<UUID>> type : byType.entrySet()) {
            List<UUID> ids = List.copyOf(type.getValue());
            for (int from = 0; from < ids.size(); from += 1000) {
                List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
                List<Object> params = new ArrayList<>(List.of(OPEN_ABOUT.keys(jdbc, part)));
                params.add(type.getKey());
                params.add(true);
                String sql = OPEN_ABOUT.sql(jdbc, part.size());
                for (Task t : jdbc.list(c, sql, this::map, params.toArray())) {
                    open.computeIfAbsent(t.relatedTo().orElseThrow(), k -> new ArrayList<>()).add(t);
                }
            }
        }
        return open;
    }

    @Override
    public List<Task> openAbout(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return jdbc.tx.read(c -> jdbc.list(c, selectOpenAbout, this::map, record.type().name(), record.id(), true));
    }

    /**
     * {@link #openDueBefore} with an access condition on the row ({@code t}) ANDed before ORDER BY and LIMIT, so the
     * assignee index still drives and the limit counts only the tasks that pass.
     */
    List<Task> openDueBefore(UserId assignee, Instant before, int limit, AccessSql.Fragment where) {
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(before, "before");
        checkLimit(limit);
        String sql = jdbc.sql("SELECT t.* FROM {task} t WHERE t.assignee = ? AND t.is_open = ? AND t.due < ? AND "
                + where.sql() + " ORDER BY " + (dialect == Dialect.MARIADB ? "" : "t.assignee, ")
                + "t.is_open, t.due, t.seq LIMIT ?");
        List<Object> params = new ArrayList<>(List.of(assignee.value(), true, microsBound(before)));
        params.addAll(where.params());
        params.add(limit);
        return jdbc.tx.read(c -> jdbc.list(c, sql, this::map, params.toArray()));
    }

    /** {@link #openAbout(RecordRef)} with an access condition on the row ({@code t}) ANDed before ORDER BY. */
    List<Task> openAbout(RecordRef record, AccessSql.Fragment where) {
        Objects.requireNonNull(record, "record");
        String sql = jdbc.sql("SELECT t.* FROM {task} t WHERE t.related_type = ? AND t.related_id = ? "
                + "AND t.is_open = ? AND " + where.sql() + " ORDER BY t.related_type, t.related_id, t.is_open, t.due, "
                + "t.seq");
        List<Object> params = new ArrayList<>(List.of(record.type().name(), record.id(), true));
        params.addAll(where.params());
        return jdbc.tx.read(c -> jdbc.list(c, sql, this::map, params.toArray()));
    }

    @Override
    public List<Task> openWithReminderBefore(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        checkLimit(limit);
        return jdbc.tx.read(c -> jdbc.list(c, selectOpenWithReminderBefore, this::map, true,
                microsBound(before), limit));
    }

    /**
     * The bound of a "strictly before" question at the microsecond the database keeps times to: a time between two
     * microseconds (the planner asks for reminders before now plus a nanosecond) is moved up to the next one, so what
     * is stored at the microsecond before it is still included, as it would be at full precision.
     */
    private static Instant microsBound(Instant before) {
        Instant micros = before.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(before) ? before : micros.plus(1, ChronoUnit.MICROS);
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** The values of the insert (id first) or of the update (id and expected version last). */
    private Object[] rowValues(Task t, boolean forUpdate) {
        Object[] v = new Object[forUpdate ? 13 : 12];
        int i = 0;
        if (!forUpdate) {
            v[i++] = t.id().value();
        }
        v[i++] = t.title();
        v[i++] = t.due();
        v[i++] = t.remindAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT);
        v[i++] = t.assignee().value();
        v[i++] = t.relatedTo().map(r -> (Object) r.type().name()).orElse(Jdbc.Null.TEXT);
        v[i++] = t.relatedTo().map(r -> (Object) r.id()).orElse(Jdbc.Null.UUID);
        v[i++] = t.status().name();
        v[i++] = t.isOpen();
        v[i++] = t.isOpen() && t.remindAt().isPresent();
        v[i++] = t.closedAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT);
        v[i++] = t.createdAt();
        if (forUpdate) {
            v[i++] = t.id().value();
            v[i] = t.version();
        }
        return v;
    }

    private Task map(ResultSet rs) throws SQLException {
        String relatedType = rs.getString("related_type");
        UUID relatedId = dialect.getUuid(rs, "related_id");
        return new Task(
                new TaskId(dialect.getUuid(rs, "id")),
                rs.getLong("version"),
                rs.getString("title"),
                dialect.getInstant(rs, "due"),
                Optional.ofNullable(dialect.getInstant(rs, "remind_at")),
                new UserId(rs.getString("assignee")),
                relatedType == null ? Optional.empty()
                        : Optional.of(new RecordRef(RecordType.valueOf(relatedType), relatedId)),
                TaskStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(dialect.getInstant(rs, "closed_at")),
                dialect.getInstant(rs, "created_at"));
    }

    /** The archive of the task rows, keyed by id: export and restore only. */
    JdbcArchive<Task> archive() {
        return JdbcArchive.versioned(jdbc, "task", this::map, Task::id, Task::version,
                r -> insert(r.atVersion(0)), (c, all) -> jdbc.batch(c, insertRow, all, r -> rowValues(r, false)));
    }
}
