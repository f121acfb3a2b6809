package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.MergeRecord;
import dev.crmkit.core.merge.RecordMerges;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.kit.archive.Archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Merges of one kind of record in a relational database, whatever the kind. Re-pointing is one statement per record,
 * guarded by its version like every other write, so a node that read the record before the merge gets a stale version
 * instead of writing the old reference back; the re-pointed tables are {@code lead}, {@code task} and {@code deal}
 * (one column each; for contacts also crm-service's {@code service_equipment}, {@code service_plan},
 * {@code service_request}, {@code service_visit} and {@code service_commitment} by {@code customer_id}), the timeline's {@code activity} (its {@code about} JSON) and {@code activity_about} rows, and the
 * kind's alias table {@code <kind>_alias}. The merge record is a row of {@code <kind>_merge}; a subclass stores the
 * snapshots and says what only its kind has. Thread-safe.
 *
 * @param <R> the kind of record merged
 * @param <I> its id
 * @param <M> its merge record
 */
abstract class JdbcMerges<R, I, M extends MergeRecord<R, I>> implements RecordMerges<R, I, M> {

    private static final TypeReference<List<Repointed>> REPOINTED = new TypeReference<>() {
    };
    /**
     * The record type of a parked {@code activity_about} row: the row of a merged-away record on an entry that also
     * belongs to the survivor. It is on no timeline, and keeps its insertion number for the unmerge that parks it back.
     */
    static final String PARKED = "MERGED";

    final Jdbc jdbc;
    final Dialect dialect;
    private final RecordType type;
    private final String noun;
    private final Rows<R> rows;
    private final Function<I, UUID> uuidOf;
    private final ToLongFunction<R> versionOf;
    private final UndoSteps.Written<R> written;
    private final BiFunction<M, Instant, M> undone;
    private final Map<Repointed.Kind, Versioned> versioned = new EnumMap<>(Repointed.Kind.class);
    private final String selectActivities;
    private final String selectActivity;
    private final String updateAbout;
    private final String moveAboutRow;
    private final String parkAboutRow;
    private final String selectAlias;
    private final String selectAliases;
    private final String moveAlias;
    final String insertAlias;
    private final String deleteAlias;
    private final String insertMerge;
    private final String selectMerge;
    private final String markUndone;
    /** For each kind of merge: its merge records in force, and the rewrite of one's recorded versions. */
    private final Map<RecordType, String[]> stepMerges = new EnumMap<>(RecordType.class);

    /**
     * The writes a merge makes to the rows of the merged kind itself ({@link JdbcContacts}, {@link JdbcCompanies}).
     *
     * @param <R> the kind of record
     */
    interface Rows<R> {

        /** Takes a merged-away record's row out of the lists and frees what it held unique; the row stays. */
        void retire(Connection c, R merged) throws SQLException;

        /**
         * Puts a merged-away record's row back as it was, at version {@link UndoSteps#reinstatedVersion} of its
         * snapshot's (an undo never steps a version back), last changed at the undo's instant {@code at}.
         */
        void reinstate(Connection c, R exact, Instant at) throws SQLException;

        /**
         * Why a merged-away record's row cannot be put back by {@link #reinstate}: it changed since its merge left it.
         * Empty when it can be (and always for a kind whose merged-away rows only change along with the merge's
         * snapshots).
         */
        default Optional<String> reinstateConflict(Connection c, R exact) throws SQLException {
            return Optional.empty();
        }

        /**
         * Stores a record as given (version included; its time of the last change the later of its own and the stored
         * one, {@link #CHANGED_AT_UNDO}) over the stored one if that is at version {@code expected}; else throws a
         * {@link StaleVersionException} (another unit of work changed it since it was checked) and changes nothing.
         */
        void restore(Connection c, R exact, long expected) throws SQLException;

        /**
         * Writes the row a merge leaves of a merged-away record, for a restored merge: the record as it was before the
         * merge at one version more, holding none of its unique keys. Nothing happens if the row is there.
         */
        void retired(Connection c, R before) throws SQLException;
    }

