package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.kit.archive.DefaultPipeline;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Pipelines;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Pipeline definitions in memory, unique by name, with every revision kept. Thread-safe. */
final class InMemoryPipelines implements Pipelines {

    private static final String NAME = "name";

    private final InMemoryTransactions tx;
    private final Table<PipelineId, Pipeline> table;
    private final Map<Revision, Pipeline> revisions = new HashMap<>(); // guarded by the store's lock
    private PipelineId defaultId; // guarded by the store's lock

    private record Revision(PipelineId id, long version) {
    }

    InMemoryPipelines(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<PipelineId, Pipeline>("pipeline", tx, Pipeline::id, Pipeline::version,
                Pipeline::atVersion, Pipeline::createdAt)
                .unique(NAME, p -> List.of(key(p.name())));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Pipeline insert(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        return tx.inTransaction(() -> remember(table.insert(pipeline)));
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        return tx.inTransaction(() -> remember(table.update(pipeline)));
    }

    private Pipeline remember(Pipeline stored) {
        Revision at = new Revision(stored.id(), stored.version());
        revisions.put(at, stored);
        tx.onRollback(() -> revisions.remove(at));
        return stored;
    }

    @Override
    public Optional<Pipeline> findById(PipelineId id) {
        return table.get(id);
    }

    @Override
    public Optional<Pipeline> findByName(String name) {
        return table.byUnique(NAME, key(Objects.requireNonNull(name, "name")));
    }

    @Override
    public Optional<Pipeline> findRevision(PipelineId id, long version) {
        Objects.requireNonNull(id, "id");
        return tx.read(() -> Optional.ofNullable(revisions.get(new Revision(id, version))));
    }

    @Override
    public Page<Pipeline> findAll(PageRequest page) {
        return table.page(Objects.requireNonNull(page, "page"));
    }

    @Override
    public void setDefault(PipelineId id) {
        Objects.requireNonNull(id, "id");
        tx.inTransaction(() -> {
            if (table.get(id).isEmpty()) {
                throw new NoSuchElementException("there is no pipeline " + id);
            }
            PipelineId before = defaultId;
            defaultId = id;
            tx.onRollback(() -> defaultId = before);
            return null;
        });
    }

    @Override
    public Optional<PipelineId> findDefault() {
        return tx.read(() -> Optional.ofNullable(defaultId));
    }

    /** The archive of every revision, keyed {@code <id>/<version padded to 19 digits>}: export and restore only. */
    MemoryArchive<Pipeline> archive() {
        return new MemoryArchive<>(tx, "pipeline revision", (after, limit) -> KeyOrder.after(revisions.values(),
                InMemoryPipelines::revisionKey, after, limit), InMemoryPipelines::revisionKey,
                k -> revisions.containsKey(revisionOf(k)), this::restoreRevision);
    }

    /** The archive of the default pipeline marker, one record at most: export and restore only. */
    MemoryArchive<DefaultPipeline> defaultArchive() {
        return new MemoryArchive<>(tx, "default pipeline", (after, limit) -> defaultId == null || after.isPresent()
                ? List.of() : List.of(new DefaultPipeline(defaultId)), d -> DefaultPipeline.KEY,
                k -> k.equals(DefaultPipeline.KEY) && defaultId != null, d -> setDefault(d.pipeline()));
    }

    /** The archive key of a revision. */
    static String revisionKey(Pipeline p) {
        return p.id() + "/" + String.format(Locale.ROOT, "%019d", p.version());
    }

    private static Revision revisionOf(String key) {
        int cut = key.indexOf('/');
        if (cut < 0) {
            throw new IllegalArgumentException("not a pipeline revision key: " + key);
        }
        return new Revision(new PipelineId(UUID.fromString(key.substring(0, cut))),
                Long.parseLong(key.substring(cut + 1)));
    }

    private void restoreRevision(Pipeline revision) {
        Optional<Pipeline> current = table.get(revision.id());
        if (current.isEmpty() || current.get().version() < revision.version()) {
            table.putAsIs(revision);
        }
        remember(revision);
    }
}
