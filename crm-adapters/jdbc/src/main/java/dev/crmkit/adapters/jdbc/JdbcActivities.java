package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.PrivateItems;
import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.UserId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The timeline in a relational database, append only. An activity is one row of {@code activity} with the scalar fields
 * as columns (outcome and duration, in whole seconds, NULL when unknown) and the participants and the records it is
 * about as JSON; every record it is about is also a row of {@code activity_about}, keyed by {@code (record_type,
 * record_id, occurred_at, seq)} (seq numbers the rows in insertion order, so activities at the same time list in the
 * order they were recorded) and carrying the activity's id, type, visibility and owner. A timeline page is read
 * backwards along that key from the cursor on, with the {@link TimelineFilter} applied in SQL while the key is scanned,
 * so pages stay full and a page deep into a timeline of a hundred thousand entries reads what the first page of a short
 * one does. An id that is already stored is refused by the primary key, which also settles a race between two nodes.
 * Thread-safe.
 */
final class JdbcActivities implements Activities {

    private static final Comparator<RecordRef> KEY_ORDER = Comparator.comparing((RecordRef r) -> r.type().name())
            .thenComparing(r -> r.id().toString());

    /** The longest participant key stored, the longest e-mail address. */
    static final int MAX_KEY = 320;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String insertRow;
    private final String insertAbout;
    private final String selectById;
    private final String selectTimeline;
    private final String insertParticipant;