    /**
     * For {@link Rows#retired}: inserts a merged-away record's row with the values of its insert and gives it one
     * version more than it had before the merge, unless a row with its id is there.
     */
    static void insertRetired(Jdbc jdbc, Connection c, String selectById, String insertRow, Object[] values,
                              String setVersion, UUID id, long versionBefore) throws SQLException {
        if (jdbc.one(c, selectById, rs -> 1, id).isEmpty()) {
            jdbc.update(c, insertRow, values);
            jdbc.update(c, setVersion, versionBefore + 1, id);
        }
    }

    /**
     * For {@link Rows#reinstateConflict}: the row of a merged-away record must be at one version more than before the
     * merge, as the merge left it (its retire raised the version by one).
     *
     * @param selectVersion the version of a row of the kind by id
     */
    static Optional<String> retiredConflict(Jdbc jdbc, Connection c, String selectVersion, String noun, UUID id,
                                            long versionBefore) throws SQLException {
        Optional<Long> now = jdbc.one(c, selectVersion, rs -> rs.getLong(1), id);
        if (now.isEmpty()) {
            return Optional.of("the merged-away " + noun + " " + id + " is not stored");
        }
        return now.get() == versionBefore + 1 ? Optional.empty() : Optional.of("the merged-away " + noun + " " + id
                + " changed since the merge (version " + (versionBefore + 1) + " then, " + now.get() + " now)");
    }

    /**
     * How an undo sets a row's time of the last change ({@code updated_at}) from its instant: to the later of it and
     * the stored time, so time never goes back when the undo's clock is behind ({@link UndoSteps#changedAt}, review
     * A-L2).
     */
    static final String CHANGED_AT_UNDO = "updated_at = GREATEST(updated_at, ?)";

    /**
     * For {@link Rows#reinstate}: moves a merged-away record's row from the version its merge left it at (one more
     * than before the merge) to {@link UndoSteps#reinstatedVersion} and its time of the last change to the undo's
     * instant, or throws a {@link StaleVersionException} naming the record when the row is at another version
     * (nothing changed).
     *
     * @param noun the kind of record, which is also its table's name ({@code contact}, {@code company}, {@code lead})
     */
    static void reinstateVersion(Jdbc jdbc, Connection c, String noun, UUID id, long versionBefore, Instant at)
            throws SQLException {
        String reinstate = jdbc.sql("UPDATE {" + noun + "} SET version = ?, " + CHANGED_AT_UNDO + " WHERE id = ? "
                + "AND version = ?");
        if (jdbc.update(c, reinstate, UndoSteps.reinstatedVersion(versionBefore), at, id, versionBefore + 1) == 0) {
            throw new StaleVersionException(noun, id.toString(), versionBefore + 1);
        }
    }

    /** The statements of one versioned table that refers to a merged record by one column. */
    private record Versioned(String select, String repoint, String version, String putBack, boolean changedAt) {
    }

