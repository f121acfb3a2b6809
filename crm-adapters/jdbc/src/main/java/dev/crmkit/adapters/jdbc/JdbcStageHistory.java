package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stage history in a relational database, one row per entry, never changed once stored. A deal's entries are
 * read in the order of the deal versions they produced, a keyset page at a time, from the unique key on
 * {@code (deal_id, deal_version)}, which also refuses a second entry for one version of a deal. A page cursor is the
 * deal version written as the time that many seconds after the epoch, then again as the position. The time spent in the previous stage is kept exactly, as seconds and nanoseconds. Thread-safe.
 */
final class JdbcStageHistory implements StageHistory {

    /** The refusal codes of {@link #takenSql}: the entry's id is taken, its deal version, or neither as this sees. */
    private static final String TAKEN_ID = "entry-id";
    private static final String TAKEN_VERSION = "entry-version";
    private static final String TAKEN_CONCURRENTLY = "entry-concurrent";

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String insertRow;
    private final String insertIgnoringRow;
    private final String insertWithReach;
    private final String selectTaken;
    private final String selectFirst;
    private final String selectAfter;
    private final StageReach reach;

    JdbcStageHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        // a row that takes a stored id or deal version is left out (not an error that would abort a PostgreSQL unit
        // of work), so a move writes its entry in one statement and looks for the reason only when none was written
        String[] columns = {"id", "deal_id", "deal_version", "pipeline_id", "from_stage", "to_stage", "moved_by",
            "moved_at", "seconds_in_previous", "nanos_in_previous"};
        insertRow = "INSERT INTO " + jdbc.tables.name("stage_history") + " (" + String.join(", ", columns)
                + ") VALUES (?" + ", ?".repeat(columns.length - 1) + ")";
        // PostgreSQL: ON CONFLICT DO NOTHING, as a duplicate key there would abort the unit of work. H2 and MariaDB
        // keep it usable after a duplicate key, so a plain insert: MariaDB's INSERT IGNORE would also let a too long
        // or bad value through as a warning, and H2's MERGE ... USING (VALUES ...) types its columns from the first
        // row of a batch (a restore's NULL from_stage made every later one NULL)
        insertIgnoringRow = dialect == Dialect.POSTGRESQL
                ? dialect.insertIgnoring(jdbc.tables.name("stage_history"), 1, columns) : insertRow;
        // the deal's reached stages (V84) go with the entry: on PostgreSQL in the same statement
        reach = new StageReach(jdbc);
        insertWithReach = dialect == Dialect.POSTGRESQL ? StageReach.withHistoryInsert(jdbc, insertIgnoringRow) : null;
        selectTaken = jdbc.sql("SELECT id FROM {stage_history} WHERE id = ? OR (deal_id = ? AND deal_version = ?)");
        // ORDER BY names the key's fixed column too: H2 reads an index in order only then
        String select = "SELECT * FROM {stage_history} WHERE deal_id = ?";
        String order = " ORDER BY deal_id, deal_version LIMIT ?";
        selectFirst = jdbc.sql(select + order);
        selectAfter = jdbc.sql(select + " AND deal_version > ?" + order);
    }

    @Override
    public void append(StageHistoryEntry entry) {
        Objects.requireNonNull(entry, "entry");
        jdbc.tx.write(c -> {
            appendIn(c, entry);
            return null;
        });
    }

    /** {@link #append} inside a write of the running unit of work that the caller opened. */
    void appendIn(java.sql.Connection c, StageHistoryEntry entry) throws SQLException {
        if (!written(c, values(entry), entry)) {
            refuse(c, entry);
        }
    }

    /** The values of the row of an entry, in the order of the insert's columns. */
    private static Object[] values(StageHistoryEntry entry) {
        Duration spent = entry.timeInPrevious();
        return new Object[] {entry.id(), entry.dealId().value(), entry.dealVersion(), entry.pipelineId().value(),
            entry.from().map(Object.class::cast).orElse(Jdbc.Null.TEXT), entry.to(), entry.by().value(),
            entry.at(), spent.getSeconds(), spent.getNano()};
    }

    /**
     * PostgreSQL: common table expressions {@code h} and {@code r} that insert the entry's row once per row of the
     * CTE named {@code source} (none when it has none) and note its stage among the deal's reached stages, so that
     * they can follow the deal's update in one statement. Nothing is inserted when a stored row takes the entry's id
     * or deal version ({@link #refuse} then says which). Parameters: {@link #withReachParams}.
     */
    static String insertWithReachAfter(Jdbc jdbc, String source) {
        // INSERT ... SELECT types a bare parameter as text, so each names its column's type; moved_by as text, so a
        // value too long for the column is refused as the plain insert refuses it (a cast would cut it)
        return jdbc.sql("h AS (INSERT INTO {stage_history} (id, deal_id, deal_version, pipeline_id, from_stage, "
                + "to_stage, moved_by, moved_at, seconds_in_previous, nanos_in_previous) SELECT CAST(? AS uuid), "
                + "CAST(? AS uuid), CAST(? AS bigint), CAST(? AS uuid), CAST(? AS text), CAST(? AS text), "
                + "CAST(? AS text), CAST(? AS timestamptz), CAST(? AS bigint), CAST(? AS integer) FROM " + source
                + " ON CONFLICT DO NOTHING RETURNING pipeline_id, deal_id), " + StageReach.afterHistory("h"));
    }

    /** The parameters of {@link #insertWithReachAfter} for an entry. */
    static Object[] withReachParams(StageHistoryEntry entry) {
        Object[] values = values(entry);
        Object[] reached = StageReach.afterHistoryParams(entry.to());
        Object[] params = java.util.Arrays.copyOf(values, values.length + reached.length);
        System.arraycopy(reached, 0, params, values.length, reached.length);
        return params;
    }

    /**
     * Throws why the entry's row was not inserted: its id or its deal version is taken.
     *
     * @throws IllegalArgumentException always, naming the entry or the deal version
     */
    void refuse(java.sql.Connection c, StageHistoryEntry entry) throws SQLException {
        List<java.util.UUID> taken = jdbc.list(c, selectTaken, rs -> dialect.getUuid(rs, "id"),
                entry.id(), entry.dealId().value(), entry.dealVersion());
        // refused, yet this unit of work sees nothing that takes its keys: a snapshot older than the other's
        throw refusal(taken.contains(entry.id()) ? TAKEN_ID : taken.isEmpty() ? TAKEN_CONCURRENTLY : TAKEN_VERSION,
                entry);
    }

    /**
     * PostgreSQL: an expression naming, after {@link JdbcTransactions.Checked#REFUSED}, why the entry's row was not
     * inserted by a statement that tried (the refusal codes of {@link #refusal}); its parameters are
     * {@link #takenParams}. It reads the statement's snapshot, which does not hold the statement's own inserts.
     */
    static String takenSql(Jdbc jdbc) {
        String refused = "'" + JdbcTransactions.Checked.REFUSED;
        return jdbc.sql("CASE WHEN EXISTS (SELECT 1 FROM {stage_history} WHERE id = ?) THEN " + refused + TAKEN_ID
                + "' WHEN EXISTS (SELECT 1 FROM {stage_history} WHERE deal_id = ? AND deal_version = ?) THEN "
                + refused + TAKEN_VERSION + "' ELSE " + refused + TAKEN_CONCURRENTLY + "' END");
    }

    /** The parameters of {@link #takenSql} for an entry. */
    static Object[] takenParams(StageHistoryEntry entry) {
        return new Object[] {entry.id(), entry.dealId().value(), entry.dealVersion()};
    }

    /** Why the entry's row was not inserted, by the code of {@link #takenSql}, as {@link #refuse} throws it. */
    static IllegalArgumentException refusal(String code, StageHistoryEntry entry) {
        if (code.equals(TAKEN_ID)) {
            return new IllegalArgumentException("stage history entry " + entry.id() + " is already stored");
        }
        if (code.equals(TAKEN_VERSION)) {
            return new IllegalArgumentException("deal " + entry.dealId() + " already has a stage history entry "
                    + "for version " + entry.dealVersion());
        }
        return new IllegalArgumentException("a concurrent unit of work stored stage history entry " + entry.id()
                + " or another entry for version " + entry.dealVersion() + " of deal " + entry.dealId());
    }

    /**
     * Inserts the row and notes the stage among the deal's reached stages; false when a stored row takes its id or its
     * deal version (and then nothing is written).
     */
    private boolean written(java.sql.Connection c, Object[] values, StageHistoryEntry entry) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return jdbc.count(c, insertWithReach, withReachParams(entry)) == 1;
        }
        try {
            jdbc.update(c, insertRow, values);
        } catch (SQLException e) {
            if (dialect.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
        reach.record(c, entry.pipelineId().value(), entry.dealId().value(), entry.to());
        return true;
    }

    @Override
    public Page<StageHistoryEntry> ofDeal(DealId dealId, PageRequest page) {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(page, "page");
        Optional<Jdbc.Cursor> after = page.after().map(Jdbc.Cursor::parse);
        int limit = page.size() + 1;
        List<StageHistoryEntry> rows = jdbc.tx.read(c -> after.isPresent()
                ? jdbc.list(c, selectAfter, this::map, dealId.value(), after.get().at().getEpochSecond(), limit)
                : jdbc.list(c, selectFirst, this::map, dealId.value(), limit));
        if (rows.size() <= page.size()) {
            return Page.last(rows);
        }
        List<StageHistoryEntry> items = List.copyOf(rows.subList(0, page.size()));
        StageHistoryEntry last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new Jdbc.Cursor(Instant.ofEpochSecond(last.dealVersion()),
                last.dealVersion()).text()));
    }

    private StageHistoryEntry map(ResultSet rs) throws SQLException {
        return new StageHistoryEntry(
                dialect.getUuid(rs, "id"),
                new DealId(dialect.getUuid(rs, "deal_id")),
                rs.getLong("deal_version"),
                new PipelineId(dialect.getUuid(rs, "pipeline_id")),
                Optional.ofNullable(rs.getString("from_stage")),
                rs.getString("to_stage"),
                new UserId(rs.getString("moved_by")),
                dialect.getInstant(rs, "moved_at"),
                Duration.ofSeconds(rs.getLong("seconds_in_previous"), rs.getInt("nanos_in_previous")));
    }

    /** The archive of the stage history, keyed by entry id: export and restore only. */
    JdbcArchive<StageHistoryEntry> archive() {
        return new JdbcArchive<>(jdbc, "stage history entry", "stage_history", "id", this::map,
                e -> e.id().toString(), (c, e) -> append(e)).restoringAll((c, all) -> {
                    jdbc.batch(c, insertRow, all, e -> new Object[]{e.id(), e.dealId().value(), e.dealVersion(),
                            e.pipelineId().value(), e.from().map(Object.class::cast).orElse(Jdbc.Null.TEXT), e.to(),
                            e.by().value(), e.at(), e.timeInPrevious().getSeconds(), e.timeInPrevious().getNano()});
                    // the reached stages of the restored deals, rebuilt from all their entries (V84)
                    reach.rebuild(c, all.stream().map(e -> e.dealId().value()).toList());
                });
    }
}
