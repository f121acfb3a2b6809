package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.MergeRecord;
import dev.crmkit.core.merge.RecordMerges;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
 * Merges of one kind of record in memory, whatever the kind: the merge records, and the re-pointing of the versioned
 * tables that refer to the kind by one field ({@link Link}: leads, tasks, deals), of timeline entries and of earlier
 * aliases, found by a scan of their tables (merges are rare; no index is kept for them). A subclass names the kind
 * and adds what only that kind has. Thread-safe through the store's units of work.
 *
 * @param <R> the kind of record merged
 * @param <I> its id
 * @param <M> its merge record
 */
abstract class InMemoryMerges<R, I, M extends MergeRecord<R, I>> implements RecordMerges<R, I, M> {

    /**
     * One versioned table whose rows refer to a merged record by one field.
     *
     * @param kind    what the rows are in a merge record
     * @param table   the rows
     * @param key     a row id from its value
     * @param rowId   a row's id
     * @param value   a row id's value
     * @param refOf   the merged-kind record a row refers to, if any
     * @param pointTo a copy of a row referring to another record
     * @param changed a copy of a row last changed at an instant (the row itself for rows without that time)
     */
    record Link<K, T>(Repointed.Kind kind, Table<K, T> table, Function<UUID, K> key, Function<T, K> rowId,
                      Function<K, UUID> value, Function<T, Optional<UUID>> refOf, BiFunction<T, UUID, T> pointTo,
                      BiFunction<T, Instant, T> changed) {

        /** A link to rows without a time of the last change. */
        Link(Repointed.Kind kind, Table<K, T> table, Function<UUID, K> key, Function<T, K> rowId,
             Function<K, UUID> value, Function<T, Optional<UUID>> refOf, BiFunction<T, UUID, T> pointTo) {
            this(kind, table, key, rowId, value, refOf, pointTo, (row, at) -> row);
        }

        List<Repointed> repoint(UUID from, UUID to) {
            List<Repointed> out = new ArrayList<>();
            List<T> rows = new ArrayList<>(table.scan(t -> refOf.apply(t).equals(Optional.of(from))));
            // the order of their ids' text, the order the JDBC store re-points them in
            rows.sort(Comparator.comparing(t -> value.apply(rowId.apply(t)).toString()));
            for (T row : rows) {
                out.add(Repointed.of(kind, value.apply(rowId.apply(row)), from, to,
                        table.version(table.update(pointTo.apply(row, to)))));
            }
            return out;
        }

        Optional<Long> version(UUID id) {
            return table.get(key.apply(id)).map(table::version);
        }

        /**
         * Points the row back, a version up and changed at the undo's instant (or its own time, where later): an
         * undo never steps a version back, nor a time ({@link UndoSteps}).
         */
        void putBack(Repointed r, Instant at) {
            T now = table.get(key.apply(r.id())).orElseThrow();
            table.restore(table.atVersion(changed.apply(pointTo.apply(now, r.from()), at),
                    UndoSteps.putBackVersion(r)));
        }
    }

    private final InMemoryTransactions tx;
    private final RecordType type;
    private final String noun;
    private final Aliases<I, R> aliases;
    private final Function<UUID, I> idOf;
    private final Function<I, UUID> uuidOf;
    private final Map<Repointed.Kind, Link<?, ?>> links = new EnumMap<>(Repointed.Kind.class);
    private final Table<ActivityId, Activity> activities;
    private final Map<MergeId, M> records = new HashMap<>();
    private final ToLongFunction<R> versionOf;
    private final UndoSteps.Written<R> written;
    private List<InMemoryMerges<?, ?, ?>> all = List.of(this);

    InMemoryMerges(InMemoryTransactions tx, RecordType type, Aliases<I, R> aliases, Function<UUID, I> idOf,
                   Function<I, UUID> uuidOf, ToLongFunction<R> versionOf, UndoSteps.Written<R> written,
                   InMemoryTasks tasks, InMemoryActivities activities) {
        this.versionOf = versionOf;
        this.written = written;
        this.tx = tx;
        this.type = type;
        this.noun = type.name().toLowerCase(Locale.ROOT);
        this.aliases = aliases;
        this.idOf = idOf;
        this.uuidOf = uuidOf;
        this.activities = activities.rows();
        link(new Link<>(Repointed.Kind.TASK, tasks.rows(), TaskId::new, Task::id, TaskId::value,
                t -> t.relatedTo().filter(ref -> ref.type() == type).map(RecordRef::id),
                (t, to) -> t.aboutRecord(new RecordRef(type, to))));
    }

