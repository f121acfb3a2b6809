package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.kit.CrmkitStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Migrates the exported files of another CRM into a crmkit store through a {@link MigrationMapping}: companies,
 * contacts, deals, activities and tasks, in that order, each row in its own unit of work with the
 * {@link ExternalId} of its source id, so that a bad row is rejected (with every reason) while the good ones go in,
 * and a second run skips what the first brought in. References between files resolve through the external ids.
 *
 * <p>A dry run does the same work in one unit of work that it rolls back at the end: its report says exactly what a
 * run would create, merge, skip and reject, and the store is left as it was. Records are written through the store's
 * ports at their source times; no domain events are published (a migration brings in history, not new business).
 *
 * <p>Thread-safe; runs of one source system should not overlap.
 */
public final class Migration {

    private final CrmkitStore store;
    private final Clock clock;
    private final IdGenerator ids;
    private final dev.crmkit.core.privacy.Suppressions suppressions;

    private Migration(CrmkitStore store, Clock clock, IdGenerator ids,
                      dev.crmkit.core.privacy.Suppressions suppressions) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
    }

    /**
     * A migration into this store, with its clock (times the source does not give) and id generator; it checks no
     * suppression list unless given one ({@link #checking}).
     */
    public static Migration into(CrmkitStore store, Clock clock, IdGenerator ids) {
        return new Migration(store, clock, ids, dev.crmkit.core.privacy.Suppressions.off());
    }

    /**
     * This migration, refusing a contact row of a new person whose e-mail or phone is on the suppression list (an
     * erased person) with the rule {@code suppressed}, as capture does, instead of bringing them back unnoticed.
     */
    public Migration checking(dev.crmkit.core.privacy.Suppressions erased) {
        return new Migration(store, clock, ids, erased);
    }

    /**
     * Checks the mapping against the files and the store, then migrates every row (or, in a dry run, reports what it
     * would do and writes nothing).
     *
     * @throws ValidationException naming each problem of the mapping by its path and rule before any row is read: a
     *                             column missing from its file's header ({@code column}), a custom field the store's
     *                             schema lacks ({@code known-custom-field}), an unknown pipeline
     *                             ({@code known-pipeline})
     * @throws IllegalArgumentException if a file cannot be opened or a row cannot be read (rows before it stay
     *                                  migrated, except in a dry run)
     */
    public MigrationReport run(MigrationMapping mapping, SourceFiles files, boolean dryRun) {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(files, "files");
        Map<SourceType, RecordWriter> writers = new MappingCheck(store, files).writers(mapping);
        Run run = new Run(store, clock, ids, mapping, suppressions);
        if (!dryRun) {
            return migrate(run, files, writers, false);
        }
        try {
            store.transactions().inTransaction(() -> {
                throw new RolledBack(migrate(run, files, writers, true));
            });
        } catch (RolledBack done) {
            return done.report;
        }
        throw new IllegalStateException("unreachable");
    }

    /** Ends a dry run's unit of work, carrying its report out. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient MigrationReport report;

        RolledBack(MigrationReport report) {
            super("dry run", null, false, false);
            this.report = report;
        }
    }

    private MigrationReport migrate(Run run, SourceFiles files, Map<SourceType, RecordWriter> writers,
                                    boolean dryRun) {
        Tally tally = new Tally();
        for (Map.Entry<SourceType, RecordWriter> w : writers.entrySet()) {
            FileMapping file = run.mapping().file(w.getKey()).orElseThrow();
            TimeText times = new TimeText(file);
            Map<String, Long> seen = new HashMap<>();
            try (SourceFiles.SourceFile open = files.open(file.file())) {
                open.rows().forEachRemaining(source -> {
                    Row row = new Row(file, source, times, run.mapping().system(), store.externalIds());
                    tally.add(file, row, migrateRow(run, w.getValue(), row, seen));
                });
            }
        }
        return tally.report(dryRun);
    }

    private Optional<Landing> migrateRow(Run run, RecordWriter writer, Row row, Map<String, Long> seen) {
        if (row.sourceId.isEmpty()) {
            row.problems.add(new Violation("id", "required", "column '" + row.file.idColumn() + "' is empty"));
            return Optional.empty();
        }
        if (row.sourceId.length() > ExternalKey.MAX_SOURCE_ID) {
            row.problems.add(new Violation("id", "max-length", "a source id is at most " + ExternalKey.MAX_SOURCE_ID
                    + " characters, got " + row.sourceId.length()));
            return Optional.empty();
        }
        Long first = seen.putIfAbsent(row.sourceId, row.source.line());
        if (first != null) {
            row.problems.add(new Violation("id", "unique", "source id '" + row.sourceId + "' is on line " + first
                    + " already"));
            return Optional.empty();
        }
        ExternalKey key = new ExternalKey(run.mapping().system(), row.file.type(), row.sourceId);
        try {
            return store.transactions().inTransaction(() -> {
                if (store.externalIds().find(key).isPresent()) {
                    return Optional.of(new Landing(RowOutcome.SKIPPED, store.externalIds().find(key).get()
                            .recordId(), ""));
                }
                Optional<Landing> landing = writer.write(row, run);
                if (landing.isPresent() && !store.externalIds().add(new ExternalId(key, landing.get().recordId(),
                        clock.instant()))) {
                    throw ValidationException.of("id", "unique", "source id '" + row.sourceId + "' was migrated "
                            + "meanwhile by another run");
                }
                return landing;
            });
        } catch (ValidationException e) {
            row.problems.addAll(e.violations());
            return Optional.empty();
        }
    }

    /** Counts what happened to the rows, keeps merges and rejections in file order. */
    private static final class Tally {
        private final Map<SourceType, Map<RowOutcome, Long>> counts = new EnumMap<>(SourceType.class);
        private final List<Merge> merges = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();

        void add(FileMapping file, Row row, Optional<Landing> landing) {
            Map<RowOutcome, Long> perOutcome = counts.computeIfAbsent(file.type(),
                    t -> new EnumMap<>(RowOutcome.class));
            if (landing.isEmpty()) {
                rejections.add(new Rejection(file.type(), file.file(), row.source.line(), row.sourceId,
                        row.problems));
                return;
            }
            perOutcome.merge(landing.get().outcome(), 1L, Long::sum);
            if (landing.get().outcome() == RowOutcome.MERGED) {
                merges.add(new Merge(file.type(), row.source.line(), row.sourceId, landing.get().recordId(),
                        landing.get().matchedBy()));
            }
        }

        MigrationReport report(boolean dryRun) {
            return new MigrationReport(dryRun, counts, merges, rejections);
        }
    }
}
