package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.json.PipelineJson;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.DefaultPipeline;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Pipelines;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pipeline definitions in a relational database. {@code pipeline} holds one row per pipeline with its current
 * version, its name key (the name stripped and in lower case) and, because the key is unbounded text, the key's
 * SHA-256 in {@code name_hash}, which is the unique key that keeps a name to one pipeline across application nodes.
 * {@code pipeline_revision} holds every stored revision, keyed by id and version, with the definition as the JSON of
 * a {@link PipelineJson}; the current pipeline is the revision its row points at. A stored definition is read back
 * with {@link PipelineJson#readStored}, so a revision stays readable after the custom fields its rules name change.
 *
 * <p>A stored revision never changes, so the revisions read are kept in memory by pipeline id and version (at most
 * {@value #CACHED_REVISIONS}; all are dropped when that many are held). The current version is never cached: it is
 * read from the database every time, either with the pipeline ({@link #findById} without a note) or, in a unit of
 * work that read a deal first, with the deal ({@link JdbcDeals#findById} notes the version of the deal's pipeline
 * in the unit, see {@link JdbcTransactions#pipelineVersionsSeen}); so a revision another node published is seen by
 * the next unit that reads it, and a move (deal, then its pipeline) reads its pipeline without a round trip of its
 * own when that revision is cached. A unit that writes a pipeline marks it {@link #WRITTEN}: from then on the unit
 * reads that pipeline from the database and caches none of its rows (they are not committed yet, and the unit may
 * still roll back). When the store joins the host's transactions nothing is cached (a read may see a revision the
 * host's transaction wrote and later rolls back): a move then reads the revision its deal read names, as before.
 * Thread-safe.
 */
final class JdbcPipelines implements Pipelines {

    /** The key of the one row of {@code pipeline_default}. */
    private static final String DEFAULT = "default";

    private static final String NOUN = "pipeline";

    /** How many revisions are cached at most. */
    static final int CACHED_REVISIONS = 1024;

    /** The note of a pipeline the running unit wrote (versions start at 1): read it, cache nothing of it. */
    static final long WRITTEN = -1;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final PipelineJson format;
    private final Jdbc.Versioned rows;
    private final String insertRow;
    private final String updateRow;
    private final String insertRevision;
    private final String selectVersion;
    private final String selectNameOwner;
    private final String selectById;
    private final String selectByName;
    private final String selectRevision;
    private final String selectAll;
    private final String insertDefault;
    private final String updateDefault;
    private final String selectDefault;
    /** Revisions read, by pipeline id and version: stored revisions never change. */
    private final Map<RevisionKey, Pipeline> revisions = new ConcurrentHashMap<>();
    /**
     * The highest committed version of each pipeline this store read (pipeline id to version), a guess of the
     * current one that {@link #findByIdCheckedByDealWrite} may take, checked by the deal write; dropped with the cache.
     */
    private final Map<UUID, Long> latest = new ConcurrentHashMap<>();

    JdbcPipelines(Jdbc jdbc, PipelineJson format) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        this.format = format;
        // json, not jsonb, on PostgreSQL: the definition is kept as written (see V5__pipelines_deals.sql)
        String json = dialect == Dialect.POSTGRESQL ? "CAST(? AS json)" : dialect.json();
        String current = "SELECT r.* FROM {pipeline} p JOIN {pipeline_revision} r "
                + "ON r.pipeline_id = p.id AND r.version = p.version WHERE ";
        rows = new Jdbc.Versioned(jdbc, "pipeline", NOUN);
        insertRow = jdbc.sql("INSERT INTO {pipeline} (id, version, name, name_key, name_hash, created_at, "
                + "updated_at) VALUES (?, 1, ?, ?, ?, ?, ?)");
        updateRow = jdbc.sql("UPDATE {pipeline} SET version = version + 1, name = ?, name_key = ?, name_hash = ?, "
                + "created_at = ?, updated_at = ? WHERE id = ? AND version = ?");
        insertRevision = jdbc.sql("INSERT INTO {pipeline_revision} (pipeline_id, version, definition, created_at, "
                + "updated_at) VALUES (?, ?, " + json + ", ?, ?)");
        selectVersion = jdbc.sql("SELECT version FROM {pipeline} WHERE id = ?");
        selectNameOwner = jdbc.sql("SELECT id FROM {pipeline} WHERE name_hash = ? AND name_key = ?");
        selectById = jdbc.sql(current + "p.id = ?");
        selectByName = jdbc.sql(current + "p.name_hash = ? AND p.name_key = ?");
        selectRevision = jdbc.sql("SELECT * FROM {pipeline_revision} WHERE pipeline_id = ? AND version = ?");
        selectAll = jdbc.sql(current.replace("SELECT r.*", "SELECT r.*, p.seq") + "1 = 1");
        insertDefault = dialect.insertIgnoring(jdbc.tables.name("pipeline_default"), 1, "name", "pipeline_id");
        updateDefault = jdbc.sql("UPDATE {pipeline_default} SET pipeline_id = ? WHERE name = ?");
        selectDefault = jdbc.sql("SELECT pipeline_id FROM {pipeline_default} WHERE name = ?");
    }

    @Override
    public Pipeline insert(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        rows.checkNew(pipeline.id(), pipeline.version());
        String definition = format.write(pipeline.definition());
        return jdbc.tx.write(c -> {
            UUID id = pipeline.id().value();
            markWritten(id);
            rows.checkNotStored(c, pipeline.id(), id);
            String key = key(pipeline.name());
            checkNameFree(c, key, id);
            Pipeline stored = pipeline.atVersion(1);
            try {
                jdbc.update(c, insertRow, id, stored.name(), key, hash(key), stored.createdAt(), stored.updatedAt());
            } catch (SQLException e) {
                // the id and the name were checked: a duplicate key is the name, stored by another node meanwhile
                if (dialect.isDuplicateKey(e)) {
                    throw nameTaken(key, "another " + NOUN + ", stored concurrently");
                }
                throw e;
            }
            storeRevision(c, stored, definition);
            return stored;
        });
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        String definition = format.write(pipeline.definition());
        return jdbc.tx.write(c -> {
            UUID id = pipeline.id().value();
            markWritten(id);
            // missing and stale come before a taken name, as in every store
            Optional<Long> version = jdbc.one(c, selectVersion, rs -> rs.getLong(1), id);
            if (version.isEmpty()) {
                throw new NoSuchElementException("there is no " + NOUN + " " + pipeline.id());
            }
            if (version.get() != pipeline.version()) {
                throw new StaleVersionException(NOUN, pipeline.id().toString(), pipeline.version());
            }
            String key = key(pipeline.name());
            checkNameFree(c, key, id);
            Object[] values = {pipeline.name(), key, hash(key), pipeline.createdAt(), pipeline.updatedAt(), id,
                    pipeline.version()};
            try {
                rows.update(c, updateRow, values, pipeline.id(), id, pipeline.version());
            } catch (SQLException e) {
                // the id and the name were checked: a duplicate key is the name, stored by another node meanwhile
                if (dialect.isDuplicateKey(e)) {
                    throw nameTaken(key, "another " + NOUN + ", stored concurrently");
                }
                throw e;
            }
            Pipeline stored = pipeline.atVersion(pipeline.version() + 1);
            storeRevision(c, stored, definition);
            return stored;
        });
    }

    private void storeRevision(Connection c, Pipeline stored, String definition) throws SQLException {
        jdbc.update(c, insertRevision, stored.id().value(), stored.version(), definition, stored.createdAt(),
                stored.updatedAt());
    }

    /** Refuses a name that another pipeline holds, as the unique rule on {@code name}. */
    private void checkNameFree(Connection c, String key, UUID id) throws SQLException {
        Optional<UUID> owner = jdbc.one(c, selectNameOwner, rs -> dialect.getUuid(rs, "id"), hash(key), key);
        if (owner.isPresent() && !owner.get().equals(id)) {
            throw nameTaken(key, NOUN + " " + owner.get());
        }
    }

    private static ValidationException nameTaken(String key, String owner) {
        return ValidationException.of("name", "unique", key + " already belongs to " + owner);
    }

    @Override
    public Optional<Pipeline> findById(PipelineId id) {
        Objects.requireNonNull(id, "id");
        Map<UUID, Long> seen = jdbc.tx.pipelineVersionsSeen();
        Long noted = seen == null ? null : seen.get(id.value());
        if (noted != null && noted != WRITTEN) {
            // the unit read this pipeline's current version with a deal: that revision, from the cache if held
            if (!jdbc.tx.joinsHost()) {
                latest.merge(id.value(), noted, Math::max);
            }
            return findRevision(id, noted);
        }
        return jdbc.tx.read(c -> jdbc.one(c, selectById, this::remember, id.value()));
    }

    /**
     * On PostgreSQL in a unit that owns its transaction, the cached revision of the highest version of the pipeline
     * this store has read, without a round trip, noted in the unit ({@link JdbcTransactions#pipelineVersionsAssumed})
     * so that its deal write checks that the pipeline is still at that version (see
     * {@link JdbcDeals#updateWithHistoryLast}); otherwise, or when this store has not read the pipeline yet or the unit
     * already read or wrote it, {@link #findById}.
     */
    @Override
    public Optional<Pipeline> findByIdCheckedByDealWrite(PipelineId id) {
        Objects.requireNonNull(id, "id");
        Map<UUID, Long> assumed = jdbc.tx.pipelineVersionsAssumed();
        Map<UUID, Long> seen = jdbc.tx.pipelineVersionsSeen();
        Long version = latest.get(id.value());
        Pipeline cached = version == null ? null : revisions.get(new RevisionKey(id.value(), version));
        if (assumed == null || cached == null || seen.containsKey(id.value())) {
            return findById(id);
        }
        assumed.put(id.value(), version);
        seen.put(id.value(), version); // the unit's later reads of the pipeline take the same revision
        return Optional.of(cached);
    }

    @Override
    public Optional<Pipeline> findByName(String name) {
        String key = key(Objects.requireNonNull(name, "name"));
        return jdbc.tx.read(c -> jdbc.one(c, selectByName, this::remember, hash(key), key));
    }

    @Override
    public Optional<Pipeline> findRevision(PipelineId id, long version) {
        Objects.requireNonNull(id, "id");
        Pipeline cached = revisions.get(new RevisionKey(id.value(), version));
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.tx.read(c -> jdbc.one(c, selectRevision, this::remember, id.value(), version));
    }

    /** A revision read from its row, kept in the cache unless the running unit wrote its pipeline. */
    private Pipeline remember(ResultSet rs) throws SQLException {
        Pipeline revision = map(rs);
        Map<UUID, Long> seen = jdbc.tx.pipelineVersionsSeen();
        if (jdbc.tx.joinsHost() || seen != null && Long.valueOf(WRITTEN).equals(seen.get(revision.id().value()))) {
            return revision;
        }
        if (revisions.size() >= CACHED_REVISIONS) {
            revisions.clear();
            latest.clear();
        }
        revisions.put(new RevisionKey(revision.id().value(), revision.version()), revision);
        latest.merge(revision.id().value(), revision.version(), Math::max);
        return revision;
    }

    /** Notes in the running unit that it is about to write this pipeline (see {@link #WRITTEN}). */
    private void markWritten(UUID id) {
        Map<UUID, Long> seen = jdbc.tx.pipelineVersionsSeen();
        if (seen != null) {
            seen.put(id, WRITTEN);
        }
    }

    /** The key of a cached revision. */
    private record RevisionKey(UUID id, long version) {
    }

    @Override
    public void setDefault(PipelineId id) {
        Objects.requireNonNull(id, "id");
        jdbc.tx.write(c -> {
            if (jdbc.one(c, selectVersion, rs -> rs.getLong(1), id.value()).isEmpty()) {
                throw new NoSuchElementException("there is no " + NOUN + " " + id);
            }
            if (!jdbc.insertIgnoring(c, insertDefault, DEFAULT, id.value())) {
                jdbc.update(c, updateDefault, id.value(), DEFAULT);
            }
            return null;
        });
    }

    @Override
    public Optional<PipelineId> findDefault() {
        return jdbc.tx.read(c -> jdbc.one(c, selectDefault, rs -> new PipelineId(dialect.getUuid(rs, "pipeline_id")),
                DEFAULT));
    }

    @Override
    public Page<Pipeline> findAll(PageRequest page) {
        Objects.requireNonNull(page, "page");
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, selectAll, "p.created_at", "p.seq", false, page, this::map,
                Pipeline::createdAt));
    }

    private Pipeline map(ResultSet rs) throws SQLException {
        return new Pipeline(
                new PipelineId(dialect.getUuid(rs, "pipeline_id")),
                rs.getLong("version"),
                format.readStored(dialect.getJson(rs, "definition")),
                dialect.getInstant(rs, "created_at"),
                dialect.getInstant(rs, "updated_at"));
    }

    /** The name as pipelines are told apart: without surrounding white space, in lower case. */
    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The SHA-256 of a name key as 64 lower-case hex digits: a bounded, indexable stand-in for the key. */
    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The archive of every revision, keyed {@code <pipeline id>/<version padded to 19 digits>}: export and restore
     * only. Restoring the revisions in key order rebuilds the pipeline row at its last revision.
     */
    Archive<Pipeline> archive() {
        String page = "SELECT * FROM {pipeline_revision} ";
        String order = " ORDER BY pipeline_id, version LIMIT ";
        String first = jdbc.sql(page + "WHERE 1 = 1" + order);
        String next = jdbc.sql(page + "WHERE pipeline_id > ? OR (pipeline_id = ? AND version > ?)" + order);
        String restoreRow = jdbc.sql("INSERT INTO {pipeline} (id, version, name, name_key, name_hash, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        String moveRow = jdbc.sql("UPDATE {pipeline} SET version = ?, name = ?, name_key = ?, name_hash = ?, "
                + "created_at = ?, updated_at = ? WHERE id = ?");
        return new Archive<>() {
            @Override
            public List<Pipeline> after(Optional<String> after, int limit) {
                Archive.checkLimit(limit);
                if (after.isEmpty()) {
                    return jdbc.tx.read(c -> jdbc.list(c, first + limit, JdbcPipelines.this::map));
                }
                Revision at = Revision.parse(after.get());
                return jdbc.tx.read(c -> jdbc.list(c, next + limit, JdbcPipelines.this::map, at.id(), at.id(),
                        at.version()));
            }

            @Override
            public String key(Pipeline revision) {
                return Revision.key(revision);
            }

            @Override
            public boolean contains(String key) {
                Revision at = Revision.parse(key);
                return jdbc.tx.read(c -> jdbc.one(c, selectRevision, rs -> 1, at.id(), at.version()).isPresent());
            }

            @Override
            public void restore(Pipeline revision) {
                String definition = format.write(revision.definition());
                jdbc.tx.write(c -> {
                    UUID id = revision.id().value();
                    markWritten(id);
                    if (jdbc.one(c, selectRevision, rs -> 1, id, revision.version()).isPresent()) {
                        throw new IllegalArgumentException("pipeline revision " + key(revision)
                                + " is already stored");
                    }
                    String key = key(revision.name());
                    checkNameFree(c, key, id);
                    Optional<Long> current = jdbc.one(c, selectVersion, rs -> rs.getLong(1), id);
                    if (current.isEmpty()) {
                        jdbc.update(c, restoreRow, id, revision.version(), revision.name(), key, hash(key),
                                revision.createdAt(), revision.updatedAt());
                    } else if (current.get() < revision.version()) {
                        jdbc.update(c, moveRow, revision.version(), revision.name(), key, hash(key),
                                revision.createdAt(), revision.updatedAt(), id);
                    }
                    storeRevision(c, revision, definition);
                    return null;
                });
            }

            private String key(String name) {
                return JdbcPipelines.key(name);
            }
        };
    }

    /** The archive of the default pipeline marker, one row at most: export and restore only. */
    JdbcArchive<DefaultPipeline> defaultArchive() {
        String name = dialect.binaryText("name");
        return new JdbcArchive<>(jdbc, "default pipeline", "SELECT name, pipeline_id FROM {pipeline_default}",
                name + " > " + dialect.binaryText("?"), name, "name = ?",
                rs -> new DefaultPipeline(new PipelineId(dialect.getUuid(rs, "pipeline_id"))),
                d -> DefaultPipeline.KEY, k -> new Object[]{k}, k -> new Object[]{k},
                (c, d) -> setDefault(d.pipeline()));
    }

    /** A pipeline revision's archive key, {@code <pipeline id>/<version padded to 19 digits>}. */
    private record Revision(UUID id, long version) {

        static String key(Pipeline p) {
            return p.id() + "/" + String.format(Locale.ROOT, "%019d", p.version());
        }

        static Revision parse(String key) {
            int cut = key.indexOf('/');
            try {
                if (cut < 0) {
                    throw new IllegalArgumentException("no '/'");
                }
                return new Revision(UUID.fromString(key.substring(0, cut)), Long.parseLong(key.substring(cut + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a pipeline revision key: '" + key + "'", e);
            }
        }
    }
}