    /** Re-points the rows of the link in every merge; links re-point in the order of their kinds. */
    final void link(Link<?, ?> link) {
        links.put(link.kind(), link);
    }

    /**
     * Makes the merges of every kind in the store see each other's undos: an undo steps the versions other merges in
     * force recorded for the records it writes back ({@link UndoSteps}), whatever their kind.
     */
    static void together(List<InMemoryMerges<?, ?, ?>> kinds) {
        kinds.forEach(k -> k.all = List.copyOf(kinds));
    }

    /** What the subclass re-points before the links (a company merge: the affiliated contacts). */
    List<Repointed> retireFirst(R merged, UUID from, UUID to) {
        return List.of();
    }

    /**
     * What the subclass puts back after the re-pointed records (a company merge: the affiliated contacts), changed at
     * the undo's instant {@code at}.
     */
    void undoLast(M merge, Instant at) {
    }

    /** The version of a re-pointed record of a kind only the subclass knows, if it is stored. */
    Optional<Long> versionOfOther(Repointed r) {
        return Optional.of(0L);
    }

    /** The merged-away record's id. */
    abstract I idOfRecord(R record);

    /** A merge record in force as it records the versions after an undo. */
    abstract M stepped(M merge, UndoSteps steps);

    /** Stores the record exactly as given (version included) in place of the stored one. */
    abstract void restore(R exact);

    @Override
    public final List<Repointed> retire(R merged, I survivor, MergeId merge) {
        Objects.requireNonNull(merge, "merge");
        return tx.inTransaction(() -> {
            I gone = idOfRecord(merged);
            UUID from = uuid(gone);
            UUID to = uuid(survivor);
            List<Repointed> out = new ArrayList<>(retireFirst(merged, from, to));
            for (Link<?, ?> link : links.values()) {
                out.addAll(link.repoint(from, to));
            }
            RecordRef goneRef = new RecordRef(type, from);
            RecordRef kept = new RecordRef(type, to);
            List<Activity> about = new ArrayList<>(activities.scan(a -> a.about().contains(goneRef)));
            about.sort(Comparator.comparing(a -> a.id().value().toString()));
            for (Activity a : about) {
                Set<RecordRef> refs = new LinkedHashSet<>();
                a.about().forEach(r -> refs.add(r.equals(goneRef) ? kept : r));
                activities.restore(a.withAbout(refs));
                out.add(new Repointed(Repointed.Kind.ACTIVITY, a.id().value(), from, to, 0,
                        a.about().stream().map(RecordRef::toString).toList()));
            }
            for (I earlier : aliases.retire(gone, survivor)) {
                out.add(Repointed.of(Repointed.Kind.ALIAS, uuid(earlier), from, to, 0));
            }
            return out;
        });
    }

    private UUID uuid(I id) {
        return uuidOf.apply(id);
    }

    @Override
    public void save(M merge) {
        MapWrites.put(tx, records, merge.id(), merge);
    }

    @Override
    public Optional<M> find(MergeId id) {
        Objects.requireNonNull(id, "id");
        return tx.read(() -> Optional.ofNullable(records.get(id)));
    }

    @Override
    public final List<String> conflicts(M merge) {
        return tx.read(() -> {
            List<String> out = new ArrayList<>();
            for (Repointed r : Repointed.lastOfEach(merge.repointed())) {
                (r.kind() == Repointed.Kind.ALIAS
                        ? r.aliasConflict(noun, aliases.aliasOf(idOf.apply(r.id())).map(uuidOf))
                        : r.versionConflict(versionOf(r))).ifPresent(out::add);
            }
            return out;
        });
    }

    private Optional<Long> versionOf(Repointed r) {
        if (links.containsKey(r.kind())) {
            return links.get(r.kind()).version(r.id());
        }
        if (r.kind() == Repointed.Kind.ACTIVITY) {
            return activities.get(new ActivityId(r.id())).map(a -> 0L);
        }
        return versionOfOther(r);
    }