    /**
     * @param type       the kind of record merged
     * @param rows       the rows of the kind
     * @param uuidOf     an id's value
     * @param versionOf  a record's stored version
     * @param written    a record as an undo writes it back
     * @param undone     a copy of a merge record marked as undone
     * @param column     the column of {@code lead} and {@code deal} that refers to the kind
     */
    JdbcMerges(Jdbc jdbc, RecordType type, Rows<R> rows, Function<I, UUID> uuidOf, ToLongFunction<R> versionOf,
               UndoSteps.Written<R> written, BiFunction<M, Instant, M> undone, String column) {
        this.versionOf = versionOf;
        this.written = written;
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        this.type = type;
        this.rows = rows;
        this.uuidOf = uuidOf;
        this.undone = undone;
        this.noun = type.name().toLowerCase(Locale.ROOT);
        String json = dialect.json();
        if (type != RecordType.LEAD) {
            // a lead refers to no other lead; a merged-away lead's row stays as its lead merge left it (the in-memory
            // store keeps it only in the merge record), so that merge can put it back exactly
            versioned.put(Repointed.Kind.LEAD, versioned("lead", column, " AND " + JdbcLeads.LISTED, true));
        }
        versioned.put(Repointed.Kind.TASK, versioned("task", "related_id", " AND related_type = '" + type.name()
                + "'", false));
        versioned.put(Repointed.Kind.DEAL, versioned("deal", column, "", true));
        if (type == RecordType.CONTACT) {
            // crm-service's records of a customer
            versioned.put(Repointed.Kind.EQUIPMENT, versioned("service_equipment", "customer_id", "", false));
            versioned.put(Repointed.Kind.SERVICE_PLAN, versioned("service_plan", "customer_id", "", false));
            versioned.put(Repointed.Kind.SERVICE_REQUEST, versioned("service_request", "customer_id", "", false));
            versioned.put(Repointed.Kind.VISIT, versioned("service_visit", "customer_id", "", false));
            versioned.put(Repointed.Kind.COMMITMENT, versioned("service_commitment", "customer_id", "", false));
        }
        selectActivities = jdbc.sql("SELECT id, about FROM {activity} WHERE id IN (SELECT activity_id FROM "
                + "{activity_about} WHERE record_type = ? AND record_id = ?) ORDER BY id");
        selectActivity = jdbc.sql("SELECT id, about FROM {activity} WHERE id = ?");
        updateAbout = jdbc.sql("UPDATE {activity} SET about = " + json + " WHERE id = ?");
        moveAboutRow = jdbc.sql("UPDATE {activity_about} SET record_id = ? WHERE record_type = ? AND record_id = ? "
                + "AND activity_id = ?");
        parkAboutRow = jdbc.sql("UPDATE {activity_about} SET record_type = ? WHERE record_type = ? AND record_id = ? "
                + "AND activity_id = ?");
        String alias = "{" + noun + "_alias}";
        selectAlias = jdbc.sql("SELECT survivor_id FROM " + alias + " WHERE merged_id = ?");
        selectAliases = jdbc.sql("SELECT merged_id FROM " + alias + " WHERE survivor_id = ? ORDER BY merged_id");
        moveAlias = jdbc.sql("UPDATE " + alias + " SET survivor_id = ? WHERE merged_id = ?");
        insertAlias = jdbc.sql("INSERT INTO " + alias + " (merged_id, survivor_id, merge_id) VALUES (?, ?, ?)");
        deleteAlias = jdbc.sql("DELETE FROM " + alias + " WHERE merged_id = ?");
        String merges = "{" + noun + "_merge}";
        insertMerge = jdbc.sql("INSERT INTO " + merges + " (id, survivor_id, survivor_version_after, activity_id, "
                + "repointed, merged_at, undone_at) VALUES (?, ?, ?, ?, " + json + ", ?, ?)");
        selectMerge = jdbc.sql("SELECT * FROM " + merges + " WHERE id = ?");
        markUndone = jdbc.sql("UPDATE " + merges + " SET undone_at = ? WHERE id = ?");
        for (RecordType kind : List.of(RecordType.CONTACT, RecordType.COMPANY, RecordType.LEAD)) {
            String table = "{" + kind.name().toLowerCase(Locale.ROOT) + "_merge}";
            stepMerges.put(kind, new String[] {
                    jdbc.sql("SELECT id, survivor_id, survivor_version_after, repointed FROM " + table
                            + " WHERE undone_at IS NULL ORDER BY id"),
                    jdbc.sql("UPDATE " + table + " SET survivor_version_after = ?, repointed = " + json
                            + " WHERE id = ?"),
                    jdbc.sql("SELECT survivor_version_after, repointed FROM " + table
                            + " WHERE id = ? AND undone_at IS NULL FOR UPDATE")});
        }
    }