    JdbcActivities(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        String json = dialect.json();
        insertRow = jdbc.sql("INSERT INTO {activity} (id, activity_type, subject, body, direction, occurred_at, "
                + "participants, about, owner_id, visibility, recorded_at, outcome, duration_seconds, "
                + "participants_keyed) VALUES (?, ?, ?, ?, ?, ?, " + json + ", " + json + ", ?, ?, ?, ?, ?, ?)");
        insertParticipant = jdbc.sql("INSERT INTO {activity_participant} (activity_id, match_kind, participant) "
                + "VALUES (?, ?, ?)");
        insertAbout = jdbc.sql("INSERT INTO {activity_about} (record_type, record_id, occurred_at, activity_id, "
                + "activity_type, visibility, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
        selectById = jdbc.sql("SELECT * FROM {activity} WHERE id = ?");
        selectTimeline = jdbc.sql("SELECT a.*, x.seq FROM {activity_about} x JOIN {activity} a ON a.id = x.activity_id "
                + "WHERE x.record_type = ? AND x.record_id = ?");
    }

    @Override
    public void append(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        jdbc.tx.writeInOne((c, leading) -> {
            insert(c, List.of(activity), leading);
            return null;
        });
    }

    /**
     * On PostgreSQL inside a unit of work, with the store's own publisher: the activity, its about-rows and the unit's
     * events for the outbox, the announced one included, in one statement (when they are few), so the commit has no
     * outbox rows left to write; otherwise as {@link Activities#appendAndPublish} says.
     */
    @Override
    public void appendAndPublish(Activity activity, DomainEvent announced, DomainEvents events) {
        jdbc.tx.writeInOneAndPublish(inserting(activity), announced, events);
    }

    /**
     * {@link #appendAndPublish}'s one statement, deferred in a PostgreSQL unit that owns its transaction, outside any
     * other write ({@link JdbcTransactions#writeLaterAndPublish}): it goes in front of the unit's next statement, or
     * with its COMMIT in one round trip, taking the events published until then; a failure (a taken id) is thrown
     * there and rolls back the whole unit.
     */
    @Override
    public void appendAndPublishLast(Activity activity, DomainEvent announced, DomainEvents events) {
        jdbc.tx.writeLaterAndPublish(inserting(activity), announced, events);
    }

    /** The one statement that inserts an activity with its about-rows (and what the unit sends in front of it). */
    private JdbcTransactions.OneStatementWrite<Void> inserting(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return (c, leading) -> {
            insert(c, List.of(activity), leading);
            return null;
        };
    }

    /**
     * Appends many activities in one write, each table in one JDBC batch, for imports of history and for filling long
     * timelines in tests; all or none are stored. Joins the running unit of work.
     *
     * @throws IllegalArgumentException if one of the ids is already stored (or given twice)
     */
    void appendAll(List<Activity> activities) {
        List<Activity> all = List.copyOf(activities);
        if (!all.isEmpty()) {
            jdbc.tx.write(c -> {
                insert(c, all);
                return null;
            });
        }
    }

    /**
     * Inserts the activities on the connection of a write already running (as {@link #appendAll} does, without a
     * savepoint of its own: the caller's write undoes them with everything else when it fails).
     */
    void insert(Connection c, List<Activity> batch) throws SQLException {
        insert(c, batch, JdbcTransactions.Leading.none());
    }

    /**
     * Inserts the activities in a {@link JdbcTransactions#writeInOne} write: on PostgreSQL one activity with its
     * about-rows, participant keys and the events offered for the outbox is one statement, the write's savepoint
     * commands in front of it, so one round trip; otherwise the commands go alone, then the inserts as above.
     */
    private void insert(Connection c, List<Activity> batch, JdbcTransactions.Leading leading) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(batch.size());
        List<Object[]> aboutRows = new ArrayList<>(batch.size() * 2);
        for (Activity a : batch) {
            rows.add(new Object[] {a.id().value(), a.type().name(), a.subject(), a.body(), a.direction().name(),
                    a.occurredAt(), jdbc.json.strings(a.participants()), jdbc.json.strings(about(a)), owner(a),
                    a.visibility().name(), a.recordedAt(),
                    a.outcome().map(o -> (Object) o.name()).orElse(Jdbc.Null.TEXT),
                    a.duration().map(d -> (Object) d.toSeconds()).orElse(Jdbc.Null.LONG),
                    Boolean.TRUE}); // participants_keyed: its keys are written below, a bound value so COPY can take it
            for (RecordRef r : a.about().stream().sorted(KEY_ORDER).toList()) {
                aboutRows.add(new Object[] {r.type().name(), r.id(), a.occurredAt(), a.id().value(), a.type().name(),
                        a.visibility().name(), owner(a)});
            }
        }
        List<Object[]> participantRows = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL && batch.size() == 1) {
            participantKeys(batch.get(0)).forEach(k -> participantRows.add(new Object[] {batch.get(0).id().value(),
                k[0], k[1]}));
        }
        try {
            if (dialect == Dialect.POSTGRESQL && batch.size() == 1
                    && aboutRows.size() + participantRows.size() < PgCopy.MIN_ROWS) {
                // the activity, its about-rows and participant keys in one statement, the write's savepoint commands
                // in front: one round trip, not four; with the unit's events for the outbox when they are few
                List<String> inserts = new ArrayList<>(List.of(insertRow, insertParticipant, insertAbout));
                List<List<Object[]>> values = new ArrayList<>(List.of(rows, participantRows, aboutRows));
                if (leading.events() > 0
                        && aboutRows.size() + participantRows.size() + leading.events() < PgCopy.MIN_ROWS) {
                    inserts.add(leading.outboxInsert());
                    values.add(leading.takeEvents());
                }
                jdbc.insertAsOne(c, leading, inserts, values);
                return;
            }
            leading.sendAlone(c);
            jdbc.insertRows(c, insertRow, rows); // one row: the plain duplicate key of every driver
        } catch (SQLException e) {
            if (dialect.isDuplicateKey(e)) {
                throw new IllegalArgumentException(batch.size() == 1 ? "activity " + batch.get(0).id()
                        + " is already stored" : "one of the activities is already stored or given twice", e);
            }
            throw e;
        }
        jdbc.insertRows(c, insertAbout, aboutRows);
        insertParticipants(c, batch);
    }

    /** The participant keys of the private activities of a batch, for the timeline's {@link PrivateItems} filter. */
    void insertParticipants(Connection c, List<Activity> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertParticipant)) {
            int rows = 0;
            for (Activity a : batch) {
                for (String[] key : participantKeys(a)) {
                    jdbc.bind(ps, a.id().value(), key[0], key[1]);
                    ps.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * The rows of {@code activity_participant} of an activity: none for a public one; for a private one each
     * participant's {@link PrivateItems#byId} key (kind {@code I}) and {@link PrivateItems#byEmail} key (kind
     * {@code E}), once each, leaving out the empty ones and those longer than {@value #MAX_KEY} characters (no user id
     * or e-mail address is that long).
     */
    static List<String[]> participantKeys(Activity a) {
        return a.visibility() == Visibility.PRIVATE ? participantKeys(a.participants()) : List.of();
    }

    /** The participant keys of a private activity's participants, as {@link #participantKeys(Activity)}. */
    static List<String[]> participantKeys(List<String> participants) {
        Set<List<String>> keys = new LinkedHashSet<>();
        for (String p : participants) {
            keys.add(List.of("I", PrivateItems.byId(p)));
            keys.add(List.of("E", PrivateItems.byEmail(p)));
        }
        return keys.stream().filter(k -> !k.get(1).isEmpty() && k.get(1).length() <= MAX_KEY)
                .map(k -> k.toArray(new String[0])).toList();
    }

    private static Object owner(Activity a) {
        return a.owner().map(UserId::value).map(Object.class::cast).orElse(Jdbc.Null.TEXT);
    }

    @Override
    public Optional<Activity> findById(ActivityId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectById, this::map, id.value()));
    }

    @Override
    public Page<Activity> timeline(RecordRef record, TimelineFilter filter, PageRequest page) {
        Query query = timelineQuery(record, filter, page);
        List<Jdbc.Sequenced<Activity>> rows = jdbc.tx.read(c -> jdbc.list(c, query.sql(),
                Jdbc.Sequenced.reading(this::map), query.params()));
        return Jdbc.Sequenced.page(rows, page.size(), Activity::occurredAt);
    }

    /**
     * The query of one timeline page, {@code page.size() + 1} rows so the last tells whether a next page exists. It
     * pages like {@link Jdbc#page}, with the same cursors, but also names the fixed key columns in its ORDER BY (H2
     * reads an index in order only then; on MariaDB {@code record_type} is ASCII, as a utf8mb4 column named there
     * would make it sort) and bounds the time from the cursor on with a plain range condition, which every database
     * turns into the start of the index scan (the keyset condition alone is an OR, which none of them can).
     */
    Query timelineQuery(RecordRef record, TimelineFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        // a private activity always has an owner, so without a viewer only the public ones pass
        List<Object> params = new ArrayList<>(List.of(Visibility.PUBLIC.name()));
        String visible;
        if (filter.viewer().isPresent()) {
            visible = " AND (x.visibility = ? OR x.owner_id = ?)";
            params.add(filter.viewer().get().value());
        } else {
            visible = " AND x.visibility = ?";
        }
        return timelineQuery(record, filter.types(), visible, params, page);
    }

    /**
     * The query of one timeline page as {@link #timelineQuery(RecordRef, TimelineFilter, PageRequest)}, with the
     * private items passed by {@link PrivateItems}: public ones, the user's own ones (the owner copied into
     * {@code activity_about}) and those the user took part in (an {@code activity_participant} row of the activity
     * with the user's id or e-mail address, found by its primary key), all tested while the timeline key is scanned.
     */
    Query timelineQuery(RecordRef record, Set<ActivityType> types, PrivateItems items, PageRequest page) {
        Objects.requireNonNull(items, "items");
        List<Object> params = new ArrayList<>();
        String visible;
        if (items.all()) {
            visible = "";
        } else if (items.user().isEmpty()) {
            visible = " AND x.visibility = ?";
            params.add(Visibility.PUBLIC.name());
        } else {
            StringBuilder sql = new StringBuilder(" AND (x.visibility = ? OR x.owner_id = ? OR EXISTS (SELECT 1 FROM ")
                    .append(jdbc.tables.name("activity_participant"))
                    .append(" p WHERE p.activity_id = x.activity_id AND (p.match_kind = 'I' AND p.participant = ?");
            params.add(Visibility.PUBLIC.name());
            params.add(items.user().get().value());
            params.add(items.user().get().value());
            if (items.email().isPresent()) {
                sql.append(" OR p.match_kind = 'E' AND p.participant = ?");
                params.add(items.email().get());
            }
            visible = sql.append(")))").toString();
        }
        return timelineQuery(record, types, visible, params, page);
    }

    private Query timelineQuery(RecordRef record, Set<ActivityType> types, String visible, List<Object> visibleParams,
                                PageRequest page) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(page, "page");
        Jdbc.checkCursor(page);
        StringBuilder sql = new StringBuilder(selectTimeline);
        List<Object> params = new ArrayList<>(List.of(record.type().name(), record.id()));
        if (!types.isEmpty()) {
            List<ActivityType> sorted = types.stream().sorted().toList();
            sql.append(" AND x.activity_type IN (?").append(", ?".repeat(sorted.size() - 1)).append(")");
            sorted.forEach(t -> params.add(t.name()));
        }
        sql.append(visible);
        params.addAll(visibleParams);
        if (page.after().isPresent()) {
            Jdbc.Cursor after = Jdbc.Cursor.parse(page.after().get());
            sql.append(" AND x.occurred_at <= ? AND ").append(Dialect.before("x.occurred_at", "x.seq"));
            params.add(after.at());
            params.add(after.at());
            params.add(after.at());
            params.add(after.seq());
        }
        sql.append(" ORDER BY x.record_type DESC, x.record_id DESC, x.occurred_at DESC, x.seq DESC LIMIT ")
                .append(page.size() + 1);
        return new Query(sql.toString(), params.toArray());
    }

    /** The timeline page of {@link #timelineQuery(RecordRef, Set, PrivateItems, PageRequest)}. */
    Page<Activity> timeline(RecordRef record, Set<ActivityType> types, PrivateItems items, PageRequest page) {
        Query query = timelineQuery(record, types, items, page);
        List<Jdbc.Sequenced<Activity>> rows = jdbc.tx.read(c -> jdbc.list(c, query.sql(),
                Jdbc.Sequenced.reading(this::map), query.params()));
        return Jdbc.Sequenced.page(rows, page.size(), Activity::occurredAt);
    }

    /** SQL text with its parameters, for {@link Jdbc#list}. */
    record Query(String sql, Object[] params) {
    }

    private Activity map(ResultSet rs) throws SQLException {
        Set<RecordRef> about = new LinkedHashSet<>();
        for (String ref : jdbc.json.strings(dialect.getJson(rs, "about"))) {
            about.add(RecordRef.parse(ref));
        }
        return new Activity(
                new ActivityId(dialect.getUuid(rs, "id")),
                ActivityType.valueOf(rs.getString("activity_type")),
                rs.getString("subject"),
                rs.getString("body"),
                Direction.valueOf(rs.getString("direction")),
                dialect.getInstant(rs, "occurred_at"),
                jdbc.json.strings(dialect.getJson(rs, "participants")),
                about,
                Optional.ofNullable(rs.getString("owner_id")).map(UserId::new),
                Visibility.valueOf(rs.getString("visibility")),
                dialect.getInstant(rs, "recorded_at"),
                Optional.ofNullable(rs.getString("outcome")).map(ActivityOutcome::valueOf),
                seconds(rs, "duration_seconds"));
    }

    private static Optional<Duration> seconds(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
    }

    /** The records an activity is about as {@code type:uuid} texts, in the activity's order. */
    private static List<String> about(Activity a) {
        return a.about().stream().map(RecordRef::toString).toList();
    }

    /** The archive of the timeline, private items included, keyed by id: export and restore only. */
    JdbcArchive<Activity> archive() {
        return new JdbcArchive<>(jdbc, "activity", "activity", "id", this::map, a -> a.id().toString(),
                (c, a) -> append(a)).restoringAll((c, all) -> appendAll(all));
    }
}