    @Override
    public final M undo(M merge, Instant at) {
        return tx.inTransaction(() -> {
            // every record written back a version up, never back, and changed at the undo's instant (UndoSteps)
            // at the later of the undo's instant and the stored survivor's (the merge may have changed it since)
            R survivor = merge.survivorBefore();
            restore(written.at(survivor, UndoSteps.survivorVersion(merge), aliases.resolve(idOfRecord(survivor))
                    .map(now -> UndoSteps.changedAt(at, changedAt(now))).orElse(at)));
            merge.mergedAway().forEach(r -> aliases.reinstate(written.at(r,
                    UndoSteps.reinstatedVersion(versionOf.applyAsLong(r)), at), idOfRecord(r)));
            List<Repointed> backwards = new ArrayList<>(merge.repointed());
            Collections.reverse(backwards);
            for (Repointed r : backwards) {
                putBack(r, at);
            }
            undoLast(merge, at);
            M undone = undone(merge, at);
            save(undone);
            stepEveryKind(UndoSteps.of(merge, type, uuidOf, versionOf));
            return undone;
        });
    }

    /**
     * Each merge record in force, of every kind in the store, takes the versions an undo or another write (an
     * erasure) wrote ({@link UndoSteps}); in the running unit of work.
     */
    final void stepEveryKind(UndoSteps steps) {
        all.forEach(kind -> kind.step(steps));
    }

    /** Each merge record in force of this kind takes the versions an undo or an erasure wrote ({@link UndoSteps}). */
    private void step(UndoSteps steps) {
        for (M m : List.copyOf(records.values())) {
            M stepped = m.undoneAt().isEmpty() ? stepped(m, steps) : m;
            if (stepped != m) {
                save(stepped);
            }
        }
    }

    /** The record's time of the last change. */
    abstract Instant changedAt(R record);

    /** A copy of the merge record marked as undone. */
    abstract M undone(M merge, Instant at);

    private void putBack(Repointed r, Instant at) {
        if (links.containsKey(r.kind())) {
            links.get(r.kind()).putBack(r, at);
        } else if (r.kind() == Repointed.Kind.ACTIVITY) {
            Activity a = activities.get(new ActivityId(r.id())).orElseThrow();
            Set<RecordRef> about = new LinkedHashSet<>();
            r.refsBefore().forEach(text -> about.add(RecordRef.parse(text)));
            activities.restore(a.withAbout(about));
        } else if (r.kind() == Repointed.Kind.ALIAS) {
            aliases.alias(idOf.apply(r.id()), idOf.apply(r.from()));
        }
    }

    /** Every merge record, for a person's erasure: a scan. */
    final List<M> all() {
        return tx.read(() -> List.copyOf(records.values()));
    }

    /** The merge records, for the archive. */
    final Map<MergeId, M> records() {
        return records;
    }

    /**
     * The archive of the merge records, keyed by merge id. Restoring a merge in force also makes its merged-away
     * records known as taken out of their table, as the merge left them, so that unmerge can reinstate them.
     */
    final MemoryArchive<M> archive() {
        Function<M, String> key = m -> m.id().toString();
        return new MemoryArchive<>(tx, noun + " merge", (after, limit) -> KeyOrder.after(records.values(), key,
                after, limit), key, k -> records.containsKey(MergeId.parse(k)), m -> {
                    save(m);
                    if (m.undoneAt().isEmpty()) {
                        m.mergedIds().forEach(aliases::takenOut);
                    }
                });
    }

    /** An alias record of the kind from its merged-away id, its survivor and the merge in force. */
    @FunctionalInterface
    interface AliasOf<I, A> {
        A of(I merged, I survivor, MergeId merge);
    }

    /**
     * The archive of the aliases of merged-away records, keyed by the merged-away id.
     *
     * @param aliasOf  an alias record
     * @param merged   its merged-away id
     * @param survivor the survivor it resolves to
     */
    final <A> MemoryArchive<A> aliasArchive(AliasOf<I, A> aliasOf, Function<A, I> merged, Function<A, I> survivor) {
        Function<A, String> key = a -> merged.apply(a).toString();
        return new MemoryArchive<>(tx, noun + " alias", (after, limit) -> KeyOrder.after(aliases.all().entrySet()
                .stream().map(e -> aliasOf.of(e.getKey(), e.getValue(), mergeOf(e.getKey()))).toList(),
                key, after, limit), key, k -> aliases.contains(idOf.apply(UUID.fromString(k))),
                a -> aliases.alias(merged.apply(a), survivor.apply(a)));
    }

    /** The merge in force that merged a record away (an alias's merge). */
    final MergeId mergeOf(I merged) {
        return records.values().stream().filter(m -> m.undoneAt().isEmpty() && m.mergedIds().contains(merged))
                .map(MergeRecord::id).min(Comparator.comparing(MergeId::toString))
                .orElseThrow(() -> new IllegalStateException("no merge in force merged away " + noun + " " + merged));
    }
}