    /**
     * @param changedAt whether the table's rows have a time of the last change ({@code updated_at}), which a put-back
     *                  sets to the undo's instant or keeps where later (a merge's re-pointing leaves it: it changes
     *                  nothing of the record)
     */
    private Versioned versioned(String table, String column, String filter, boolean changedAt) {
        String t = "{" + table + "}";
        return new Versioned(
                jdbc.sql("SELECT id, version FROM " + t + " WHERE " + column + " = ?" + filter + " ORDER BY id"),
                jdbc.sql("UPDATE " + t + " SET " + column + " = ?, version = version + 1 WHERE id = ? AND version = ?"),
                jdbc.sql("SELECT version FROM " + t + " WHERE id = ?"),
                jdbc.sql("UPDATE " + t + " SET " + column + " = ?, version = ?"
                        + (changedAt ? ", " + CHANGED_AT_UNDO : "") + " WHERE id = ? AND version = ?"), changedAt);
    }

    /** A record's id value. */
    abstract UUID uuid(R record);

    /** Writes a snapshot of a record as number {@code no} of a merge. */
    @FunctionalInterface
    interface SnapshotWriter<R> {
        void write(Connection c, UUID merge, int no, R record) throws SQLException;
    }

    /** Stores the snapshots of a merge's records: the survivor as number 0, the merged-away ones as 1, 2, ... */
    final void snapshotRecords(Connection c, M merge, SnapshotWriter<R> writer) throws SQLException {
        UUID id = merge.id().value();
        writer.write(c, id, 0, merge.survivorBefore());
        for (int i = 0; i < merge.mergedAway().size(); i++) {
            writer.write(c, id, i + 1, merge.mergedAway().get(i));
        }
    }

    /** Stores the snapshots of a new merge record. */
    abstract void saveSnapshots(Connection c, M merge) throws SQLException;

    /** The merge record from its row's values and its snapshots. */
    abstract M read(Connection c, MergeId id, long survivorVersionAfter, ActivityId activityId,
                    List<Repointed> repointed, Instant mergedAt, Optional<Instant> undoneAt) throws SQLException;

    /** What the subclass re-points before the tables (a company merge: the affiliated contacts). */
    List<Repointed> retireFirst(Connection c, R merged, UUID to) throws SQLException {
        return List.of();
    }

    /**
     * What the subclass puts back after the re-pointed records (a company merge: the affiliated contacts), changed at
     * the undo's instant {@code at}.
     */
    void undoLast(Connection c, M merge, Instant at) throws SQLException {
    }

    /** The version of a re-pointed record of a kind only the subclass knows, if it is stored. */
    Optional<Long> versionOfOther(Connection c, Repointed r) throws SQLException {
        return Optional.of(0L);
    }

    @Override
    public final List<Repointed> retire(R merged, I survivor, MergeId merge) {
        Objects.requireNonNull(merge, "merge");
        return jdbc.tx.write(c -> {
            UUID from = uuid(merged);
            UUID to = uuidOf.apply(survivor);
            List<Repointed> out = new ArrayList<>(retireFirst(c, merged, to));
            for (Map.Entry<Repointed.Kind, Versioned> e : versioned.entrySet()) {
                Versioned v = e.getValue();
                for (long[] row : idsAndVersions(c, v.select(), from)) {
                    UUID id = new UUID(row[0], row[1]);
                    if (jdbc.update(c, v.repoint(), to, id, row[2]) == 0) {
                        throw new StaleVersionException(e.getKey().name().toLowerCase(Locale.ROOT), id.toString(),
                                row[2]);
                    }
                    out.add(Repointed.of(e.getKey(), id, from, to, row[2] + 1));
                }
            }
            RecordRef gone = ref(from);
            RecordRef kept = ref(to);
            for (Map.Entry<UUID, List<String>> a : activities(c, selectActivities, type.name(), from).entrySet()) {
                Set<String> about = new LinkedHashSet<>();
                a.getValue().forEach(r -> about.add(r.equals(gone.toString()) ? kept.toString() : r));
                jdbc.update(c, updateAbout, jdbc.json.strings(List.copyOf(about)), a.getKey());
                if (a.getValue().contains(kept.toString())) {
                    jdbc.update(c, parkAboutRow, PARKED, type.name(), from, a.getKey());
                } else {
                    jdbc.update(c, moveAboutRow, to, type.name(), from, a.getKey());
                }
                out.add(new Repointed(Repointed.Kind.ACTIVITY, a.getKey(), from, to, 0, a.getValue()));
            }
            for (UUID earlier : jdbc.list(c, selectAliases, rs -> dialect.getUuid(rs, "merged_id"), from)) {
                jdbc.update(c, moveAlias, to, earlier);
                out.add(Repointed.of(Repointed.Kind.ALIAS, earlier, from, to, 0));
            }
            rows.retire(c, merged);
            jdbc.update(c, insertAlias, from, to, merge.value());
            return out;
        });
    }

    /** Each row as {most significant bits, least significant bits, version}. */
    private List<long[]> idsAndVersions(Connection c, String sql, UUID record) throws SQLException {
        return jdbc.list(c, sql, rs -> {
            UUID id = dialect.getUuid(rs, "id");
            return new long[] {id.getMostSignificantBits(), id.getLeastSignificantBits(), rs.getLong("version")};
        }, record);
    }

    private Map<UUID, List<String>> activities(Connection c, String sql, Object... params) throws SQLException {
        Map<UUID, List<String>> out = new LinkedHashMap<>();
        for (Object[] row : jdbc.list(c, sql, rs -> new Object[] {dialect.getUuid(rs, "id"),
                jdbc.json.strings(dialect.getJson(rs, "about"))}, params)) {
            @SuppressWarnings("unchecked")
            List<String> about = (List<String>) row[1];
            out.put((UUID) row[0], about);
        }
        return out;
    }

    /** The survivor a merged-away id resolves to, if it is one. */
    final Optional<UUID> aliasOf(Connection c, UUID id) throws SQLException {
        return jdbc.one(c, selectAlias, rs -> dialect.getUuid(rs, "survivor_id"), id);
    }

    @Override
    public final void save(M merge) {
        jdbc.tx.write(c -> {
            jdbc.update(c, insertMerge, merge.id().value(), uuidOf.apply(merge.survivor()),
                    merge.survivorVersionAfter(), merge.activityId().value(), jdbc.json.write(merge.repointed()),
                    merge.mergedAt(), merge.undoneAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT));
            saveSnapshots(c, merge);
            return null;
        });
    }

    @Override
    public final Optional<M> find(MergeId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> {
            Optional<Object[]> row = jdbc.one(c, selectMerge, rs -> new Object[] {
                    rs.getLong("survivor_version_after"), dialect.getUuid(rs, "activity_id"),
                    dialect.getJson(rs, "repointed"), dialect.getInstant(rs, "merged_at"),
                    dialect.getInstant(rs, "undone_at")}, id.value());
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = row.get();
            return Optional.of(read(c, id, (Long) r[0], new ActivityId((UUID) r[1]),
                    jdbc.json.read((String) r[2], REPOINTED), (Instant) r[3], Optional.ofNullable((Instant) r[4])));
        });
    }

    @Override
    public final List<String> conflicts(M merge) {
        return jdbc.tx.read(c -> {
            List<String> out = new ArrayList<>();
            for (R gone : merge.mergedAway()) {
                rows.reinstateConflict(c, gone).ifPresent(out::add);
            }
            for (Repointed r : Repointed.lastOfEach(merge.repointed())) {
                (r.kind() == Repointed.Kind.ALIAS ? r.aliasConflict(noun, aliasOf(c, r.id()))
                        : r.versionConflict(versionOf(c, r))).ifPresent(out::add);
            }
            return out;
        });
    }

    private Optional<Long> versionOf(Connection c, Repointed r) throws SQLException {
        if (r.kind() == Repointed.Kind.ACTIVITY) {
            return activities(c, selectActivity, r.id()).isEmpty() ? Optional.empty() : Optional.of(0L);
        }
        if (versioned.containsKey(r.kind())) {
            return jdbc.one(c, versioned.get(r.kind()).version(), rs -> rs.getLong(1), r.id());
        }
        return versionOfOther(c, r);
    }

    @Override
    public final M undo(M merge, Instant at) {
        return jdbc.tx.write(c -> {
            // every record written back a version up, never back, and changed at the undo's instant (UndoSteps)
            rows.restore(c, written.at(merge.survivorBefore(), UndoSteps.survivorVersion(merge), at),
                    merge.survivorVersionAfter());
            for (R gone : merge.mergedAway()) {
                jdbc.update(c, deleteAlias, uuid(gone));
                rows.reinstate(c, gone, at);
            }
            List<Repointed> backwards = new ArrayList<>(merge.repointed());
            Collections.reverse(backwards);
            for (Repointed r : backwards) {
                putBack(c, r, at);
            }
            undoLast(c, merge, at);
            jdbc.update(c, markUndone, at, merge.id().value());
            stepMergesInForce(c, UndoSteps.of(merge, type, uuidOf, versionOf));
            return undone.apply(merge, at);
        });
    }

    /**
     * Every merge record in force, of any kind, takes the versions the undo wrote for the records it had recorded at
     * their version right before the undone merge ({@link UndoSteps}): undoing a chain newest-first works. A scan of
     * the merges in force (unmerges are rare; the re-pointed records are JSON no index reaches) finds the candidates;
     * each is read again under its row lock, in id order, and stepped from what is committed then: another unmerge or
     * an erasure stepping the same merge record concurrently is not overwritten with what it had before.
     */
    private void stepMergesInForce(Connection c, UndoSteps steps) throws SQLException {
        for (Map.Entry<RecordType, String[]> kind : stepMerges.entrySet()) {
            RecordType merged = kind.getKey();
            String[] sql = kind.getValue();
            for (InForce scanned : jdbc.list(c, sql[0], rs -> new InForce(dialect.getUuid(rs, "id"),
                    dialect.getUuid(rs, "survivor_id"), rs.getLong("survivor_version_after"),
                    dialect.getJson(rs, "repointed")))) {
                if (stepped(scanned, steps, merged) == null) {
                    continue;
                }
                Optional<InForce> now = jdbc.one(c, sql[2], rs -> new InForce(scanned.id(), scanned.survivor(),
                        rs.getLong("survivor_version_after"), dialect.getJson(rs, "repointed")), scanned.id());
                InForce stepped = now.isEmpty() ? null : stepped(now.get(), steps, merged);
                if (stepped != null) {
                    jdbc.update(c, sql[1], stepped.survivorVersion(), stepped.repointed(), scanned.id());
                }
            }
        }
    }

    /**
     * A merge record in force as {@link #stepMergesInForce} reads and rewrites it.
     *
     * @param id              the merge's id
     * @param survivor        its survivor's id
     * @param survivorVersion the survivor's version it recorded
     * @param repointed       its re-pointed records, as stored (JSON)
     */
    private record InForce(UUID id, UUID survivor, long survivorVersion, String repointed) {
    }

    /** How {@code merge}, of {@code kind}, records its versions after the steps; null when they change neither. */
    private InForce stepped(InForce merge, UndoSteps steps, RecordType kind) {
        List<Repointed> repointed = jdbc.json.read(merge.repointed(), REPOINTED);
        List<Repointed> stepped = steps.repointed(repointed);
        long survivor = steps.survivorVersionAfter(kind, merge.survivor(), merge.survivorVersion());
        return survivor == merge.survivorVersion() && stepped == repointed ? null
                : new InForce(merge.id(), merge.survivor(), survivor, jdbc.json.write(stepped));
    }

    private void putBack(Connection c, Repointed r, Instant at) throws SQLException {
        if (r.kind() == Repointed.Kind.ALIAS) {
            jdbc.update(c, moveAlias, r.from(), r.id());
        } else if (r.kind() == Repointed.Kind.ACTIVITY) {
            jdbc.update(c, updateAbout, jdbc.json.strings(r.refsBefore()), r.id());
            if (r.refsBefore().contains(ref(r.to()).toString())) {
                jdbc.update(c, parkAboutRow, type.name(), PARKED, r.from(), r.id());
            } else {
                jdbc.update(c, moveAboutRow, r.from(), type.name(), r.to(), r.id());
            }
        } else if (versioned.containsKey(r.kind()) && putBack(c, versioned.get(r.kind()), r, at) == 0) {
            throw new StaleVersionException(r.kind().name().toLowerCase(Locale.ROOT), r.id().toString(),
                    r.versionAfter());
        }
    }

    private int putBack(Connection c, Versioned table, Repointed r, Instant at) throws SQLException {
        return table.changedAt()
                ? jdbc.update(c, table.putBack(), r.from(), UndoSteps.putBackVersion(r), at, r.id(), r.versionAfter())
                : jdbc.update(c, table.putBack(), r.from(), UndoSteps.putBackVersion(r), r.id(), r.versionAfter());
    }

    /** A timeline reference to a record of the kind. */
    final RecordRef ref(UUID id) {
        return new RecordRef(type, id);
    }

    /**
     * The archive of the merge records, keyed by merge id. Restoring a merge in force also writes what the merge left
     * behind that no other archive holds: the rows of its merged-away records ({@link Rows#retired}) and the parked
     * timeline rows of entries about a merged-away record and its survivor, so unmerge works.
     */
    final Archive<M> archive() {
        String park = jdbc.sql("INSERT INTO {activity_about} (record_type, record_id, occurred_at, activity_id, "
                + "activity_type, visibility, owner_id) SELECT ?, ?, occurred_at, id, activity_type, visibility, "
                + "owner_id FROM {activity} WHERE id = ?");
        JdbcArchive<MergeId> ids = new JdbcArchive<>(jdbc, noun + " merge", noun + "_merge", "id",
                rs -> new MergeId(dialect.getUuid(rs, "id")), MergeId::toString, (c, m) -> {
                    throw new IllegalStateException("merge ids are restored with their merge");
                });
        return new Archive<>() {
            @Override
            public List<M> after(Optional<String> after, int limit) {
                return jdbc.tx.read(c -> ids.after(after, limit).stream().map(id -> find(id).orElseThrow()).toList());
            }

            @Override
            public String key(M record) {
                return record.id().toString();
            }

            @Override
            public boolean contains(String key) {
                return ids.contains(key);
            }

            @Override
            public void restore(M merge) {
                jdbc.tx.write(c -> {
                    if (ids.contains(key(merge))) {
                        throw new IllegalArgumentException(noun + " merge " + merge.id() + " is already stored");
                    }
                    save(merge);
                    if (merge.undoneAt().isEmpty()) {
                        for (R gone : merge.mergedAway()) {
                            rows.retired(c, gone);
                        }
                        for (Repointed r : merge.repointed()) {
                            if (r.kind() == Repointed.Kind.ACTIVITY
                                    && r.refsBefore().contains(ref(r.to()).toString())) {
                                jdbc.update(c, park, PARKED, r.from(), r.id());
                            }
                        }
                    }
                    return null;
                });
            }
        };
    }

    /** An alias record of the kind from its merged-away id, its survivor and the merge in force. */
    @FunctionalInterface
    interface AliasOf<A> {
        A of(UUID merged, UUID survivor, MergeId merge);
    }

    /**
     * The archive of the aliases of merged-away records, keyed by the merged-away id.
     *
     * @param aliasOf  an alias record
     * @param merged   its merged-away id
     * @param survivor the survivor it resolves to
     * @param merge    the merge that merged it away
     */
    final <A> JdbcArchive<A> aliasArchive(AliasOf<A> aliasOf, Function<A, UUID> merged, Function<A, UUID> survivor,
                                          Function<A, MergeId> merge) {
        return new JdbcArchive<>(jdbc, noun + " alias", noun + "_alias", "merged_id",
                rs -> aliasOf.of(dialect.getUuid(rs, "merged_id"), dialect.getUuid(rs, "survivor_id"),
                        new MergeId(dialect.getUuid(rs, "merge_id"))),
                a -> merged.apply(a).toString(), (c, a) -> jdbc.update(c, insertAlias, merged.apply(a),
                        survivor.apply(a), merge.apply(a).value()));
    }
}
